"""The quiz: a question, an answer box or choices, the verdict with its evidence, and a summary."""

from __future__ import annotations

import time

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from quiz_bank.questions import LETTERS
from quiz_bank.results import printable
from quiz_bank.scoring import WORDS, Standing, describe
from quiz_bank.session import Outcome, QuizSession
from tui_app.screens.base import BriefingScreen
from tui_app.screens.summary import SummaryScreen
from tui_app.widgets.answer_box import AnswerBox
from tui_app.widgets.footer import AppFooter

ANSWER_LIMIT = 2000


def summary_screen(session: QuizSession, *, locked: bool, what: str = "Quiz") -> Screen[None]:
    """The end of a quiz; a class session's shows the student's own answers and nothing more."""
    if locked:
        from tui_app.screens.classroom import ClassSummaryScreen

        return ClassSummaryScreen(session)
    return SummaryScreen(session, what)


def _option(i: int, text: str, mark: str = "  ") -> Content:
    return Content(f"{mark}{LETTERS[i]}) {text}")


class QuizScreen(BriefingScreen[None]):
    BINDINGS = [
        Binding("escape", "leave", "Leave", id="quiz.leave", tooltip="leave (asks once)"),
        Binding("ctrl+t", "hint", "Hint", id="quiz.hint", tooltip="a hinted answer earns half"),
        Binding("ctrl+s", "skip", "Skip", id="quiz.skip"),
        Binding(
            "ctrl+r",
            "override",
            "I was right",
            id="quiz.override",
            tooltip="count a rejected answer (a teacher sees it)",
        ),
        Binding("ctrl+n", "next", "Next", id="quiz.next", show=False),
    ]
    HELP_KEYS = (
        ("Enter", "answer, then the next question"),
        ("a-d / 1-4", "pick an option of a multiple-choice or true/false question"),
    )

    def __init__(
        self, session: QuizSession, title: str = "Quiz", what: str = "Quiz", resumed: bool = False
    ) -> None:
        super().__init__()
        self.session = session
        # A resumed quiz left again before any answer stays resumable.
        self.resumed = resumed
        self.quiz_title = title
        # What the summary calls it: "Quiz finished", "Review finished".
        self.what = what
        self.showing_verdict = False
        self.busy = False
        self.timed_out = False
        self.leave_asked = False
        self.asked_at = time.monotonic()

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="quiz-top"):
            yield Static(id="quiz-progress-label")
            yield ProgressBar(total=max(self.session.total, 1), show_eta=False, id="quiz-progress")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="question")
            yield OptionList(id="choices")
            yield AnswerBox(
                placeholder="Type your answer and press Enter",
                max_length=ANSWER_LIMIT,
                id="answer",
            )
            yield Static(id="hint")
            yield Static(id="verdict")
            yield Static(id="evidence")
        yield AppFooter()

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
            self.set_interval(1.0, self._tick)

    # -- showing ---------------------------------------------------------------------------

    def _progress(self) -> None:
        s = self.session
        shown = len(s.outcomes) if self.showing_verdict else s.position
        label = f"{self.quiz_title} · question {shown} of {s.total} · {s.tally.text()}"
        if s.time_limit and not self.showing_verdict and not s.done:
            left = s.time_limit - (time.monotonic() - self.asked_at)
            label += f" · ⏱ {max(0, round(left))} s left" if left > 0 else " · ⏱ time is up"
        self.query_one("#quiz-progress-label", Static).update(Content(label))
        self.query_one("#quiz-progress", ProgressBar).update(progress=len(s.outcomes))

    def _tick(self) -> None:
        s = self.session
        waiting = s.time_limit and not self.showing_verdict and not self.busy and not s.done
        if waiting and time.monotonic() - self.asked_at >= (s.time_limit or 0):
            self._time_up()
        self._progress()

    def _time_up(self) -> None:
        """Time ran out: the input locks and the question counts as not answered in time."""
        self.timed_out = True
        self.busy = True
        answer = self.query_one("#answer", AnswerBox)
        answer.disabled = True
        self.query_one("#choices", OptionList).disabled = True
        self.grade(answer.value, time.monotonic() - self.asked_at)

    def show_question(self) -> None:
        session = self.session
        if session.done:
            self.app.switch_screen(summary_screen(session, locked=self.locked, what=self.what))
            return
        question = session.current
        assert question is not None
        self.showing_verdict = False
        self.timed_out = False
        self.asked_at = time.monotonic()
        card = self.briefing.card(question.card)
        self.query_one("#question", Static).update(
            Content.assemble((f"{card.title}\n", "dim"), (question.prompt, "bold"))
        )
        for name in ("#hint", "#verdict", "#evidence"):
            self.query_one(name, Static).update("")
        self.query_one("#hint", Static).display = False
        self.query_one("#verdict", Static).set_classes("")
        choices = self.query_one("#choices", OptionList)
        answer = self.query_one("#answer", AnswerBox)
        answer.value = ""
        choices.clear_options()
        choices.disabled = False
        if question.choices:
            choices.add_options(
                [Option(_option(i, c), id=str(i)) for i, c in enumerate(question.choices)]
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

    def _mark_choices(self, outcome: Outcome) -> None:
        """After a pick: the right option marked ✓, a wrong pick ✗."""
        question = outcome.question
        if not question.choices or question.correct_choice is None:
            return
        from quiz_bank.marking import choice_index

        picked = None if outcome.skipped else choice_index(question, outcome.typed)
        choices = self.query_one("#choices", OptionList)
        for i, text in enumerate(question.choices):
            if i == question.correct_choice:
                mark = "✓ "
            elif i == picked:
                mark = "✗ "
            else:
                continue
            choices.replace_option_prompt_at_index(i, _option(i, text, mark))
        choices.highlighted = question.correct_choice

    def show_outcome(self, outcome: Outcome) -> None:
        self.busy = False
        self.showing_verdict = True
        verdict = outcome.verdict
        state = outcome.standing
        panel = self.query_one("#verdict", Static)
        panel.set_classes(WORDS[state].style)
        answered = printable(outcome.answered_text)
        head = describe(
            state, score=verdict.score, hinted=outcome.hinted, overridden=outcome.overridden
        )
        # "I was right" only where the grader can be wrong: not on a picked option.
        may_override = (
            state is not Standing.SKIPPED
            and not verdict.correct
            and not self.timed_out
            and not outcome.question.choices
        )
        requests = self.app.served is not None and self.app.served.overrides_are_requests
        override_hint = (
            "; ctrl+r to ask your teacher to count it."
            if requests
            else "; ctrl+r if you were right after all."
        )
        panel.update(
            Content.assemble(
                (head, "bold"),
                "\n",
                f"You answered: {answered}\n" if answered else "",
                verdict.feedback,
                self._comes_back(outcome),
                "\nPress Enter for the next question" + (override_hint if may_override else "."),
            )
        )
        self._mark_choices(outcome)
        fact = self.briefing.fact(outcome.question.fact)
        self.query_one("#evidence", Static).update(Content(f"Source: “{fact.evidence}”"))
        answer = self.query_one("#answer", AnswerBox)
        answer.disabled = False
        choices = self.query_one("#choices", OptionList)
        choices.disabled = False
        self._progress()
        self.refresh_bindings()
        if outcome.question.choices:
            choices.focus()
        else:
            answer.focus()

    def _comes_back(self, outcome: Outcome) -> str:
        if outcome.due is None:
            return ""
        from quiz_bank.scheduler import comes_back
        from quiz_bank.store import utcnow

        return f"\nThis question comes back {comes_back(outcome.due, utcnow())}."

    # -- answering -------------------------------------------------------------------------

    @on(AnswerBox.Submitted, "#answer")
    def submitted(self, event: AnswerBox.Submitted) -> None:
        if self.showing_verdict:
            self.action_next()
            return
        if self.busy or not event.value.strip():
            return
        self.busy = True
        event.input.disabled = True
        self.grade(event.value, time.monotonic() - self.asked_at)

    @on(AnswerBox.Cut, "#answer")
    def cut(self, event: AnswerBox.Cut) -> None:
        self.notify(
            f"Your paste was cut to {event.kept} of its {event.pasted} characters "
            f"(an answer holds {ANSWER_LIMIT}).",
            title="Answer cut",
            severity="warning",
        )

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.pick(int(event.option.id or 0))

    def pick(self, index: int) -> None:
        if self.showing_verdict:
            self.action_next()
            return
        if self.busy:
            return
        self.busy = True
        self.grade(LETTERS[index], time.monotonic() - self.asked_at)

    def on_key(self, event: events.Key) -> None:
        """a-d and 1-4 pick an option, as the labels say."""
        question = self.session.current
        choices = self.query_one("#choices", OptionList)
        if self.showing_verdict or question is None or not choices.display:
            return
        key = (event.character or "").casefold()
        n = len(question.choices)
        if key and key in LETTERS[:n]:
            index = LETTERS.index(key)
        elif key.isdigit() and 1 <= int(key) <= n:
            index = int(key) - 1
        else:
            return
        event.stop()
        event.prevent_default()
        choices.highlighted = index
        self.pick(index)

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
        self.app.load_error = message
        self.app.exit(return_code=2)

    def action_hint(self) -> None:
        if self.showing_verdict or self.session.done:
            return
        self.query_one("#hint", Static).display = True
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
        served = self.app.served
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
        panel = self.query_one("#verdict", Static)
        panel.set_classes(WORDS[outcome.standing].style)
        head = describe(
            outcome.standing, score=outcome.score, hinted=outcome.hinted, overridden=True
        )
        panel.update(
            Content.assemble(
                (head, "bold"),
                f"\nThe card says: {outcome.question.answer}.",
                self._comes_back(outcome),
                "\nPress Enter for the next question.",
            )
        )
        self._progress()

    def request_override(self) -> None:
        """A served student's "I was right" goes to the teacher, who accepts or rejects it."""
        last = self.session.outcomes[-1]
        roster = self.app.roster
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
            return
        session = self.session
        if not session.outcomes:
            if self.resumed:
                self.app.leave_quiz(session, self.quiz_title, self.what)
            self.app.pop_screen()
            return
        if not session.done and not self.leave_asked:
            self.leave_asked = True
            self.notify(
                "Press escape again to leave. The quiz can be resumed from home (u).",
                title=f"Leave after {len(session.outcomes)} of {session.total}?",
            )
            return
        self.app.clear_notifications()  # the "press escape again" note has been answered
        if not session.done:
            self.app.leave_quiz(session, self.quiz_title, self.what)
        self.app.switch_screen(SummaryScreen(session, self.what))
