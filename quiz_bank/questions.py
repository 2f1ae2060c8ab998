"""Questions of a briefing: every question knows its card, fact and answer.

The forms are made in `forms` (by asking each fact's answer kind) once per briefing and fact;
this module holds the question model and looks questions up. Grading a question is `marking`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from briefing_data.models import Briefing

Form = Literal["recall", "list", "mcq", "tf", "cloze"]
BLANK = "_____"
LETTERS = "abcdefgh"


class Question(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    fact: str
    card: str
    form: Form
    # The kind of the fact asked about: text, number, quantity, date, date-range, list.
    kind: str
    prompt: str
    # The answer as shown after grading.
    answer: str
    # Multiple choice and true/false: the options shown, in order, and the right one.
    choices: list[str] = []
    correct_choice: int | None = None
    # "Name at least K": how many list items make a full answer.
    required: int | None = None
    # Cloze of a list: the key of the item that was blanked.
    blank_item: str | None = None

    @property
    def has_choices(self) -> bool:
        return self.form in ("mcq", "tf")


_MADE: dict[tuple[int, str], tuple[Briefing, list[Question]]] = {}


def _questions_of(briefing: Briefing, fact_id: str) -> list[Question]:
    """A fact's questions, made once per briefing and fact (distractors take some grading)."""
    key = (id(briefing), fact_id)
    hit = _MADE.get(key)
    if hit and hit[0] is briefing:
        return hit[1]
    from quiz_bank.forms import fact_questions

    card = briefing.card_of(fact_id)
    made = fact_questions(briefing, card.id, briefing.fact(fact_id))
    _MADE[key] = (briefing, made)
    return made


def question_bank(briefing: Briefing) -> list[Question]:
    """Every question of the briefing, in card and fact order."""
    return [q for fact in briefing.facts() for q in _questions_of(briefing, fact.id)]


def find_question(briefing: Briefing, question_id: str) -> Question:
    """The question with this id (KeyError naming it if there is none)."""
    fact_id = question_id.split("/", 1)[0]
    try:
        questions = _questions_of(briefing, fact_id)
    except KeyError:
        raise KeyError(question_id) from None
    for question in questions:
        if question.id == question_id:
            return question
    raise KeyError(question_id)

