"""Grading a class's answers collected elsewhere: a CSV of student, question, answer."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing_data.errors import UserError
from briefing_data.models import Briefing
from briefing_data.safeio import CSV_BYTES, read_user_text
from quiz_bank.grading import MAX_ANSWER_CHARS
from quiz_bank.marking import grade_question
from quiz_bank.questions import find_question
from quiz_bank.results import printable, spreadsheet_safe

COLUMNS = ("student", "question", "answer")
OUT_COLUMNS = (*COLUMNS, "correct", "score", "feedback")


@dataclass
class CsvReport:
    graded: int = 0
    problems: list[str] = field(default_factory=list)
    # question id -> [answers, correct, score sum]
    per_question: dict[str, list[float]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0, 0.0])
    )

    def summary_text(self) -> str:
        lines = [f"Graded {self.graded} answers ({len(self.problems)} rows skipped)."]
        if self.per_question:
            lines.append(f"{'question':<34} {'answers':>7} {'right':>6} {'mean':>6}")
            for qid, (n, right, total) in sorted(self.per_question.items()):
                lines.append(f"{qid:<34} {int(n):>7} {int(right):>6} {total / n:>6.0%}")
        return "\n".join(lines)


def grade_csv(briefing: Briefing, path: Path, output: Path | None = None) -> CsvReport:
    """Grade every row; rows that cannot be graded are reported by line and skipped.

    The file is read through the safe reader (a regular file, capped; UserFileError is a
    ValueError); no field can exceed the file, so the csv module's own field limit is lifted
    to the cap and an overlong answer is a row problem, not a parser error.
    """
    text = read_user_text(path, CSV_BYTES).removeprefix("\ufeff")
    csv.field_size_limit(max(csv.field_size_limit(), CSV_BYTES))
    reader = csv.DictReader(io.StringIO(text))
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as exc:
        raise ValueError(f"{path}:1: not a readable CSV header ({exc})") from None
    header = [h.strip().lower() for h in fieldnames]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise UserError(f"{path}:1: missing column(s) {', '.join(missing)}")
    reader.fieldnames = header
    report = CsvReport()
    rows: list[dict[str, object]] = []
    for row in _rows(reader, path, report):
        line = reader.line_num
        student = (row.get("student") or "").strip()
        qid = (row.get("question") or "").strip()
        answer = row.get("answer")
        if None in row:
            report.problems.append(f"{path}:{line}: too many columns; row skipped")
            continue
        if not student or not qid or answer is None:
            report.problems.append(f"{path}:{line}: student, question and answer are needed")
            continue
        if len(answer) > MAX_ANSWER_CHARS or len(student) > 200 or len(qid) > 200:
            longest = max(len(answer), len(student), len(qid))
            report.problems.append(f"{path}:{line}: a field of {longest:,} characters; row skipped")
            continue
        try:
            question = find_question(briefing, qid)
        except KeyError:
            report.problems.append(f"{path}:{line}: unknown question id {qid!r}; row skipped")
            continue
        verdict = grade_question(briefing, question, answer)
        stats = report.per_question[qid]
        stats[0] += 1
        stats[1] += verdict.correct
        stats[2] += verdict.score
        report.graded += 1
        rows.append(
            {
                "student": student,
                "question": qid,
                "answer": answer,
                "correct": "true" if verdict.correct else "false",
                "score": f"{verdict.score:.2f}",
                "feedback": verdict.feedback,
            }
        )
    out_path = output or path.with_name(path.stem[:200] + "-graded.csv")
    if out_path.resolve() == path.resolve():
        raise UserError(f"{out_path}: will not overwrite the answers being graded")
    with out_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=OUT_COLUMNS)
        writer.writeheader()
        writer.writerows(
            {k: spreadsheet_safe(printable(str(v))) for k, v in row.items()} for row in rows
        )
    return report


def _rows(reader: csv.DictReader[str], path: Path, report: CsvReport) -> Iterator[dict[str, str]]:
    """The rows of a CSV; a row the parser cannot read is a problem on its line, then the next."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report.problems.append(
                f"{path}:{reader.line_num}: not readable CSV ({exc}); row skipped"
            )
            continue
        yield row
