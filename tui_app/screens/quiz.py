"""The quiz: a question, an answer box or choices, the verdict with its evidence, and a summary."""

from __future__ import annotations

import time

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from quiz_bank.questions import LETTERS
from quiz_bank.results import printable
from quiz_bank.session import Outcome, QuizSession


def summary_screen(session: QuizSession, *, locked: bool) -> Screen[None]:
    """The end of a quiz; a class session's shows the student's own answers and nothing more."""
    if locked:
        from tui_app.screens.classroom import ClassSummaryScreen

        return ClassSummaryScreen(session)
    return SummaryScreen(session)


class QuizScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "leave", "Leave quiz", id="quiz.leave"),
        Binding("ctrl+t", "hint", "Hint", id="quiz.hint"),
        Binding("ctrl+s", "skip", "Skip", id="quiz.skip"),
        Binding("ctrl+r", "override", "I was right", id="quiz.override"),
        Binding("ctrl+n", "next", "Next", id="quiz.next", show=False),
    ]

    def __init__(self, session: QuizSession, title: str = "Quiz") -> None:
        super().__init__()
        self.session = session
        self.quiz_title = title
        self.showing_verdict = False
        self.busy = False
        self.asked_at = time.monotonic()

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="quiz-top"):
            yield Static(id="quiz-progress-label")
            yield ProgressBar(total=max(self.session.total, 1), show_eta=False, id="quiz-progress")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="question")
            yield OptionList(id="choices")
            yield Input(
                placeholder="Type your answer and press Enter", max_length=2000, id="answer"
            )
            yield Static(id="hint")
            yield Static(id="verdict")
            yield Static(id="evidence")
        yield Footer()

    @property
    def locked(self) -> bool:
        return bool(getattr(self.app, "locked", False))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave" and self.locked:
            return False
        if action == "override":
            # Offered after a verdict only, and never on a choice: the grader cannot be wrong.
            question = self._verdict_question()
            return question is not None and not question.choices
        return True

    def _verdict_question(self):  # type: ignore[no-untyped-def]
        outcomes = self.session.outcomes
        return outcomes[-1].question if self.showing_verdict and outcomes else None

    def on_mount(self) -> None:
        self.show_question()
        if self.session.time_limit:
            self.set_interval(1.0, self._progress)

    # -- showing ---------------------------------------------------------------------------

    def _progress(self) -> None:
        s = self.session
        shown = len(s.outcomes) if self.showing_verdict else s.position
        label = (
            f"{self.quiz_title} · question {shown} of {s.total} · "
            f"score {s.score:g} ({s.correct} right of {s.answered} answered)"
        )
        if s.time_limit and not self.showing_verdict and not s.done:
            left = s.time_limit - (time.monotonic() - self.asked_at)
            label += f" · ⏱ {max(0, round(left))} s left" if left > 0 else " · ⏱ time is up"
        self.query_one("#quiz-progress-label", Static).update(Content(label))
        self.query_one("#quiz-progress", ProgressBar).update(progress=len(s.outcomes))

    def show_question(self) -> None:
        session = self.session
        if session.done:
            self.app.switch_screen(summary_screen(session, locked=self.locked))
            return
        question = session.current
        assert question is not None
        self.showing_verdict = False
        self.asked_at = time.monotonic()
        card = session.briefing.card(question.card)
        self.query_one("#question", Static).update(
            Content.assemble((f"{card.title}\n", "dim"), (question.prompt, "bold"))
        )
        for name in ("#hint", "#verdict", "#evidence"):
            self.query_one(name, Static).update("")
        self.query_one("#verdict", Static).set_classes("")
        choices = self.query_one("#choices", OptionList)
        answer = self.query_one("#answer", Input)
        answer.value = ""
        choices.clear_options()
        if question.choices:
            choices.add_options(
                [
                    Option(Content(f"{LETTERS[i]}) {c}"), id=str(i))
                    for i, c in enumerate(question.choices)
                ]
            )
            choices.display = True
            answer.display = False
            choices.highlighted = 0
            choices.focus()
        else:
            choices.display = False
            answer.display = True
            answer.disabled = False
            answer.focus()
        self._progress()
        self.refresh_bindings()

    def show_outcome(self, outcome: Outcome) -> None:
        self.busy = False
        self.showing_verdict = True
        verdict = outcome.verdict
        if outcome.skipped:
            mark, style, css = "→ Skipped", "bold", "skipped"
        elif verdict.correct:
            mark, style, css = "✓ Right", "bold", "right"
        elif verdict.score > 0:
            mark, style, css = f"◐ Partly right ({verdict.score:.0%})", "bold", "partial"
        else:
            mark, style, css = "✗ Not right", "bold", "wrong"
        extra = " (hinted: half credit)" if outcome.hinted and verdict.correct else ""
        panel = self.query_one("#verdict", Static)
        panel.set_classes(css)
        typed = outcome.typed
        if outcome.question.choices and typed in LETTERS:
            typed = f"{typed}) {outcome.question.choices[LETTERS.index(typed)]}"
        typed = f"You answered: {printable(typed)}\n" if typed else ""
        may_override = not (verdict.correct or outcome.skipped or outcome.question.choices)
        requests = self.app.served is not None and self.app.served.overrides_are_requests  # type: ignore[attr-defined]
        override_hint = (
            "; ctrl+r to ask your teacher to count it."
            if requests
            else "; ctrl+r if you were right after all."
        )
        panel.update(
            Content.assemble(
                (mark + extra, style),
                "\n",
                typed,
                verdict.feedback,
                "\nPress Enter for the next question" + (override_hint if may_override else "."),
            )
        )
        fact = self.session.briefing.fact(outcome.question.fact)
        self.query_one("#evidence", Static).update(Content(f"Source: “{fact.evidence}”"))
        self.query_one("#answer", Input).disabled = False
        self._progress()
        self.refresh_bindings()
        if outcome.question.choices:
            self.query_one("#choices", OptionList).focus()
        else:
            self.query_one("#answer", Input).focus()

    # -- answering -------------------------------------------------------------------------

    @on(Input.Submitted, "#answer")
    def submitted(self, event: Input.Submitted) -> None:
        if self.showing_verdict:
            self.action_next()
            return
        if self.busy or not event.value.strip():
            return
        self.busy = True
        event.input.disabled = True
        self.grade(event.value, time.monotonic() - self.asked_at)

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if self.showing_verdict:
            self.action_next()
            return
        if self.busy:
            return
        self.busy = True
        self.grade(LETTERS[int(event.option.id or 0)], time.monotonic() - self.asked_at)

    @work(thread=True, exclusive=True, group="grade")
    def grade(self, typed: str, duration: float) -> None:
        from quiz_bank.store import StoreError

        try:
            outcome = self.session.answer(typed, duration=duration)
        except StoreError as exc:
            self.app.call_from_thread(self.store_failed, str(exc))
            return
        self.app.call_from_thread(self.show_outcome, outcome)

    def store_failed(self, message: str) -> None:
        """The answer could not be saved (disk full, read-only): stop, saying why (exit 2)."""
        self.app.load_error = message  # type: ignore[attr-defined]
        self.app.exit(return_code=2)

    def action_hint(self) -> None:
        if self.showing_verdict or self.session.done:
            return
        self.query_one("#hint", Static).update(
            Content.assemble(
                ("Hint: ", "bold"), self.session.hint(), "  (a hinted answer earns half)"
            )
        )

    def action_skip(self) -> None:
        if self.showing_verdict or self.busy or self.session.done:
            return
        from quiz_bank.store import StoreError

        try:
            outcome = self.session.skip()
        except StoreError as exc:
            self.store_failed(str(exc))
            return
        self.show_outcome(outcome)

    def action_override(self) -> None:
        if not self.showing_verdict:
            return
        question = self._verdict_question()
        if question is not None and question.choices:
            self.notify("A choice is marked exactly: there is nothing to override.")
            return
        served = self.app.served  # type: ignore[attr-defined]
        if served is not None and served.overrides_are_requests:
            self.request_override()
            return
        from quiz_bank.store import StoreError

        try:
            outcome = self.session.override()
        except ValueError:
            self.notify("Only an answer just marked wrong can be overridden.")
            return
        except StoreError as exc:
            self.store_failed(str(exc))
            return
        self.query_one("#verdict", Static).set_classes("right")
        self.query_one("#verdict", Static).update(
            Content.assemble(
                ("✓ Counted as right (your override)", "bold"),
                f"\nThe card says: {outcome.question.answer}. Your teacher can see overrides."
                "\nPress Enter for the next question.",
            )
        )
        self._progress()

    def request_override(self) -> None:
        """A served student's "I was right" goes to the teacher, who accepts or rejects it."""
        last = self.session.outcomes[-1]
        roster = self.app.roster  # type: ignore[attr-defined]
        if last.verdict.correct or last.skipped or last.attempt_id is None or roster is None:
            self.notify("Only an answer just marked wrong can be sent to your teacher.")
            return
        from quiz_bank.store import StoreError

        try:
            roster.request_override(last.attempt_id, self.session.learner, last.question.id)
        except StoreError as exc:
            self.store_failed(str(exc))
            return
        self.query_one("#verdict", Static).update(
            Content.assemble(
                ("⚑ Sent to your teacher", "bold"),
                "\nYour teacher will accept or reject “I was right”; the mark stays as it is"
                " until then.\nPress Enter for the next question.",
            )
        )

    def action_next(self) -> None:
        if self.showing_verdict:
            self.show_question()

    def action_leave(self) -> None:
        if self.locked:
            self.notify("A class quiz cannot be left: answer, or skip with ctrl+s.")
        elif self.session.outcomes:
            self.app.switch_screen(summary_screen(self.session, locked=False))
        else:
            self.app.pop_screen()


