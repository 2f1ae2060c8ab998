"""A class's results: every attempt as a row (CSV or a table), and the live summary the
teacher watches: a leaderboard by score, the share of right answers per question (hardest
first) and the overrides ("I was right") to review.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from quiz_bank.store import Attempt

CSV_COLUMNS = (
    "student",
    "question",
    "answer",
    "score",
    "correct",
    "time",
    "override",
    "hint",
    "skipped",
    "seconds",
    "card",
)
# A cell starting with one of these is a formula to a spreadsheet: it is quoted with '.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def printable(text: str, width: int | None = None) -> str:
    """Text safe for a terminal: control and escape characters shown as '?', one line."""
    flat = "".join(
        "?" if unicodedata.category(ch)[0] == "C" else ch for ch in " ".join(text.split())
    )
    if width is not None and len(flat) > width:
        flat = flat[: max(width - 1, 0)] + "…"
    return flat


def results_csv(attempts: Iterable[Attempt]) -> str:
    """One row per attempt (the contract's columns first), safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for a in attempts:
        writer.writerow(
            [
                _cell(a.learner),
                a.question,
                _cell(a.answer),
                f"{a.score:.2f}",
                "yes" if a.correct else "no",
                a.answered_at.isoformat(timespec="seconds"),
                "yes" if a.override else "no",
                "yes" if a.hint else "no",
                "yes" if a.skipped else "no",
                "" if a.duration is None else f"{a.duration:.1f}",
                a.card,
            ]
        )
    return out.getvalue()


@dataclass(frozen=True)
class StudentScore:
    student: str
    answered: int
    correct: int
    score: float
    overrides: int

    @property
    def percent(self) -> float:
        return self.score / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class QuestionShare:
    question: str
    fact: str
    card: str
    attempts: int
    right: int
    mean_score: float

    @property
    def share(self) -> float:
        return self.right / self.attempts if self.attempts else 0.0


@dataclass
class ClassResults:
    leaderboard: list[StudentScore] = field(default_factory=list)
    questions: list[QuestionShare] = field(default_factory=list)
    overrides: list[Attempt] = field(default_factory=list)
    attempts: int = 0
    last_id: int = 0


def class_results(attempts: Iterable[Attempt], questions: list[str] | None = None) -> ClassResults:
    """The summary of a class's attempts (only `questions`, when given: a class quiz's ids).

    Leaderboard: score (full credit 1, partial credit its share) highest first, then more
    right answers, then name. Questions: the share of right answers, lowest (hardest) first.
    Overrides: answers the student marked "I was right", newest first, for the teacher.
    """
    wanted = set(questions) if questions is not None else None
    students: dict[str, list[float]] = {}
    per_question: dict[str, list[float]] = {}
    where: dict[str, tuple[str, str]] = {}
    result = ClassResults()
    for a in attempts:
        result.last_id = max(result.last_id, a.id)
        if wanted is not None and a.question not in wanted:
            continue
        result.attempts += 1
        s = students.setdefault(a.learner, [0, 0, 0.0, 0])
        s[0] += 1
        s[1] += a.correct
        s[2] += a.score
        s[3] += a.override
        q = per_question.setdefault(a.question, [0, 0, 0.0])
        q[0] += 1
        q[1] += a.correct
        q[2] += a.score
        where[a.question] = (a.fact, a.card)
        if a.override:
            result.overrides.append(a)
    result.leaderboard = sorted(
        (
            StudentScore(name, int(v[0]), int(v[1]), round(v[2], 4), int(v[3]))
            for name, v in students.items()
        ),
        key=lambda s: (-s.score, -s.correct, s.student.casefold()),
    )
    result.questions = sorted(
        (
            QuestionShare(qid, *where[qid], int(v[0]), int(v[1]), v[2] / v[0])
            for qid, v in per_question.items()
        ),
        key=lambda q: (q.share, q.mean_score, -q.attempts, q.question),
    )
    result.overrides.reverse()
    return result


def results_table(attempts: list[Attempt]) -> str:
    """A teacher's table: every attempt, then the leaderboard and the hardest questions."""
    lines = [
        f"{'student':<20} {'question':<30} {'answer':<30} {'score':>5} {'ok':>3}  time (UTC)",
    ]
    for a in attempts:
        mark = "yes" if a.correct else "no"
        if a.override:
            mark = "ovr"
        lines.append(
            f"{printable(a.learner, 20):<20} {printable(a.question, 30):<30} "
            f"{printable(a.answer, 30):<30} {a.score:>5.2f} {mark:>3}  "
            f"{a.answered_at:%Y-%m-%d %H:%M:%S}"
        )
    summary = class_results(attempts)
    lines += ["", f"{len(attempts)} attempts by {len(summary.leaderboard)} students.", ""]
    if summary.leaderboard:
        lines.append("Leaderboard")
        for rank, s in enumerate(summary.leaderboard, 1):
            lines.append(
                f"{rank:>3}. {printable(s.student, 30):<30} {s.score:>6.2f} "
                f"({s.correct}/{s.answered} right)"
            )
        lines += ["", "Questions, hardest first"]
        for q in summary.questions:
            lines.append(f"  {q.question:<40} {q.share:>5.0%} right of {q.attempts}")
    if summary.overrides:
        lines += ["", "Overrides to review"]
        for a in summary.overrides:
            lines.append(f"  {printable(a.learner, 20)}: {a.question}: {printable(a.answer, 60)!r}")
    return "\n".join(lines) + "\n"
