"""The app's remembered choices (the theme), a small JSON file in the user config directory."""

from __future__ import annotations

import json
import os
from pathlib import Path


def settings_file() -> Path:
    env = os.environ.get("BRIEFING_SETTINGS")
    if env:
        return Path(env)
    from quiz_bank.locations import settings_path

    return settings_path()


def load_settings(path: Path | None = None) -> dict[str, object]:
    path = path or settings_file()
    from briefing_data.safeio import SETTINGS_BYTES, read_user_text

    try:
        # The safe reader: a FIFO or a device in its place must not hang or fill the app.
        data = json.loads(read_user_text(path, SETTINGS_BYTES))
    except (OSError, ValueError, RecursionError):  # UserFileError is a ValueError
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(key: str, value: object, path: Path | None = None) -> None:
    path = path or settings_file()
    data = load_settings(path)
    data[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # an unwritable config directory only costs the remembered theme
