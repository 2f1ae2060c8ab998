"""Grading a typed answer against a fact's answer key.

This first version accepts the canonical answer and listed variants after case and
whitespace folding, and credits list items one by one; lenient matching comes next.
"""

from __future__ import annotations

import re

from briefing_data.models import FactBase, ListAnswer, TextAnswer
from quiz_bank.verdict import Verdict


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.casefold()).strip()


def grade_fact(fact: FactBase, typed: str, question_id: str | None = None) -> Verdict:
    """Grade `typed` as an answer to the free-text recall of `fact`."""
    qid = question_id or fact.id
    answer = fact.answer
    got = _norm(typed)
    if isinstance(answer, ListAnswer):
        matched = [
            item.key
            for item in answer.items
            if any(_norm(v) and _norm(v) in got for v in [item.answer, *item.variants])
        ]
        missed = [item.key for item in answer.items if item.key not in matched]
        score = min(1.0, len(matched) / answer.needed)
        return Verdict(
            correct=len(matched) >= answer.needed,
            score=score,
            matched=matched,
            missed=missed,
            feedback=f"You named {len(matched)} of {answer.needed}.",
        )
    accepted = answer.accepted() if isinstance(answer, TextAnswer) else [fact.answer_text]
    ok = got in {_norm(a) for a in accepted}
    return Verdict(
        correct=ok,
        score=1.0 if ok else 0.0,
        matched=[qid] if ok else [],
        feedback="Correct." if ok else f"The answer is {fact.answer_text}.",
        exact=ok and got == _norm(fact.answer_text),
    )
