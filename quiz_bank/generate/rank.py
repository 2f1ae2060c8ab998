"""Choosing the facts a teacher would ask, under a budget of facts per 1,000 words."""

from __future__ import annotations

import heapq
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
    if c.sentence.heading and not c.sentence.text[:1].isdigit():
        score -= 0.8  # a heading names a topic; a numbered heading states a finding
    if len(c.sentence.text.split()) < 5 and not c.run:
        score -= 0.4
    return score


def select(candidates: list[Candidate], words: int, sections: int) -> list[Candidate]:
    """The best candidates: no two on the same answer or words, every section served first."""
    n = budget(words)
    sentence_count = max((c.sentence.index for c in candidates), default=0) + 1
    scores = {id(c): _adjusted(c, sentence_count) for c in candidates}
    ranked = sorted(candidates, key=lambda c: (-scores[id(c)], c.sentence.index))
    chosen: list[Candidate] = []
    seen_answers: set[str] = set()
    in_sentence: dict[int, list[Candidate]] = defaultdict(list)

    def fits(c: Candidate) -> bool:
        key = answer_key_text(c)
        same = in_sentence[c.sentence.index]
        if not key or key in seen_answers or len(same) >= MAX_PER_SENTENCE:
            return False
        return not any(c.overlaps(o) for o in same)

    def take(c: Candidate) -> None:
        chosen.append(c)
        seen_answers.add(answer_key_text(c))
        in_sentence[c.sentence.index].append(c)

    served: set[int] = set()
    for c in ranked:  # first the best fact of each section
        if c.sentence.section not in served and fits(c) and len(chosen) < n:
            take(c)
            served.add(c.sentence.section)
    # Then by score, where a second and third fact from one sentence are worth less than a
    # first from another: a lazy greedy over a heap, re-scored when popped.
    taken = {id(c) for c in chosen}
    heap = [(-scores[id(c)], i, c) for i, c in enumerate(ranked) if id(c) not in taken]
    heapq.heapify(heap)
    while heap and len(chosen) < n:
        stored, i, c = heapq.heappop(heap)
        if not fits(c):
            continue
        now = -(scores[id(c)] - 0.15 * len(in_sentence[c.sentence.index]))
        if now > stored + 1e-9:
            heapq.heappush(heap, (now, i, c))
            continue
        take(c)
    return sorted(chosen, key=lambda c: (c.sentence.index, c.spans[0][0]))
