"""The teacher's live results screen shows the class and follows new answers."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import DataTable

from quiz_bank.store import ProgressStore
from tui_app.screens.results import ResultsApp, ResultsScreen


def _add(store: ProgressStore, learner: str, question: str, correct: bool) -> int:
    return store.add_attempt(
        learner=learner,
        question=question,
        fact=question.split("/")[0],
        card="overview",
        answer="[bold]x[/bold]" if learner.startswith("[") else "x",
        correct=correct,
        score=1.0 if correct else 0.0,
    )


async def test_results_screen_shows_and_follows_the_class(tmp_path: Path) -> None:
    db = tmp_path / "class.db"
    with ProgressStore(db) as store:
        _add(store, "Ana", "belarus-leader", True)
        _add(store, "[red]Ben[/red]", "belarus-leader", False)
        _add(store, "Ben", "scheme-partners", False)
    app = ResultsApp(db)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        board = screen.query_one("#leaderboard", DataTable)
        names = [board.get_row_at(i)[1] for i in range(board.row_count)]
        assert all(isinstance(n, Text) for n in names)
        assert names[0].plain == "Ana"
        assert "[red]Ben[/red]" in [n.plain for n in names]  # shown literally
        questions = screen.query_one("#questions", DataTable)
        assert questions.get_row_at(0)[0].plain == "scheme-partners"  # 0% right: hardest
        with ProgressStore(db) as store:
            for _ in range(3):
                _add(store, "Cleo", "belarus-leader", True)
            attempt = _add(store, "Dan", "scheme-partners", False)
            store.mark_override(attempt, 1.0)
        screen.refresh_results()
        await pilot.pause()
        assert board.get_row_at(0)[1].plain == "Cleo"
        overrides = screen.query_one("#overrides", DataTable)
        assert overrides.row_count == 1 and overrides.get_row_at(0)[0].plain == "Dan"


async def test_results_screen_without_a_database(tmp_path: Path) -> None:
    app = ResultsApp(tmp_path / "none.db")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one("#leaderboard", DataTable).row_count == 0
    assert not (tmp_path / "none.db").exists()


async def test_the_app_opens_class_results(tmp_path: Path) -> None:
    from briefing_data.loader import builtin_briefing
    from tui_app.app import BriefingApp

    db = tmp_path / "class.db"
    with ProgressStore(db) as store:
        _add(store, "Ana", "belarus-leader", True)
    app = BriefingApp(builtin_briefing(), db_path=db, settings_path=tmp_path / "s.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_results()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        board = app.screen.query_one("#leaderboard", DataTable)
        assert board.get_row_at(0)[1].plain == "Ana"
