"""Moodle's GIFT format: the question bank marked as the app marks it, as far as GIFT can say.

- Lists: a multiple-answer question where each item earns 1/K of the marks (K = how many make a
  full answer, "at least K of N"), so naming K items is full marks, as in the app; Moodle caps a
  question at 100%. A known wrong item takes a share back (the app instead withholds "right").
- Dates, numbers and names: every spelling the grader accepts (autumn 2022, fall 2022, 1 March
  2023, 2023-03-01, ...), checked against the grader itself.
- True/false: feedback on both branches. Multiple choice: no two options that mean the same
  thing (DPRK and North Korea).
"""

from __future__ import annotations

import re
import zlib

from briefing_data.models import Briefing, ListAnswer, NumberAnswer
from quiz_bank.answer_forms import accepted_answers
from quiz_bank.distractors import distinct_options, meaning_key
from quiz_bank.questions import Question, question_bank
from quiz_bank.results import one_line

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")
# The fractions Moodle accepts for an answer's share of the marks (question_bank's options).
GRADE_OPTIONS = (
    100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40,
    33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5,
)  # fmt: skip
# Known wrong items offered beside a list's items.
LIST_DISTRACTORS = 4


def gift_escape(text: str) -> str:
    """GIFT's escapes: a backslash before ~ = # { } : (and before a backslash); one line,
    control characters shown, never sent."""
    return _GIFT_SPECIAL.sub(r"\\\1", one_line(text))


def moodle_share(needed: int) -> str:
    """Each item's share when `needed` items make full marks: the smallest fraction Moodle
    accepts that gets there (exact up to 10; beyond, a little early)."""
    exact = 100 / needed
    # Moodle writes thirds as 33.33333: a share within 1e-4 of exact is exact.
    share = min((g for g in GRADE_OPTIONS if g >= exact - 1e-4), default=100)
    return f"{share:.5f}".rstrip("0").rstrip(".")


def _feedback(briefing: Briefing, q: Question) -> str:
    fact = briefing.fact(q.fact)
    return gift_escape(f"{fact.explanation} Source: “{fact.evidence}”".strip())


def _true_false(briefing: Briefing, q: Question, name: str, prompt: str) -> str:
    fact = briefing.fact(q.fact)
    truth = "TRUE" if q.correct_choice == 0 else "FALSE"
    source = f"Source: “{fact.evidence}”"
    # GIFT: {TRUE#feedback when answered wrong#feedback when answered right}
    wrong = gift_escape(f"Not right: {fact.statement} {source}")
    right = gift_escape(f"Right: {fact.statement} {source}")
    return f"{name}{prompt}{{{truth}#{wrong}#{right}}}"


def _multiple_choice(briefing: Briefing, q: Question, name: str, prompt: str) -> str:
    right = q.choices[q.correct_choice or 0]
    options = distinct_options(q.choices, keep=[right])
    text = " ".join(("=" if o == right else "~") + gift_escape(o) for o in options)
    return f"{name}{prompt}{{{text}####{_feedback(briefing, q)}}}"


def _list(briefing: Briefing, q: Question, a: ListAnswer, name: str, prompt: str) -> str:
    share = moodle_share(min(q.required or a.needed, len(a.items)))
    items = [item.answer for item in a.items]
    taken = {meaning_key(s) for item in a.items for s in (item.answer, *item.variants)}
    wrong = [w for w in distinct_options(a.wrong) if meaning_key(w) not in taken]
    shares = [f"~%{share}%{gift_escape(i)}" for i in items]
    shares += [f"~%-{share}%{gift_escape(w)}" for w in wrong[:LIST_DISTRACTORS]]
    order = sorted(range(len(shares)), key=lambda i: zlib.crc32(f"{q.id}/{i}".encode()))
    body = " ".join(shares[i] for i in order)
    return f"{name}{prompt}{{{body}####{_feedback(briefing, q)}}}"


def gift_question(briefing: Briefing, q: Question) -> str:
    fact = briefing.fact(q.fact)
    name = f"::{gift_escape(q.id)}::"
    prompt = gift_escape(q.prompt)
    a = fact.answer
    if q.form == "tf":
        return _true_false(briefing, q, name, prompt)
    if q.form == "mcq":
        return _multiple_choice(briefing, q, name, prompt)
    if isinstance(a, ListAnswer) and q.form in ("recall", "list"):
        return _list(briefing, q, a, name, prompt)
    if isinstance(a, NumberAnswer) and q.form in ("recall", "cloze"):
        value = int(a.value) if a.value == int(a.value) else a.value
        return f"{name}{prompt}{{#{value}:0####{_feedback(briefing, q)}}}"
    answers = " ".join(f"={gift_escape(t)}" for t in accepted_answers(briefing, q))
    return f"{name}{prompt}{{{answers}####{_feedback(briefing, q)}}}"


def to_gift(briefing: Briefing) -> str:
    parts = [
        f"// {one_line(briefing.title)}",
        "// Exported by briefing; one category per card.",
        "",
    ]
    bank = question_bank(briefing)
    for card in briefing.cards:
        parts.append(f"$CATEGORY: briefing/{gift_escape(card.title).replace('/', '-')}")
        parts.append("")
        for q in bank:
            if q.card == card.id:
                parts += [gift_question(briefing, q), ""]
    return "\n".join(parts)
