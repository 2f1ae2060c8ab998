"""Real names and real words that a typo must not be mistaken for.

A typo that lands on another real thing (Iraq for Iran, Serbia for Syria, globalization for
localization) is not an honest slip. The gazetteer of countries comes from pycountry; the
English words from pyspellchecker's dictionary (a few MB), counting only words common enough
that a learner means them.
"""

from __future__ import annotations

import functools

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
    from spellchecker import SpellChecker

    return SpellChecker(distance=1).word_frequency.dictionary  # type: ignore[no-any-return]


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
    return out


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
