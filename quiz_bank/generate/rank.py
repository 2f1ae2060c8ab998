"""Choosing the facts a teacher would ask, under a budget of facts per 1,000 words."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from briefing_data.models import NumberAnswer
from quiz_bank.generate.candidate import Candidate

# At most this many facts per 1,000 words of article: the ceiling.
FACTS_PER_1000_WORDS = 40
MAX_PER_SENTENCE = 3


def budget(words: int) -> int:
    return max(3, math.floor(words * FACTS_PER_1000_WORDS / 1000))


def answer_key_text(c: Candidate) -> str:
    """What makes two candidates the same fact: their answer, folded."""
    a = c.answer
    if isinstance(a, NumberAnswer):
        return f"{a.value:g} {a.unit or ''}".strip().lower()
    return re.sub(r"\W+", " ", c.answer_words.lower()).strip()


def _adjusted(c: Candidate, sentence_count: int) -> float:
    score = c.score
    if c.sentence.index < 2:
        score += 0.4  # the lead says what the article is about
    if c.sentence.heading and c.kind == "text":
        score -= 0.5
    if len(c.sentence.text.split()) < 5 and not c.run:
        score -= 0.4
    return score


def select(candidates: list[Candidate], words: int, sections: int) -> list[Candidate]:
    """The best candidates: no two on the same answer or words, every section served first."""
    n = budget(words)
    sentence_count = max((c.sentence.index for c in candidates), default=0) + 1
    ranked = sorted(candidates, key=lambda c: (-_adjusted(c, sentence_count), c.sentence.index))
    chosen: list[Candidate] = []
    seen_answers: set[str] = set()
    per_sentence: dict[int, int] = defaultdict(int)

    def fits(c: Candidate) -> bool:
        key = answer_key_text(c)
        if not key or key in seen_answers or per_sentence[c.sentence.index] >= MAX_PER_SENTENCE:
            return False
        return not any(c.overlaps(o) for o in chosen)

    def take(c: Candidate) -> None:
        chosen.append(c)
        seen_answers.add(answer_key_text(c))
        per_sentence[c.sentence.index] += 1

    served: set[int] = set()
    for c in ranked:  # first the best fact of each section
        if c.sentence.section not in served and fits(c) and len(chosen) < n:
            take(c)
            served.add(c.sentence.section)
    rest = [c for c in ranked if c not in chosen]
    while rest and len(chosen) < n:
        # A second and third fact from one sentence are worth less than a first from another.
        best = max(
            (c for c in rest if fits(c)),
            key=lambda c: _adjusted(c, sentence_count) - 0.15 * per_sentence[c.sentence.index],
            default=None,
        )
        if best is None:
            break
        take(best)
        rest.remove(best)
    return sorted(chosen, key=lambda c: (c.sentence.index, c.spans[0][0]))
