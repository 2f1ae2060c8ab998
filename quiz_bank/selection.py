"""Choosing the questions of a quiz: exactly some ids, or one question per fact."""

from __future__ import annotations

import random

from briefing_data.models import Briefing
from quiz_bank.questions import Question, find_question, question_bank

DEFAULT_FORMS = ("recall", "list", "mcq", "tf", "cloze")


def select_questions(
    briefing: Briefing,
    *,
    card: str | None = None,
    tag: str | None = None,
    count: int | None = None,
    seed: int | None = None,
    ids: list[str] | None = None,
    forms: tuple[str, ...] | list[str] | None = None,
) -> list[Question]:
    """The questions of a quiz.

    `ids` gives exactly those questions in that order (KeyError naming an unknown one).
    Otherwise one question per fact of the chosen card or tag, its form drawn at random
    among `forms`, in a shuffled order; the same seed gives the same quiz.
    """
    if ids:
        return [find_question(briefing, qid) for qid in ids]
    if card is not None:
        briefing.card(card)  # KeyError for an unknown card
    rng = random.Random(seed)
    wanted = set(forms or DEFAULT_FORMS)
    by_fact: dict[str, list[Question]] = {}
    for q in question_bank(briefing):
        if q.form not in wanted or (card is not None and q.card != card):
            continue
        if tag is not None:
            fact = briefing.fact(q.fact)
            if tag not in fact.tags and tag not in briefing.card(q.card).tags:
                continue
        by_fact.setdefault(q.fact, []).append(q)
    chosen = [rng.choice(options) for options in by_fact.values()]
    rng.shuffle(chosen)
    return chosen[:count] if count else chosen
