"""Home: what is in the briefing, what is due, the last score, and where to go."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

MENU = [
    ("cards", "b", "Briefing cards", "read the cards: summary, key facts, source quotes"),
    ("quiz", "q", "Quiz", "ten questions from the whole briefing"),
    ("review", "r", "Review", "the questions due today (spaced repetition)"),
    ("ask", "a", "Ask the tutor", "questions in your own words, or “quiz me”"),
    ("progress", "s", "Progress", "mastery per card, accuracy over time"),
    ("results", "t", "Class results", "for teachers: leaderboard, hardest questions, overrides"),
    ("help", "?", "Help", "keys, and how answers are graded"),
]


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("b", "go('cards')", "Cards", id="home.cards"),
        Binding("q", "go('quiz')", "Quiz", id="home.quiz"),
        Binding("r", "go('review')", "Review", id="home.review"),
        Binding("a", "go('ask')", "Ask", id="home.ask"),
        Binding("s", "go('progress')", "Progress", id="home.progress"),
        Binding("t", "go('results')", "Results", id="home.results"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content("Loading the briefing…"), id="intro")
        yield Static(Content(""), id="status")
        yield OptionList(
            *[
                Option(
                    Content.assemble((f" {key} ", "reverse"), f"  {label}  ", (hint, "dim")),
                    id=name,
                )
                for name, key, label, hint in MENU
            ],
            id="menu",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#menu", OptionList).focus()
        if self.app.briefing is not None:  # type: ignore[attr-defined]
            self.show_briefing()

    def show_briefing(self) -> None:
        briefing = self.app.briefing  # type: ignore[attr-defined]
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
        if self.app.briefing is not None:  # type: ignore[attr-defined]
            self.load_status()

    @work(thread=True, exclusive=True, group="home-status")
    def load_status(self) -> None:
        app = self.app
        store = app.store  # type: ignore[attr-defined]
        if store is None:
            text = "Progress is not being saved (no usable database)."
        else:
            from quiz_bank.progress import last_session
            from quiz_bank.scheduler import due_questions

            learner = app.learner  # type: ignore[attr-defined]
            due = len(due_questions(app.briefing, store, learner))  # type: ignore[attr-defined]
            last = last_session(store.attempts(learner))
            if last:
                day, right, answered = last
                score = f"last session ({day:%d %b %Y}): {right} right of {answered}"
            else:
                score = "no quiz taken yet"
            text = f"Learner: {learner} · {due} question{'s' if due != 1 else ''} due · {score}"
        app.call_from_thread(self.query_one("#status", Static).update, Content(text))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_go(event.option.id or "")

    def action_go(self, where: str) -> None:
        app = self.app
        if app.briefing is None and where != "help":  # type: ignore[attr-defined]
            self.notify("The briefing is still loading.")
            return
        if where == "cards":
            app.open_cards()  # type: ignore[attr-defined]
        elif where == "quiz":
            app.open_quiz()  # type: ignore[attr-defined]
        elif where == "review":
            app.open_quiz(review=True)  # type: ignore[attr-defined]
        elif where == "ask":
            app.open_chat()  # type: ignore[attr-defined]
        elif where == "progress":
            app.open_progress()  # type: ignore[attr-defined]
        elif where == "results":
            app.open_results()  # type: ignore[attr-defined]
        elif where == "help":
            app.action_help()  # type: ignore[attr-defined]
