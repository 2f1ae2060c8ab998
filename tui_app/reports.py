"""Reports for people and spreadsheets (stats, results), and the one way to write them out."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import click

from briefing_data.errors import UserError
from quiz_bank.store import Attempt


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


def results_csv(attempts: list[Attempt]) -> str:
    from quiz_bank.results import RESULT_COLUMNS, result_rows, spreadsheet_safe

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=RESULT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in result_rows(attempts):
        cells = {k: spreadsheet_safe(v) for k, v in row.items()}
        for flag in ("correct", "override", "hint"):
            cells[flag] = str(row[flag]).lower()
        writer.writerow(cells)
    return buffer.getvalue()


def results_table(attempts: list[Attempt]) -> str:
    from quiz_bank.results import hardest_questions, leaderboard, result_rows

    rows = result_rows(attempts)
    lines = [f"{'student':<16} {'question':<30} {'score':>5} {'right':<5} {'time':<19}  answer"]
    for row in rows:
        mark = "yes" if row["correct"] else "no"
        if row["override"]:
            mark += "*"
        answer = " ".join(str(row["answer"]).split())[:40]
        lines.append(
            f"{str(row['student'])[:16]:<16} {str(row['question'])[:30]:<30} "
            f"{row['score']:>5} {mark:<5} {row['time']:<19}  {answer}"
        )
    if rows:
        lines.append("(* = the student overrode the grader)")
        lines.append(
            "\nLeaderboard: "
            + ", ".join(f"{s.student} {s.score:g}" for s in leaderboard(attempts)[:10])
        )
        hard = hardest_questions(attempts)[:5]
        lines.append("Hardest: " + ", ".join(f"{h.question} {h.share:.0%}" for h in hard))
    else:
        lines.append("No answers yet.")
    return "\n".join(lines) + "\n"
