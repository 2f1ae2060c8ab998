"""Text answers: one name, place or term, written in words."""

from __future__ import annotations

import functools
import random

from briefing_data.models import Briefing, FactBase, TextAnswer
from quiz_bank.answer import TypedAnswer
from quiz_bank.kinds.common import (
    Blank,
    GradeContext,
    Swap,
    fact_rng,
    find_span,
    no_answer,
    reject,
    verdict,
)
from quiz_bank.kinds.rivals import contradiction, foreign_entity, label, near_miss, rival_country
from quiz_bank.kinds.wordkey import WordKey, best_form, build_key, matches_wrong, unexplained
from quiz_bank.lexicon import foreign_country
from quiz_bank.normalize import tokens
from quiz_bank.verdict import Verdict


class TextKind:
    def __init__(self, fact: FactBase) -> None:
        self.fact = fact
        assert isinstance(fact.answer, TextAnswer)
        self.answer: TextAnswer = fact.answer

    def key(self, briefing: Briefing | None) -> WordKey:
        a = self.answer
        return build_key(self.fact, briefing, list(a.synonyms), a.accepted(), [], list(a.wrong))

    # -- grading ---------------------------------------------------------------------------

    def grade(self, typed: TypedAnswer, ctx: GradeContext, key: WordKey | None = None) -> Verdict:
        key = key or self.key(ctx.briefing)
        a = self.answer
        parts = [p for p in typed.content_chunks(key.synonyms) if p]
        whole = [w for part in parts for w in part]
        right = f"The answer is {a.canonical}."
        if not whole:
            return no_answer(a.canonical)
        hit = best_form(whole, key)
        wrong_label = matches_wrong(whole, key, frozenset(hit[2]) if hit else frozenset())
        if hit is not None and wrong_label is None:
            against = contradiction(whole, set(hit[2]), key)
            if against is not None:
                return reject(f"{label(against)} does not fit: {right}", wrong=[label(against)])
            others = [p for p in parts if best_form(p, key) is None]
            rival = next((e for p in others if (e := foreign_entity(p, key))), None)
            if rival is None:
                rival = next((e for p in others if (e := rival_country(p, key))), None)
            extra = unexplained(whole, hit[2], key)
            if rival is None and len(extra) > max(1, len(hit[0])):
                shown = " ".join(extra[:6])
                return reject(f"Give just the answer; {shown} are not part of it. {right}", [shown])
            if rival is None:
                exact = typed.tokens == _canonical_tokens(a.canonical)
                return _accept(ctx.question_id, hit[1], key.spelled(hit[0]), a.canonical, exact)
            return reject(
                f"Give one answer: {label(rival)} is not right. {right}", wrong=[label(rival)]
            )
        if hit is not None and wrong_label is not None:
            return reject(f"Give one answer: {wrong_label} is not right. {right}", [wrong_label])
        if wrong_label is not None:
            return reject(f"{wrong_label} is not right. {right}", wrong=[wrong_label])
        # A country named in another language or script (Китай, 中国): pycountry's names.
        foreign = key.country_answer and not typed.raw.isascii()
        if foreign and foreign_country(typed.raw) in key.countries:
            return _accept(ctx.question_id, [], a.canonical, a.canonical, False)
        near = near_miss(whole, key)
        if near:
            return reject(f"Close, but {near} names something else. {right}", [typed.shown()])
        return reject(f"Not quite. {right}", wrong=[typed.shown()])

    # -- what the answer is --------------------------------------------------------------------

    def spellings(self) -> list[str]:
        return self.answer.accepted()

    def accepted(self, required: int | None = None) -> list[str]:
        return self.answer.accepted()

    def typed_form(self, forms: list[str]) -> str:
        return forms[0]

    def entity_names(self) -> list[str]:
        return [*self.answer.accepted(), *self.answer.wrong]

    def typed_names(self) -> tuple[str | None, list[str]]:
        return self.answer.type, [self.answer.canonical]

    # -- question forms ----------------------------------------------------------------------

    def distractor_candidates(self, briefing: Briefing) -> list[str]:
        wrong = list(self.answer.wrong)
        fact_rng(self.fact.id, "distractors").shuffle(wrong)
        return wrong + same_type_values(briefing, self.fact, self.answer.type)

    def mcq(self, briefing: Briefing, rng: random.Random) -> tuple[str, list[str], str]:
        from quiz_bank.distractors import distractors

        return self.fact.answer_text, distractors(briefing, self.fact, 3), self.fact.question

    def swaps(self, briefing: Briefing, statement: str) -> list[Swap]:
        from quiz_bank.distractors import distractors

        wrong = distractors(briefing, self.fact, 3)
        if not wrong:
            return []
        swap = fact_rng(self.fact.id, "tf").choice(wrong)
        where = find_span(statement, self.spellings())
        return [Swap(statement[where[0] : where[1]], swap, where)] if where else []

    def blank(self, evidence: str) -> Blank | None:
        where = find_span(evidence, self.spellings())
        return Blank(where, self.answer.canonical) if where else None

    def hint(self) -> str:
        words = self.answer.canonical.split()
        plural = "s" if len(words) > 1 else ""
        return f"{len(words)} word{plural}, starting with “{self.answer.canonical[0]}”."


def _accept(
    qid: str, slips: list[tuple[str, str]], spelled: str, canonical: str, exact: bool
) -> Verdict:
    if slips:
        feedback = f"Accepted (spelled {spelled})."
    elif exact:
        feedback = "Correct."
    else:
        feedback = f"Correct: {canonical}."
    return verdict(
        correct=True, score=1.0, matched=[qid], feedback=feedback, exact=exact and not slips
    )


@functools.lru_cache(maxsize=4096)
def _canonical_tokens(text: str) -> list[str]:
    return tokens(text)


def same_type_values(briefing: Briefing, fact: FactBase, kind: str) -> list[str]:
    """Answers of the same type (person, country, ...) elsewhere in the briefing.

    Concepts are not interchangeable ("supply lines" is no wrong answer to how Belarus helps).
    """
    if kind == "concept":
        return []
    from quiz_bank.kinds import kind_of

    out: list[str] = []
    for other in briefing.facts():
        if other.id != fact.id:
            other_type, names = kind_of(other).typed_names()
            if other_type == kind:
                out += names
    return out
