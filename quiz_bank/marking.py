"""Grading a question of any form: a picked option, a blank, or a free-text answer."""

from __future__ import annotations

from briefing_data.models import Briefing
from quiz_bank.grading import grade_fact
from quiz_bank.normalize import fold, normalize
from quiz_bank.questions import LETTERS, Question
from quiz_bank.verdict import Verdict

_TRUE = frozenset("true t yes y right correct 1".split())
_FALSE = frozenset("false f no n wrong incorrect 2".split())


# Around a true/false answer: spaces and the punctuation of a sentence, nothing else.
_TF_EDGES = " \t.!?,;:'\"()[]"


def _true_or_false(typed: str) -> int | None:
    """0 for a clear true, 1 for a clear false, else None.

    Clear means one word of _TRUE or _FALSE (or the letter a or b) and nothing else, in any
    case, width or script, with sentence punctuation around it: "maybe yes" and "+Y" are
    neither, because what else is there changes what the word says.
    """
    word = fold(typed).strip(_TF_EDGES)
    if word in _TRUE or word == "a":
        return 0
    if word in _FALSE or word == "b":
        return 1
    return None


def choice_index(question: Question, typed: str) -> int | None:
    """The option a typed answer picks (a letter, a number, true/false, or the text)."""
    text = typed.strip().casefold().rstrip(").")
    if not text:
        return None
    if question.form == "tf":
        return _true_or_false(typed)
    if len(text) == 1 and text in LETTERS[: len(question.choices)]:
        return LETTERS.index(text)
    if (
        len(text) <= 3
        and text.isascii()
        and text.isdigit()
        and 1 <= int(text) <= len(question.choices)
    ):
        return int(text) - 1
    typed_norm = normalize(typed)
    for i, choice in enumerate(question.choices):
        if normalize(choice) == typed_norm:
            return i
    return None


def grade_question(briefing: Briefing, question: Question, typed: str) -> Verdict:
    """Grade a typed answer to any question of the bank."""
    fact = briefing.fact(question.fact)
    if question.has_choices:
        return _grade_choice(question, typed)
    if question.form == "cloze" and question.blank_item:
        verdict = grade_fact(fact, typed, question_id=question.id, briefing=briefing, required=1)
        right = question.blank_item in verdict.matched and not verdict.wrong
        return Verdict(
            correct=right,
            score=1.0 if right else 0.0,
            matched=[question.id] if right else [],
            wrong=verdict.wrong,
            feedback="Correct." if right else f"Not quite: the blank is {question.answer}.",
            exact=right and verdict.exact,
        )
    return grade_fact(
        fact, typed, question_id=question.id, briefing=briefing, required=question.required
    )


def _grade_choice(question: Question, typed: str) -> Verdict:
    chosen = choice_index(question, typed[:200])
    if chosen is None:
        options = "true or false" if question.form == "tf" else "a letter or an option"
        return Verdict(
            correct=False, score=0.0, wrong=[typed[:80]], feedback=f"Answer with {options}."
        )
    right = chosen == question.correct_choice
    if right:
        feedback = "Correct."
    elif question.form == "tf" and question.correct_choice == 1:
        feedback = f"Not quite. {question.answer}."
    elif question.form == "tf":
        feedback = "Not quite: it is true, as the article says."
    else:
        feedback = f"Not quite: the answer is {question.answer}."
    return Verdict(
        correct=right,
        score=1.0 if right else 0.0,
        matched=[question.id] if right else [],
        wrong=[] if right else [question.choices[chosen]],
        feedback=feedback,
        exact=right,
    )


def answered_text(question: Question, typed: str) -> str:
    """What the learner answered, as shown back: the option picked, or the text typed."""
    if question.has_choices:
        chosen = choice_index(question, typed)
        if chosen is None:
            return typed.strip()
        return f"{LETTERS[chosen]}) {question.choices[chosen]}"
    return typed.strip()
