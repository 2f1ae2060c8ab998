"""Generated questions: every form for every fact, honest distractors, gradable, stable."""

from __future__ import annotations

from collections import Counter

import pytest

from briefing_data.loader import builtin_briefing
from briefing_data.models import ListAnswer
from quiz_bank.grading import grade_fact
from quiz_bank.marking import grade_question
from quiz_bank.questions import LETTERS, find_question, question_bank

BRIEFING = builtin_briefing()
BANK = question_bank(BRIEFING)


def test_ids_are_unique() -> None:
    ids = Counter(q.id for q in BANK)
    assert [i for i, n in ids.items() if n > 1] == []


def test_every_fact_has_recall_mcq_and_tf_and_nearly_all_a_cloze() -> None:
    forms: dict[str, set[str]] = {}
    for q in BANK:
        forms.setdefault(q.fact, set()).add(q.form)
    assert len(forms) == 28
    for fact_id, got in forms.items():
        assert {"recall", "mcq", "tf"} <= got, fact_id
    assert sum("cloze" in got for got in forms.values()) >= 26
    recall = {q.id for q in BANK if q.form == "recall"}
    assert recall == {f.id for f in BRIEFING.facts()}


def test_each_fact_has_a_false_statement() -> None:
    false = {q.fact for q in BANK if q.form == "tf" and q.correct_choice == 1}
    assert len(false) >= 27


@pytest.mark.parametrize("question", [q for q in BANK if q.form == "mcq"], ids=lambda q: q.id)
def test_mcq_has_one_right_choice_and_honest_distractors(question) -> None:  # type: ignore[no-untyped-def]
    fact = BRIEFING.fact(question.fact)
    assert 3 <= len(question.choices) <= 4
    assert len({c.casefold() for c in question.choices}) == len(question.choices)
    for i, choice in enumerate(question.choices):
        verdict = grade_fact(fact, choice, briefing=BRIEFING)
        if i == question.correct_choice:
            assert verdict.correct or verdict.matched, choice
        else:
            assert not verdict.correct and not verdict.matched, f"{choice} is also right"


@pytest.mark.parametrize(
    "question", [q for q in BANK if q.form == "tf" and q.correct_choice == 1], ids=lambda q: q.id
)
def test_false_statements_are_false(question) -> None:  # type: ignore[no-untyped-def]
    fact = BRIEFING.fact(question.fact)
    statement = question.prompt.removeprefix("True or false: ")
    assert statement != fact.statement
    # The swapped-in words are never accepted as the answer.
    swapped = question.answer.rsplit(", not ", 1)[1]
    verdict = grade_fact(fact, swapped, briefing=BRIEFING)
    assert not verdict.correct and not verdict.matched


@pytest.mark.parametrize("question", [q for q in BANK if q.form == "cloze"], ids=lambda q: q.id)
def test_cloze_blanks_the_answer_and_accepts_it(question) -> None:  # type: ignore[no-untyped-def]
    assert question.prompt.count("_____") == 1
    assert grade_question(BRIEFING, question, question.answer).correct


def test_every_form_is_gradable_right_and_wrong() -> None:
    for q in BANK:
        if q.form in ("mcq", "tf"):
            assert q.correct_choice is not None
            right = LETTERS[q.correct_choice]
            wrong = LETTERS[(q.correct_choice + 1) % len(q.choices)]
            assert grade_question(BRIEFING, q, right).correct, q.id
            assert grade_question(BRIEFING, q, q.choices[q.correct_choice]).correct, q.id
            assert not grade_question(BRIEFING, q, wrong).correct, q.id
        elif q.form == "list":
            fact = BRIEFING.fact(q.fact)
            assert isinstance(fact.answer, ListAnswer) and q.required
            some = ", ".join(item.answer for item in fact.answer.items[: q.required])
            assert grade_question(BRIEFING, q, some).correct, q.id
        assert not grade_question(BRIEFING, q, "zzzz qqqq").correct, q.id


def test_true_false_words() -> None:
    q = find_question(BRIEFING, "missiles-2022/tf-1")
    for typed in ("true", "T", "yes", "a"):
        assert grade_question(BRIEFING, q, typed).correct
    assert not grade_question(BRIEFING, q, "false").correct


def test_generation_is_deterministic() -> None:
    from quiz_bank import questions

    questions._MADE.clear()
    again = question_bank(BRIEFING)
    assert [q.model_dump() for q in again] == [q.model_dump() for q in BANK]


def test_unknown_question_id() -> None:
    with pytest.raises(KeyError):
        find_question(BRIEFING, "nope")
    with pytest.raises(KeyError):
        find_question(BRIEFING, "airfields/tf-9")
