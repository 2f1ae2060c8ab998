"""Home: what is in the briefing and where to go."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from briefing_data.models import Briefing
from tui_app.screens.card import CardScreen


class HomeScreen(Screen[None]):
    BINDINGS = [Binding("b", "focus_cards", "Cards", id="cards")]

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing

    def compose(self) -> ComposeResult:
        yield Header()
        facts = len(self.briefing.facts())
        intro = Content.assemble(
            (self.briefing.title, "bold"),
            "\n",
            f"{len(self.briefing.cards)} cards, {facts} facts. "
            "Choose a card and press Enter to read it.",
        )
        yield Static(intro, id="intro")
        yield OptionList(
            *[
                Option(Content(f"{n}. {card.title}"), id=card.id)
                for n, card in enumerate(self.briefing.cards, 1)
            ],
            id="cards",
        )
        yield Footer()

    def action_focus_cards(self) -> None:
        self.query_one("#cards", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        index = event.option_index
        self.app.push_screen(CardScreen(self.briefing, index))
