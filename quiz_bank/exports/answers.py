"""What counts as a right answer to a question, as plain strings for tools without our grader."""

from __future__ import annotations

from briefing_data.models import (
    MONTHS,
    Briefing,
    DateAnswer,
    DateRangeAnswer,
    DateValue,
    ListAnswer,
    NumberAnswer,
    TextAnswer,
)
from quiz_bank.questions import Question


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        text = " ".join(value.split())
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return out


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _date_spellings(date: DateValue) -> list[str]:
    out = [date.display()]
    if date.year and date.month and date.day:
        month = MONTHS[date.month - 1].capitalize()
        out += [
            f"{month} {date.day}, {date.year}",
            f"{month} {date.day} {date.year}",
            f"{date.year}-{date.month:02d}-{date.day:02d}",
        ]
    elif date.year and date.month:
        out.append(f"{date.year}-{date.month:02d}")
    return out


def numeric_value(briefing: Briefing, question: Question) -> float | None:
    """The number a recall question asks for, when the answer is one number (else None)."""
    if question.form != "recall":
        return None
    a = briefing.fact(question.fact).answer
    return a.value if isinstance(a, NumberAnswer) else None


def accepted_answers(briefing: Briefing, question: Question) -> list[str]:
    """Every accepted spelling of the answer, the canonical first.

    Multiple choice and true/false: the right choice. A list recall: the items joined (each
    item's accepted spellings are in `list_items`).
    """
    fact = briefing.fact(question.fact)
    a = fact.answer
    if question.form in ("mcq", "tf"):
        if question.correct_choice is None:
            return [question.answer]
        return [question.choices[question.correct_choice]]
    if question.form == "cloze":
        if isinstance(a, ListAnswer):
            for item in a.items:
                if item.key == question.blank_item:
                    return _unique([item.answer, *item.variants])
        if isinstance(a, TextAnswer):
            return _unique([question.answer, *a.accepted()])
        return _unique([question.answer, *_value_spellings(a)])
    if isinstance(a, TextAnswer):
        return _unique(a.accepted())
    if isinstance(a, ListAnswer):
        return _unique([a.display()])
    return _unique([question.answer, *_value_spellings(a)])


def _value_spellings(a: object) -> list[str]:
    if isinstance(a, NumberAnswer):
        number = _number(a.value)
        out = [number, a.display()]
        if a.unit:
            out += [f"{number} {a.unit}"] + [f"{number} {u}" for u in a.unit_variants]
        return out
    if isinstance(a, DateAnswer):
        return _date_spellings(a.date)
    if isinstance(a, DateRangeAnswer):
        return [a.display()]
    return []


def list_items(briefing: Briefing, question: Question) -> list[list[str]]:
    """A list question's items, each as its accepted spellings ([] for other questions)."""
    a = briefing.fact(question.fact).answer
    if not isinstance(a, ListAnswer) or question.form not in ("recall", "list"):
        return []
    return [_unique([item.answer, *item.variants]) for item in a.items]


def list_wrong(briefing: Briefing, question: Question) -> list[str]:
    a = briefing.fact(question.fact).answer
    return list(a.wrong) if isinstance(a, ListAnswer) else []
