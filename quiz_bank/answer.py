"""A typed answer, read once: folded text, asserted words per part, tokens, dates.

Every kind of answer key grades the same prepared answer, so the text is folded and split
once however many forms and rules look at it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from quiz_bank.dates import DateMentions, read_folded_dates
from quiz_bank.normalize import FILLER, fold, normal_word, raw_words, tokens_of_folded

# Where one asserted part of an answer ends and the next begins.
SEPARATORS = re.compile(r"[,;/|\n()\[\]]|\bor\b|\band\b|\bvs\b|\bplus\b|\bthen\b|\s-\s")
_NEGATIONS = ("rather than", "instead of", "but not", "not", "never", "except", "excluding")
_NEGATION = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in _NEGATIONS) + r")\b")
_BUT = re.compile(r"\bbut\b")


def chunk_positive(chunk: str) -> list[str]:
    """The normalised words of one folded part that are asserted, not ruled out ("not troops")."""
    match = _NEGATION.search(chunk)
    if not match:
        return [normal_word(w) for w in raw_words(chunk)]
    before = chunk[: match.start()]
    rest = chunk[match.end() :]
    but = _BUT.search(rest)
    after = rest[but.end() :] if but else ""
    return [normal_word(w) for w in raw_words(before + " " + after)]


def positive_chunks(folded: str) -> list[list[str]]:
    """Asserted words of each part of a folded text, filler kept."""
    return [chunk_positive(chunk) for chunk in SEPARATORS.split(folded)]


@dataclass
class TypedAnswer:
    """What a learner typed, prepared for grading."""

    raw: str
    folded: str
    # Asserted words of each part (split at commas, "and", "or", ...), filler kept.
    chunks: list[list[str]]

    @classmethod
    def read(cls, typed: str) -> TypedAnswer:
        folded = fold(typed)
        return cls(raw=typed, folded=folded, chunks=positive_chunks(folded))

    @property
    def positive(self) -> list[str]:
        """Every asserted word, in order, filler kept."""
        return [w for chunk in self.chunks for w in chunk]

    def content_chunks(self, synonyms: dict[str, str]) -> list[list[str]]:
        """Each part's asserted content words, with the key's synonyms applied."""
        out = []
        for chunk in self.chunks:
            words = [synonyms.get(w, w) for w in chunk]
            out.append([w for w in words if w not in FILLER])
        return out

    @functools.cached_property
    def tokens(self) -> list[str]:
        return tokens_of_folded(self.folded)

    @functools.cached_property
    def dates(self) -> DateMentions:
        return read_folded_dates(self.folded)

    def shown(self, limit: int = 200) -> str:
        """The answer as quoted back in feedback."""
        return self.raw.strip()[:limit]
