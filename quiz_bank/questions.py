"""Questions generated from a briefing's facts: every question knows its card, fact and answer.

Forms, all made by code from the fact data:
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
import random
import re
import zlib
from typing import Literal

from pydantic import BaseModel, ConfigDict

from briefing_data.models import (
    MAX_FIGURE,
    MONTHS,
    Briefing,
    DateAnswer,
    DateRangeAnswer,
    FactBase,
    ListAnswer,
    NumberAnswer,
    TextAnswer,
)
from quiz_bank.grading import grade_fact
from quiz_bank.normalize import fold, normalize
from quiz_bank.verdict import Verdict

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


def _fact_seed(fact_id: str, salt: str) -> random.Random:
    return random.Random(zlib.crc32(f"{fact_id}/{salt}".encode()))


def _is_right(fact: FactBase, text: str, briefing: Briefing) -> bool:
    """Whether a candidate distractor would be accepted as (part of) the right answer."""
    verdict = grade_fact(fact, text, briefing=briefing)
    return verdict.correct or bool(verdict.matched) or verdict.score > 0


# ---------------------------------------------------------------------------------------------
# Distractors: values of the same type elsewhere in the briefing, or known wrong answers


def _same_type_values(briefing: Briefing, fact: FactBase) -> list[str]:
    a = fact.answer
    out: list[str] = []
    # Concepts are not interchangeable ("supply lines" is no wrong answer to how Belarus helps).
    if isinstance(a, TextAnswer | ListAnswer) and a.type != "concept":
        kind = a.type
        for other in briefing.facts():
            if other.id == fact.id:
                continue
            b = other.answer
            if isinstance(b, TextAnswer) and b.type == kind:
                out.append(b.canonical)
            elif isinstance(b, ListAnswer) and b.type == kind:
                out += [item.answer for item in b.items]
    return out


def _number_distractors(briefing: Briefing, fact: FactBase, a: NumberAnswer) -> list[str]:
    values: list[float] = [v for text in a.wrong if (v := _figure_in(text)) is not None]
    if a.is_year:
        values += [a.value - 2, a.value - 1, a.value + 1, a.value + 2]
    else:
        v = a.value
        values += [
            round(v * 0.5),
            round(v * 1.5),
            round(v * 2),
            v + 1 if v < 10 else round(v * 0.8),
        ]
    out = []
    for value in values:
        if value != a.value and 0 < value <= MAX_FIGURE:
            out.append(NumberAnswer(**{**a.model_dump(), "value": value}).display())
    return out


def _figure_in(text: str) -> float | None:
    """The figure written in a text (its digits and points), or None ("1.2.3", none at all)."""
    digits = re.sub(r"[^\d.]", "", text)
    try:
        return float(digits[:32]) if digits else None
    except ValueError:
        return None


def _date_distractors(briefing: Briefing, fact: FactBase) -> list[str]:
    a = fact.answer
    out = []
    for other in briefing.facts():
        b = other.answer
        if other.id != fact.id and isinstance(b, DateAnswer | DateRangeAnswer):
            out.append(b.display())
    if isinstance(a, DateAnswer):
        d = a.date
        if d.year:
            out += [
                d.model_copy(update={"year": d.year - 1}).display(),
                d.model_copy(update={"year": d.year + 1}).display(),
            ]
        if d.season:
            others = [s for s in ("spring", "summer", "winter") if s != d.season]
            out += [d.model_copy(update={"season": s}).display() for s in others]
    elif isinstance(a, DateRangeAnswer) and a.start.day and a.end.day and a.start.month:
        for shift in (-2, -1, 2, 5):
            start = a.start.day + shift
            end = a.end.day + shift
            if start >= 1 and end <= 28:
                month = MONTHS[a.start.month - 1].capitalize()
                year = f", {a.start.year}" if a.start.year else ""
                out.append(f"{month} {start}-{end}{year}")
    return out


def distractors(briefing: Briefing, fact: FactBase, n: int = 3) -> list[str]:
    """Up to `n` plausible wrong answers, none of which the grader would accept."""
    a = fact.answer
    candidates: list[str] = []
    if isinstance(a, NumberAnswer):
        candidates = _number_distractors(briefing, fact, a)
    elif isinstance(a, DateAnswer | DateRangeAnswer):
        candidates = list(a.wrong) + _date_distractors(briefing, fact)
    else:
        wrong = list(getattr(a, "wrong", []))
        rng = _fact_seed(fact.id, "distractors")
        rng.shuffle(wrong)
        candidates = wrong + _same_type_values(briefing, fact)
    out: list[str] = []
    seen = {normalize(fact.answer_text)}
    for text in candidates:
        key = normalize(text)
        if not key or key in seen or _is_right(fact, text, briefing):
            continue
        seen.add(key)
        out.append(text)
        if len(out) == n:
            break
    return out


# ---------------------------------------------------------------------------------------------
# Question forms


def _question(fact: FactBase, card_id: str, form: Form, qid: str, **fields: object) -> Question:
    """A question about `fact` on card `card_id`: the fields every form shares."""
    return Question(id=qid, fact=fact.id, card=card_id, form=form, kind=fact.kind, **fields)  # type: ignore[arg-type]


def recall_question(card_id: str, fact: FactBase) -> Question:
    """The free-text recall question of a fact; its id is the fact id."""
    return _question(
        fact,
        card_id,
        "recall",
        fact.id,
        prompt=fact.question,
        answer=fact.answer_text,
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
    a = fact.answer
    rng = _fact_seed(fact.id, "mcq")
    if isinstance(a, ListAnswer):
        item = rng.choice(a.items)
        right = item.answer
        wrong = [w for w in a.wrong if not _is_right(fact, w, briefing)]
        rng.shuffle(wrong)
        wrong = wrong[:3]
        prompt = f"{fact.question} Which of these is one of them?"
    else:
        right = fact.answer_text
        wrong = distractors(briefing, fact, 3)
        prompt = fact.question
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


def _find(haystack: str, needles: list[str]) -> tuple[int, int] | None:
    """Where one of `needles` appears in `haystack` (the first, then longest first; any case)."""
    first, rest = needles[:1], sorted({n for n in needles[1:] if n.strip()}, key=len, reverse=True)
    for needle in first + rest:
        pattern = r"(?<!\w)" + re.escape(needle).replace(r"\ ", r"\s+") + r"(?!\w)"
        m = re.search(pattern, haystack, re.IGNORECASE)
        if m:
            return m.start(), m.end()
    return None


def _answer_spellings(fact: FactBase) -> list[str]:
    a = fact.answer
    if isinstance(a, TextAnswer):
        return a.accepted()
    if isinstance(a, NumberAnswer):
        v = int(a.value) if a.value == int(a.value) else a.value
        return [f"{v:,}", str(v)]
    if isinstance(a, DateAnswer):
        d = a.date
        out = [d.display()]
        if d.season:
            out += [f"fall of {d.year}", f"autumn of {d.year}", "fall", "autumn"]
        return out
    if isinstance(a, DateRangeAnswer) and a.start.month:
        month = MONTHS[a.start.month - 1].capitalize()
        return [f"{month} {a.start.day}-{a.end.day}", a.display()]
    return []


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
    for right, swap, (lo, hi) in _swaps(briefing, fact):
        false = fact.statement[:lo] + swap + fact.statement[hi:]
        out.append(
            _question(
                fact,
                card_id,
                "tf",
                f"{fact.id}/tf-2",
                prompt=f"True or false: {false}",
                answer=f"False: the article says {right}, not {swap}",
                choices=["True", "False"],
                correct_choice=1,
            )
        )
        break
    return out


_NUMBER_NAMES = "zero one two three four five six seven eight nine ten".split()


def _swaps(briefing: Briefing, fact: FactBase) -> list[tuple[str, str, tuple[int, int]]]:
    """Ways to falsify the fact's statement: (what it says, what to say instead, where)."""
    a = fact.answer
    text = fact.statement
    out: list[tuple[str, str, tuple[int, int]]] = []
    if isinstance(a, NumberAnswer):
        v = int(a.value)
        spellings = [f"{v:,}", str(v)] + ([_NUMBER_NAMES[v]] if v < len(_NUMBER_NAMES) else [])
        where = _find(text, spellings)
        for shown_wrong in _number_distractors(briefing, fact, a):
            figure = shown_wrong.split()[-2 if a.unit else -1]
            value = int(_figure_in(figure) or 0)
            if where and value and value != v:
                shown = str(value) if a.is_year else f"{value:,}"
                out.append((text[where[0] : where[1]], shown, where))
        return out
    if isinstance(a, DateAnswer) and a.date.year:
        where = _find(text, [str(a.date.year)])
        if where:
            out.append((text[where[0] : where[1]], str(a.date.year - 1), where))
        return out
    if isinstance(a, DateRangeAnswer) and a.start.day and a.end.day:
        where = _find(text, [f"{a.start.day}-{a.end.day}"])
        if where and a.start.day > 2:
            out.append((f"{a.start.day}-{a.end.day}", f"{a.start.day - 2}-{a.end.day - 2}", where))
        return out
    if isinstance(a, ListAnswer):
        wrong = [w for w in a.wrong if not _is_right(fact, w, briefing)]
        spots = [[item.answer, *item.variants] for item in a.items]
    else:
        wrong = distractors(briefing, fact, 3)
        spots = [_answer_spellings(fact)]
    if not wrong:
        return out
    swap = _fact_seed(fact.id, "tf").choice(wrong)
    for spellings in spots:
        where = _find(text, spellings)
        if where:
            out.append((text[where[0] : where[1]], swap, where))
    return out