class SummaryScreen(Screen[None]):
    """The end of a quiz: the score and the missed facts, each opening its card."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="summary.back")]

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        summary = self.session.summary()
        yield Header()
        head = (
            f"Quiz finished: {summary.correct} right of {summary.answered} answered "
            f"({summary.score:g} points"
            + (f", {summary.skipped} skipped" if summary.skipped else "")
            + f"), {summary.total} questions."
        )
        with VerticalScroll(id="summary"):
            yield Static(Content(head), classes="card-title")
            if summary.missed:
                yield Static(Content("To reread (Enter opens the card):"), classes="heading")
                yield OptionList(
                    *[
                        Option(
                            Content(
                                f"✗ {self.session.briefing.fact(q.fact).statement}"
                                f" — card: {self.session.briefing.card(card).title}"
                            ),
                            id=f"{i}:{card}",
                        )
                        for i, (q, _fact, card) in enumerate(summary.missed)
                    ],
                    id="missed",
                )
            else:
                yield Static(Content("✓ Nothing missed. Well done."), classes="right")
        yield Footer()

    def on_mount(self) -> None:
        for missed in self.query("#missed"):
            missed.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        card = (event.option.id or ":").split(":", 1)[1]
        self.app.open_cards(card)  # type: ignore[attr-defined]
