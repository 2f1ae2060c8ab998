"""Who is taking the quiz: a student gives a name before starting (served to a class)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from quiz_bank.learners import LearnerNameError, validate_learner_name


class NameScreen(ModalScreen[str]):
    def compose(self) -> ComposeResult:
        with Vertical(id="name-box"):
            yield Static(Content("Your name, so your teacher sees your answers:"))
            yield Input(placeholder="First and last name", max_length=60, id="name")
            yield Static(Content(""), id="name-error")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def submitted(self, event: Input.Submitted) -> None:
        try:
            name = validate_learner_name(event.value)
        except LearnerNameError as exc:
            self.query_one("#name-error", Static).update(Content(f"✗ {str(exc).capitalize()}."))
            return
        self.dismiss(name)
