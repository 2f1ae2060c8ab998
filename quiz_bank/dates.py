"""Reading the dates people write: 1 March 2023, March 1st 2023, 2023-03-01, 01.03.2023, ranges.

An all-number date is read day first (01.03.2023 and 1/3/2023 are 1 March 2023), as in most
of the world; a year-first date is ISO (2023-03-01). When the day-first reading is impossible
because the second number is over 12 (03/13/2023), it is read month first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_data.models import MONTHS
from quiz_bank.normalize import fold, raw_words

_MONTH_WORDS: dict[str, int] = {}
for _n, _name in enumerate(MONTHS, 1):
    _MONTH_WORDS[_name] = _n
    _MONTH_WORDS[_name[:3]] = _n
_MONTH_WORDS["sept"] = 9
_MONTH_WORDS.pop("may", None)
_MONTH_WORDS["may"] = 5

SEASON_WORDS = {
    "spring": "spring",
    "summer": "summer",
    "autumn": "autumn",
    "fall": "autumn",
    "winter": "winter",
}

_ISO = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b")


@dataclass
class DateMentions:
    """Every calendar part an answer mentions."""

    days: set[int] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    seasons: set[str] = field(default_factory=set)
    # Numbers that are neither a day nor a year (a wrong figure, not a date).
    other_numbers: set[int] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not (self.days or self.months or self.years or self.seasons)


def _numeric_date(a: int, b: int, y: int) -> tuple[int, int, int] | None:
    year = y + 2000 if y < 100 else y
    day, month = a, b
    if month > 12 and day <= 12:
        day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return day, month, year


def is_date_word(word: str) -> bool:
    """A month (March, Mar, Sept) or a season (fall, autumn), as a normalised word."""
    return word in _MONTH_WORDS or word in SEASON_WORDS


_MAX_DIGITS = 9


def _bounded_int(digits: str) -> int:
    """A run of digits as an int; one too long to be a day or a year is 10**9, never read whole."""
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= _MAX_DIGITS else 10**_MAX_DIGITS


def read_dates(text: str) -> DateMentions:
    """Collect the days, months, years and seasons mentioned in `text`."""
    found = DateMentions()
    folded = fold(text)

    def iso(m: re.Match[str]) -> str:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            found.days.add(d)
            found.months.add(mo)
            found.years.add(y)
        return " "

    def numeric(m: re.Match[str]) -> str:
        parts = _numeric_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if parts:
            found.days.add(parts[0])
            found.months.add(parts[1])
            found.years.add(parts[2])
        return " "

    folded = _ISO.sub(iso, folded)
    folded = _NUMERIC.sub(numeric, folded)
    for word in raw_words(folded):
        if word in _MONTH_WORDS:
            found.months.add(_MONTH_WORDS[word])
        elif word in SEASON_WORDS:
            found.seasons.add(SEASON_WORDS[word])
        elif word.isdigit():
            value = _bounded_int(word)
            if 1000 <= value <= 2999:
                found.years.add(value)
            elif 1 <= value <= 31:
                found.days.add(value)
            else:
                found.other_numbers.add(value)
    return found
