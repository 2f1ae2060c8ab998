"""Before a class quiz: the student types a name (checked: 1-40 printable characters)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from quiz_bank.learners import MAX_NAME, LearnerNameError, validate_learner_name


class StudentNameScreen(ModalScreen[str]):
    """Dismissed with the checked name; the quiz starts under it."""

    DEFAULT_CSS = """
    StudentNameScreen { align: center middle; }
    StudentNameScreen > Vertical {
        width: 60; height: auto; padding: 1 2; border: round $accent; background: $surface;
    }
    StudentNameScreen #name-error { color: $error; height: auto; }
    """

    def __init__(self, quiz_title: str = "") -> None:
        super().__init__()
        self.quiz_title = quiz_title

    def compose(self) -> ComposeResult:
        with Vertical():
            if self.quiz_title:
                yield Static(Content(self.quiz_title))
            yield Static(Content("Your name, then Enter:"))
            yield Input(placeholder="Name", max_length=MAX_NAME * 4, id="name")
            yield Static(Content(""), id="name-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            name = validate_learner_name(event.value)
        except LearnerNameError as exc:
            self.query_one("#name-error", Static).update(Content(str(exc)))
            return
        self.dismiss(name)
