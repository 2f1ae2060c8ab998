"""Countries as one concept each, whatever the learner calls them.

Names, official and common names come from pycountry; alternative spellings, capitals and
demonyms from countryinfo; acronyms of multi-word names (People's Republic of China -> PRC) are
derived from their initials (Democratic Republic of the Congo -> DRC). "Japanese", "Tokyo" and
"Japan" all become `@jp`: world knowledge, for any article.
"""

from __future__ import annotations

import functools

from quiz_bank.lexicon import acronym, word_count
from quiz_bank.normalize import fold, raw_words

# Longest country phrase matched, in words ("united kingdom of great britain and northern ireland").
MAX_PHRASE = 9
# An acronym this common as a word in English is taken as the word.
EVERYDAY = 50_000


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(raw_words(fold(text)))


def _names() -> list[tuple[str, str, int, int]]:
    """(ISO code, name, rank, population) for every name of every country; rank 0 is an ISO
    name, 1 another spelling or the capital, 2 a demonym (shared by several countries)."""
    import pycountry

    out: list[tuple[str, str, int, int]] = []
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                if ", " in value:  # "Korea, Republic of" -> "Republic of Korea"
                    head, _, tail = value.partition(", ")
                    value = f"{tail} {head}"
                out.append((country.alpha_2.lower(), value, 0, 0))
    try:
        from countryinfo import CountryInfo
    except ImportError:  # optional: capitals and demonyms are a bonus
        return out
    for info in CountryInfo.all().values():
        code = str((info.get("ISO") or {}).get("alpha2", "")).lower()
        people = int(info.get("population") or 0)
        spellings = [s for s in info.get("altSpellings") or [] if not (s.isupper() and len(s) <= 3)]
        for name in [info.get("name"), info.get("capital"), *spellings]:
            if name:
                out.append((code, str(name), 1, people))
        if info.get("demonym"):
            out.append((code, str(info["demonym"]), 2, people))
    return out


@functools.cache
def country_phrases() -> dict[tuple[str, ...], str]:
    """Word sequences naming a country -> its concept term (`@cn`); ambiguous ones left out."""
    # A name claimed by several countries goes to the best rank, then the most populous
    # (Chinese -> China); two ISO names alike are left out as ambiguous.
    owners: dict[tuple[str, ...], dict[str, tuple[int, int]]] = {}
    for code, name, rank, people in _names():
        forms = {_phrase(name)}
        short = acronym(name)
        if short and word_count(short) < EVERYDAY:  # not ARE (Arab Republic of Egypt)
            forms.add((short,))
        for form in forms:
            if form and all(w.isascii() for w in form) and len(form) <= MAX_PHRASE:
                claims = owners.setdefault(form, {})
                old = claims.get(code, (9, 0))
                claims[code] = min(old, (rank, -people))
    out = {}
    for form, claims in owners.items():
        ranked = sorted(claims.items(), key=lambda c: c[1])
        if len(ranked) > 1 and ranked[0][1][0] == ranked[1][1][0] == 0:
            continue
        out[form] = f"@{ranked[0][0]}"
    return out


@functools.cache
def _longest_from() -> dict[str, int]:
    """For each word that begins a country's name, the length of the longest such name."""
    out: dict[str, int] = {}
    for form in country_phrases():
        out[form[0]] = max(out.get(form[0], 0), len(form))
    return out


def fold_countries(words: list[str]) -> list[str]:
    """Replace each country name in a list of words by its concept, longest names first."""
    phrases = country_phrases()
    longest = _longest_from()
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i] not in longest:
            out.append(words[i])
            i += 1
            continue
        for size in range(min(longest[words[i]], len(words) - i), 0, -1):
            concept = phrases.get(tuple(words[i : i + size]))
            if concept:
                out.append(concept)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


def country_name(concept: str) -> str:
    """A readable name for a concept term (`@cn` -> China)."""
    import pycountry

    country = pycountry.countries.get(alpha_2=concept.lstrip("@").upper())
    if country is None:
        return concept
    return str(getattr(country, "common_name", None) or country.name)
