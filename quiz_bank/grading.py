"""Grading a typed answer the way a fair teacher would: lenient on slips, strict on facts.

Lenient: case, accents, scripts, punctuation, word order, filler, plurals, British spelling,
designation spacing (see `normalize`), honest typos scaled to word length, number words and
the date formats of `dates`. Strict: a different number, date, unit or designation is wrong;
a typo that lands on another real thing (a known wrong answer, another entity of the briefing,
a country, a common English word) is wrong; naming several answers to a one-answer question
is wrong unless the others are ruled out ("logistics, not troops").

The answer is read once (`answer.TypedAnswer`); the fact's kind (`kinds`) grades it against
its key, prepared once per fact and briefing.
"""

from __future__ import annotations

from briefing_data.models import Briefing, FactBase
from quiz_bank.answer import TypedAnswer
from quiz_bank.kinds import GradeContext, kind_of
from quiz_bank.kinds.common import verdict
from quiz_bank.verdict import Verdict

# Longer answers are refused, not searched: a learner's answer is a few words.
MAX_ANSWER_CHARS = 2000

_KEYS: dict[tuple[int, int], tuple[FactBase, Briefing | None, object]] = {}


def prepared_key(fact: FactBase, briefing: Briefing | None) -> object:
    """The fact's answer key, prepared once per fact and briefing."""
    cache_key = (id(fact), id(briefing))
    hit = _KEYS.get(cache_key)
    if hit and hit[0] is fact and hit[1] is briefing:
        return hit[2]
    key = kind_of(fact).key(briefing)
    if len(_KEYS) > 4096:
        _KEYS.clear()
    _KEYS[cache_key] = (fact, briefing, key)
    return key


def too_long(typed: str) -> Verdict:
    return verdict(
        correct=False,
        score=0.0,
        wrong=[typed[:80] + "..."],
        feedback=f"That answer is too long to grade ({len(typed):,} characters); "
        "answer in a few words.",
    )


def grade_fact(
    fact: FactBase,
    typed: str,
    question_id: str | None = None,
    *,
    briefing: Briefing | None = None,
    required: int | None = None,
) -> Verdict:
    """Grade `typed` as an answer to the free-text recall of `fact`.

    `briefing` lets the grader refuse typos that land on another entity of the briefing;
    `required` overrides how many list items make a full answer ("name at least k").
    """
    if not isinstance(typed, str):
        typed = str(typed)
    if len(typed) > MAX_ANSWER_CHARS:
        return too_long(typed)
    ctx = GradeContext(question_id or fact.id, briefing, required)
    return kind_of(fact).grade(TypedAnswer.read(typed), ctx, prepared_key(fact, briefing))
