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


def _one_card(data: dict[str, Any], card: dict[str, Any], article: str) -> Briefing:
    """A briefing of one card: the grader's cost grows with the facts it knows of."""
    briefing = Briefing.model_validate({**data, "cards": [card]})
    briefing._article = article
    return briefing


def checked(data: dict[str, Any], article: str) -> tuple[Briefing, list[str]]:
    """Validate the draft; a fact that fails loses its wrong answers, then, if it still fails,
    is dropped. Returns the briefing and one line per dropped fact.

    Each card is checked on its own: other cards only add distractors, which the question bank
    checks with the grader as it draws them.
    """
    dropped: list[str] = []
    for card_data in data["cards"]:
        retry = False
        for attempt in (0, 1):
            if not card_data["facts"] or (attempt == 1 and not retry):
                break
            briefing = _one_card(data, card_data, article)
            keep = []
            for fact_data, fact in zip(card_data["facts"], briefing.cards[0].facts, strict=True):
                problem = fact_problem(briefing, card_data["id"], fact.id)
                if problem is None:
                    keep.append(fact_data)
                elif attempt == 0 and fact_data["answer"].get("wrong"):
                    fact_data["answer"]["wrong"] = []  # try again without distractors
                    keep.append(fact_data)
                    retry = True
                else:
                    dropped.append(f"{fact.id}: {problem}")
            card_data["facts"] = keep
    briefing = Briefing.model_validate(data)
    briefing._article = article
    return briefing, dropped
