"""The end of a quiz: what happened, a recap of each answer, and the facts to reread."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from quiz_bank.questions import Question
from quiz_bank.scoring import WORDS, Standing, describe
from quiz_bank.session import Outcome, QuizSession, Summary
from tui_app.screens.base import BriefingScreen
from tui_app.widgets.footer import AppFooter


def _recap_line(n: int, outcome: Outcome) -> Content:
    """One answer of the recap: the question, what was answered, the answer, the verdict."""
    head = describe(
        outcome.standing,
        score=outcome.verdict.score,
        hinted=outcome.hinted,
        overridden=outcome.overridden,
    )
    answered = outcome.answered_text or "(nothing)"
    return Content.assemble(
        (f"{n}. {outcome.question.prompt}", "bold"),
        f"\n   You: {answered} · Answer: {outcome.question.answer} · ",
        (head, "bold"),
        "\n",
    )


class SummaryScreen(BriefingScreen[None]):
    """The end of a quiz: what happened, a recap of each answer, and the facts to reread."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="summary.back"),
        Binding("m", "retry", "Retry missed", id="summary.retry", tooltip="a quiz of the missed"),
    ]
    HELP_KEYS = (("Enter", "open the card of a fact to reread"),)

    def __init__(self, session: QuizSession, what: str = "Quiz") -> None:
        super().__init__()
        self.session = session
        self.what = what
        self.summary: Summary = session.summary()

    def compose(self) -> ComposeResult:
        summary = self.summary
        yield Header()
        head = f"{summary.title(self.what)}: {summary.tally.text()}."
        with VerticalScroll(id="summary"):
            yield Static(Content(head), classes="card-title")
            if not summary.finished:
                yield Static(Content("u on the home screen resumes it."), classes="tags")
            if summary.missed:
                yield Static(
                    Content("To reread (Enter opens the card; m retries the missed):"),
                    classes="heading",
                )
                yield OptionList(
                    *[
                        Option(
                            Content(
                                f"{WORDS[Standing.WRONG].mark} "
                                f"{self.briefing.fact(fact).statement}"
                                f" — card: {self.briefing.card(card).title}"
                            ),
                            id=f"{i}:{card}",
                        )
                        for i, (_q, fact, card) in enumerate(summary.missed)
                    ],
                    id="missed",
                )
            else:
                yield Static(Content("✓ Nothing missed. Well done."), classes="right")
            yield Static(Content("Your answers"), classes="heading")
            yield Static(
                Content.assemble(*[_recap_line(n, o) for n, o in enumerate(summary.outcomes, 1)]),
                id="recap",
            )
        yield AppFooter()

    def on_mount(self) -> None:
        for missed in self.query("#missed"):
            missed.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        card = (event.option.id or ":").split(":", 1)[1]
        self.app.open_cards(card)

    def action_retry(self) -> None:
        """A quiz of the missed facts, each one form harder (true/false → choice → typed)."""
        from quiz_bank.selection import harder_question

        missed: list[Question] = [q for q, _fact, _card in self.summary.missed]
        if not missed:
            self.notify("Nothing was missed.")
            return
        self.app.pop_screen()
        ids = [harder_question(self.briefing, q).id for q in missed]
        self.app.open_quiz(ids, title="Retry the missed")
