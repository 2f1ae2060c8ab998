"""Reading the dates people write: 1 March 2023, March 1st 2023, 2023-03-01, 01.03.2023, ranges.

An all-number date is read day first (01.03.2023 and 1/3/2023 are 1 March 2023), as in most
of the world; a year-first date is ISO (2023-03-01). When the day-first reading is impossible
because the second number is over 12 (03/13/2023), it is read month first.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from briefing_data.models import MONTHS
from quiz_bank.normalize import FILLER, fold, raw_words

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

_LETTERS = re.compile(r"[a-z]+")
_ISO = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b")


@functools.cache
def _foreign_months() -> dict[str, int]:
    """Month names of other languages (marta, marz, mars, marzo -> 3), folded as answers are.

    From dateparser's language data, read lazily the first time an answer has a word that
    is no English month. Spellings under four letters (abbreviations such as "ago" for
    agosto) and spellings that mean different months in two languages (listopad) are left
    out.
    """
    seen: dict[str, set[int]] = {}
    for info in _dateparser_languages():
        for number, name in enumerate(MONTHS, 1):
            for spelled in info.get(name, []):
                for word in _LETTERS.findall(fold(spelled)):
                    if len(word) > 3 and word not in FILLER:
                        seen.setdefault(word, set()).add(number)
    return {
        word: next(iter(months))
        for word, months in seen.items()
        if len(months) == 1 and word not in _MONTH_WORDS and word not in SEASON_WORDS
    }


def _dateparser_languages() -> list[dict[str, list[str]]]:
    """The `info` table of each language module of dateparser's data.

    The modules are loaded from their files: importing the `dateparser` package itself would
    bring in its parser (a third of a second) for a few tables of words.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("dateparser")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations))) / "data" / "date_translation_data"
    out = []
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module_spec = importlib.util.spec_from_file_location(f"_months_{path.stem}", path)
        if module_spec is None or module_spec.loader is None:
            continue
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        info = getattr(module, "info", None)
        if isinstance(info, dict):
            out.append(info)
    return out


def foreign_month(word: str) -> int | None:
    """The month a folded word names in another language, if one."""
    return _foreign_months().get(word)


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


_MAX_DIGITS = 9


def _bounded_int(digits: str) -> int:
    """A run of digits as an int; one too long to be a day or a year is 10**9, never read whole."""
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= _MAX_DIGITS else 10**_MAX_DIGITS


def read_dates(text: str) -> DateMentions:
    """Collect the days, months, years and seasons mentioned in `text`."""
    return read_folded_dates(fold(text))


def read_folded_dates(folded: str) -> DateMentions:
    """`read_dates` of a text already folded by `normalize.fold`."""
    found = DateMentions()

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
        elif word.isalpha() and len(word) > 3 and word not in SEASON_WORDS and foreign_month(word):
            found.months.add(foreign_month(word) or 0)
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
