"""Numbers and quantities: a count or a year, with a unit and a hedge ("at least", "up to")."""

from __future__ import annotations

import functools
import random
import re
from decimal import Decimal

from briefing_data.models import MAX_FIGURE, Briefing, FactBase, NumberAnswer
from quiz_bank.answer import TypedAnswer
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
from quiz_bank.normalize import FILLER, normal_word, tokens
from quiz_bank.verdict import Verdict

_NUMBERISH = re.compile(r"^\d+(?:\.\d+)?$")
_GLUED_UNIT = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$")
_UNIT_WORDS = frozenset(
    normal_word(w)
    for w in """km kms kilometer kilometers kilometre kilometres mile miles mi meter meters metre
    metres m nautical year years yr yrs month months day days week weeks hour hours minute
    minutes decade decades century centuries percent""".split()
)
# Words that bound a figure from above or below: one contradicts a key of the other bound
# ("up to 717" is no answer to "at least 717").
_LOWER_QUALIFIERS = re.compile(
    r"\b(at most|less than|fewer than|under|below|no more than|not more than|up to|maximum|max"
    r"|or less|or fewer|or under|or below)\b"
)
_UPPER_QUALIFIERS = re.compile(
    r"\b(at least|more than|over|above|no less than|not less than|minimum|min|or more|or over"
    r"|or above|upwards of|in excess of|exceeding|plus)\b"
)
# Words that make a figure an estimate.
_APPROXIMATE = re.compile(
    r"\b(about|around|roughly|approximately|approx|circa|nearly|almost|some|or so"
    r"|give or take|more or less|estimated)\b"
)
# 717+, >717, ≥717 bound a figure from below; <2000, ≤2000 from above.
_UPPER_SIGN = re.compile(r"\d\s*\+|[>≥]\s*\d")
_LOWER_SIGN = re.compile(r"[<≤]\s*\d")
_NUMBER_NAMES = "zero one two three four five six seven eight nine ten".split()


def _split_unit(word: str) -> list[str]:
    """2000km -> 2000, km: a number with its unit glued on."""
    m = _GLUED_UNIT.match(word)
    return [m.group(1), normal_word(m.group(2))] if m else [word]


