"""The end of a class quiz: the student's score and own answers, and no way out of the session.

It shows no card, statement or answer key (classmates may still be answering), and Escape
leaves nothing: the session ends when the browser tab closes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from quiz_bank.results import one_line
from quiz_bank.scoring import WORDS
from quiz_bank.session import Outcome, QuizSession


def _mark(outcome: Outcome) -> str:
    """The verdict's mark and word, from the one vocabulary (`scoring.WORDS`)."""
    return WORDS[outcome.standing].label()


class ClassSummaryScreen(Screen[None]):
    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        s = self.session.summary()
        yield Header()
        head = (
            f"Class quiz finished, {self.session.learner}: {s.tally.text()}, "
            f"{s.total} question{'s' if s.total != 1 else ''}."
        )
        with VerticalScroll(id="summary"):
            yield Static(Content(one_line(head)), classes="card-title")
            lines = [
                f"{n:>2}. {_mark(o):<12} {one_line(o.question.prompt)}\n"
                f"    you answered: {one_line(o.answered_text)[:80] or '(nothing)'}"
                for n, o in enumerate(self.session.outcomes, 1)
            ]
            yield Static(Content("\n".join(lines)), id="class-answers")
            yield Static(
                Content("Your answers are with your teacher. You can close this tab."),
                classes="heading",
            )
        yield Footer()
