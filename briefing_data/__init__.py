"""The content of a briefing: the article, the curated cards and facts, and loading them.

Names are imported on first use, so that `briefing_data.errors` (which the command line needs
before anything else) does not load pydantic.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "Briefing": "briefing_data.models",
    "Card": "briefing_data.models",
    "FactBase": "briefing_data.models",
    "BriefingError": "briefing_data.loader",
    "builtin_briefing": "briefing_data.loader",
    "load_briefing": "briefing_data.loader",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