def fmt(value: Decimal | float) -> str:
    """2022, 2.5, 999…9: every digit typed, no exponent, no trailing zeros."""
    text = format(Decimal(repr(value)) if isinstance(value, float) else value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def figure_in(text: str) -> float | None:
    """The figure written in a text (its digits and points), or None ("1.2.3", none at all)."""
    digits = re.sub(r"[^\d.]", "", text)
    try:
        return float(digits[:32]) if digits else None
    except ValueError:
        return None


class NumberKind:
    def __init__(self, fact: FactBase) -> None:
        self.fact = fact
        assert isinstance(fact.answer, NumberAnswer)
        self.answer: NumberAnswer = fact.answer

    def key(self, briefing: Briefing | None) -> None:
        return None

    # -- grading ---------------------------------------------------------------------------

    def grade(self, typed: TypedAnswer, ctx: GradeContext, key: object = None) -> Verdict:
        a = self.answer
        words = [part for w in typed.positive for part in _split_unit(w)]
        numbers = {Decimal(w) for w in words if _NUMBERISH.match(w)}
        right = f"the answer is {a.display()}"
        if not numbers:
            if not words:
                return no_answer(a.display())
            return reject(f"No figure found: {right}.", wrong=[typed.shown()])
        if len(numbers) > 1 and numbers - self._context:
            # A figure of the question restated is context ("717 missiles in 2022").
            numbers -= self._context
        if len(numbers) > 1:
            shown = " or ".join(fmt(n) for n in sorted(numbers))
            return reject(f"Give one figure, not {shown}: {right}.", [fmt(n) for n in numbers])
        (value,) = numbers
        target = Decimal(repr(a.value))  # the key's figure as written, not its binary float
        if value != target:
            close = target and abs(value - target) / abs(target) <= Decimal("0.1")
            lead = "Close, but" if close else "Not quite:"
            what = "the year" if a.is_year else "the figure"
            return reject(f"{lead} {what} is {a.display()}.", wrong=[fmt(value)])
        allowed_units, wrong_units = self._units
        units = {w for w in words if w in _UNIT_WORDS or w in wrong_units}
        allowed = allowed_units | ({"year"} if a.is_year else set())
        bad_units = [u for u in units if u not in allowed]
        if bad_units:
            return reject(f"Right number, wrong unit: {right}.", [f"{fmt(value)} {bad_units[0]}"])
        folded = typed.folded
        if a.qualifier != "about" and (_APPROXIMATE.search(folded) or "~" in typed.raw):
            # A hedge: the article gives the figure, so "about 717" does not know it.
            return reject(f"Right number, but give the figure: {right}.", [typed.raw.strip()])
        upper = _UPPER_QUALIFIERS.search(folded) or _UPPER_SIGN.search(typed.raw)
        lower = _LOWER_QUALIFIERS.search(folded) or _LOWER_SIGN.search(typed.raw)
        # A bound contradicts the other bound, and an exact figure ("at least 16" is not 16).
        if (lower and a.qualifier in ("at least", "exactly")) or (
            upper and a.qualifier in ("up to", "exactly")
        ):
            return reject(f"Right number, but {right}.", wrong=[typed.raw.strip()])
        strange = [w for w in unexplained(words, self._neutral) if not _NUMBERISH.match(w)]
        strange = [w for w in strange if w not in allowed and w not in _UNIT_WORDS]
        if len(strange) > 1:  # one word more ("approximately") is fine, a bag of words is not
            shown = " ".join(strange[:6])
            return reject(f"Give just the figure; {shown} are not part of it: {right}.", [shown])
        extra = set(words) - allowed - {fmt(value)} - FILLER - {"least", "up", "exactly"}
        note = "" if a.qualifier == "exactly" else f" ({a.display()})"
        return verdict(
            correct=True,
            score=1.0,
            matched=[ctx.question_id],
            feedback=f"Correct{note}.",
            exact=not extra,
        )

    @property
    def _neutral(self) -> frozenset[str]:
        return own_words(self.fact)

    @functools.cached_property
    def _context(self) -> frozenset[float]:
        """Figures the question itself gives (a year, "two of them"), other than the answer."""
        found = {float(t) for t in tokens(self.fact.question) if _NUMBERISH.match(t)}
        return frozenset(found - {self.answer.value})

    @functools.cached_property
    def _units(self) -> tuple[frozenset[str], frozenset[str]]:
        """(allowed units, wrong units), normalised once."""
        return frozenset(self._allowed_units()), frozenset(self._wrong_units())

    def _allowed_units(self) -> set[str]:
        out: set[str] = set()
        for text in [self.answer.unit or "", *self.answer.unit_variants]:
            out.update(tokens(text))
        return out

    def _wrong_units(self) -> set[str]:
        return {w for text in self.answer.wrong_units for w in tokens(text)}

    # -- what the answer is --------------------------------------------------------------------

    def _value(self) -> int | float:
        v = self.answer.value
        return int(v) if v == int(v) else v

    def spellings(self) -> list[str]:
        v = self._value()
        return [f"{v:,}", str(v)]

    def accepted(self, required: int | None = None) -> list[str]:
        """The figure, with thousands separators when it has them, and with each unit."""
        a, value = self.answer, fmt(self.answer.value)
        out = [value]
        if a.value == int(a.value) and a.value >= 1000 and not a.is_year:
            out.append(f"{a.value:,.0f}")
        if a.unit:
            out += [f"{value} {u}" for u in (a.unit, *a.unit_variants)]
        return out

    def typed_form(self, forms: list[str]) -> str:
        """What a learner types: the shortest form ("717", not "717 missiles")."""
        return min(forms, key=len)

    def entity_names(self) -> list[str]:
        return list(self.answer.wrong)  # a figure names no entity; its wrong answers may

    def typed_names(self) -> tuple[str | None, list[str]]:
        return None, []

    # -- question forms ----------------------------------------------------------------------

    def distractor_candidates(self, briefing: Briefing) -> list[str]:
        a = self.answer
        values: list[float] = []
        for text in a.wrong:
            figure = figure_in(text)
            if figure is not None:
                values.append(figure)
        v = a.value
        if a.is_year:
            values += [v - 2, v - 1, v + 1, v + 2]
        else:
            values += [
                round(v * 0.5),
                round(v * 1.5),
                round(v * 2),
                v + 1 if v < 10 else round(v * 0.8),
            ]
        return [
            a.model_copy(update={"value": value}).display()
            for value in values
            if value != a.value and 0 < value <= MAX_FIGURE
        ]

    def mcq(self, briefing: Briefing, rng: random.Random) -> tuple[str, list[str], str]:
        from quiz_bank.distractors import distractors

        return self.fact.answer_text, distractors(briefing, self.fact, 3), self.fact.question

    def swaps(self, briefing: Briefing, statement: str) -> list[Swap]:
        a = self.answer
        v = int(a.value)
        spellings = [f"{v:,}", str(v)] + ([_NUMBER_NAMES[v]] if 0 <= v < len(_NUMBER_NAMES) else [])
        where = find_span(statement, spellings)
        out = []
        for shown_wrong in self.distractor_candidates(briefing):
            figure = shown_wrong.split()[-2 if a.unit else -1]
            value = int(figure_in(figure) or 0)
            if where and value and value != v:
                shown = str(value) if a.is_year else f"{value:,}"
                out.append(Swap(statement[where[0] : where[1]], shown, where))
        return out

    def blank(self, evidence: str) -> Blank | None:
        where = find_span(evidence, self.spellings())
        return Blank(where, evidence[where[0] : where[1]]) if where else None

    def hint(self) -> str:
        digits = len(str(int(self.answer.value)))
        unit = f", in {self.answer.unit}." if self.answer.unit else "."
        return f"A number of {digits} digit{'s' if digits > 1 else ''}" + unit
