"""The data model of a briefing: cards, facts and their answer keys (pydantic)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]

# Limits on every field: far above any real briefing, low enough that generating, grading
# and exporting a hostile one stays quick (the work grows with these sizes).
Name = Annotated[str, Field(min_length=1, max_length=200)]  # an answer, a title, a unit
Word = Annotated[str, Field(max_length=100)]
Sentence = Annotated[str, Field(min_length=1, max_length=1000)]  # a question, a statement
Passage = Annotated[str, Field(max_length=4000)]  # a summary, an explanation, a quote
Names = Annotated[list[Name], Field(max_length=64)]
Tags = Annotated[list[Annotated[str, Field(max_length=64)]], Field(max_length=32)]
Synonyms = Annotated[list[Annotated[list[Word], Field(max_length=16)]], Field(max_length=32)]
# Figures a fact can hold: any real count, year or distance, and always a finite float.
MAX_FIGURE = 1e15
MAX_FACTS = 1000
FactKind = Literal["text", "number", "quantity", "date", "date-range", "list"]
Season = Literal["spring", "summer", "autumn", "winter"]

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextAnswer(_Model):
    """One answer, written in words: a name, a place, a term."""

    canonical: Name
    variants: Names = []
    # Words that stand for each other in this fact only (UAV = drone, PRC = China).
    synonyms: Synonyms = []
    # Close-looking answers that are wrong: checked before any fuzzy match.
    wrong: Names = []
    # What sort of thing the answer is; the grader knows real names of some types (countries).
    type: Literal["person", "country", "place", "system", "organisation", "concept"] = "concept"

    def accepted(self) -> list[str]:
        return [self.canonical, *self.variants]


class NumberAnswer(_Model):
    """A count or a year, optionally with a unit (a quantity)."""

    value: float = Field(allow_inf_nan=False, ge=-MAX_FIGURE, le=MAX_FIGURE)
    qualifier: Literal["exactly", "at least", "up to", "about"] = "exactly"
    unit: Name | None = None
    unit_variants: Names = []
    # Units that look alike but are wrong (miles for km, months for years).
    wrong_units: Names = []
    wrong: Names = []
    is_year: bool = False

    def display(self) -> str:
        number = f"{self.value:,.0f}" if self.value == int(self.value) else f"{self.value:,}"
        if self.is_year:
            number = str(int(self.value))
        parts: list[str] = [] if self.qualifier == "exactly" else [self.qualifier]
        parts.append(number)
        if self.unit:
            parts.append(self.unit)
        return " ".join(parts)


class DateValue(_Model):
    """A calendar date at the precision the article gives: a day, a month or a season of a year."""

    year: int | None = Field(default=None, ge=1000, le=2999)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    season: Season | None = None

    @model_validator(mode="after")
    def _consistent(self) -> DateValue:
        if self.season and (self.month or self.day):
            raise ValueError("a season date has no month or day")
        if self.day and not self.month:
            raise ValueError("a day needs a month")
        if not (self.year or self.month or self.season):
            raise ValueError("a date needs at least a year, a month or a season")
        if self.year and self.month and self.day:
            dt.date(self.year, self.month, self.day)  # raises ValueError on 31 February
        return self

    def display(self) -> str:
        if self.season:
            season = "autumn (fall)" if self.season == "autumn" else self.season
            return f"{season} {self.year}" if self.year else season
        parts = []
        if self.day:
            parts.append(str(self.day))
        if self.month:
            parts.append(MONTHS[self.month - 1].capitalize())
        if self.year:
            parts.append(str(self.year))
        return " ".join(parts)


class DateAnswer(_Model):
    date: DateValue
    # Whether an answer that leaves out the year is still right (the question names the year).
    year_optional: bool = False
    wrong: Names = []

    def display(self) -> str:
        return self.date.display()


class DateRangeAnswer(_Model):
    start: DateValue
    end: DateValue
    year_optional: bool = False
    wrong: Names = []

    def display(self) -> str:
        s, e = self.start, self.end
        if s.month and s.month == e.month and s.year == e.year and s.day and e.day:
            text = f"{MONTHS[s.month - 1].capitalize()} {s.day}-{e.day}"
            return f"{text}, {s.year}" if s.year else text
        return f"{s.display()} to {e.display()}"


class ListItem(_Model):
    key: Id
    answer: Name
    variants: Names = []
    synonyms: Synonyms = []


class ListAnswer(_Model):
    items: list[ListItem] = Field(min_length=1, max_length=64)
    # How many items a full answer names; defaults to all of them.
    required: int | None = Field(default=None, ge=1, le=64)
    # Answers that look like items but are not (S-300, Tor-M1).
    wrong: Names = []
    type: Literal["person", "country", "place", "system", "organisation", "concept"] = "concept"

    @model_validator(mode="after")
    def _keys_unique(self) -> ListAnswer:
        seen: set[str] = set()
        for item in self.items:
            if item.key in seen:
                raise ValueError(f"list item key {item.key!r} is used twice")
            seen.add(item.key)
        if self.required is not None and self.required > len(self.items):
            raise ValueError(f"required {self.required} is more than the {len(self.items)} items")
        return self

    @property
    def needed(self) -> int:
        return self.required or len(self.items)

    def display(self) -> str:
        return ", ".join(item.answer for item in self.items)


AnswerKey = TextAnswer | NumberAnswer | DateAnswer | DateRangeAnswer | ListAnswer


class FactBase(_Model):
    """What every fact has, whatever its kind; each kind below fixes its answer key's type."""

    id: Id
    kind: FactKind
    # The question a learner is asked in free-text recall.
    question: Sentence
    # The fact as one sentence, shown on the card.
    statement: Sentence
    # A verbatim quote from the article (after folding whitespace, quotes and dashes).
    evidence: Annotated[Passage, Field(min_length=1)]
    answer: AnswerKey
    explanation: Passage = ""
    tags: Tags = []
    # Other ways a learner may ask for this fact, for the tutor's index.
    asks: Annotated[list[Sentence], Field(max_length=64)] = []

    def spelling_groups(self) -> list[list[str]]:
        """Right ways to write the answer: one group per list item, else one group."""
        a = self.answer
        if isinstance(a, TextAnswer):
            return [a.accepted()]
        if isinstance(a, ListAnswer):
            return [[item.answer, *item.variants] for item in a.items]
        return [[self.answer_text]]

    @property
    def answer_text(self) -> str:
        """The canonical answer as a person would write it."""
        a = self.answer
        if isinstance(a, TextAnswer):
            return a.canonical
        return a.display()


