"""The app opens on the cards and shows one when chosen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from briefing_data.loader import builtin_briefing
from tui_app.app import BriefingApp


async def test_home_lists_cards_and_opens_one(tmp_path: Path) -> None:
    app = BriefingApp(builtin_briefing(), db_path=tmp_path / "p.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        cards = app.screen.query_one("#cards", OptionList)
        assert cards.option_count == 7
        await pilot.press("b", "down", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CardScreen"
        text = " ".join(str(s.content) for s in app.screen.query(Static))
        assert "Belarus is the main rear of the Russian army" in text
        assert "at least 717 missiles" in text
        await pilot.press("n")
        await pilot.pause()
        text = " ".join(str(s.content) for s in app.screen.query(Static))
        assert "Card 3 of 7" in text
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
