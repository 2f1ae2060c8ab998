"""Exports of a briefing and its quiz to the tools schools use.

Every format is made from the question bank (`Question` fields only) and the facts, so new
question forms are picked up as the bank yields them. `export_bytes(briefing, fmt)` is the one
entry point; `FORMATS` lists the names the CLI accepts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing_data.models import Briefing

FORMATS = ("json", "anki", "gift", "quizlet", "csv", "markdown")
# Formats that are not text and so need a file (-o) rather than stdout.
BINARY_FORMATS = frozenset({"anki"})
SUFFIXES = {
    "json": ".json",
    "anki": ".apkg",
    "gift": ".gift.txt",
    "quizlet": ".tsv",
    "csv": ".csv",
    "markdown": ".md",
}


def _text(fn: Callable[[Briefing], str]) -> Callable[[Briefing], bytes]:
    return lambda briefing: fn(briefing).encode("utf-8")


def export_bytes(briefing: Briefing, fmt: str) -> bytes:
    """The briefing in format `fmt` (ValueError naming the known formats for another)."""
    if fmt == "json":
        from quiz_bank.export import to_json

        return to_json(briefing).encode("utf-8")
    if fmt == "anki":
        from quiz_bank.exports.anki import to_apkg_bytes

        return to_apkg_bytes(briefing)
    if fmt == "gift":
        from quiz_bank.exports.gift import to_gift

        return to_gift(briefing).encode("utf-8")
    if fmt == "quizlet":
        from quiz_bank.exports.tables import to_quizlet

        return to_quizlet(briefing).encode("utf-8")
    if fmt == "csv":
        from quiz_bank.exports.tables import to_csv

        return to_csv(briefing).encode("utf-8")
    if fmt == "markdown":
        from quiz_bank.exports.markdown import to_markdown

        return to_markdown(briefing).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")


def default_name(briefing: Briefing, fmt: str) -> Path:
    return Path(f"{briefing.id}{SUFFIXES[fmt]}")
