"""Candidate facts that are figures: counts, quantities with units and hedges, dates and ranges."""

from __future__ import annotations

import re

from briefing_data.models import (
    MONTHS,
    DateAnswer,
    DateRangeAnswer,
    DateValue,
    NumberAnswer,
)
from quiz_bank.generate.candidate import FUNCTION_WORDS, Candidate, words_before
from quiz_bank.generate.sections import Sentence

_WORD_NUMBERS = {
    w: n
    for n, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen eighteen nineteen twenty""".split()
    )
}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100})
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CURRENCY = {"$": "dollars", "us$": "dollars", "£": "pounds", "€": "euros", "¥": "yen"}
# Measures: a figure with one of these is a quantity; other nouns are what is counted.
MEASURES = frozenset(
    """percent percentage points point km kilometers kilometres miles mile meters metres feet
    foot inches kg kilograms tons tonnes pounds grams liters litres gallons barrels hours hour
    minutes minute seconds days day weeks week months month years year decades centuries
    dollars euros yen acres hectares degrees mph""".split()
)
_HEDGES = [
    ("no more than", "up to"), ("no fewer than", "at least"), ("more than", "at least"),
    ("at least", "at least"), ("just over", "at least"), ("over", "at least"),
    ("upwards of", "at least"), ("up to", "up to"), ("as many as", "up to"),
    ("as much as", "up to"), ("nearly", "about"), ("almost", "about"), ("about", "about"),
    ("around", "about"), ("roughly", "about"), ("approximately", "about"), ("some", "about"),
    ("an estimated", "about"), ("close to", "about"),
]  # fmt: skip
_NUMBER = re.compile(
    r"(?<![\w.$£€-])(?P<cur>US\$|[$£€¥])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|[mb]n?\b))?"
    r"(?P<pct>\s?%|\s(?:percent|per cent|percentage points?)\b)?"
    r"(?P<age>-year-old)?(?![\w-]*\d)(?!,\d)(?![:/])"
)
_WORDNUM = re.compile(
    r"\b(?P<num>" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")\b"
    r"(?P<pct>\s(?:percent|per cent)\b)?",
    re.IGNORECASE,
)
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH
    + r"|"
    + _MONTH.replace("month", "month2")
    + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d3>\d{1,2}))?)\b"
    r"(?:,?\s+(?P<year>\d{4}))?(?!\s*%)"
)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+(?P<year>\d{4})\b")
_SEASON = re.compile(
    r"\b(?:the\s)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+(?P<year>\d{4})\b", re.I
)


def _month_number(name: str) -> int:
    key = name.rstrip(".").lower()[:3]
    return [m[:3] for m in MONTHS].index(key) + 1


def _hedge(sentence: str, at: int) -> tuple[str, str | None]:
    """The qualifier the words just before a figure give it, and the words themselves."""
    before = " ".join(words_before(sentence, at, 3)).lower()
    for words, qualifier in _HEDGES:
        if before.endswith(words):
            return qualifier, words
    return "exactly", None


def _unit_after(sentence: str, end: int) -> str | None:
    """The noun a figure counts or measures: "28 people", "185 miles", "30,154 new cars"."""
    words = re.findall(r"[A-Za-z][\w-]*", sentence[end : end + 40])[:2]
    gap = re.match(r"\s+[A-Za-z]", sentence[end:])
    if not gap or not words:
        return None
    first = words[0]
    if first.lower() in MEASURES:
        return first
    if first.lower() in FUNCTION_WORDS or first[0].isupper():
        return None
    if first.endswith("s") and not first.endswith("ss"):
        return first
    if len(words) == 1 or words[1].lower() in FUNCTION_WORDS:
        return first  # "28 people who ..."
    if len(words) > 1 and words[1].endswith("s") and words[1].lower() not in FUNCTION_WORDS:
        return words[1]
    return None


def _is_year(value: float, raw: str, sentence: str, start: int) -> bool:
    if "," in raw or "." in raw or not 1000 <= value <= 2199:
        return False
    before = words_before(sentence, start, 1)
    return not (before and before[0].lower() in ("the", "of", "about", "than"))


def _number_candidate(
    s: Sentence, m: re.Match[str], value: float, span: tuple[int, int]
) -> Candidate | None:
    text = s.text
    groups = m.groupdict()
    scale = groups.get("scale")
    if scale:
        scale = {"m": "million", "b": "billion", "bn": "billion"}.get(scale.lower(), scale)
    currency = _CURRENCY[groups["cur"].lower()] if groups.get("cur") else None
    unit: str | None = None
    if groups.get("pct"):
        unit = "percent"
    elif scale:
        # "17.3 million vehicles": the grader reads scale words, so the value is the full figure.
        value *= _SCALES[scale]
        unit = currency or _unit_after(text, m.end())
    elif currency:
        unit = currency
    elif not groups.get("age"):
        unit = _unit_after(text, m.end())
    qualifier, hedge = _hedge(text, m.start())
    is_year = not unit and not groups.get("age") and _is_year(value, groups["num"], text, m.start())
    measured = unit is not None and (
        unit.split()[-1].lower() in MEASURES or bool(scale) or bool(currency)
    )
    kind = "quantity" if measured else "number"
    answer = NumberAnswer(
        value=value,
        qualifier=qualifier,  # type: ignore[arg-type]
        unit=unit,
        unit_variants=_unit_variants(unit),
        is_year=is_year,
    )
    start = span[0]
    if hedge:
        start = text.lower().rfind(hedge, 0, span[0])
    score = 3.0 if unit else 2.0
    role = "figure"
    if is_year:
        score, role = 1.9, "year"
        if re.search(r"\b(?:since|until|in|by)\s*$", text[: span[0]], re.IGNORECASE):
            score += 0.3
    if groups.get("age"):
        score, role = 2.5, "age"
    if hedge:
        score += 0.3
    if re.search(r"\b(?:below|above|under|beneath|exceeding)\s+$", text[: span[0]], re.I):
        score -= 0.3  # a bound ("stayed below 6 percent") says less than a measured figure
    if unit == "times":
        score -= 1.0  # "10 times as many": a ratio, rarely the fact itself
    if re.search(r"\bone of(?: the)?\s*$", text[: span[0]]):
        score -= 1.5  # "one of the two main forms": not a count worth asking
    return Candidate(s, kind, [(start, span[1])], answer, score, role)  # type: ignore[arg-type]


def _unit_variants(unit: str | None) -> list[str]:
    if unit == "percent":
        return ["%", "per cent", "percentage", "pct"]
    if unit and unit.endswith("dollars"):
        return ["$", "dollar", "usd", *([unit.split()[0]] if " " in unit else [])]
    if unit and unit.endswith("s"):
        return [unit[:-1]]
    return []


def number_candidates(s: Sentence) -> list[Candidate]:
    """Every count and quantity in a sentence (not the days and years of dates)."""
    text = s.text
    taken = [(m.start(), m.end()) for m in _DATE.finditer(text)]
    taken += [(m.start(), m.end()) for m in _MONTH_YEAR.finditer(text)]
    taken += [(m.start(), m.end()) for m in _SEASON.finditer(text)]
    out: list[Candidate] = []
    for m in _NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        value = float(m.group("num").replace(",", ""))
        end = (
            m.end("pct") if m.group("pct") else m.end("scale") if m.group("scale") else m.end("num")
        )
        span = (m.start(), end)
        if m.group("age"):
            span = (m.start("num"), m.end("num"))
        cand = _number_candidate(s, m, value, span)
        if cand:
            out.append(cand)
    for m in _WORDNUM.finditer(text):
        word = m.group("num").lower()
        value = float(_WORD_NUMBERS[word])
        if value < 2:
            continue
        after = text[m.end() : m.end() + 12].lower()
        if re.match(r"\s*(?:of\b|-|times|or\b|and\b)", after) and not m.group("pct"):
            continue  # "two of them", "two-thirds", "three or four": not a count to ask
        cand = _number_candidate(
            s, m, value, (m.start(), m.end("pct") if m.group("pct") else m.end())
        )
        if cand and (cand.answer.unit if isinstance(cand.answer, NumberAnswer) else None):
            cand.score -= 0.4
            if re.search(r"\b(?:the|first|last|these|those|of|all)\s+$", text[: m.start()], re.I):
                cand.score -= 0.8  # "the first two", "one of the two": not a count to ask
            out.append(cand)
    return out


def date_candidates(s: Sentence, year_hint: int | None) -> list[Candidate]:
    """Calendar dates and day ranges: "November 16", "12-13 March 2023", "the fall of 2022"."""
    text = s.text
    out: list[Candidate] = []
    for m in _DATE.finditer(text):
        month_name = m.group("month") or m.group("month2")
        day = int(m.group("d1") or m.group("d2"))
        month = _month_number(month_name)
        year = int(m.group("year")) if m.group("year") else None
        if month_name.lower() == "may" and not m.group("d1") and not year:
            continue  # "may 5" is more often a verb and a figure than a date
        try:
            start = DateValue(year=year, month=month, day=day)
        except ValueError:
            continue
        span = [(m.start(), m.end())]
        if m.group("d3"):
            try:
                end = DateValue(year=year, month=month, day=int(m.group("d3")))
            except ValueError:
                continue
            range_answer = DateRangeAnswer(start=start, end=end, year_optional=year is None)
            out.append(Candidate(s, "date-range", span, range_answer, 2.8, "date"))
            continue
        answer = DateAnswer(date=start, year_optional=year is None)
        out.append(Candidate(s, "date", span, answer, 2.8 if year else 2.6, "date"))
    for m in _MONTH_YEAR.finditer(text):
        if any(c.spans[0][0] <= m.start() < c.spans[0][1] for c in out):
            continue
        date = DateValue(year=int(m.group("year")), month=_month_number(m.group("month")))
        out.append(Candidate(s, "date", [(m.start(), m.end())], DateAnswer(date=date), 2.6, "date"))
    for m in _SEASON.finditer(text):
        season = m.group("season").lower()
        date = DateValue(year=int(m.group("year")), season="autumn" if season == "fall" else season)  # type: ignore[arg-type]
        span = [(m.start("season"), m.end())]
        out.append(Candidate(s, "date", span, DateAnswer(date=date), 2.6, "date"))
    return out
