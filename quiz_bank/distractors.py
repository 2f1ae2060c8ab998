"""Wrong options for multiple choice and true/false, checked so none is a right answer."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing_data.models import Briefing, FactBase
from quiz_bank.lexicon import country_key
from quiz_bank.normalize import fold, normalize


def is_right(fact: FactBase, text: str, briefing: Briefing) -> bool:
    """Whether a candidate distractor would be accepted as (part of) the right answer."""
    from quiz_bank.grading import grade_fact

    verdict = grade_fact(fact, text, briefing=briefing)
    return verdict.correct or bool(verdict.matched) or verdict.score > 0


def distractors(briefing: Briefing, fact: FactBase, n: int = 3) -> list[str]:
    """Up to `n` plausible wrong answers, none of which the grader would accept."""
    from quiz_bank.kinds import kind_of

    out: list[str] = []
    # Two spellings of one thing (DPRK, North Korea) are one option, never two.
    seen = {normalize(fact.answer_text), meaning_key(fact.answer_text)}
    for text in kind_of(fact).distractor_candidates(briefing):
        keys = {normalize(text), meaning_key(text)}
        if not all(keys) or keys & seen or is_right(fact, text, briefing):
            continue
        seen |= keys
        out.append(text)
        if len(out) == n:
            break
    return out


def meaning_key(text: str) -> str:
    """One key for options that mean the same thing: a country under any of its names, or the
    same words whatever their case, accents and punctuation."""
    country = country_key(text)
    return f"country:{country}" if country else " ".join(re.findall(r"\w+", fold(text)))


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
