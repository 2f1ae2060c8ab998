"""Help: every key, and how answers are graded."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    (
        "Everywhere",
        [
            ("?", "this help"),
            ("escape", "back"),
            ("ctrl+p", "command palette: open a card, quiz a card, change theme"),
            ("ctrl+q", "quit"),
        ],
    ),
    (
        "Home",
        [
            ("b", "briefing cards"),
            ("q", "quiz"),
            ("r", "review what is due"),
            ("a", "ask the tutor"),
            ("s", "progress"),
        ],
    ),
    (
        "Cards",
        [
            ("↑ ↓", "choose a card"),
            ("n / p", "next / previous card"),
            ("/", "filter cards and facts (typos are fine)"),
            ("z", "quiz me on this card"),
        ],
    ),
    (
        "Quiz",
        [
            ("Enter", "answer, then next question"),
            ("ctrl+t", "hint (a hinted answer earns half)"),
            ("ctrl+s", "skip"),
            ("ctrl+r", "I was right: count a rejected answer (teachers see it)"),
            ("escape", "leave and see the summary"),
        ],
    ),
    (
        "Tutor",
        [
            ("Enter", "send"),
            ("ctrl+o", "open the card of the last answer"),
            ("quiz me", "a quiz in the chat: hint, skip, why, score, stop"),
        ],
    ),
]

GRADING = """Answers are graded like a fair teacher would.
Lenient on spelling: case, accents, other scripts (Лукашенко), transliterations
(Lukashenka / Lukashenko), small typos (one in a word of five to nine letters, two in
longer words), word order, plurals, British spelling, S400 = S-400, numbers in words
(seven hundred and seventeen), and dates in any common format (day first: 01.03.2023).
Strict on facts: a different number, date, unit or designation is wrong (71 is not 717,
S-300 is not S-400, miles are not km), so is a slip that names another real thing (Iraq
for Iran), and so is naming several answers to a one-answer question ("Iran or Iraq").
Lists are credited item by item."""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "app.pop_screen", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        parts: list[str | tuple[str, str]] = [("Keys\n", "bold")]
        for section, keys in KEYS:
            parts.append((f"\n{section}\n", "bold"))
            for key, what in keys:
                parts.append(f"  {key:<10} {what}\n")
        parts += [("\nHow answers are graded\n", "bold"), GRADING, "\n\nPress escape to close."]
        yield VerticalScroll(Static(Content.assemble(*parts)), id="help")
