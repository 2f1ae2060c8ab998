"""The one place that knows where files live: the progress database and the settings."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "briefing"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / "progress.db"


def resolve_db_path(option: str | os.PathLike[str] | None = None) -> Path | str:
    """`--db` first, then `BRIEFING_DB`, then the user data directory.

    A file path comes back as a Path (SQLite); a `scheme://` URI stays a str, never a Path.
    """
    from quiz_bank.store.target import as_target

    if option:
        return as_target(option)
    env = os.environ.get("BRIEFING_DB")
    if env:
        return as_target(env)
    return default_db_path()


def settings_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "settings.json"
