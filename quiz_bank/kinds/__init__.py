"""Answer kinds: each kind of answer key (text, number, date, list) owns its behaviour.

A kind grades a prepared typed answer, says how its answer is spelled and what exports
accept, offers distractors for multiple choice, falsified statements for true/false, the span
to blank for a cloze, and a first hint. Everything else asks `kind_of(fact)`; adding a kind is
one module here plus its tests.
"""

from __future__ import annotations

import random
from typing import Protocol

from briefing_data.models import Briefing, FactBase
from quiz_bank.answer import TypedAnswer
from quiz_bank.kinds.common import Blank, GradeContext, Swap
from quiz_bank.verdict import Verdict


class AnswerKind(Protocol):
    fact: FactBase

    def key(self, briefing: Briefing | None) -> object:
        """The answer key prepared once per fact and briefing (None when nothing to prepare)."""

    def grade(self, typed: TypedAnswer, ctx: GradeContext, key: object = None) -> Verdict: ...

    def spellings(self) -> list[str]:
        """Ways the answer may be written in a text (to find it in a sentence)."""

    def accepted(self, required: int | None = None) -> list[str]:
        """Written forms an export may list as accepted (checked with the grader there)."""

    def typed_form(self, forms: list[str]) -> str:
        """Of the accepted forms, the short one a learner types (what Anki compares)."""

    def entity_names(self) -> list[str]:
        """Names this fact gives to things, which a typo elsewhere must not land on."""

    def typed_names(self) -> tuple[str | None, list[str]]:
        """The answer's type (person, country, ...) and its names, for other facts' options."""

    def distractor_candidates(self, briefing: Briefing) -> list[str]:
        """Plausible wrong answers, unchecked; `quiz_bank.distractors` checks them."""

    def mcq(self, briefing: Briefing, rng: random.Random) -> tuple[str, list[str], str]:
        """(right option, wrong options, prompt) of a multiple-choice question."""

    def swaps(self, briefing: Briefing, statement: str) -> list[Swap]:
        """Ways to make the statement false by swapping its answer."""

    def blank(self, evidence: str) -> Blank | None:
        """The span of the evidence a cloze blanks."""

    def hint(self) -> str:
        """The first hint: a shape of the answer that does not give it away."""


def kind_of(fact: FactBase) -> AnswerKind:
    """The kind object of a fact (made once per fact object)."""
    found = _KINDS.get(id(fact))
    if found is not None and found.fact is fact:
        return found
    from quiz_bank.kinds.date import DateKind
    from quiz_bank.kinds.listkind import ListKind
    from quiz_bank.kinds.number import NumberKind
    from quiz_bank.kinds.text import TextKind

    classes: dict[str, type] = {
        "text": TextKind,
        "number": NumberKind,
        "quantity": NumberKind,
        "date": DateKind,
        "date-range": DateKind,
        "list": ListKind,
    }
    made: AnswerKind = classes[fact.kind](fact)
    if len(_KINDS) > 8192:
        _KINDS.clear()
    _KINDS[id(fact)] = made
    return made


_KINDS: dict[int, AnswerKind] = {}

__all__ = ["AnswerKind", "Blank", "GradeContext", "Swap", "kind_of"]
