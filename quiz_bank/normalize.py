"""Answer normalisation: one spelling for what people write many ways.

`tokens(text)` is the one entry point the grader uses: it folds case, accents, scripts
(Cyrillic and Greek are transliterated with anyascii; a stray Cyrillic letter inside a Latin
word is read as the Latin letter meant), quotes and dashes, turns number words into digits,
joins designations (S 400, S-400 and S400 are all ``s400``), spells British as American, and
drops plurals and possessives. Normalising twice changes nothing.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from anyascii import anyascii

from briefing_data.article import fix_mixed_script
from briefing_data.textfold import TYPOGRAPHY
from quiz_bank.numwords import NUMBER_WORDS, words_to_numbers

# Words that carry no fact: dropped before matching.
FILLER = frozenset(
    """a an the of in on at by for to from since through throughout with its it his her their
    is was were are be been being that this these those as into upon during there which who
    what answer i think maybe probably about around some also both just only via per called
    named known so very my our".""".split()
)
# Short words that are never the letter part of a designation ("in 2022" is not "in2022").
_NOT_DESIGNATION = FILLER | frozenset(
    "and or not but than nor yes no up least most over under more less all any each".split()
)


_PUNCT = str.maketrans({**TYPOGRAPHY, "\u202f": " ", "&": " and ", "+": " and "})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Han characters are one syllable each: read apart (习近平 -> xi jin ping), as pinyin is written.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_THOUSANDS = re.compile(
    r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\d.,])\d{1,3}(?: \d{3})+(?![\da-z])"
)
_ORDINAL_SUFFIX = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
# '23 is 2023 and '90s the 1990s: a year with its century left out.
_SHORT_YEAR = re.compile(r"(?<![\w'])'(\d{2})(?!\d)")
_POSSESSIVE = re.compile(r"(\w)'s?\b")
_ANY_DIGIT = re.compile(r"\d")
_SCALE_AND = re.compile(r"\b(hundred|thousand|million)\s+and\s+")
_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")


def _full_year(m: re.Match[str]) -> str:
    yy = int(m.group(1))
    return f"{2000 + yy if yy <= 40 else 1900 + yy}"


def fold(text: str) -> str:
    """Lower-case ASCII with typography folded; keeps punctuation that separates parts."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT)
    if _NON_ASCII.search(text):
        text = _WORD.sub(lambda m: fix_mixed_script(m.group(0)), text)
        text = _HAN.sub(lambda m: f" {anyascii(m.group(0))} ", text)
        text = anyascii(text)
    text = text.casefold()
    if _ANY_DIGIT.search(text):
        text = _THOUSANDS.sub(lambda m: re.sub(r"[, ]", "", m.group(0)), text)
        text = _ORDINAL_SUFFIX.sub(r"\1", text)
        if "'" in text:
            text = _SHORT_YEAR.sub(_full_year, text)
    if " and " in text:
        text = _SCALE_AND.sub(r"\1 ", text)
    if "'" in text:
        text = _POSSESSIVE.sub(r"\1", text)
    return text


_BRITISH = (
    (re.compile(r"isation$"), "ization"),
    (re.compile(r"isations$"), "izations"),
    (re.compile(r"is(e|ed|es|ing)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})our(ed|ing|s)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"^(def|off|lic|pret)ence$"), r"\1ense"),
    (re.compile(r"programme"), "program"),
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er)$"), r"l\1"),
)
# Words where the British-to-American rules would be wrong.
_KEEP = frozenset(
    """rise wise precise otherwise raise praise exercise enterprise surprise promise premise
    compromise expertise franchise advertise televise revise supervise devise comprise concise
    paradise merchandise disguise chastise excise incise noise poise cruise tour four hour pour
    your detour contour""".split()
)


@functools.lru_cache(maxsize=65536)
def americanize(word: str) -> str:
    if word in _KEEP or len(word) < 5:
        return word
    for pattern, repl in _BRITISH:
        new = pattern.sub(repl, word)
        if new != word:
            return new
    return word


@functools.lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A light stemmer for plurals: howitzers -> howitzer, s400s -> s400, MiG-31Ks -> mig31k."""
    if any(ch.isdigit() for ch in word):
        if not word.endswith("ss") and re.fullmatch(r"[a-z]+\d+[a-z]*s", word):
            return word[:-1]
        return word
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics")):
        return word[:-1] if word.endswith("ics") else word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def _join_designations(words: list[str]) -> list[str]:
    """S 400 -> s400, Tor M2 -> torm2, MiG 31K -> mig31k, G 7 -> g7."""
    out: list[str] = []
    for word in words:
        if (
            out
            and any(ch.isdigit() for ch in word)
            and out[-1].isalpha()
            and out[-1] not in _NOT_DESIGNATION
            and out[-1] not in NUMBER_WORDS
            and (
                len(out[-1]) == 1 or (len(out[-1]) <= 3 and not word.isdigit()) or out[-1] == "mig"
            )
        ):
            out[-1] += word
        else:
            out.append(word)
    return out


_HYPHEN_DESIGNATION = re.compile(r"\b([a-z]+\d*[a-z]*)-(?=[a-z]*\d)|(?<=\d)-(?=[a-z]+\b)")
_HYPHEN_WORDS = re.compile(r"(?<=[a-z])-(?=[a-z])")
_NUMBER_WORD_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER_HYPHEN = re.compile(rf"\b({_NUMBER_WORD_ALT})-(?=(?:{_NUMBER_WORD_ALT})\b)")


def raw_words(folded: str) -> list[str]:
    """Words of a folded text, designations and numbers joined, before fillers are dropped."""
    text = folded
    if "-" in text:
        text = _NUMBER_HYPHEN.sub(r"\1 ", text)
        text = _HYPHEN_DESIGNATION.sub(lambda m: m.group(1) or "", text)
        text = _HYPHEN_WORDS.sub("", text)
    words = _TOKEN.findall(text)
    return _join_all(words_to_numbers(words))


def _join_all(words: list[str]) -> list[str]:
    while True:  # to a fixed point, so normalising twice changes nothing
        joined = _join_designations(words)
        if len(joined) == len(words):
            return joined
        words = joined


@functools.lru_cache(maxsize=65536)
def normal_word(word: str) -> str:
    return singular(americanize(word))


def tokens(text: str, *, keep_filler: bool = False) -> list[str]:
    """The content words of `text`, normalised; see the module docstring."""
    return tokens_of_folded(fold(text), keep_filler=keep_filler)


def tokens_of_folded(folded: str, *, keep_filler: bool = False) -> list[str]:
    """`tokens` of a text already folded by `fold`."""
    words = raw_words(folded)
    if not keep_filler:
        words = _join_thousands(_join_all([w for w in words if w not in FILLER]))
    return [normal_word(w) for w in words]


def _join_thousands(words: list[str]) -> list[str]:
    """["2", "000"] -> ["2000"], as "2 000" reads: keeps normalising idempotent."""
    out: list[str] = []
    for word in words:
        if out and len(word) == 3 and word.isdigit() and out[-1].isdigit() and len(out[-1]) <= 3:
            out[-1] += word
        else:
            out.append(word)
    return out


def normalize(text: str) -> str:
    """`tokens` joined by spaces: a canonical string for comparing answers.

    Taken to a fixed point, so that normalising a normal form changes nothing even for odd
    input where joining words creates a new designation.
    """
    out = " ".join(tokens(text))
    for _ in range(4):
        again = " ".join(tokens(out))
        if again == out:
            break
        out = again
    return out
