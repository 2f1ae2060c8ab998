"""Help: every key, read from each screen's bindings, and how answers are graded."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui_app.screens.base import BriefingModal

# One paragraph per line: the widget wraps them to the width it has, once.
GRADING = (
    "Answers are graded like a fair teacher would.",
    "Lenient on spelling: case, accents, other scripts (Лукашенко), transliterations "
    "(Lukashenka / Lukashenko), small typos (one in a word of five to nine letters, two in "
    "longer words), word order, plurals, British spelling, S400 = S-400, numbers in words "
    "(seven hundred and seventeen), and dates in any common format (day first: 01.03.2023).",
    "Strict on facts: a different number, date, unit or designation is wrong (71 is not 717, "
    "S-300 is not S-400, miles are not km), so is a slip that names another real thing (Iraq "
    "for Iran), and so is naming several answers to a one-answer question (“Iran or Iraq”). "
    "Lists are credited item by item.",
)


def sections() -> list[tuple[str, type[App[None]] | type]]:
    """The help's sections: a title and the class whose bindings it lists."""
    from tui_app.app import BriefingApp
    from tui_app.screens.cards import CardsScreen
    from tui_app.screens.chat import ChatScreen
    from tui_app.screens.flashcards import FlashcardScreen
    from tui_app.screens.home import HomeScreen
    from tui_app.screens.progress import ProgressScreen
    from tui_app.screens.quiz import QuizScreen
    from tui_app.screens.summary import SummaryScreen

    return [
        ("Everywhere", BriefingApp),
        ("Home", HomeScreen),
        ("Cards", CardsScreen),
        ("Quiz", QuizScreen),
        ("End of a quiz", SummaryScreen),
        ("Flashcards", FlashcardScreen),
        ("Tutor", ChatScreen),
        ("Progress", ProgressScreen),
    ]


def keys_of(app: App[None], owner: type) -> Iterator[tuple[str, str]]:
    """(key as shown, what it does) for each binding of `owner`, then its widget-handled keys."""
    if owner is type(app):
        palette = Binding(app.COMMAND_PALETTE_BINDING, "command_palette", "Palette")
        yield app.get_key_display(palette), "command palette: open a card, quiz a card, theme"
    # Keys bound to the same action share a row: "? / f1  Help".
    rows: dict[str, tuple[list[str], str]] = {}
    for binding in getattr(owner, "BINDINGS", []):
        if not isinstance(binding, Binding):
            continue
        keys = [
            app.get_key_display(dataclasses.replace(binding, key=key.strip()))
            for key in binding.key.split(",")
        ]
        what = binding.description
        if binding.tooltip:
            what += f" — {binding.tooltip}"
        shown, _what = rows.setdefault(binding.action, ([], what))
        shown.extend(keys)
    for shown, what in rows.values():
        yield " / ".join(shown), what
    yield from getattr(owner, "HELP_KEYS", ())


class HelpScreen(BriefingModal[None]):
    BINDINGS = [
        Binding("escape,question_mark,q,f1", "app.pop_screen", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content("Keys"), classes="help-title")
            for title, owner in sections():
                yield Static(Content(title), classes="help-section")
                for key, what in keys_of(self.app, owner):
                    with Horizontal(classes="help-row"):
                        yield Static(Content(key), classes="help-key")
                        yield Static(Content(what), classes="help-what")
            yield Static(Content("How answers are graded"), classes="help-title")
            for paragraph in GRADING:
                yield Static(Content(paragraph), classes="help-paragraph")
            yield Static(Content("Press escape to close."), classes="help-paragraph")
