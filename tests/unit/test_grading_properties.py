"""Property tests: normalisation is idempotent, keys are self-consistent, nothing crashes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_data.loader import builtin_briefing
from briefing_data.models import ListAnswer, NumberAnswer, TextAnswer
from quiz_bank.grading import grade_fact
from quiz_bank.normalize import normalize

BRIEFING = builtin_briefing()
FACTS = BRIEFING.facts()


@given(st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.sampled_from(FACTS), st.text(max_size=120))
@settings(max_examples=400, deadline=None)
def test_random_text_never_crashes(fact, text: str) -> None:  # type: ignore[no-untyped-def]
    verdict = grade_fact(fact, text, briefing=BRIEFING)
    assert 0.0 <= verdict.score <= 1.0


def _accepted_cases() -> list[tuple[str, str]]:
    cases = []
    for fact in FACTS:
        a = fact.answer
        if isinstance(a, TextAnswer):
            cases += [(fact.id, v) for v in a.accepted()]
        elif isinstance(a, ListAnswer):
            cases += [(fact.id, ", ".join(item.answer for item in a.items))]
        else:
            cases.append((fact.id, fact.answer_text))
    return cases


def _item_cases() -> list[tuple[str, str, str]]:
    return [
        (fact.id, item.key, text)
        for fact in FACTS
        if isinstance(fact.answer, ListAnswer)
        for item in fact.answer.items
        for text in [item.answer, *item.variants]
    ]


def _wrong_cases() -> list[tuple[str, str]]:
    return [(fact.id, w) for fact in FACTS for w in getattr(fact.answer, "wrong", [])]


@pytest.mark.parametrize(("fact_id", "typed"), _accepted_cases())
def test_every_canonical_answer_and_variant_is_accepted(fact_id: str, typed: str) -> None:
    verdict = grade_fact(BRIEFING.fact(fact_id), typed, briefing=BRIEFING)
    assert verdict.correct, verdict.feedback


@pytest.mark.parametrize(("fact_id", "key", "typed"), _item_cases())
def test_every_list_item_variant_is_credited(fact_id: str, key: str, typed: str) -> None:
    verdict = grade_fact(BRIEFING.fact(fact_id), typed, briefing=BRIEFING)
    assert verdict.matched == [key], verdict.feedback


@pytest.mark.parametrize(("fact_id", "typed"), _wrong_cases())
def test_every_listed_wrong_answer_is_rejected(fact_id: str, typed: str) -> None:
    verdict = grade_fact(BRIEFING.fact(fact_id), typed, briefing=BRIEFING)
    assert not verdict.correct
    assert not verdict.matched


@given(
    st.sampled_from([f for f in FACTS if isinstance(f.answer, NumberAnswer)]), st.integers(0, 10**6)
)
@settings(max_examples=200, deadline=None)
def test_a_different_number_is_never_right(fact, number: int) -> None:  # type: ignore[no-untyped-def]
    verdict = grade_fact(fact, str(number), briefing=BRIEFING)
    assert verdict.correct == (number == fact.answer.value)
