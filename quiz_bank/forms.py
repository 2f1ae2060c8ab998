"""Question forms made from a fact by asking its answer kind.

- ``FACT`` free-text recall (lists ask for every item; numbers and dates for the value);
- ``FACT/list-K`` name at least K of a list of three or more;
- ``FACT/mcq`` multiple choice, distractors drawn from same-type values elsewhere in the
  briefing or from the fact's known wrong answers;
- ``FACT/tf-1`` (the fact as stated: true), ``FACT/tf-2`` (the fact with its answer swapped
  for a distractor: false);
- ``FACT/cloze`` the evidence sentence with the answer blanked.
A distractor is checked with the grader: it is never also a right answer.
"""

from __future__ import annotations

import math

from briefing_data.models import Briefing, FactBase, ListAnswer
from quiz_bank.distractors import distinct_options
from quiz_bank.kinds import kind_of
from quiz_bank.kinds.common import fact_rng
from quiz_bank.questions import BLANK, Form, Question


def _question(fact: FactBase, card_id: str, form: Form, qid: str, **fields: object) -> Question:
    """A question about `fact` on card `card_id`: the fields every form shares."""
    return Question(id=qid, fact=fact.id, card=card_id, form=form, kind=fact.kind, **fields)  # type: ignore[arg-type]


def recall_question(card_id: str, fact: FactBase) -> Question:
    """The free-text recall question of a fact; its id is the fact id."""
    return _question(
        fact, card_id, "recall", fact.id, prompt=fact.question, answer=fact.answer_text
    )


def list_k_question(card_id: str, fact: FactBase) -> Question | None:
    a = fact.answer
    if not isinstance(a, ListAnswer) or len(a.items) < 3:
        return None
    k = math.ceil(len(a.items) / 2)
    return _question(
        fact,
        card_id,
        "list",
        f"{fact.id}/list-{k}",
        prompt=f"{fact.question} (name at least {k} of {len(a.items)})",
        answer=a.display(),
        required=k,
    )


def mcq_question(briefing: Briefing, card_id: str, fact: FactBase) -> Question | None:
    rng = fact_rng(fact.id, "mcq")
    right, wrong, prompt = kind_of(fact).mcq(briefing, rng)
    wrong = [w for w in distinct_options(wrong, keep=[right]) if w != right]
    if len(wrong) < 2:
        return None
    choices = [right, *wrong]
    rng.shuffle(choices)
    return _question(
        fact,
        card_id,
        "mcq",
        f"{fact.id}/mcq",
        prompt=prompt,
        answer=right,
        choices=choices,
        correct_choice=choices.index(right),
    )


def tf_questions(briefing: Briefing, card_id: str, fact: FactBase) -> list[Question]:
    """The fact as stated (true) and, where a distractor fits, the fact falsified (false)."""
    out = [
        _question(
            fact,
            card_id,
            "tf",
            f"{fact.id}/tf-1",
            prompt=f"True or false: {fact.statement}",
            answer="True",
            choices=["True", "False"],
            correct_choice=0,
        )
    ]
    for swap in kind_of(fact).swaps(briefing, fact.statement)[:1]:
        lo, hi = swap.span
        false = fact.statement[:lo] + swap.instead + fact.statement[hi:]
        out.append(
            _question(
                fact,
                card_id,
                "tf",
                f"{fact.id}/tf-2",
                prompt=f"True or false: {false}",
                answer=f"False: the article says {swap.said}, not {swap.instead}",
                choices=["True", "False"],
                correct_choice=1,
            )
        )
    return out


def cloze_question(card_id: str, fact: FactBase) -> Question | None:
    blank = kind_of(fact).blank(fact.evidence)
    if blank is None:
        return None
    lo, hi = blank.span
    text = fact.evidence[:lo] + BLANK + fact.evidence[hi:]
    return _question(
        fact,
        card_id,
        "cloze",
        f"{fact.id}/cloze",
        prompt=f"Fill in the blank: “{text}”",
        answer=blank.answer,
        blank_item=blank.item,
    )


def fact_questions(briefing: Briefing, card_id: str, fact: FactBase) -> list[Question]:
    out = [recall_question(card_id, fact)]
    for q in (list_k_question(card_id, fact), mcq_question(briefing, card_id, fact)):
        if q is not None:
            out.append(q)
    out += tf_questions(briefing, card_id, fact)
    cloze = cloze_question(card_id, fact)
    if cloze is not None:
        out.append(cloze)
    return out
