"""Wrong options for multiple choice and true/false, checked so none is a right answer."""

from __future__ import annotations

from briefing_data.models import Briefing, FactBase
from quiz_bank.normalize import normalize


def is_right(fact: FactBase, text: str, briefing: Briefing) -> bool:
    """Whether a candidate distractor would be accepted as (part of) the right answer."""
    from quiz_bank.grading import grade_fact

    verdict = grade_fact(fact, text, briefing=briefing)
    return verdict.correct or bool(verdict.matched) or verdict.score > 0


def distractors(briefing: Briefing, fact: FactBase, n: int = 3) -> list[str]:
    """Up to `n` plausible wrong answers, none of which the grader would accept."""
    from quiz_bank.kinds import kind_of

    out: list[str] = []
    seen = {normalize(fact.answer_text)}
    for text in kind_of(fact).distractor_candidates(briefing):
        key = normalize(text)
        if not key or key in seen or is_right(fact, text, briefing):
            continue
        seen.add(key)
        out.append(text)
        if len(out) == n:
            break
    return out
