"""Pilot tests of the tutor chat: suggestions from the loaded briefing, hidden during a quiz."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from briefing_data.loader import load_briefing
from tests.functional.conftest import wait_for_workers
from tests.functional.test_flows import screen_text
from tui_app.app import BriefingApp

MINI = Path(__file__).parents[1] / "data" / "mini" / "mini.yaml"


async def _say(app: BriefingApp, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*text, "enter")
    await wait_for_workers(app)
    await pilot.pause()


async def test_suggestions_come_from_the_loaded_briefing(tmp_path: Path) -> None:
    app = BriefingApp(
        load_briefing(MINI), db_path=tmp_path / "p.db", settings_path=tmp_path / "s.json"
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        examples = app.screen.query_one("#examples", OptionList)
        offered = [
            str(examples.get_option_at_index(i).prompt) for i in range(examples.option_count)
        ]
        assert offered and any("lighthouse" in o.lower() for o in offered)
        assert not any("belarus" in o.lower() or "kinzhal" in o.lower() for o in offered)


async def test_suggestions_hide_during_a_chat_quiz(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        examples = app.screen.query_one("#examples", OptionList)
        assert examples.display
        await _say(app, pilot, "quiz me")
        assert not examples.display
        assert "Question 1 of" in screen_text(app)
        await _say(app, pilot, "stop")
        assert examples.display