class TextFact(FactBase):
    kind: Literal["text"]
    answer: TextAnswer


class NumberFact(FactBase):
    kind: Literal["number"]
    answer: NumberAnswer


class QuantityFact(FactBase):
    kind: Literal["quantity"]
    answer: NumberAnswer

    @model_validator(mode="after")
    def _has_unit(self) -> QuantityFact:
        if not self.answer.unit:
            raise ValueError("a quantity answer needs a unit")
        return self


class DateFact(FactBase):
    kind: Literal["date"]
    answer: DateAnswer


class DateRangeFact(FactBase):
    kind: Literal["date-range"]
    answer: DateRangeAnswer


class ListFact(FactBase):
    kind: Literal["list"]
    answer: ListAnswer


Fact = Annotated[
    TextFact | NumberFact | QuantityFact | DateFact | DateRangeFact | ListFact,
    Field(discriminator="kind"),
]


class Card(_Model):
    id: Id
    title: Name
    # The article's heading for this section; none for the lead.
    section: Name | None = None
    summary: Annotated[Passage, Field(min_length=1)]
    tags: Tags = []
    facts: list[Fact] = Field(default=[], max_length=200)


class Coverage(_Model):
    start: dt.date | None = None
    end: dt.date | None = None


class Source(_Model):
    # Path of the article, relative to the briefing file (and inside its folder).
    file: Annotated[str, Field(min_length=1, max_length=1024)]
    title: Annotated[str, Field(max_length=1000)]
    kind: Name = "news article"
    covers: Coverage = Coverage()
    publisher: Name | None = None
    url: Annotated[str, Field(max_length=2000)] | None = None

    @field_validator("file")
    @classmethod
    def _relative(cls, file: str) -> str:
        if "\x00" in file:
            raise ValueError("a file name cannot contain a NUL character")
        if file.startswith(("/", "\\")) or (len(file) > 1 and file[1] == ":"):
            raise ValueError("give the article's path relative to the briefing file")
        return file


class Briefing(_Model):
    id: Id
    title: Name
    source: Source
    cards: list[Card] = Field(min_length=1, max_length=200)
    # The article's raw text, set by the loader (never edited; cleaned only for display).
    _article: str = PrivateAttr(default="")

    @property
    def article(self) -> str:
        return self._article

    @field_validator("cards")
    @classmethod
    def _ids_unique(cls, cards: list[Card]) -> list[Card]:
        seen: set[str] = set()
        for card in cards:
            if card.id in seen:
                raise ValueError(f"card id {card.id!r} is used twice")
            seen.add(card.id)
        if sum(len(card.facts) for card in cards) > MAX_FACTS:
            raise ValueError(f"a briefing holds at most {MAX_FACTS} facts")
        return cards

    def facts(self) -> list[FactBase]:
        return [fact for card in self.cards for fact in card.facts]

    def card(self, card_id: str) -> Card:
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)

    def fact(self, fact_id: str) -> FactBase:
        for card in self.cards:
            for fact in card.facts:
                if fact.id == fact_id:
                    return fact
        raise KeyError(fact_id)

    def card_of(self, fact_id: str) -> Card:
        for card in self.cards:
            if any(fact.id == fact_id for fact in card.facts):
                return card
        raise KeyError(fact_id)