def cloze_question(card_id: str, fact: FactBase) -> Question | None:
    a = fact.answer
    blank_item = None
    if isinstance(a, ListAnswer):
        where = None
        for item in a.items:
            where = _find(fact.evidence, [item.answer, *item.variants])
            if where:
                blank_item, answer = item.key, item.answer
                break
    else:
        where = _find(fact.evidence, _answer_spellings(fact))
        answer = fact.answer_text
    if where is None:
        return None
    if not isinstance(a, TextAnswer | ListAnswer):
        answer = fact.evidence[where[0] : where[1]]
    text = fact.evidence[: where[0]] + BLANK + fact.evidence[where[1] :]
    return _question(
        fact,
        card_id,
        "cloze",
        f"{fact.id}/cloze",
        prompt=f"Fill in the blank: “{text}”",
        answer=answer,
        blank_item=blank_item,
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


_MADE: dict[tuple[int, str], tuple[Briefing, list[Question]]] = {}


def _questions_of(briefing: Briefing, fact_id: str) -> list[Question]:
    """A fact's questions, made once per briefing and fact (distractors take some grading)."""
    key = (id(briefing), fact_id)
    hit = _MADE.get(key)
    if hit and hit[0] is briefing:
        return hit[1]
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


# ---------------------------------------------------------------------------------------------
# Grading any form

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
    if question.form in ("mcq", "tf"):
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
