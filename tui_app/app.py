"""The Textual app: it renders the briefing and routes to screens; the engine does the work."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from briefing_data.models import Briefing
from tui_app.commands import BriefingCommands
from tui_app.screens.home import HomeScreen
from tui_app.settings import load_settings, save_setting


class BriefingApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("question_mark", "help", "Help", id="help"),
    ]

    def __init__(
        self,
        briefing: Briefing,
        db_path: Path | None = None,
        *,
        start: tuple[str, list[str], str] | None = None,
        learner: str = "me",
        settings_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.briefing = briefing
        self.db_path = db_path
        self.start = start
        self.learner = start[2] if start else learner
        self.settings_path = settings_path
        self.sub_title = briefing.title
        self._store = None

    @property
    def store(self):  # type: ignore[no-untyped-def]
        """The progress store, opened on first use (None when there is no database)."""
        if self._store is None and self.db_path is not None:
            from quiz_bank.store import ProgressStore, StoreError

            try:
                self._store = ProgressStore(self.db_path)
            except StoreError as exc:
                self.notify(str(exc), title="Progress not saved", severity="error", markup=False)
                self.db_path = None
        return self._store

    def on_mount(self) -> None:
        theme = load_settings(self.settings_path).get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(HomeScreen())
        if self.start:
            mode, ids, _learner = self.start
            self.open_quiz(ids, review=mode == "review")

    def _remember_theme(self, theme: object) -> None:
        save_setting("theme", self.theme, self.settings_path)

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.close()

    # -- routes ----------------------------------------------------------------------------

    def action_help(self) -> None:
        from tui_app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def open_cards(self, card_id: str | None = None) -> None:
        from tui_app.screens.cards import CardsScreen

        self.push_screen(CardsScreen(card_id))

    def open_quiz(
        self, ids: list[str] | None = None, *, card: str | None = None, review: bool = False
    ) -> None:
        from quiz_bank.session import QuizSession, select_questions
        from tui_app.screens.quiz import QuizScreen

        if review:
            from quiz_bank.scheduler import due_questions

            store = self.store
            questions = (
                [q for q in due_questions(self.briefing, store, self.learner)] if store else []
            )
            if ids:
                questions = select_questions(self.briefing, ids=ids)
            if not questions:
                self.notify("Nothing is due for review. Come back later, or take a quiz.")
                return
        elif ids:
            questions = select_questions(self.briefing, ids=ids)
        else:
            questions = select_questions(self.briefing, card=card, count=None if card else 10)
        session = QuizSession(self.briefing, questions, store=self.store, learner=self.learner)
        title = (
            "Review" if review else ("Quiz: " + self.briefing.card(card).title if card else "Quiz")
        )
        self.push_screen(QuizScreen(session, title=title))

    def open_progress(self) -> None:
        from tui_app.screens.progress import ProgressScreen

        self.push_screen(ProgressScreen())

    def open_chat(self) -> None:
        from tui_app.screens.chat import ChatScreen

        self.push_screen(ChatScreen())
