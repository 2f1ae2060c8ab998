"""What else an answer names: another country, figure or named thing beside the right one.

A right answer stays right with words that add nothing or restate the question's context;
it is wrong when a word names something the key does not (strict from rules, not lists).
"""

from __future__ import annotations

from quiz_bank.kinds.wordkey import WordKey
from quiz_bank.lexicon import countries_in, country_words, is_common_word
from quiz_bank.wordmatch import is_hard, typo_budget, within


def foreign_entity(words: list[str], key: WordKey) -> str | None:
    """A word naming another real thing (a country, another entity of the briefing)."""
    for w in words:
        if w in key.accepted_words or w in key.neutral:
            continue
        if w in key.others or w in country_words():
            return w
    return None


def contradiction(words: list[str], explained: set[int], key: WordKey) -> str | None:
    """A word beside the right answer that names something else: another country than the
    key's (or than the question's, when the key names none), a figure the key and the question
    do not have, or another named thing of the briefing ("localization in Russia" for
    "Belarusian localization", "North Korea" for "South Korea")."""
    named = countries_in(words)
    # Once the key's country is named, a country of the question or article is context
    # ("localization in Belarus using Chinese technology"); instead of it, it contradicts.
    strict = bool(key.countries) and not any(c in key.countries for _, _, c in named)
    for start, end, country in named:
        if country in key.countries or all(i in explained for i in range(start, end)):
            continue
        if strict or any(w not in key.neutral for w in words[start:end]):
            return " ".join(words[start:end])
    for i, w in enumerate(words):
        if i in explained or w in key.accepted_words:
            continue
        if (is_hard(w) or w.isdigit()) and w not in key.neutral:
            return w
        if w in key.others and w not in key.neutral and not is_common_word(w):
            return w
        if key.person and _another_name(w, key):
            return w
    return None


_PATRONYMIC = ("ovich", "evich", "ovna", "evna", "ichna")


def _another_name(word: str, key: WordKey) -> bool:
    """A word beside a person's name that is itself a name the key does not give (Viktor
    Lukashenko for Alyaksandr Lukashenka): no common word, no word of the question or
    article, and not a slip of any word of the key."""
    if len(word) < 3 or not word.isalpha() or word in key.neutral or is_common_word(word):
        return False
    if word.endswith(_PATRONYMIC):  # Aleksandr Grigoryevich Lukashenko: his father's name
        return False
    spelled = key.accepted_words | key.joined
    if any(within(word, w, typo_budget(w)) for w in spelled):
        return False
    # Another transliteration of a word of the name (Yun for Yoon): same first letter, same
    # consonants.
    return not any(w[0] == word[0] and _consonants(w) == _consonants(word) for w in spelled)


def _consonants(word: str) -> str:
    out = ""
    for ch in word:
        if ch not in "aeiouy" and not out.endswith(ch):
            out += ch
    return out


def rival_country(words: list[str], key: WordKey) -> str | None:
    """A country named in a part of the answer the key does not explain: a second answer when
    the answer is a country ("China and Russia" for Russia), or for another key naming a
    country, one that neither the key nor the question names."""
    if not key.countries:
        return None  # a person or place named with its country (Lukashenka, Belarus)
    for start, end, country in countries_in(words):
        if country in key.countries:
            continue
        bare = end - start == len(words)  # the part is just a country: a second answer
        if key.country_answer or bare or any(w not in key.neutral for w in words[start:end]):
            return " ".join(words[start:end])
    return None


def near_miss(words: list[str], key: WordKey) -> str | None:
    """A word that was within typo reach of the answer but names something else."""
    for form, _ in key.accepted:
        for expected in form:
            for w in words:
                if w == expected or is_hard(w) or is_hard(expected):
                    continue
                budget = typo_budget(expected)
                if budget and within(w, expected, budget):
                    return w.capitalize() if w in country_words() else f'"{w}"'
    return None


def label(word: str) -> str:
    return word.upper() if len(word) <= 4 else word.capitalize()
