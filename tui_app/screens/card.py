"""The card reader: title, summary, key facts with their source quotes, tags."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from briefing_data.models import Briefing


class CardScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("n,right", "step(1)", "Next", id="next-card"),
        Binding("p,left", "step(-1)", "Previous", id="previous-card"),
    ]

    def __init__(self, briefing: Briefing, index: int) -> None:
        super().__init__()
        self.briefing = briefing
        self.index = index

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="reader")
        yield Footer()

    def on_mount(self) -> None:
        self.show_card()

    def show_card(self) -> None:
        card = self.briefing.cards[self.index]
        total = len(self.briefing.cards)
        reader = self.query_one("#reader", VerticalScroll)
        reader.remove_children()
        widgets = [
            Static(
                Content(f"Card {self.index + 1} of {total}: {card.title}"), classes="card-title"
            ),
            Static(Content(card.summary)),
        ]
        for fact in card.facts:
            widgets.append(Static(Content(f"• {fact.statement}"), classes="fact"))
            widgets.append(Static(Content(f"“{fact.evidence}”"), classes="quote"))
        if card.tags:
            widgets.append(Static(Content("Tags: " + ", ".join(card.tags)), classes="fact"))
        reader.mount_all(widgets)
        reader.scroll_home(animate=False)

    def action_step(self, delta: int) -> None:
        self.index = (self.index + delta) % len(self.briefing.cards)
        self.show_card()
