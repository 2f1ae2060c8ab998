"""The name a student gives before a class quiz is checked before the quiz starts."""

from __future__ import annotations

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
