"""Wording a fact: its evidence quote, its question (a cloze of the article's own words), its id."""

from __future__ import annotations

import re

from briefing_data.models import ListAnswer
from quiz_bank.generate.candidate import Candidate

BLANK = "_____"
# Evidence longer than this is cut to the clauses around the answer.
MAX_EVIDENCE_CHARS = 320
# A cloze shows at most this many words on each side of the blank.
CONTEXT_WORDS = 22


def evidence_span(c: Candidate) -> tuple[int, int]:
    """The quoted part of the sentence: all of it, or the clauses around the answer."""
    text = c.sentence.text
    if len(text) <= MAX_EVIDENCE_CHARS:
        return 0, len(text)
    lo, hi = c.spans[0][0], c.spans[-1][1]
    breaks = [m.end() for m in re.finditer(r"[,;:—]\s", text)]
    start = max((b for b in breaks if b <= lo and lo - b < 200), default=0)
    end = min((b - 2 for b in breaks if b - 2 >= hi and b - hi < 200), default=len(text))
    return start, end


def evidence_of(c: Candidate, article: str) -> str:
    if c.run:
        last = c.run[-1]
        return article[c.sentence.start : last.start + len(last.text)]
    a, b = evidence_span(c)
    return c.sentence.text[a:b].strip()


def _window(text: str, lo: int, hi: int) -> tuple[int, int]:
    """At most CONTEXT_WORDS words either side of [lo, hi), at word boundaries."""
    left = [m.start() for m in re.finditer(r"(?<!\S)\S", text[:lo])]
    right = [m.end() for m in re.finditer(r"\S(?!\S)", text[hi:])]
    start = left[-CONTEXT_WORDS] if len(left) > CONTEXT_WORDS else 0
    end = hi + right[CONTEXT_WORDS - 1] if len(right) > CONTEXT_WORDS else len(text)
    return start, end


def _blank_all(text: str, spellings: list[str]) -> str:
    for spelling in sorted({s for s in spellings if s.strip()}, key=len, reverse=True):
        pattern = r"(?<!\w)" + re.escape(spelling).replace(r"\ ", r"\s+") + r"(?!\w)"
        text = re.sub(pattern, BLANK, text, flags=re.IGNORECASE)
    return text


_LEADS = {
    "number": "Give the missing figure",
    "quantity": "Give the missing figure",
    "date": "Give the missing date",
    "date-range": "Give the missing dates",
    "person": "Who is missing",
    "place": "Which place is missing",
    "country": "Which country is missing",
    "organisation": "Which organisation is missing",
}


def question_of(c: Candidate, evidence: str, spellings: list[str]) -> str:
    """A cloze of the article's sentence: a wh-question reads well only beside its sentence."""
    text = c.sentence.text
    if c.run and isinstance(c.answer, ListAnswer):
        n = len(c.answer.items)
        if c.context:
            return f"Name the {n} items the article lists after: “{c.context}”"
        return f"Name the {n} items the article lists in bullet points."
    a, b = evidence_span(c)
    lo, hi = c.spans[0][0], c.spans[-1][1]
    start, end = _window(text, max(lo, a), min(hi, b))
    start, end = max(start, a), min(end, b)
    pieces = []
    pos = start
    for s_lo, s_hi in c.spans:
        pieces.append(text[pos:s_lo])
        pieces.append(BLANK)
        pos = s_hi
    pieces.append(text[pos:end])
    shown = _blank_all("".join(pieces), spellings).strip()
    shown = ("…" if start > 0 else "") + shown + ("…" if end < len(text) else "")
    if isinstance(c.answer, ListAnswer):
        n = len(c.answer.items)
        return f"Name the {n} missing items: “{shown}”"
    lead = _LEADS.get(c.kind if c.kind != "text" else c.text_type, "Fill in the blank")
    return f"{lead}: “{shown}”"


def slug(text: str, limit: int = 48) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = "-".join(words)[:limit].strip("-")
    return out or "fact"
