"""The tutor chat: a scrolling conversation; the tutor's logic lives in quiz_bank.tutor."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz_bank.tutor import Reply, Tutor


class ChatScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="chat.back"),
        Binding("ctrl+o", "open_card", "Open cited card", id="chat.open-card"),
    ]
    # The prompt is locked while the tutor answers.
    thinking: reactive[bool] = reactive(False)

    def __init__(self) -> None:
        super().__init__()
        self.tutor: Tutor | None = None
        self.cited_card: str | None = None
        self.examples: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="chat-log")
        # Example questions made from the loaded briefing (on mount); hidden during a chat quiz.
        yield OptionList(id="examples")
        yield Input(
            placeholder="Ask about the briefing, or say “quiz me”", max_length=500, id="prompt"
        )
        yield Footer()

    def on_mount(self) -> None:
        app = self.app
        self.tutor = Tutor(app.briefing, store=app.store, learner=app.learner)  # type: ignore[attr-defined]
        self.examples = self.tutor.examples
        self.query_one("#examples", OptionList).add_options(
            [Option(Content(e), id=str(i)) for i, e in enumerate(self.examples)]
        )
        self._add(
            "tutor",
            "Hello! Ask me anything about the briefing, in your own words, or say “quiz me”. "
            "Pick an example below to start.",
        )
        self.query_one("#prompt", Input).focus()

    def watch_thinking(self, thinking: bool) -> None:
        prompt = self.query_one("#prompt", Input)
        prompt.disabled = thinking
        prompt.placeholder = (
            "The tutor is answering…" if thinking else "Ask about the briefing, or say “quiz me”"
        )
        if not thinking:
            prompt.focus()

    def _add(self, who: str, text: str, evidence: str | None = None) -> None:
        label = "You" if who == "you" else "Tutor"
        body = Content.assemble((f"{label}: ", "bold"), text)
        if evidence:
            body = Content.assemble(body, ("\nSource: ", "bold"), f"“{evidence}”")
        log = self.query_one("#chat-log", VerticalScroll)
        log.mount(Static(body, classes=f"turn {who}"))
        log.scroll_end(animate=False)

    @on(Input.Submitted, "#prompt")
    def send(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text or self.thinking:
            return
        event.input.value = ""
        self._ask(text)

    @on(OptionList.OptionSelected, "#examples")
    def example(self, event: OptionList.OptionSelected) -> None:
        if not self.thinking:
            self._ask(self.examples[int(event.option.id or 0)])

    def _ask(self, text: str) -> None:
        self._add("you", text)
        self.thinking = True
        self.answer(text)

    @work(thread=True, exclusive=True)
    def answer(self, text: str) -> None:
        assert self.tutor is not None
        reply = self.tutor.reply(text)
        self.app.call_from_thread(self._show, reply)

    def _show(self, reply: Reply) -> None:
        text = reply.text
        if reply.card and reply.kind in ("answer", "verdict"):
            self.cited_card = reply.card
            text += "  [ctrl+o opens the card]"
        quizzing = self.tutor is not None and self.tutor.quiz is not None
        if reply.kind in ("answer", "decline") and reply.suggestions and not quizzing:
            text += "\nSee also: " + " · ".join(reply.suggestions)
        self._add("tutor", text, reply.evidence)
        # Suggestions would be taken for answer choices during a quiz.
        self.query_one("#examples", OptionList).display = not quizzing
        self.thinking = False

    def action_open_card(self) -> None:
        if self.cited_card:
            self.app.open_cards(self.cited_card)  # type: ignore[attr-defined]
        else:
            self.notify("Ask a question first: the card of the answer opens here.")
