"""Questions generated from a briefing's facts: every question knows its card, fact and answer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from briefing_data.models import Briefing, FactBase, ListAnswer
from quiz_bank.grading import grade_fact
from quiz_bank.verdict import Verdict

Form = Literal["recall", "list", "number", "date", "mcq", "tf", "cloze"]


class Question(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    fact: str
    card: str
    form: Form
    prompt: str
    # The answer as shown after grading.
    answer: str
    # Multiple choice and true/false: the options shown, in order.
    choices: list[str] = []


def recall_question(card_id: str, fact: FactBase) -> Question:
    """The free-text recall question of a fact; its id is the fact id."""
    prompt = fact.question
    if isinstance(fact.answer, ListAnswer) and fact.answer.required:
        prompt = f"{prompt} (name at least {fact.answer.required})"
    return Question(
        id=fact.id,
        fact=fact.id,
        card=card_id,
        form="recall",
        prompt=prompt,
        answer=fact.answer_text,
    )


def question_bank(briefing: Briefing) -> list[Question]:
    """Every question of the briefing, in card and fact order."""
    return [recall_question(card.id, fact) for card in briefing.cards for fact in card.facts]


def find_question(briefing: Briefing, question_id: str) -> Question:
    for question in question_bank(briefing):
        if question.id == question_id:
            return question
    raise KeyError(question_id)


def grade_question(briefing: Briefing, question: Question, typed: str) -> Verdict:
    """Grade a typed answer to any question of the bank."""
    fact = briefing.fact(question.fact)
    return grade_fact(fact, typed, question_id=question.id, briefing=briefing)
