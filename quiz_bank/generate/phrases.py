"""Candidate facts in words: quoted terms, definitions, superlatives, final phrases, fractions."""

from __future__ import annotations

import re

from briefing_data.models import TextAnswer
from quiz_bank.generate.candidate import FUNCTION_WORDS, Candidate
from quiz_bank.generate.numbers import MEASURES
from quiz_bank.generate.sections import Sentence


def term_candidates(s: Sentence) -> list[Candidate]:
    """A short phrase the article puts in quotation marks is a term worth asking."""
    out: list[Candidate] = []
    for m in re.finditer(r"[\"“](?P<term>[A-Za-z][\w' -]{2,40})[\"”]", s.text):
        term = m.group("term").strip()
        words = term.split()
        if not 1 <= len(words) <= 4 or words[0].lower() in FUNCTION_WORDS:
            continue
        span = [(m.start("term"), m.start("term") + len(term))]
        score = 2.0
        named = re.search(
            r"\b(?:the|a|an|same|so-called|called|known as|dubbed)\s*$", s.text[: m.start()]
        )
        if (named and re.match(r"\s+[a-z]", s.text[m.end() :])) or re.search(
            r"\b(?:so-called|called|known as|dubbed)\s*$", s.text[: m.start()]
        ):
            score = (
                2.6  # a name for something ("the same “circular exchange” mechanism"), not speech
            )
        out.append(Candidate(s, "text", span, TextAnswer(canonical=term), score, "term"))
    return out


def appositive_candidates(s: Sentence) -> list[Candidate]:
    """'The owners, a brother and sister, are ...': the description names who they are."""
    out: list[Candidate] = []
    for m in re.finditer(r"(?<=[a-z]), (?P<desc>(?:a|an) [a-z][\w -]{2,40}?),", s.text):
        desc = m.group("desc")
        if len(desc.split()) > 6 or any(w in ("which", "who", "that") for w in desc.split()):
            continue
        head_before = s.text[: m.start()].split()[-1:]
        if head_before and head_before[0][:1].isupper():
            continue  # a name with its description: the name is the fact
        answer = TextAnswer(canonical=desc)
        span = [(m.start("desc"), m.end("desc"))]
        out.append(Candidate(s, "text", span, answer, 2.8, "definition"))
    sup = re.match(
        r"(?P<np>(?:[A-Z]?[a-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)\s+(?:is|are|was|were)\s+(?:the|its|their)\s+"
        r"(?:most|least|largest|biggest|main|only|first|best|worst|[a-z]+est)\b",
        s.text,
    )
    if sup and sup.group("np").split()[0].lower() not in FUNCTION_WORDS:
        span = [(sup.start("np"), sup.end("np"))]  # "Potatoes were the biggest crop"
        out.append(
            Candidate(s, "text", span, TextAnswer(canonical=sup.group("np")), 2.8, "superlative")
        )
    ident = _IDENTIFIED.match(s.text)
    if ident:  # "The most likely option is local assembly": what the ranked thing is
        y = ident.group("y").strip()
        while y.split() and y.split()[0].lower() in ("a", "an", "the"):
            y = y.split(" ", 1)[1] if " " in y else ""
        passive = bool(y) and re.fullmatch(r"[a-z]+(?:ed|en)", y.split()[0]) is not None
        if y and 1 <= len(y.split()) <= 7 and not passive and not re.search(r"\d", y):
            at = ident.end("y") - len(y)
            span = [(at, ident.end("y"))]
            out.append(Candidate(s, "text", span, TextAnswer(canonical=y), 2.8, "definition"))
    return out


_ORDINAL = r"(?:most\s+[a-z]+|least\s+[a-z]+|main|first|second|third|fourth|last|only|[a-z]+est)"
_IDENTIFIED = re.compile(
    rf"^[-•\s]*(?:The|Its|Their)\s+{_ORDINAL}(?:\s+[a-z]+){{1,2}}\s+(?:is|was|are|were)\s+"
    r"(?P<y>[^,.;:()—]{3,80}?)(?=\s*(?:[,.;:()—]|\bas\b|\bwhich\b|\bthat\b|$))"
)


_TEMPORAL = frozenset(
    """today yesterday tomorrow week weeks month months year years day days time morning evening
    night decade decades century ago now later earlier recently away back again too more less
    well still already even""".split()
)


