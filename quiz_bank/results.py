"""Results for a teacher: every attempt, a leaderboard, the hardest questions, overrides."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from quiz_bank.store import Attempt

_FORMULA_START = re.compile(r"^[=+@\t\r]|^-(?![\d.]+$)")
# Controls (C0, DEL, C1), bidi overrides and isolates, line and paragraph separators.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    if ch < "\x20":
        return chr(0x2400 + ord(ch))  # ␛ for ESC, ␊ for a newline: seen, never obeyed
    if ch == "\x7f":
        return "\u2421"
    return f"<U+{ord(ch):04X}>"


def printable(text: str) -> str:
    """Text from a student or a file, safe to print in a terminal or a table: control
    characters and escapes are shown as symbols (ESC as ␛), never sent raw."""
    return _UNSAFE.sub(_visible, unicodedata.normalize("NFC", text))


def one_line(text: str) -> str:
    """printable() on one line: runs of whitespace become one space first."""
    return printable(" ".join(text.split()))


def spreadsheet_safe(value: object) -> object:
    """A cell a spreadsheet will not run as a formula: "=cmd()" is written "'=cmd()"."""
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


RESULT_COLUMNS = ("student", "question", "answer", "score", "correct", "time", "override", "hint")


def result_rows(attempts: list[Attempt]) -> list[dict[str, object]]:
    """One row per attempt; names and answers neutralised (see printable)."""
    return [
        {
            "student": printable(a.learner),
            "question": a.question,
            "answer": printable(a.answer),
            "score": round(a.score, 4),
            "correct": a.correct,
            "time": a.answered_at.isoformat(timespec="seconds"),
            "override": a.override,
            "hint": a.hint,
        }
        for a in attempts
    ]


@dataclass(frozen=True)
class Standing:
    student: str
    score: float
    correct: int
    answered: int


@dataclass(frozen=True)
class QuestionShare:
    question: str
    answered: int
    correct: int

    @property
    def share(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


def leaderboard(attempts: list[Attempt]) -> list[Standing]:
    by: dict[str, list[Attempt]] = defaultdict(list)
    for a in attempts:
        by[a.learner].append(a)
    out = [
        Standing(
            student,
            round(sum(a.score for a in rows), 4),
            sum(a.correct for a in rows),
            sum(not a.skipped for a in rows),
        )
        for student, rows in by.items()
    ]
    out.sort(key=lambda s: (-s.score, s.student))
    return out


def hardest_questions(attempts: list[Attempt]) -> list[QuestionShare]:
    by: dict[str, list[Attempt]] = defaultdict(list)
    for a in attempts:
        by[a.question].append(a)
    out = [QuestionShare(q, len(rows), sum(a.correct for a in rows)) for q, rows in by.items()]
    out.sort(key=lambda s: (s.share, -s.answered, s.question))
    return out


def overrides(attempts: list[Attempt]) -> list[Attempt]:
    return [a for a in attempts if a.override]


def results_csv(attempts: list[Attempt]) -> str:
    """The teacher's CSV: formulas neutralised, flags as true/false."""
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
    """The teacher's table for a terminal: every cell one printable line."""
    rows = result_rows(attempts)
    lines = [f"{'student':<16} {'question':<30} {'score':>5} {'right':<5} {'time':<19}  answer"]
    for row in rows:
        mark = "yes" if row["correct"] else "no"
        if row["override"]:
            mark += "*"
        answer = one_line(str(row["answer"]))[:40]
        lines.append(
            f"{one_line(str(row['student']))[:16]:<16} {str(row['question'])[:30]:<30} "
            f"{row['score']:>5} {mark:<5} {row['time']:<19}  {answer}"
        )
    if not rows:
        return "\n".join([*lines, "No answers yet."]) + "\n"
    lines.append('(* = the teacher accepted the student\'s "I was right")')
    lines.append(
        "\nLeaderboard: "
        + ", ".join(f"{one_line(s.student)} {s.score:g}" for s in leaderboard(attempts)[:10])
    )
    hard = hardest_questions(attempts)[:5]
    lines.append("Hardest: " + ", ".join(f"{h.question} {h.share:.0%}" for h in hard))
    return "\n".join(lines) + "\n"
