"""Home: what is in the briefing, what is due, the last score, and where to go."""

from __future__ import annotations

from typing import NamedTuple

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui_app.screens.base import BriefingScreen
from tui_app.widgets.footer import AppFooter


class MenuItem(NamedTuple):
    where: str
    key: str
    label: str
    short: str  # the footer's word
    hint: str


# The home menu and its keys, from this one table.
MENU = [
    MenuItem("cards", "b", "Briefing cards", "Cards", "read the cards: summary, facts, quotes"),
    MenuItem("quiz", "q", "Quiz", "Quiz", "ten questions from the whole briefing"),
    MenuItem("review", "r", "Review", "Review", "the questions due today (spaced repetition)"),
    MenuItem("resume", "u", "Resume", "Resume", "the quiz you left, where you left it"),
    MenuItem("flashcards", "f", "Flashcards", "Flash", "flip cards and rate them, as in Anki"),
    MenuItem("ask", "a", "Ask the tutor", "Ask", "questions in your own words, or “quiz me”"),
    MenuItem("progress", "s", "Progress", "Progress", "mastery per card, what is due, over time"),
    MenuItem("results", "t", "Class results", "Results", "for teachers: leaderboard, overrides"),
    MenuItem("name", "n", "Your name", "Name", "who is studying (shown on progress)"),
]


class HomeScreen(BriefingScreen[None]):
    BINDINGS = [
        Binding(m.key, f"go('{m.where}')", m.short, id=f"home.{m.where}", tooltip=m.hint)
        for m in MENU
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content("Loading the briefing…"), id="intro")
        yield Static(Content(""), id="status")
        yield OptionList(
            *[
                Option(
                    Content.assemble((f" {m.key} ", "reverse"), f"  {m.label}  ", (m.hint, "dim")),
                    id=m.where,
                )
                for m in MENU
            ],
            id="menu",
        )
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one("#menu", OptionList).focus()
        if self.app.briefing is not None:
            self.show_briefing()

    def show_briefing(self) -> None:
        briefing = self.briefing
        facts = len(briefing.facts())
        self.query_one("#intro", Static).update(
            Content.assemble(
                (briefing.title, "bold"),
                "\n",
                f"From the {briefing.source.kind} “{briefing.source.title}”: "
                f"{len(briefing.cards)} cards, {facts} facts.",
            )
        )
        self.query_one("#status", Static).update(Content("Loading your progress…"))
        self.load_status()

    def on_screen_resume(self) -> None:
        if self.app.briefing is not None:
            self.load_status()

    @work(thread=True, exclusive=True, group="home-status")
    def load_status(self) -> None:
        app = self.app
        store = app.store
        if store is None:
            text = "Progress is not being saved (no usable database)."
        else:
            from quiz_bank.progress import last_session
            from quiz_bank.scheduler import due_questions

            learner = app.learner
            due = len(due_questions(self.briefing, store, learner))
            last = last_session(store.attempts(learner))
            if last:
                day, tally = last
                score = f"last session ({day:%d %b %Y}): {tally.text()}"
            else:
                score = "no quiz taken yet"
            text = f"Learner: {learner} · {due} question{'s' if due != 1 else ''} due · {score}"
        app.call_from_thread(self.query_one("#status", Static).update, Content(text))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_go(event.option.id or "")

    def action_go(self, where: str) -> None:
        app = self.app
        if app.briefing is None:
            self.notify("The briefing is still loading.")
            return
        if where == "cards":
            app.open_cards()
        elif where == "quiz":
            app.open_quiz()
        elif where == "review":
            app.open_quiz(review=True)
        elif where == "resume":
            app.resume_quiz()
        elif where == "flashcards":
            app.open_flashcards()
        elif where == "ask":
            app.open_chat()
        elif where == "progress":
            app.open_progress()
        elif where == "results":
            app.open_results()
        elif where == "help":
            app.action_help()
        elif where == "name":
            app.ask_learner_name()
