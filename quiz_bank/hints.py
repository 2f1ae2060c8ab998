"""Hints that give a little more each time, never the answer itself."""

from __future__ import annotations

from briefing_data.models import Briefing
from quiz_bank.kinds import kind_of
from quiz_bank.kinds.common import find_span
from quiz_bank.kinds.listkind import ListKind
from quiz_bank.questions import BLANK, Question


def hint_text(briefing: Briefing, question: Question, level: int) -> str:
    """A first letter or item, then the card sentence with the answer blanked."""
    fact = briefing.fact(question.fact)
    kind = kind_of(fact)
    if question.has_choices and question.correct_choice is not None:
        wrong = [c for i, c in enumerate(question.choices) if i != question.correct_choice]
        if question.form == "mcq" and level <= len(wrong) - 1:
            return f"It is not “{wrong[level - 1]}”."
        return blanked_statement(briefing, question) or f"Reread the card: {fact.statement}"
    if isinstance(kind, ListKind):
        # A cloze blanks one item: the hint never names that one.
        shown = kind.hint_items(level, leave_out=question.blank_item)
        if shown:
            return shown
        return blanked_statement(briefing, question) or kind.count_hint()
    if level == 1:
        return kind.hint()
    return blanked_statement(briefing, question) or f"It starts with “{fact.answer_text[:2]}”."


def blanked_statement(briefing: Briefing, question: Question) -> str | None:
    """The card's statement with the answer blanked, or None when it is not found there."""
    fact = briefing.fact(question.fact)
    where = find_span(fact.statement, kind_of(fact).spellings())
    if where is None:
        return None
    return "From the card: " + fact.statement[: where[0]] + BLANK + fact.statement[where[1] :]
