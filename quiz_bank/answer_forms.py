"""Written forms of an answer for tools that compare strings (Moodle, Anki): every spelling
the grader accepts, the short answer a learner types, and when two options mean the same thing.

Candidates are generated from the answer key and kept only when the grader itself accepts them,
so an export never accepts what the app would refuse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

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
from quiz_bank.normalize import fold
from quiz_bank.questions import Question, grade_question

_SEASON_NAMES = {"autumn": ["autumn", "fall"]}


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _date_forms(d: DateValue, *, with_year: bool) -> list[str]:
    """The usual ways to write one date (at its precision), with or without its year."""
    year = f" {d.year}" if d.year and with_year else ""
    if d.season:
        names = _SEASON_NAMES.get(d.season, [d.season])
        forms = [f"{n}{year}" for n in names]
        if year:
            forms += [f"{n} of {d.year}" for n in names]
        return forms
    if not d.month:
        return [str(d.year)] if d.year and with_year else []
    month = MONTHS[d.month - 1].capitalize()
    if not d.day:
        return [f"{month}{year}"]
    forms = [f"{d.day} {month}{year}", f"{month} {d.day}{year}"]
    if year:
        forms.append(f"{month} {d.day},{year}")
    if year and d.year:
        forms += [f"{d.year}-{d.month:02d}-{d.day:02d}", f"{d.day:02d}.{d.month:02d}.{d.year}"]
    return forms


def _range_forms(a: DateRangeAnswer, *, with_year: bool) -> list[str]:
    s, e = a.start, a.end
    year = f" {s.year}" if s.year and with_year else ""
    if s.month and s.month == e.month and s.day and e.day and s.year == e.year:
        month = MONTHS[s.month - 1].capitalize()
        comma = f",{year}" if year else ""
        return [
            f"{month} {s.day}-{e.day}{comma}",
            f"{month} {s.day}-{e.day}{year}",
            f"{s.day}-{e.day} {month}{year}",
            f"{month} {s.day} to {e.day}{year}",
            f"{s.day} to {e.day} {month}{year}",
        ]
    starts = _date_forms(s, with_year=with_year)
    ends = _date_forms(e, with_year=with_year)
    return [f"{x} to {y}" for x, y in zip(starts, ends, strict=False)]


def _candidates(briefing: Briefing, question: Question) -> list[str]:
    fact = briefing.fact(question.fact)
    a = fact.answer
    if question.form == "cloze" and question.blank_item and isinstance(a, ListAnswer):
        item = next(i for i in a.items if i.key == question.blank_item)
        return [item.answer, *item.variants]
    if isinstance(a, TextAnswer):
        return a.accepted()
    if isinstance(a, NumberAnswer):
        value = _number(a.value)
        out = [value]
        if a.value == int(a.value) and a.value >= 1000 and not a.is_year:
            out.append(f"{a.value:,.0f}")
        if a.unit:
            out += [f"{value} {u}" for u in (a.unit, *a.unit_variants)]
        return out
    if isinstance(a, DateAnswer | DateRangeAnswer):
        forms = [a.display()]
        for with_year in (True, False):
            if isinstance(a, DateAnswer):
                forms += _date_forms(a.date, with_year=with_year)
            else:
                forms += _range_forms(a, with_year=with_year)
        return forms
    if isinstance(a, ListAnswer):
        return [", ".join(item.answer for item in a.items[: question.required or a.needed])]
    return [fact.answer_text]


def accepted_answers(briefing: Briefing, question: Question) -> list[str]:
    """Every written form the grader accepts outright for a question, best first, no two
    alike without case (Moodle compares without case)."""
    if question.form in ("mcq", "tf"):
        return [question.choices[question.correct_choice or 0]]
    out: dict[str, str] = {}
    for text in _candidates(briefing, question):
        key = " ".join(text.casefold().split())
        if key not in out and grade_question(briefing, question, text).correct:
            out[key] = text
    return list(out.values()) or [question.answer]


def typed_answer(briefing: Briefing, question: Question) -> str:
    """The short answer a learner types (what Anki compares): "717", not "at least 717
    missiles"; the shortest accepted form of the answer's first spelling."""
    forms = accepted_answers(briefing, question)
    a = briefing.fact(question.fact).answer
    if isinstance(a, NumberAnswer):
        return min(forms, key=len)
    if isinstance(a, DateAnswer | DateRangeAnswer):
        # "autumn 2022", not the display's "autumn (fall) 2022"
        return next((f for f in forms if "(" not in f), forms[0])
    return forms[0]


_ACRONYM_SKIP = frozenset({"of", "the", "and", "for"})


@cache
def _country_keys() -> dict[str, str]:
    """Every name a country goes by in pycountry (name, common and official names, codes,
    and the initials of its official name: DPRK, PRC, USA), folded, to its alpha-2 code."""
    import pycountry

    keys: dict[str, str] = {}
    for country in pycountry.countries:
        names = [country.name, country.alpha_3]
        for attr in ("common_name", "official_name"):
            if hasattr(country, attr):
                names.append(getattr(country, attr))
        official = getattr(country, "official_name", country.name)
        initials = "".join(
            w[0] for w in re.findall(r"[A-Za-z']+", official) if w.lower() not in _ACRONYM_SKIP
        )
        if len(initials) >= 3:
            names.append(initials)
        for name in names:
            keys.setdefault(fold(name), country.alpha_2)
            if "," in name:  # "Korea, Republic of" is also "Republic of Korea"
                head, tail = (p.strip() for p in name.split(",", 1))
                keys.setdefault(fold(f"{tail} {head}"), country.alpha_2)
    return keys


def meaning_key(text: str) -> str:
    """One key for options that mean the same thing: a country under any of its names, or the
    same words whatever their case, accents and punctuation."""
    folded = fold(text)
    country = _country_keys().get(folded)
    return f"country:{country}" if country else " ".join(re.findall(r"\w+", folded))


def distinct_options(options: list[str], keep: Sequence[str] = ()) -> list[str]:
    """Options with no two meaning the same thing; those in `keep` (the right ones) always
    stay, and a later option that repeats an earlier meaning is dropped."""
    seen = {meaning_key(k) for k in keep}
    out: list[str] = []
    for option in options:
        key = meaning_key(option)
        if option in keep:
            out.append(option)
        elif key not in seen:
            seen.add(key)
            out.append(option)
    return out
