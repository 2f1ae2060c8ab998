"""The Textual app: it renders the briefing and routes to screens; the engine does the work."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding

from tui_app.screens.home import HomeScreen
from tui_app.serve.session import ServedSession
from tui_app.settings import load_settings, save_setting

if TYPE_CHECKING:
    from textual.command import Provider

    from briefing_data.models import Briefing


def _commands() -> type[Provider]:
    from tui_app.commands import BriefingCommands

    return BriefingCommands


class BriefingApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {_commands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("question_mark", "help", "Help", id="help"),
    ]

    def __init__(
        self,
        briefing: Briefing | None = None,
        db_path: Path | str | None = None,
        *,
        briefing_path: Path | None = None,
        start: tuple[str, list[str], str] | None = None,
        learner: str = "me",
        settings_path: Path | None = None,
        ask_name: bool = False,
        time_limit: float | None = None,
        served: ServedSession | None = None,
    ) -> None:
        # A browser session of `briefing serve` says what it may do (None: a local terminal,
        # the teacher's own machine, may do everything).
        self.served = served if served is not None else ServedSession.from_environ()
        if self.served is not None and self.served.locked:
            # A class session has no palette: its commands lead out of the quiz.
            self.ENABLE_COMMAND_PALETTE = False  # type: ignore[misc]
        super().__init__()
        # Without a briefing, the app paints at once and loads `briefing_path` in a worker.
        self.briefing = briefing
        self.briefing_path = briefing_path
        self.load_error: str | None = None
        self.db_path = db_path
        self.start = start
        # A draft to review first (`briefing import --review`), set before run().
        self.pending_review: object | None = None
        self.learner = start[2] if start else learner
        if self.served is not None and self.served.learner:
            self.learner = self.served.learner
        self.settings_path = settings_path
        self.ask_name = ask_name
        # Seconds per question of a class quiz (none: no limit).
        self.time_limit = time_limit
        if briefing is not None:
            self.sub_title = briefing.title
            if self.served is not None and self.served.learner:
                self.sub_title += f" · {self.learner}"
        self._store = None
        self._roster = None

    @property
    def locked(self) -> bool:
        """A served class session: its name's quiz and its own summary, nothing else."""
        return self.served is not None and self.served.locked

    @property
    def teacher_views(self) -> bool:
        """Class results, overrides and every answer: the serving machine or the teacher."""
        return self.served is None or self.served.teacher

    @property
    def roster(self):  # type: ignore[no-untyped-def]
        """The class roster (override requests) in the progress database, opened on first use."""
        if self._roster is None and self.db_path is not None:
            from quiz_bank.classroster import Roster

            self._roster = Roster(self.db_path)
        return self._roster

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
        if not self.locked:
            self.push_screen(HomeScreen())
        if self.briefing is None:
            # After the first paint, so the loading thread does not delay it.
            self.call_after_refresh(self.load_briefing)
        else:
            self._briefing_ready()

    @work(thread=True, exclusive=True, group="load")
    def load_briefing(self) -> None:
        from briefing_data.loader import BriefingError, builtin_path, load_briefing

        try:
            briefing = load_briefing(self.briefing_path or builtin_path())
        except BriefingError as exc:
            self.load_error = str(exc)
            self.call_from_thread(self.exit, None, 2)
            return
        self.call_from_thread(self._loaded, briefing)

    def _loaded(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.sub_title = briefing.title
        if self.served is not None and self.served.learner:
            self.sub_title += f" · {self.learner}"
        self._briefing_ready()

    def _briefing_ready(self) -> None:
        home = self.screen_stack[1] if len(self.screen_stack) > 1 else None
        if isinstance(home, HomeScreen) and home.is_mounted:
            home.show_briefing()  # otherwise its on_mount shows it
        if self.ask_name:
            from tui_app.screens.name import NameScreen

            self.push_screen(NameScreen(), self._named)
            return
        self._start()

    def _named(self, name: str | None) -> None:
        if name:
            self.learner = name
            self.sub_title = f"{self.briefing.title if self.briefing else ''} · {name}"
        self._start()

    def _start(self) -> None:
        review = getattr(self, "pending_review", None)
        if review is not None:  # `briefing import --review`: the draft opens first
            self.pending_review = None
            self.open_review(review)
            return
        if self.locked and not self.start:
            # Fail closed: a class session without its quiz shows nothing at all.
            self.load_error = "a class session needs its quiz (quiz --from FILE)"
            self.exit(None, 2)
        elif self.locked:
            self.open_class_quiz()
        elif self.start:
            mode, ids, _learner = self.start
            self.open_quiz(ids, review=mode == "review")

    def _remember_theme(self, theme: object) -> None:
        save_setting("theme", self.theme, self.settings_path)

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.close()
        if self._roster is not None:
            self._roster.close()

    # -- routes ----------------------------------------------------------------------------

    def action_help(self) -> None:
        from tui_app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _refused(self, what: str) -> bool:
        """True (and says so) when a locked class session asks for anything but its quiz."""
        if self.locked:
            self.notify(f"{what} are closed during this class quiz.", markup=False)
        return self.locked

    def open_class_quiz(self) -> None:
        """The class quiz of a served session: resumed after the answers of this round, or
        its summary once every question is answered (a reload is not a retake)."""
        from quiz_bank.classquiz import resume_session
        from quiz_bank.classroster import round_attempts
        from quiz_bank.session import QuizSession, select_questions
        from tui_app.screens.quiz import QuizScreen, summary_screen

        assert self.briefing is not None and self.start is not None and self.served is not None
        questions = select_questions(self.briefing, ids=self.start[1])
        session = QuizSession(
            self.briefing,
            questions,
            store=self.store,
            learner=self.learner,
            time_limit=self.time_limit,
        )
        store = self.store
        if store is not None and self.served.round_since is not None:
            done = round_attempts(
                [q.id for q in questions], store.attempts(self.learner), self.served.round_since
            )
            resume_session(session, done)
        if session.done:
            self.push_screen(summary_screen(session, locked=True))
        else:
            self.push_screen(QuizScreen(session, title="Class quiz"))

    def open_results(self) -> None:
        from tui_app.screens.results import ResultsScreen

        if not self.teacher_views:
            self.notify("Class results are for the teacher.", markup=False)
            return
        self.push_screen(ResultsScreen())

    def open_cards(self, card_id: str | None = None) -> None:
        from tui_app.screens.cards import CardsScreen

        if self._refused("Cards"):
            return

        self.push_screen(CardsScreen(card_id))

    def open_quiz(
        self, ids: list[str] | None = None, *, card: str | None = None, review: bool = False
    ) -> None:
        from quiz_bank.session import QuizSession, select_questions
        from tui_app.screens.quiz import QuizScreen

        if self._refused("Other quizzes"):
            return
        if ids:
            questions = select_questions(self.briefing, ids=ids)
        elif review:
            from quiz_bank.scheduler import due_questions

            store = self.store
            questions = due_questions(self.briefing, store, self.learner) if store else []
        else:
            questions = select_questions(self.briefing, card=card, count=None if card else 10)
        if not questions:
            self.notify("Nothing is due for review. Come back later, or take a quiz.")
            return
        session = QuizSession(
            self.briefing,
            questions,
            store=self.store,
            learner=self.learner,
            time_limit=self.time_limit,
        )
        title = (
            "Review" if review else ("Quiz: " + self.briefing.card(card).title if card else "Quiz")
        )
        self.push_screen(QuizScreen(session, title=title))

    def open_progress(self) -> None:
        from tui_app.screens.progress import ProgressScreen

        if self._refused("Progress views"):
            return
        self.push_screen(ProgressScreen())

    def open_import(self) -> None:
        from tui_app.screens.review import ImportScreen

        self.push_screen(ImportScreen())

    def open_review(self, review: object) -> None:
        from tui_app.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(review))  # type: ignore[arg-type]

    def study_briefing(self, path: Path) -> None:
        """Load a briefing just saved and open its cards ("study it now")."""
        from briefing_data.loader import BriefingError, load_briefing

        try:
            briefing = load_briefing(path)
        except BriefingError as exc:
            self.notify(str(exc), title="Cannot open", severity="error", markup=False)
            return
        self.briefing_path = path
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self._loaded(briefing)
        self.open_cards()

    def open_chat(self) -> None:
        from tui_app.screens.chat import ChatScreen

        if self._refused("The tutor and its answers"):
            return
        self.push_screen(ChatScreen())
