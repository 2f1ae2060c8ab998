"""Results for a teacher: every attempt, a leaderboard, the hardest questions, overrides."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from quiz_bank.store import Attempt

_FORMULA_START = re.compile(r"^[=+@\t\r]|^-(?![\d.]+$)")


def spreadsheet_safe(value: object) -> object:
    """A cell a spreadsheet will not run as a formula: "=cmd()" is written "'=cmd()"."""
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


RESULT_COLUMNS = ("student", "question", "answer", "score", "correct", "time", "override", "hint")


def result_rows(attempts: list[Attempt]) -> list[dict[str, object]]:
    return [
        {
            "student": a.learner,
            "question": a.question,
            "answer": a.answer,
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
