"""Briefing cards: a filterable list of cards and a reader with facts and source quotes."""

from __future__ import annotations

import asyncio

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import AwaitMount
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing_data.search import CardMatch, find_cards
from tui_app.screens.base import BriefingScreen
from tui_app.widgets.footer import AppFooter


class CardsScreen(BriefingScreen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="cards.back"),
        Binding("n", "step(1)", "Next", id="cards.next", tooltip="the next card"),
        Binding("p", "step(-1)", "Previous", id="cards.previous", tooltip="the previous card"),
        Binding("z", "quiz_card", "Quiz me", id="cards.quiz", tooltip="a quiz on this card"),
        Binding("slash", "filter", "Filter", id="cards.filter", tooltip="typos are fine"),
        # The card's text scrolls with PageDown/PageUp wherever the focus is.
        Binding(
            "pagedown", "page(1)", "Page down", id="cards.page-down", show=False, priority=True
        ),
        Binding("pageup", "page(-1)", "Page up", id="cards.page-up", show=False, priority=True),
    ]
    HELP_KEYS = (("↑ ↓", "choose a card"), ("PgDn / PgUp", "scroll the card's text"))
    # At 80 columns the card list narrows so the text has room.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]

    def __init__(self, card_id: str | None = None) -> None:
        super().__init__()
        self.card_id = card_id
        self.highlight: tuple[str, ...] = ()
        self._matches: dict[str, tuple[str, ...]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="card-list-pane"):
                yield Input(placeholder="Filter (typos ok)", id="filter")
                yield OptionList(id="card-list")
            yield VerticalScroll(id="reader")
        yield AppFooter()

    def on_mount(self) -> None:
        first = self.card_id or self.briefing.cards[0].id
        self.card_id = None
        self._fill(find_cards(self.briefing, ""), select=first)
        self.show_card(first)
        self.query_one("#card-list", OptionList).focus()

    def _fill(self, matches: list[CardMatch], select: str | None = None) -> None:
        options = self.query_one("#card-list", OptionList)
        options.clear_options()
        for match in matches:
            card = self.briefing.card(match.card)
            number = self.briefing.cards.index(card) + 1
            options.add_option(Option(Content(f"{number}. {card.title}"), id=card.id))
        self._matches = {m.card: m.facts for m in matches}
        if matches:
            ids = [m.card for m in matches]
            options.highlighted = ids.index(select) if select in ids else 0

    def on_input_changed(self, event: Input.Changed) -> None:
        matches = find_cards(self.briefing, event.value)
        self._fill(matches)
        if matches:
            self.highlight = matches[0].facts if event.value.strip() else ()
            self.show_card(matches[0].card)
        else:
            self.query_one("#reader", VerticalScroll).remove_children()
            self.query_one("#reader", VerticalScroll).mount(
                Static(Content(f"No card or fact matches “{event.value}”."), classes="empty")
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#card-list", OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # A late event from a list the filter has since refilled is stale.
        options = event.option_list
        index = event.option_index
        if (
            event.option.id not in self._matches
            or options.highlighted != index
            or index >= options.option_count
            or options.get_option_at_index(index).id != event.option.id
        ):
            return
        if event.option.id and event.option.id != self.card_id:
            self.highlight = self._matches.get(event.option.id, ())
            self.show_card(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#reader", VerticalScroll).focus()

    def show_card(self, card_id: str) -> None:
        briefing = self.briefing
        card = briefing.card(card_id)
        self.card_id = card_id
        number = briefing.cards.index(card) + 1
        reader = self.query_one("#reader", VerticalScroll)
        reader.remove_children()
        widgets = [
            Static(Content(f"Card {number} of {len(briefing.cards)}"), classes="card-number"),
            Static(Content(card.title), classes="card-title"),
            Static(Content(card.summary), classes="summary"),
            Static(Content(f"Key facts ({len(card.facts)})"), classes="heading"),
        ]
        for fact in card.facts:
            mark = "▶ " if fact.id in self.highlight else "• "
            classes = "fact matched" if fact.id in self.highlight else "fact"
            widgets.append(Static(Content(mark + fact.statement), classes=classes))
            widgets.append(Static(Content(f"Source: “{fact.evidence}”"), classes="quote"))
        if card.tags:
            widgets.append(Static(Content("Tags: " + ", ".join(card.tags)), classes="tags"))
        widgets.append(Static(Content("Press z to be quizzed on this card."), classes="tags"))
        mounting = reader.mount_all(widgets)
        reader.scroll_home(animate=False, immediate=True)
        matched = [w for w in widgets if w.has_class("matched")]
        if matched:
            self.run_worker(self._reveal(mounting, matched[0]), group="reveal", exclusive=True)

    async def _reveal(self, mounting: AwaitMount, fact: Static) -> None:
        """A filter match scrolls its fact into view, once it is laid out."""
        await mounting
        reader = self.query_one("#reader", VerticalScroll)
        # The fact's place is known once the reader has laid it out (a refresh or two).
        for _ in range(20):
            if fact.virtual_region.height and reader.max_scroll_y:
                break
            await asyncio.sleep(0.01)
        reader.scroll_to_widget(fact, top=True, animate=False, immediate=True)

    def action_step(self, delta: int) -> None:
        briefing = self.briefing
        assert self.card_id is not None
        index = [c.id for c in briefing.cards].index(self.card_id)
        target = briefing.cards[(index + delta) % len(briefing.cards)].id
        self.highlight = ()
        self.show_card(target)
        options = self.query_one("#card-list", OptionList)
        for i in range(options.option_count):
            if options.get_option_at_index(i).id == target:
                options.highlighted = i

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_quiz_card(self) -> None:
        self.app.open_quiz(card=self.card_id)

    def action_page(self, direction: int) -> None:
        reader = self.query_one("#reader", VerticalScroll)
        if direction > 0:
            reader.scroll_page_down(animate=False)
        else:
            reader.scroll_page_up(animate=False)

    def action_back(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.has_focus and filter_input.value:
            filter_input.value = ""
            return
        self.app.pop_screen()
