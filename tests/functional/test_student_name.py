"""The name a student gives before a class quiz is checked before the quiz starts."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Input, Static

from tui_app.screens.student import StudentNameScreen


class NameApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(StudentNameScreen("Class quiz"), self.names.append)


async def test_a_bad_name_is_refused_and_a_good_one_accepted() -> None:
    app = NameApp()
    async with app.run_test() as pilot:
        name_input = app.screen.query_one("#name", Input)
        name_input.value = "\x1b[31mred"
        await pilot.press("enter")
        error = app.screen.query_one("#name-error", Static)
        assert "printable" in str(error.render())
        assert app.names == []
        name_input.value = "  Ana  María "
        await pilot.press("enter")
        await pilot.pause()
    assert app.names == ["Ana María"]


async def test_a_class_quiz_in_the_app_asks_the_name_first(tmp_path: Path) -> None:
    from briefing_data.loader import builtin_briefing
    from quiz_bank.store import ProgressStore
    from tui_app.app import BriefingApp

    db = tmp_path / "class.db"
    app = BriefingApp(
        builtin_briefing(),
        db_path=db,
        settings_path=tmp_path / "settings.json",
        start=("quiz", ["belarus-leader"], ""),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StudentNameScreen)
        await pilot.press(*"Ana", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuizScreen"
        await pilot.press(*"Lukashenko", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    with ProgressStore(db) as store:
        assert [(a.learner, a.question, a.correct) for a in store.attempts()] == [
            ("Ana", "belarus-leader", True)
        ]
