"""Word matching shared by the grader and the tutor: typo budgets and honest-slip rules."""

from __future__ import annotations

import functools
import re
import threading

from rapidfuzz.distance import OSA

_VERB_ENDING = re.compile(r"(?<=[a-z]{3})(ing|ed)$")
_DIGIT = re.compile(r"\d")


def verb_stem(word: str) -> str:
    """transferring -> transfer, repaired -> repair: verb forms that say the same thing."""
    stem = _VERB_ENDING.sub("", word)
    if stem != word and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        stem = stem[:-1]
    return stem


def typo_budget(word: str) -> int:
    """Typos forgiven in a word: none up to 4 letters, one up to 9, two beyond."""
    if len(word) <= 4:
        return 0
    if len(word) <= 9:
        return 1
    return 2


def is_hard(word: str) -> bool:
    """Numbers and designations (s400, torm2, g7) must be typed exactly."""
    return _DIGIT.search(word) is not None


def slip_distance(typed: str, expected: str) -> int | None:
    """Typos between two words when they are within the expected word's budget, else None.

    Only the spelling is judged here; whether the typed word is itself another real word (and
    so no honest slip) is for the caller, who knows what else the word could name.
    """
    if typed == expected:
        return 0
    if is_hard(typed) or is_hard(expected):
        return None
    if verb_stem(typed) == verb_stem(expected):
        return 0
    budget = typo_budget(expected)
    if budget == 0 or abs(len(typed) - len(expected)) > budget:
        return None
    distance = OSA.distance(typed, expected, score_cutoff=budget)
    return distance if distance <= budget else None


def within(typed: str, other: str, distance: int) -> bool:
    """Whether `typed` is at most `distance` edits from `other`."""
    return OSA.distance(typed, other, score_cutoff=distance) <= distance


_local = threading.local()


def _stemmer() -> object:
    """One stemmer per thread: a Snowball stemmer keeps its word in itself while it works."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


@functools.lru_cache(maxsize=65536)
def family_stem(word: str) -> str:
    """The Snowball (Porter2) stem: localize, localization, localizing -> local."""
    return str(_stemmer().stemWord(word))  # type: ignore[attr-defined]


def same_family(typed: str, expected: str) -> bool:
    """Whether two words are forms of one word family (logistics, logistical, logistically).

    Only words of five letters or more, whose shared stem keeps four: short words and
    designations must match as written.
    """
    if len(typed) < 5 or len(expected) < 5 or is_hard(typed) or is_hard(expected):
        return False
    stem = family_stem(expected)
    return len(stem) >= 4 and family_stem(typed) == stem
