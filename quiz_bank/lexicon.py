"""Real names and real words that a typo must not be mistaken for.

A typo that lands on another real thing (Iraq for Iran, Serbia for Syria, globalization for
localization) is not an honest slip. The gazetteer of countries comes from pycountry; the
English words from pyspellchecker's dictionary (a few MB), counting only words common enough
that a learner means them.
"""

from __future__ import annotations

import functools
import marshal
import os
from pathlib import Path

from quiz_bank.normalize import normal_word, tokens

# A word seen fewer times than this in the spell checker's corpus is too rare to be meant.
COMMON_WORD_MIN_COUNT = 40


@functools.cache
def country_words() -> frozenset[str]:
    """Every word of every country name, normalised (iraq, serbia, korea, ...)."""
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.update(tokens(value))
    return frozenset(w for w in names if len(w) > 3 and w.isalpha())


@functools.cache
def _english() -> dict[str, int]:
    """Word counts of the spell checker's English dictionary. Reading its compressed JSON takes
    a third of a second, so a copy is kept in the user's cache folder (marshal: plain data,
    several times faster to load); a cache that cannot be read or written is skipped."""
    cache = _cache_file()
    try:
        counts = marshal.loads(cache.read_bytes())
        if isinstance(counts, dict) and counts:
            return counts
    except (OSError, ValueError, EOFError, TypeError):
        pass
    from spellchecker import SpellChecker

    counts = dict(SpellChecker(distance=1).word_frequency.dictionary)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(counts))
        partial.replace(cache)
    except OSError:
        pass
    return counts


def _cache_file() -> Path:
    from importlib.metadata import PackageNotFoundError, version

    from platformdirs import user_cache_path

    try:
        release = version("pyspellchecker")
    except PackageNotFoundError:
        release = "unknown"
    return user_cache_path("briefing", appauthor=False) / f"english-words-{release}.marshal"


@functools.lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """Whether `word` (a normalised token) is a common English word in its own right."""
    if not word.isalpha():
        return False
    counts = _english()
    for form in {word, word + "s", normal_word(word)}:
        if counts.get(form, 0) >= COMMON_WORD_MIN_COUNT:
            return True
    return False


def word_count(word: str) -> int:
    """How often `word` occurs in the spell checker's corpus (0 when it is not a word there)."""
    return _english().get(word, 0)
