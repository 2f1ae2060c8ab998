"""Text to index terms for the tutor: content words, word families, countries, acronyms.

Words are normalised like answers (scripts, plurals, British spelling), country names fold to
one concept each (quiz_bank.gazetteer), and a Snowball stemmer joins word families (signed,
signing, sign). Cues in a question (how many, when, who, where, how far) tell what kind of
answer it wants.
"""

from __future__ import annotations

import functools
import re

from briefing_data.models import FactBase, ListAnswer, NumberAnswer, TextAnswer
from quiz_bank.gazetteer import fold_countries
from quiz_bank.normalize import fold, normal_word, raw_words
from quiz_bank.wordmatch import family_stem

# English function words and the filler of questions: they carry no topic.
STOPWORDS = frozenset(
    """a an the of in on at by for to from since through with and or is was were are be been
    do does did done what which who whom whose when where why how that this these those it its
    they them their he him his she her there here me my i you your we our us can could would
    should will shall may might must has have had about tell give show explain describe
    please know want need some any all also just into onto than then so very much more most
    according article say says said mention mentioned get got use used using one s
    keep kept take took put come came become became let see look find found continue happen
    think go goes going actually really currently now today own like being if not no yes
    anything something thing things way ways else other others again another
    summarize summarise summary overview many up down out off post as""".split()
)
PRONOUNS = frozenset(
    "it its they them their he him his she her this that these those there".split()
)
# Acronyms an article defines: "Group of Seven (G7)", "G7 (Group of Seven)".
_DEFINED = re.compile(r"\(([A-Z][A-Za-z]{1,7}?)s?\)")
_WORD = re.compile(r"[\w'’-]+")
_MINOR = frozenset({"of", "the", "and", "for", "on", "in"})

# Cues whose kind of answer a fact must give: "how many" is not answered by a name.
TYPED_CUES = frozenset({"count", "when", "far", "long"})
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATE_TEXT = re.compile(rf"\b({_MONTHS}|(1[5-9]|20)\d\d|spring|summer|autumn|fall|winter)\b")
_DISTANCE_UNIT = re.compile(r"(k?m|mi|kilomet(er|re)s?|met(er|re)s?|miles?|feet|ft|yards?)")
_DURATION_TEXT = re.compile(r"\b(second|minute|hour|day|week|month|year|decade)s?\b")
_AMOUNT_TEXT = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|"
    r"billion|half|third|quarter|percent|share|most|majority|few|several)\b"
)

_HEAD = r"(?:^|[.?!;,]\s*|\b(?:and|but|so|then|tell me|do you know|i wonder)\s+)"
_CUE_PATTERNS = [
    (re.compile(r"\bhow (many|much)\b|\bnumber of\b"), "count"),
    # "when", "who", "where" ask only at the head of a question or clause, not as relative
    # pronouns ("the man who ate a rabbit", "the hospital where they were treated").
    (
        re.compile(
            rf"{_HEAD}when\b|\b(since|until|till) when\b|\bwhat (year|date|day|month)\b"
            r"|\bwhich (year|date)"
        ),
        "when",
    ),
    (re.compile(r"\bhow far\b|\brange\b|\bdistance\b"), "far"),
    (re.compile(r"\bhow long\b|\bhow many years\b"), "long"),
    (re.compile(rf"{_HEAD}(who|whom)\b|\b(by|with|to) whom\b"), "who"),
    (re.compile(rf"{_HEAD}where\b"), "where"),
]


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word family of a normalised word; designations, numbers and concepts unchanged."""
    if word.startswith("@") or not word.isalpha() or len(word) <= 3:
        return word
    return family_stem(word)


def words(text: str) -> list[str]:
    """The content words of a text, normalised (countries as concepts), not yet stemmed; the
    parts of a hyphenated compound too ("55-year-old" is also 55, year, old)."""
    folded = fold(text)
    out = _words(folded)
    if "-" in folded:
        seen = set(out)
        out += [w for w in _words(folded.replace("-", " ")) if w not in seen]
    return out


def _words(folded: str) -> list[str]:
    out = []
    for word in fold_countries(raw_words(folded)):
        if word.startswith("@"):
            out.append(word)
            continue
        if word in STOPWORDS:
            continue
        w = normal_word(word)
        # "happened", "used": a filler verb in another tense (not "findings")
        if w not in STOPWORDS and not (w.endswith("ed") and stem(w) in STOPWORDS):
            out.append(w)
    return out


def cues(text: str) -> set[str]:
    folded = fold(text).lower()
    return {cue for pattern, cue in _CUE_PATTERNS if pattern.search(folded)}


def fact_cues(fact: FactBase) -> set[str]:
    """The question cues a fact's answer satisfies."""
    a = fact.answer
    if isinstance(a, NumberAnswer):
        if a.is_year:
            return {"when"}
        unit = (a.unit or "").lower()
        out = {"count"}
        if _DISTANCE_UNIT.fullmatch(unit):
            out.add("far")
        if _DURATION_TEXT.search(unit):
            out.add("long")
        return out
    if fact.kind in ("date", "date-range"):
        return {"when"}
    if isinstance(a, TextAnswer):
        out = {"person": {"who"}, "place": {"where"}, "organisation": {"who"}}.get(a.type, set())
        # A text answer may still be a date, a duration or an amount ("less than a month").
        text = fold(a.canonical).lower()
        if _DATE_TEXT.search(text):
            out = out | {"when"}
        if _DURATION_TEXT.search(text):
            out = out | {"long"}
        if _AMOUNT_TEXT.search(text):
            out = out | {"count"}
        return out
    if isinstance(a, ListAnswer):
        return {"country": {"where"}, "person": {"who"}, "place": {"where"}}.get(a.type, set())
    return set()


def defined_acronyms(text: str) -> dict[str, list[str]]:
    """Acronyms a text defines in brackets after their long form ("unmanned aerial vehicles
    (UAVs)"), each with the words of its long form."""
    out: dict[str, list[str]] = {}
    for match in _DEFINED.finditer(text):
        letters = match.group(1).lower()
        before = _WORD.findall(text[max(0, match.start() - 120) : match.start()])
        main: list[str] = []
        taken = 0
        for word in reversed(before):
            taken += 1
            if word.lower() in _MINOR and main:
                continue
            main.insert(0, word)
            if len(main) == len(letters):
                break
        if "".join(w[0] for w in main).lower() != letters:
            continue
        long_words = words(" ".join(before[-taken:]))
        key = normal_word(letters)
        if long_words and key not in long_words:
            out[key] = long_words
    return out