_PREPOSITIONS = frozenset(
    """in on at to from with by via for into through over under against after before during
    among between near across toward towards like""".split()
)
# Words a noun phrase may hold inside it: "small mammals and their fleas".
_INNER = frozenset("and of their its his her the a an".split())


def _after_last_preposition(text: str, start: int, end: int) -> int:
    """Where the object of the last preposition in text[start:end] begins (else `start`)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for w in reversed(words[:-1]):
        if w.group(0).lower() in _PREPOSITIONS:
            return start + w.end() + 1
    return start


def _phrase(
    s: Sentence, start: int, end: int, score: float, *, inner: bool = False
) -> Candidate | None:
    """A short lowercase phrase ending at `end`, trimmed of function words, as a candidate;
    with `inner`, a noun phrase that may hold "and", "of" or "their" inside."""
    words = s.text[start:end].split()
    while words and words[0].lower() in FUNCTION_WORDS:
        words = words[1:]
    allowed = _INNER if inner else frozenset()
    if (
        not words
        or len(words) > 5
        or words[-1].lower() in FUNCTION_WORDS
        or any(w.lower() in (FUNCTION_WORDS - allowed) | _TEMPORAL | MEASURES for w in words)
    ):
        return None
    if words[-1][:1].isupper():
        return None  # a name: found by the name rules
    phrase = " ".join(words)
    if s.text[end - len(phrase) : end] != phrase:
        return None
    span = [(end - len(phrase), end)]
    score = score if len(words) > 1 else score - 0.6
    return Candidate(s, "text", span, TextAnswer(canonical=phrase), score, "tail")


def tail_candidates(s: Sentence) -> list[Candidate]:
    """The phrase a sentence or clause ends on, where its news usually sits: "in small birds"."""
    if s.heading or len(s.text.split()) < 6:
        return []
    out: list[Candidate] = []
    m = re.search(
        r"(?<![\w'’])(?P<tail>(?:[A-Za-z][\w-]*\s+){0,5}[A-Za-z][\w-]*)[\"”’)]*[.!?]?[\"”’]*$",
        s.text,
    )
    if m:
        start = _after_last_preposition(s.text, m.start("tail"), m.end("tail"))
        c = _phrase(s, start, m.end("tail"), 2.2, inner=start != m.start("tail"))
        if c is None:  # no prepositional object: the last few content words
            three = re.search(r"(?:\S+\s+){0,2}\S+$", s.text[: m.end("tail")])
            c = _phrase(s, three.start() if three else m.start("tail"), m.end("tail"), 2.2)
        if c is not None:
            out.append(c)
    for clause in re.finditer(
        r"(?<![\w'’])(?:[A-Za-z][\w-]*\s+)?[a-z][\w-]*(?=,\s+(?:and|but)\s+|;)", s.text
    ):  # the end of a clause: "uses small airfields, and ..."
        if c := _phrase(s, clause.start(), clause.end(), 2.0):
            out.append(c)
    return out


_CONTRAST = re.compile(
    r"(?<![\w'’])(?P<x>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+(?:rather than|instead of)\s+[a-z]"
)


def contrast_candidates(s: Sentence) -> list[Candidate]:
    """What the article sets against something else: "by rail rather than by road"."""
    out = []
    for m in _CONTRAST.finditer(s.text):
        c = _phrase(s, m.start("x"), m.end("x"), 2.7)
        if c is not None:
            c.role = "contrast"
            out.append(c)
    return out


_FRACTION = re.compile(
    r"(?:(?:nearly|almost|about|roughly|more than|less than|over|under|some)\s+)?"
    r"\b(?:one|two|three|four|a)[- ](?:half|third|thirds|quarter|quarters|fifth|fifths)"
    r"(?:-point\b|\b(?![-\s]+(?!of\b)[a-z]))",
    re.IGNORECASE,
)


def fraction_candidates(s: Sentence) -> list[Candidate]:
    """Shares said in words: "nearly one-third", "a quarter-point", "two-thirds"."""
    out = []
    for m in _FRACTION.finditer(s.text):
        answer = TextAnswer(canonical=m.group(0))
        out.append(Candidate(s, "text", [(m.start(), m.end())], answer, 2.8, "fraction"))
    return out
