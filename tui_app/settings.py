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
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
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
