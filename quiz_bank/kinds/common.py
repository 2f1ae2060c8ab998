"""What every answer kind shares: the grading context, verdict builders, finding a span."""

from __future__ import annotations

import functools
import random
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from briefing_data.models import Briefing, FactBase
from quiz_bank.normalize import FILLER, tokens
from quiz_bank.verdict import Verdict
from quiz_bank.wordmatch import verb_stem


@dataclass(frozen=True)
class GradeContext:
    """Who asks: the question id credited, the briefing (for rival names), items required."""

    question_id: str
    briefing: Briefing | None = None
    # "Name at least K": how many list items make a full answer.
    required: int | None = None


def own_words(fact: FactBase) -> frozenset[str]:
    """The words of the fact's own text (question, statement, quote): said around an answer,
    they are no extra claim."""
    return _words_of(" ".join([fact.question, fact.statement, fact.evidence]))


@functools.lru_cache(maxsize=4096)
def _words_of(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


@functools.lru_cache(maxsize=4096)
def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(verb_stem(w) for w in words)


def unexplained(words: Iterable[str], neutral: frozenset[str]) -> list[str]:
    """Content words that neither the answer nor the fact's own text explains.

    A one-answer fact is answered by its answer, perhaps with words of its question, its
    statement or its quote around it (in any form: "repairs" for "repairing"); a bag of
    unrelated words that happens to hold the answer is not. Text answers allow as many such
    words as the answer has, figures and dates one.
    """
    stems = _stems(neutral)
    return [w for w in words if w not in FILLER and w not in neutral and verb_stem(w) not in stems]


def verdict(**fields: object) -> Verdict:
    """A Verdict built from fields a kind has already typed (skips re-validation)."""
    fields.setdefault("matched", [])
    fields.setdefault("missed", [])
    fields.setdefault("wrong", [])
    fields.setdefault("feedback", "")
    fields.setdefault("exact", False)
    return Verdict.model_construct(**fields)  # type: ignore[arg-type]


def reject(feedback: str, wrong: list[str]) -> Verdict:
    return verdict(correct=False, score=0.0, matched=[], wrong=wrong, feedback=feedback)


def no_answer(answer_text: str, missed: list[str] | None = None) -> Verdict:
    return verdict(
        correct=False,
        score=0.0,
        feedback=f"No answer given. The answer is {answer_text}.",
        missed=missed or [],
    )


def find_span(haystack: str, needles: list[str]) -> tuple[int, int] | None:
    """Where one of `needles` appears in `haystack` (the first, then longest first; any case)."""
    first, rest = needles[:1], sorted({n for n in needles[1:] if n.strip()}, key=len, reverse=True)
    for needle in first + rest:
        if not needle.strip():
            continue
        pattern = r"(?<!\w)" + re.escape(needle).replace(r"\ ", r"\s+") + r"(?!\w)"
        m = re.search(pattern, haystack, re.IGNORECASE)
        if m:
            return m.start(), m.end()
    return None


def fact_rng(fact_id: str, salt: str) -> random.Random:
    """A random source fixed by the fact and purpose, so a quiz is the same every time."""
    return random.Random(zlib.crc32(f"{fact_id}/{salt}".encode()))


@dataclass(frozen=True)
class Swap:
    """A way to falsify a statement: the words it says, what to say instead, and where."""

    said: str
    instead: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Blank:
    """The span of the evidence a cloze blanks, the answer shown, and the list item if any."""

    span: tuple[int, int]
    answer: str
    item: str | None = None
