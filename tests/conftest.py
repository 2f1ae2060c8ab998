"""Shared fixtures: the app on a database and settings in tmp, for Pilot and snapshot tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from briefing_data.loader import builtin_briefing
from tests.storage import db_target, pg_server, pg_uri, small_disk
from tui_app.app import BriefingApp

# Real storage for every suite: a PostgreSQL server (pgserver) and a small disk.
__all__ = ["db_target", "make_app", "pg_server", "pg_uri", "small_disk", "wait_for_workers"]

AppFactory = Callable[..., BriefingApp]


def build_app(tmp_path: Path, **kwargs: Any) -> BriefingApp:
    """The app on the built-in briefing, with its database and settings under `tmp_path`."""
    return BriefingApp(
        builtin_briefing(),
        db_path=tmp_path / "progress.db",
        settings_path=tmp_path / "settings.json",
        **kwargs,
    )


@pytest.fixture
def make_app(tmp_path: Path) -> AppFactory:
    def make(**kwargs: Any) -> BriefingApp:
        return build_app(tmp_path, **kwargs)

    return make


async def wait_for_workers(app: BriefingApp) -> None:
    await app.workers.wait_for_complete()


def screen_text(app: BriefingApp) -> str:
    """Every Static's text on the current screen, one per line."""
    return "\n".join(str(s.render()) for s in app.screen.query(Static))
