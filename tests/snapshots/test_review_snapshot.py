"""Snapshot of the teacher's review screen at 80x24 (update: --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from briefing_data.loader import builtin_briefing
from quiz_bank.generate import prepare
from quiz_bank.generate.review import DraftReview
from tui_app.app import BriefingApp

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def test_review_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft, yaml_path, text_path, text = prepare(
        ARTICLES / "school-garden.md", tmp_path / "garden.yaml", None
    )
    app = BriefingApp(
        builtin_briefing(), db_path=tmp_path / "p.db", settings_path=tmp_path / "s.json"
    )
    app.pending_review = DraftReview(draft, text, yaml_path, text_path)

    async def settle(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await pilot.pause()
        await pilot.press("down", "down", "down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
