"""Functional tests drive the real app with Pilot, on a database and settings in tmp."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_data.loader import builtin_briefing
from tests.storage import pg_server, pg_uri, small_disk
from tui_app.app import BriefingApp

__all__ = ["make_app", "pg_server", "pg_uri", "small_disk", "wait_for_workers"]


@pytest.fixture
def make_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(**kwargs: object) -> BriefingApp:
        return BriefingApp(
            builtin_briefing(),
            db_path=tmp_path / "progress.db",
            settings_path=tmp_path / "settings.json",
            **kwargs,  # type: ignore[arg-type]
        )

    return make


async def wait_for_workers(app: BriefingApp) -> None:
    await app.workers.wait_for_complete()
