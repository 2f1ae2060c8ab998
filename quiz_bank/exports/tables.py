"""Quizlet (tab-separated term and definition) and CSV (one row per question) exports."""

from __future__ import annotations

import csv
import io

from briefing_data.models import Briefing
from quiz_bank.exports.answers import accepted_answers, list_items
from quiz_bank.questions import Question, question_bank

CSV_COLUMNS = ("id", "card", "fact", "form", "kind", "prompt", "answer", "accepted", "choices")
# Accepted answers and choices are joined with this in one CSV cell.
JOIN = " | "


def _one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def to_quizlet(briefing: Briefing, questions: list[Question] | None = None) -> str:
    """One line per recall question: the question, a tab, the answer (Quizlet's import)."""
    chosen = question_bank(briefing) if questions is None else questions
    lines = [f"{_one_line(q.prompt)}\t{_one_line(q.answer)}" for q in chosen if q.form == "recall"]
    return "\n".join(lines) + "\n"


def to_csv(briefing: Briefing, questions: list[Question] | None = None) -> str:
    chosen = question_bank(briefing) if questions is None else questions
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for q in chosen:
        items = list_items(briefing, q)
        accepted = (
            [" / ".join(spellings) for spellings in items]
            if items
            else accepted_answers(briefing, q)
        )
        writer.writerow(
            [
                q.id,
                q.card,
                q.fact,
                q.form,
                q.kind,
                q.prompt,
                q.answer,
                JOIN.join(accepted),
                JOIN.join(q.choices),
            ]
        )
    return out.getvalue()
