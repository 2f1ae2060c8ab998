"""Dates and date ranges, at the precision the article gives (a day, a month, a season)."""

from __future__ import annotations

import random

from briefing_data.models import MONTHS, Briefing, DateAnswer, DateRangeAnswer, DateValue, FactBase
from quiz_bank.answer import TypedAnswer
from quiz_bank.dates import is_date_word
from quiz_bank.kinds.common import (
    Blank,
    GradeContext,
    Swap,
    find_span,
    no_answer,
    own_words,
    reject,
    unexplained,
    verdict,
)
from quiz_bank.verdict import Verdict
from quiz_bank.wordmatch import is_hard


class DateKind:
    """Both a single date and a range: a range is graded on its two ends."""

    def __init__(self, fact: FactBase) -> None:
        self.fact = fact
        assert isinstance(fact.answer, DateAnswer | DateRangeAnswer)
        self.answer: DateAnswer | DateRangeAnswer = fact.answer

    @property
    def dates(self) -> list[DateValue]:
        a = self.answer
        return [a.date] if isinstance(a, DateAnswer) else [a.start, a.end]

    def key(self, briefing: Briefing | None) -> None:
        return None

    # -- grading ---------------------------------------------------------------------------

    def grade(self, typed: TypedAnswer, ctx: GradeContext, key: object = None) -> Verdict:
        a = self.answer
        seen = typed.dates
        right = f"the answer is {a.display()}"
        if seen.empty:
            if not typed.positive:
                return no_answer(a.display())
            return reject(f"No date found: {right}.", wrong=[typed.shown()])
        target = self.dates
        want_days = {d.day for d in target if d.day}
        want_months = {d.month for d in target if d.month}
        want_years = {d.year for d in target if d.year}
        want_seasons = {d.season for d in target if d.season}
        problems = []
        if seen.days != want_days:
            problems.append("day")
        if seen.months != want_months and not (want_seasons and not seen.months):
            problems.append("month")
        if seen.seasons != want_seasons:
            problems.append("season")
        if seen.other_numbers:
            problems.append("number")
        if seen.years and seen.years != want_years:
            problems.append("year")
        if problems:
            return reject(f"Not quite: {right}.", wrong=[typed.shown()])
        # Words of three letters or more: "de", "im", "le" join dates in other languages.
        strange = [w for w in unexplained(typed.positive, self._neutral) if len(w) > 2]
        strange = list(dict.fromkeys(w for w in strange if not is_hard(w) and not is_date_word(w)))
        if len(strange) > 1:  # "early March" is fine, a bag of words around a date is not
            shown = " ".join(strange[:6])
            return reject(f"Give just the date; {shown} are not part of it: {right}.", [shown])
        if want_years and not seen.years and not a.year_optional:
            return reject(f"Right, but which year? {right[0].upper()}{right[1:]}.", wrong=[])
        return verdict(
            correct=True,
            score=1.0,
            matched=[ctx.question_id],
            feedback=f"Correct ({a.display()}).",
            exact=bool(seen.years) or a.year_optional,
        )

    @property
    def _neutral(self) -> frozenset[str]:
        return own_words(self.fact)

    # -- what the answer is --------------------------------------------------------------------

    def spellings(self) -> list[str]:
        a = self.answer
        if isinstance(a, DateAnswer):
            d = a.date
            out = [d.display()]
            if d.season:
                out += [f"fall of {d.year}", f"autumn of {d.year}", "fall", "autumn"]
            return out
        if a.start.month:
            month = MONTHS[a.start.month - 1].capitalize()
            return [f"{month} {a.start.day}-{a.end.day}", a.display()]
        return []

    def accepted(self, required: int | None = None) -> list[str]:
        """The display, then the usual ways to write the date, with and without its year."""
        a = self.answer
        forms = [a.display()]
        for with_year in (True, False):
            if isinstance(a, DateAnswer):
                forms += date_forms(a.date, with_year=with_year)
            else:
                forms += _range_forms(a, with_year=with_year)
        return forms

    def typed_form(self, forms: list[str]) -> str:
        """"autumn 2022", not the display's "autumn (fall) 2022"."""
        return next((f for f in forms if "(" not in f), forms[0])

    def entity_names(self) -> list[str]:
        return list(self.answer.wrong)

    def typed_names(self) -> tuple[str | None, list[str]]:
        return None, []

    # -- question forms ----------------------------------------------------------------------

    def distractor_candidates(self, briefing: Briefing) -> list[str]:
        a = self.answer
        out = list(a.wrong)
        for other in briefing.facts():
            if other.id != self.fact.id and other.kind in ("date", "date-range"):
                out.append(other.answer_text)
        if isinstance(a, DateAnswer):
            d = a.date
            if d.year:
                out += [
                    d.model_copy(update={"year": d.year - 1}).display(),
                    d.model_copy(update={"year": d.year + 1}).display(),
                ]
            if d.season:
                others = [s for s in ("spring", "summer", "winter") if s != d.season]
                out += [d.model_copy(update={"season": s}).display() for s in others]
        elif a.start.day and a.end.day and a.start.month:
            for shift in (-2, -1, 2, 5):
                start, end = a.start.day + shift, a.end.day + shift
                if start >= 1 and end <= 28:
                    month = MONTHS[a.start.month - 1].capitalize()
                    year = f", {a.start.year}" if a.start.year else ""
                    out.append(f"{month} {start}-{end}{year}")
        return out

    def mcq(self, briefing: Briefing, rng: random.Random) -> tuple[str, list[str], str]:
        from quiz_bank.distractors import distractors

        return self.fact.answer_text, distractors(briefing, self.fact, 3), self.fact.question

    def swaps(self, briefing: Briefing, statement: str) -> list[Swap]:
        a = self.answer
        if isinstance(a, DateAnswer):
            where = find_span(statement, [str(a.date.year)]) if a.date.year else None
            if where and a.date.year:
                return [Swap(statement[where[0] : where[1]], str(a.date.year - 1), where)]
            return []
        if a.start.day and a.end.day and a.start.day > 2:
            said = f"{a.start.day}-{a.end.day}"
            where = find_span(statement, [said])
            if where:
                return [Swap(said, f"{a.start.day - 2}-{a.end.day - 2}", where)]
        return []

    def blank(self, evidence: str) -> Blank | None:
        where = find_span(evidence, self.spellings())
        return Blank(where, evidence[where[0] : where[1]]) if where else None

    def hint(self) -> str:
        years = [d.year for d in self.dates if d.year]
        return f"The year is {years[0]}." if years else "Think of the season and the year."


