"""The teacher's live results: leaderboard, questions hardest first, overrides to review.

Reads the shared progress database every couple of seconds (only when new attempts landed it
redraws). Every name and answer is shown as plain text, never parsed as markup.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from quiz_bank.results import hardest_questions, leaderboard, overrides
from quiz_bank.store import ProgressStore, StoreError

REFRESH_SECONDS = 2.0


def _text(value: str, width: int = 40) -> Text:
    """Plain text for a cell: one line, control characters shown as '?', cut to `width`."""
    flat = "".join(ch if ch.isprintable() else "?" for ch in " ".join(value.split()))
    return Text(flat if len(flat) <= width else flat[: width - 1] + "…")


class ResultsScreen(Screen[None]):
    BINDINGS = [Binding("r", "refresh_results", "Refresh")]
    DEFAULT_CSS = """
    ResultsScreen #status { padding: 0 1; height: auto; }
    ResultsScreen Horizontal { height: 1fr; }
    ResultsScreen Vertical { width: 1fr; }
    ResultsScreen .heading { text-style: bold; padding: 0 1; }
    ResultsScreen DataTable { height: 1fr; }
    ResultsScreen #overrides { height: 10; }
    """

    def __init__(self, db_path: Path, questions: list[str] | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        # Only these questions (a class quiz's ids), when given.
        self.questions = None if questions is None else set(questions)
        self._seen: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content("Waiting for answers…"), id="status")
        with Horizontal():
            with Vertical():
                yield Static(Content("Leaderboard"), classes="heading")
                yield DataTable(id="leaderboard", cursor_type="row", zebra_stripes=True)
            with Vertical():
                yield Static(Content("Questions, hardest first"), classes="heading")
                yield DataTable(id="questions", cursor_type="row", zebra_stripes=True)
        yield Static(Content("Overrides to review (“I was right”)"), classes="heading")
        yield DataTable(id="overrides", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#leaderboard", DataTable).add_columns("#", "student", "score", "right")
        self.query_one("#questions", DataTable).add_columns("question", "right", "answers")
        self.query_one("#overrides", DataTable).add_columns("student", "question", "answer")
        self.refresh_results()
        self.set_interval(REFRESH_SECONDS, self.refresh_results)

    def action_refresh_results(self) -> None:
        self.refresh_results(force=True)

    def refresh_results(self, force: bool = False) -> None:
        status = self.query_one("#status", Static)
        if not self.db_path.exists():
            status.update(Content(f"No answers yet ({self.db_path} does not exist)."))
            return
        try:
            with ProgressStore(self.db_path) as store:
                attempts = store.attempts()
        except StoreError as exc:
            status.update(Content(str(exc)))
            return
        seen = (len(attempts), sum(a.override for a in attempts))
        if seen == self._seen and not force:
            return
        self._seen = seen
        if self.questions is not None:
            attempts = [a for a in attempts if a.question in self.questions]
        board_rows = leaderboard(attempts)
        status.update(
            Content(
                f"{len(attempts)} answers from {len(board_rows)} students. Updates as answers land."
            )
        )
        board = self.query_one("#leaderboard", DataTable)
        board.clear()
        for rank, s in enumerate(board_rows, 1):
            board.add_row(
                Text(str(rank)),
                _text(s.student, 30),
                Text(f"{s.score:.1f}"),
                Text(f"{s.correct}/{s.answered}"),
            )
        table = self.query_one("#questions", DataTable)
        table.clear()
        for q in hardest_questions(attempts):
            table.add_row(_text(q.question), Text(f"{q.share:.0%}"), Text(str(q.answered)))
        review = self.query_one("#overrides", DataTable)
        review.clear()
        for a in reversed(overrides(attempts)):
            review.add_row(_text(a.learner, 30), _text(a.question), _text(a.answer, 60))


class ResultsApp(App[None]):
    """`briefing results --live`: the results screen on its own."""

    TITLE = "briefing results"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="quit")]

    def __init__(self, db_path: Path, questions: list[str] | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.questions = questions

    def on_mount(self) -> None:
        self.push_screen(ResultsScreen(self.db_path, self.questions))
