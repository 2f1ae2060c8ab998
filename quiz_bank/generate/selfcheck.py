"""The draft checked by the project's own grader: every fact's questions must grade as intended."""

from __future__ import annotations

from typing import Any

from briefing_data.models import Briefing
from quiz_bank.forms import fact_questions
from quiz_bank.marking import grade_question
from quiz_bank.normalize import normalize


def fact_problem(briefing: Briefing, card_id: str, fact_id: str) -> str | None:
    """Why a fact fails the self-check, or None when all its questions grade as intended."""
    fact = briefing.fact(fact_id)
    answer_norm = normalize(fact.answer_text)
    for q in fact_questions(briefing, card_id, fact):
        if q.form == "recall" and answer_norm and answer_norm in normalize(q.prompt):
            return "the answer is in its own question"
        if q.form in ("recall", "cloze") and not grade_question(briefing, q, q.answer).correct:
            return f"{q.form}: its own answer is graded wrong"
        if q.form == "mcq":
            normals = [normalize(choice) for choice in q.choices]
            if len(set(normals)) != len(normals):
                return "two options are the same"
            for i, choice in enumerate(q.choices):
                right = grade_question(briefing, q, choice).correct
                if right != (i == q.correct_choice):
                    return f"option {choice!r} is graded {'right' if right else 'wrong'}"
                if i != q.correct_choice and fact.kind != "list":
                    from quiz_bank.grading import grade_fact

                    if grade_fact(fact, choice, briefing=briefing).correct:
                        return f"distractor {choice!r} is graded right"
        if q.form == "tf" and q.correct_choice == 1 and grade_question(briefing, q, "True").correct:
            return "a false statement is graded true"
    return None


def checked(data: dict[str, Any], article: str) -> tuple[Briefing, list[str]]:
    """Validate the draft; drop (or strip the wrong answers of) any fact that fails. Returns the
    briefing and one line per dropped fact."""
    dropped: list[str] = []
    for _ in range(3):
        briefing = Briefing.model_validate(data)
        briefing._article = article
        changed = False
        for card_data, card in zip(data["cards"], briefing.cards, strict=True):
            keep = []
            for fact_data, fact in zip(card_data["facts"], card.facts, strict=True):
                problem = fact_problem(briefing, card.id, fact.id)
                if problem and fact_data["answer"].get("wrong"):
                    fact_data["answer"]["wrong"] = []  # retry without distractors
                    keep.append(fact_data)
                    changed = True
                    continue
                if problem:
                    dropped.append(f"{fact.id}: {problem}")
                    changed = True
                    continue
                keep.append(fact_data)
            card_data["facts"] = keep
        if not changed:
            return briefing, dropped
    briefing = Briefing.model_validate(data)
    briefing._article = article
    return briefing, dropped