_SEASON_NAMES = {"autumn": ["autumn", "fall"]}


def date_forms(d: DateValue, *, with_year: bool) -> list[str]:
    """The usual ways to write one date (at its precision), with or without its year."""
    year = f" {d.year}" if d.year and with_year else ""
    if d.season:
        names = _SEASON_NAMES.get(d.season, [d.season])
        forms = [f"{n}{year}" for n in names]
        if year:
            forms += [f"{n} of {d.year}" for n in names]
        return forms
    if not d.month:
        return [str(d.year)] if d.year and with_year else []
    month = MONTHS[d.month - 1].capitalize()
    if not d.day:
        return [f"{month}{year}"]
    forms = [f"{d.day} {month}{year}", f"{month} {d.day}{year}"]
    if year:
        forms.append(f"{month} {d.day},{year}")
    if year and d.year:
        forms += [f"{d.year}-{d.month:02d}-{d.day:02d}", f"{d.day:02d}.{d.month:02d}.{d.year}"]
    return forms


def _range_forms(a: DateRangeAnswer, *, with_year: bool) -> list[str]:
    s, e = a.start, a.end
    year = f" {s.year}" if s.year and with_year else ""
    if s.month and s.month == e.month and s.day and e.day and s.year == e.year:
        month = MONTHS[s.month - 1].capitalize()
        comma = f",{year}" if year else ""
        return [
            f"{month} {s.day}-{e.day}{comma}",
            f"{month} {s.day}-{e.day}{year}",
            f"{s.day}-{e.day} {month}{year}",
            f"{month} {s.day} to {e.day}{year}",
            f"{s.day} to {e.day} {month}{year}",
        ]
    starts = date_forms(s, with_year=with_year)
    ends = date_forms(e, with_year=with_year)
    return [f"{x} to {y}" for x, y in zip(starts, ends, strict=False)]
