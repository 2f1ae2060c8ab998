"""Written forms of an answer for tools that compare strings (Moodle, Anki): every spelling
the grader accepts, and the short answer a learner types.

Candidates are generated from the answer key and kept only when the grader itself accepts them,
so an export never accepts what the app would refuse.
"""

from __future__ import annotations

from briefing_data.models import Briefing
from quiz_bank.kinds import kind_of
from quiz_bank.kinds.listkind import ListKind
from quiz_bank.marking import grade_question
from quiz_bank.questions import Question


def _candidates(briefing: Briefing, question: Question) -> list[str]:
    kind = kind_of(briefing.fact(question.fact))
    if question.form == "cloze" and question.blank_item and isinstance(kind, ListKind):
        return kind.item_spellings(question.blank_item)
    return kind.accepted(question.required)


def accepted_answers(briefing: Briefing, question: Question) -> list[str]:
    """Every written form the grader accepts outright for a question, best first, no two
    alike without case (Moodle compares without case)."""
    if question.form in ("mcq", "tf"):
        return [question.choices[question.correct_choice or 0]]
    out: dict[str, str] = {}
    for text in _candidates(briefing, question):
        key = " ".join(text.casefold().split())
        if key not in out and grade_question(briefing, question, text).correct:
            out[key] = text
    return list(out.values()) or [question.answer]


def typed_answer(briefing: Briefing, question: Question) -> str:
    """The short answer a learner types (what Anki compares): "717", not "at least 717
    missiles"; the shortest accepted form of the answer's first spelling."""
    forms = accepted_answers(briefing, question)
    return kind_of(briefing.fact(question.fact)).typed_form(forms)
