"""Flashcards, for people who review like Anki users: a question, a flip, a self-rating."""

from __future__ import annotations

from collections import Counter

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from quiz_bank.flashcards import RATINGS, SelfRating
from quiz_bank.questions import Question
from tui_app.screens.base import BriefingScreen
from tui_app.widgets.footer import AppFooter


class FlashcardScreen(BriefingScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="flash.back"),
        Binding("space", "flip", "Flip", id="flash.flip", tooltip="show the answer"),
        Binding("1", "rate('again')", "Again", id="flash.again", tooltip="I did not know it"),
        Binding("2", "rate('hard')", "Hard", id="flash.hard", tooltip="I knew it, with effort"),
        Binding("3", "rate('good')", "Good", id="flash.good", tooltip="I knew it"),
        Binding("4", "rate('easy')", "Easy", id="flash.easy", tooltip="I knew it at once"),
    ]
    HELP_KEYS = (("Enter", "flip, like space"),)

    def __init__(self, cards: list[Question]) -> None:
        super().__init__()
        self.cards = cards
        self.index = 0
        self.flipped = False
        self.busy = False
        self.ratings: Counter[str] = Counter()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="flashcard"):
            yield Static(id="flash-position")
            yield Static(id="flash-front")
            yield Static(id="flash-back")
        yield AppFooter()

    def on_mount(self) -> None:
        self.show_card()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer shows Flip before the flip and the four ratings after it."""
        if action == "flip":
            return self.current is not None and not self.flipped
        if action == "rate":
            return self.current is not None and self.flipped
        return True

    @property
    def current(self) -> Question | None:
        return self.cards[self.index] if self.index < len(self.cards) else None

    def show_card(self) -> None:
        question = self.current
        position = self.query_one("#flash-position", Static)
        front = self.query_one("#flash-front", Static)
        back = self.query_one("#flash-back", Static)
        self.flipped = False
        self.refresh_bindings()
        back.update("")
        if question is None:
            done = ", ".join(f"{self.ratings[r]} {r.capitalize()}" for r in RATINGS)
            position.update(Content(f"Done: {self.index} cards rated ({done})."))
            front.update(Content("Press escape to go back."))
            return
        card = self.briefing.card(question.card)
        position.update(Content(f"Card {self.index + 1} of {len(self.cards)} · {card.title}"))
        front.update(
            Content.assemble((question.prompt, "bold"), ("\n\nspace flips the card", "dim"))
        )

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.current is not None and not self.flipped:
            self.action_flip()

    def action_flip(self) -> None:
        question = self.current
        if question is None or self.flipped:
            return
        self.flipped = True
        self.refresh_bindings()
        fact = self.briefing.fact(question.fact)
        self.query_one("#flash-front", Static).update(Content.assemble((question.prompt, "bold")))
        self.query_one("#flash-back", Static).update(
            Content.assemble(
                ("Answer: ", "bold"),
                question.answer,
                "\n",
                fact.statement,
                ("\nSource: ", "dim"),
                (f"“{fact.evidence}”", "dim"),
                ("\n\nHow well did you know it?  1 Again · 2 Hard · 3 Good · 4 Easy", "bold"),
            )
        )

    def action_rate(self, rating: SelfRating) -> None:
        question = self.current
        if question is None or self.busy:
            return
        self.busy = True
        self.record(question, rating)

    @work(thread=True, exclusive=True, group="flash")
    def record(self, question: Question, rating: SelfRating) -> None:
        from quiz_bank.flashcards import rate
        from quiz_bank.scheduler import comes_back
        from quiz_bank.store import utcnow

        store = self.app.store
        note = ""
        if store is not None:
            now = utcnow()
            note = comes_back(rate(store, self.app.learner, question, rating, now), now)
        self.app.call_from_thread(self._rated, rating, note)

    def _rated(self, rating: SelfRating, note: str) -> None:
        self.busy = False
        self.ratings[rating] += 1
        self.index += 1
        if note:
            self.notify(f"{rating.capitalize()}: this card comes back {note}.", timeout=3)
        self.show_card()
