"""Who is studying: a student gives a name before a class quiz, or anyone sets theirs on home."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from quiz_bank.learners import LearnerNameError, validate_learner_name
from tui_app.screens.base import BriefingModal


class NameScreen(BriefingModal[str]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="name.cancel")]

    def __init__(self, current: str = "", *, for_class: bool = True) -> None:
        super().__init__()
        self.current = current
        self.for_class = for_class

    def compose(self) -> ComposeResult:
        ask = (
            "Your name, so your teacher sees your answers:"
            if self.for_class
            else "Your name (your progress is kept under it):"
        )
        with Vertical(id="name-box"):
            yield Static(Content(ask))
            yield Input(
                value="" if self.for_class else self.current,
                placeholder="First and last name",
                max_length=60,
                id="name",
            )
            yield Static(Content(""), id="name-error")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def action_cancel(self) -> None:
        # A class quiz needs the name; elsewhere escape keeps the current one.
        if not self.for_class:
            self.dismiss(None)

    @on(Input.Submitted, "#name")
    def submitted(self, event: Input.Submitted) -> None:
        try:
            name = validate_learner_name(event.value)
        except LearnerNameError as exc:
            self.query_one("#name-error", Static).update(Content(f"✗ {str(exc).capitalize()}."))
            return
        self.dismiss(name)
