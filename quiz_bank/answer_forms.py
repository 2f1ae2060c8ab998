"""Written forms of an answer for tools that compare strings (Moodle, Anki): every spelling
the grader accepts, the short answer a learner types, and when two options mean the same thing.

Candidates are generated from the answer key and kept only when the grader itself accepts them,
so an export never accepts what the app would refuse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from briefing_data.models import Briefing
from quiz_bank.kinds import kind_of
from quiz_bank.kinds.listkind import ListKind
from quiz_bank.marking import grade_question
from quiz_bank.normalize import fold
from quiz_bank.questions import Question


def _candidates(briefing: Briefing, question: Question) -> list[str]:
    kind = kind_of(briefing.fact(question.fact))
    if question.form == "cloze" and question.blank_item and isinstance(kind, ListKind):
        return kind.item_spellings(question.blank_item)
    return kind.accepted(question.required)


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
    return kind_of(briefing.fact(question.fact)).typed_form(forms)


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
