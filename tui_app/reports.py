"""Reports for people (stats), and the one way to write a report to -o or stdout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from briefing_data.errors import UserError


def write_out(text: str, output: Path | None, what: str = "") -> None:
    """Print `text`, or write it to `output` and say so on stderr."""
    if output is None:
        click.echo(text, nl=False)
        return
    if output.is_dir():
        raise UserError(f"{output}: is a directory; give a file name")
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror})") from None
    click.echo(f"Wrote {output}{f' ({what})' if what else ''}", err=True)


def stats_text(data: dict[str, Any], student: str | None) -> str:
    """`stats` for a person: the tally, then mastery per card ("not studied" when untouched)."""
    who = student or "all students"
    lines = [f"Progress of {who}: {data['summary']}"]
    for card in data["cards"]:
        title = card["title"][:44]
        if not card["studied"]:
            lines.append(f"  {title:<44} {'':<20} not studied")
            continue
        bar = "█" * round(card["mastery"] * 20)
        lines.append(
            f"  {title:<44} {bar:<20} {card['mastery']:>4.0%} "
            f"({card['correct']}/{card['attempts']} right)"
        )
    return "\n".join(lines) + "\n"

