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

# Endings that make a people or an adjective of a country's name (Belarusian, Chinese, Iranian).
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "ean", "an", "n", "i", "ic")
# A word in more country names than this is a generic part of names ("republic", "united").
_GENERIC_IN = 2

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


@functools.cache
def _country_names() -> dict[str, str]:
    """Distinctive words of country names -> the country (alpha-2 code).

    A country's one-word short names (China, Syria, Belarus) always count; other words of its
    names count when no other country's names use them ("russian" of Russian Federation).
    """
    import pycountry

    exact: dict[str, set[str]] = {}
    seen: dict[str, set[str]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            short = [w for w in tokens(value.split(",")[0]) if w.isalpha()]
            if len(short) == 1 and attr != "official_name":
                exact.setdefault(short[0], set()).add(code)
            for word in tokens(value):
                if len(word) > 3 and word.isalpha():
                    seen.setdefault(word, set()).add(code)
    out = {w: next(iter(codes)) for w, codes in seen.items() if len(codes) < _GENERIC_IN}
    for word, codes in exact.items():
        if len(codes) == 1:
            out[word] = next(iter(codes))
        else:  # "korea" is two countries: it names neither
            out.pop(word, None)
            _SHARED_NAMES.add(word)
    return out


# One-word short names shared by several countries (korea, congo): a country, but which one?
_SHARED_NAMES: set[str] = set()


def is_country_word(word: str) -> bool:
    """Whether a normalised word names a country or its people, even ambiguously (korea)."""
    return country_of(word) is not None or word in _SHARED_NAMES


@functools.lru_cache(maxsize=65536)
def country_of(word: str) -> str | None:
    """The country (alpha-2 code) a normalised word names, directly or as its people/adjective.

    belarus, belarusian -> BY; chinese -> CN; russia, russian -> RU; iranian -> IR; the
    generic words of names (republic, united, people) name no country.
    """
    names = _country_names()
    if len(word) < 4 or not word.isalpha():
        return None
    if word in names:
        return names[word]
    found: set[str] = set()
    for ending in _DEMONYM_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 4:
            found.update(code for name, code in names.items() if name.startswith(stem))
            if found:
                break
    if not found:  # russia -> russian (of Russian Federation)
        found.update(
            code
            for name, code in names.items()
            if name.startswith(word) and len(name) - len(word) <= 2
        )
    return next(iter(found)) if len(found) == 1 else None


@functools.cache
def _country_phrases() -> dict[tuple[str, ...], str]:
    """Country names of two or three words (north korea, south korea) -> the country."""
    import pycountry

    out: dict[tuple[str, ...], set[str]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                words = tuple(tokens(value.split(",")[0]))
                if 2 <= len(words) <= 3:
                    out.setdefault(words, set()).add(country.alpha_2)
    return {words: next(iter(codes)) for words, codes in out.items() if len(codes) == 1}


def countries_in(words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, country) of every country named in normalised words, longest names first:
    "north korea" is North Korea, not an ambiguous "korea"."""
    phrases = _country_phrases()
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for size in (3, 2):
            code = phrases.get(tuple(words[i : i + size])) if i + size <= len(words) else None
            if code:
                found.append((i, i + size, code))
                i += size
                break
        else:
            code = country_of(words[i])
            if code:
                found.append((i, i + 1, code))
            i += 1
    return found


def word_count(word: str) -> int:
    """How often `word` occurs in the spell checker's corpus (0 when it is not a word there)."""
    return _english().get(word, 0)
