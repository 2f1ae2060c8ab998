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
import re
import unicodedata
from pathlib import Path

from quiz_bank.normalize import FILLER, fold, normal_word

# Endings that make a people or an adjective of a country's name (Belarusian, Chinese, Iranian).
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "ean", "an", "n", "i", "ic")
# A word in more country names than this is a generic part of names ("republic", "united").
_GENERIC_IN = 2

_LETTERS = re.compile(r"[a-z]+")
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")


def name_words(name: str, *, keep_filler: bool = False) -> list[str]:
    """The words of a name as an answer's tokens would read them, without reading numbers
    (a name has no figures, and "Niue" is no slip of nine)."""
    words = _LETTERS.findall(_HYPHEN.sub("", fold(name)))  # Dong-hoon as tokens: donghoon
    return [normal_word(w) for w in words if keep_filler or w not in FILLER]


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
                names.update(name_words(value))
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
            short = name_words(value.split(",")[0])
            if len(short) == 1 and attr != "official_name":
                exact.setdefault(short[0], set()).add(code)
            for word in name_words(value):
                if len(word) > 3 and word.isalpha():
                    seen.setdefault(word, set()).add(code)
    singles = [w for w, codes in exact.items() if len(codes) == 1]
    out = {
        w: next(iter(codes))
        for w, codes in seen.items()
        if len(codes) < _GENERIC_IN
        # "indian" (of British Indian Ocean Territory) is first the people of India
        and not any(w != e and len(e) >= 4 and w.startswith(e[:-1]) for e in singles)
    }
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
            # belarus-ian, chin-ese; peruv-ian of peru (a letter or two added to the name)
            found.update(
                code
                for name, code in names.items()
                if name.startswith(stem)
                or (len(name) >= 4 and stem.startswith(name) and len(stem) - len(name) <= 2)
            )
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
                words = tuple(name_words(value.split(",")[0]))
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


_MINOR = frozenset({"of", "the", "and"})
_INITIAL = re.compile(r"[A-Za-z][\w'’.-]*")


def acronym(name: str) -> str | None:
    """Initials of a multi-word name's main words, when there are at least three
    (People's Republic of China -> prc)."""
    parts = [w for w in _INITIAL.findall(name) if w.lower() not in _MINOR]
    if len(parts) < 3 or not all(p[0].isupper() for p in parts):
        return None
    return "".join(p[0] for p in parts).lower()


@functools.cache
def _aliases() -> dict[str, list[tuple[str, ...]]]:
    """Every name of each country, normalised: short, common and official names, and the
    initials of the official name when three letters or more and no other country's (dprk,
    prc, usa)."""
    import pycountry

    names: dict[str, list[tuple[str, ...]]] = {}
    initials: dict[tuple[str, ...], set[str]] = {}
    for country in pycountry.countries:
        forms: list[tuple[str, ...]] = []
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                forms.append(tuple(name_words(value)))
        official = getattr(country, "official_name", None) or country.name
        letters = acronym(official.replace(",", " "))
        if letters:
            initials.setdefault((letters,), set()).add(country.alpha_2)
        names[country.alpha_2] = [f for f in dict.fromkeys(forms) if f]
    for form, codes in initials.items():
        if len(codes) == 1 and not is_common_word(form[0]):
            names[next(iter(codes))].append(form)
    return names


def country_key(text: str) -> str | None:
    """The country (alpha-2 code) a whole text names under any of its names, or None:
    "North Korea", "DPRK" and "the Democratic People's Republic of Korea" are all KP."""
    words = tuple(name_words(text))
    if not words:
        return None
    found = countries_in(list(words))
    if len(found) == 1 and found[0][:2] == (0, len(words)):
        return found[0][2]
    codes = [code for code, forms in _aliases().items() if words in forms]
    return codes[0] if len(codes) == 1 else None


def country_aliases(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Other names of the country these words name, if they name exactly one country."""
    found = countries_in(list(words))
    if len(found) != 1 or found[0][1] - found[0][0] != len(words):
        return []
    return [f for f in _aliases().get(found[0][2], []) if f != words]


@functools.cache
def _foreign_names() -> dict[str, str]:
    """Country names in other languages (Китай, 中国, Biélorussie) as written, case folded,
    from the translations pycountry ships; a spelling two countries share is left out."""
    import gettext
    import os

    import pycountry

    folder = os.path.join(os.path.dirname(pycountry.__file__), "locales")
    names = [
        (value, country.alpha_2)
        for country in pycountry.countries
        for attr in ("name", "common_name", "official_name")
        if (value := getattr(country, attr, None))
    ]
    seen: dict[str, set[str]] = {}
    for lang in sorted(os.listdir(folder)):
        try:
            translation = gettext.translation("iso3166-1", folder, languages=[lang])
        except OSError:
            continue
        catalog: dict[str, str] = translation._catalog  # type: ignore[attr-defined]
        for value, code in names:
            translated = catalog.get(value)
            if translated and translated != value:
                seen.setdefault(plain(translated), set()).add(code)
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1}


_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def plain(text: str) -> str:
    """Text as written, case and spacing folded (for names in any script)."""
    return _EDGES.sub("", " ".join(unicodedata.normalize("NFKC", text).casefold().split()))


def foreign_country(text: str) -> str | None:
    """The country a text names in another language or script (Сирия, 中国, Pérou)."""
    return _foreign_names().get(plain(text))
