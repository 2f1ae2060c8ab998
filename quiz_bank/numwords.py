"""Number words: reading "seven hundred and seventeen" as 717, honest slips included.

Typed number words are read when they are unambiguous: a word one typo from exactly one number
word ("thre", "sixten", "twnety") that is not itself a common English word ("tree", "none",
"seen" stay words), and run-together compounds ("twentytwo", "fortyfive").
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from rapidfuzz.distance import OSA

_FIGURE = re.compile(r"\d+(?:\.\d+)?")

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES)


# A spoken number stops growing here: "hundred hundred hundred ..." must not build a
# thousand-digit integer (and a figure this big is never a fact's answer).
_MAX_SPOKEN = 10**15


def words_to_numbers(words: list[str]) -> list[str]:
    """["seven", "hundred", "and", "seventeen"] -> ["717"]; other words pass through."""
    if any(w not in NUMBER_WORDS and len(w) >= 4 and w.isalpha() for w in words):
        words = [part for w in words for part in read_number_word(w)]
    out: list[str] = []
    i = 0
    while i < len(words):
        if (
            words[i] in _SCALES
            and out
            and _FIGURE.fullmatch(out[-1])
            and len(out[-1]) <= 16
            and Decimal(out[-1]) * _SCALES[words[i]] < _MAX_SPOKEN
        ):
            # "2 thousand", "1.5 million": a figure with a scale word (never past _MAX_SPOKEN).
            value = Decimal(out[-1]) * _SCALES[words[i]]
            out[-1] = str(int(value)) if value == int(value) else format(value.normalize(), "f")
            i += 1
            continue
        if words[i] not in NUMBER_WORDS or (words[i] in _SCALES and not _is_num(out)):
            if words[i] in _ORDINALS:
                out.append(str(_ORDINALS[words[i]]))
            else:
                out.append(words[i])
            i += 1
            continue
        total = current = 0
        j = i
        while j < len(words):
            if j > i and total + current >= _MAX_SPOKEN:
                break  # the rest starts a new number
            w = words[j]
            pair = _TENS.get(w) or (_UNITS[w] if w in _UNITS and _UNITS[w] >= 10 else 0)
            if pair and 10 <= current <= 99 and total == 0:
                # "twenty twenty", "nineteen ninety": a year said in pairs of digits.
                current = current * 100 + pair
            elif w in _UNITS:
                current += _UNITS[w]
            elif w in _TENS:
                current += _TENS[w]
            elif w in _SCALES:
                scale = _SCALES[w]
                if scale == 100:
                    current = max(current, 1) * 100
                else:
                    total += max(current, 1) * scale
                    current = 0
            elif w == "and" and j + 1 < len(words) and words[j + 1] in NUMBER_WORDS and j > i:
                pass
            else:
                break
            j += 1
        out.append(str(total + current))
        i = j
    return out


def _is_num(tokens: list[str]) -> bool:
    return bool(tokens) and tokens[-1].isdigit()


# Number words a typo may land on (ordinals are left exact: "fith" could be "fifth" or "fifty").
_FUZZY_TARGETS = tuple(sorted({*_UNITS, *_TENS, *_SCALES} - {"fourty"}))


@functools.lru_cache(maxsize=65536)
def read_number_word(word: str) -> tuple[str, ...]:
    """The number words a typed word stands for: itself, a repair, or a compound split.

    ("thre",) -> ("three",); ("twentytwo",) -> ("twenty", "two"); other words are returned
    unchanged, as a one-word tuple.
    """
    if word in NUMBER_WORDS or word in _ORDINALS or len(word) < 4 or not word.isalpha():
        return (word,)
    repaired = _repair(word)
    if repaired:
        return (repaired,)
    parts = _segment(word)
    if parts and not _is_real_word(word):
        return parts
    for cut in range(3, len(word) - 2):
        tens, unit = _exact_or_repaired(word[:cut]), _exact_or_repaired(word[cut:])
        if tens in _TENS and unit in _UNITS and _UNITS[unit] < 10 and not _is_real_word(word):
            return (tens, unit)
    return (word,)


def _segment(word: str) -> tuple[str, ...] | None:
    """ "sevenhundredseventeen" -> seven, hundred, seventeen: number words run together."""
    if not word:
        return ()
    for cut in range(len(word), 2, -1):
        if word[:cut] in NUMBER_WORDS:
            rest = _segment(word[cut:])
            if rest is not None:
                return (word[:cut], *rest)
    return None


def _exact_or_repaired(part: str) -> str | None:
    if part in NUMBER_WORDS:
        return part
    return _repair(part) if len(part) >= 4 else None


def _repair(word: str) -> str | None:
    """The one number word `word` is a typo of, when there is exactly one and it is no word."""
    budget = 1 if len(word) < 8 else 2
    best: list[tuple[int, str]] = []
    for target in _FUZZY_TARGETS:
        if abs(len(target) - len(word)) > budget:
            continue
        d = OSA.distance(word, target, score_cutoff=budget)
        if d <= budget:
            best.append((d, target))
    if not best:
        return None
    best.sort()
    if len(best) > 1 and best[1][0] == best[0][0]:
        return None  # ambiguous: "fiftee" could be fifteen or fifty
    if _is_real_word(word):
        return None
    return best[0][1]


def _is_real_word(word: str) -> bool:
    from quiz_bank.lexicon import is_common_word

    return is_common_word(word)
