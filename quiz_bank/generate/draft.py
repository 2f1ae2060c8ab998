"""The whole import: article text in, a checked draft briefing (cards and facts) out."""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from briefing_data.models import Briefing, DateAnswer, DateRangeAnswer, NumberAnswer
from quiz_bank.generate.candidate import Candidate
from quiz_bank.generate.extract import Article
from quiz_bank.generate.keys import AliasIndex, peer_names, with_variants_and_wrong
from quiz_bank.generate.lists import bullet_candidates, list_candidates, pair_candidates
from quiz_bank.generate.names import NameIndex, name_candidates
from quiz_bank.generate.numbers import date_candidates, number_candidates
from quiz_bank.generate.phrases import (
    appositive_candidates,
    contrast_candidates,
    fraction_candidates,
    tail_candidates,
    term_candidates,
)
from quiz_bank.generate.rank import select
from quiz_bank.generate.sections import Section, Sentence, sentences_of, split_sections
from quiz_bank.generate.selfcheck import checked
from quiz_bank.generate.wording import evidence_of, question_of, slug
from quiz_bank.normalize import normalize

SUMMARY_CHARS = 320


@dataclass
class Draft:
    """A generated briefing, as data ready to write and as a validated model."""

    data: dict[str, Any]
    briefing: Briefing
    dropped: list[str] = field(default_factory=list)
    # How sure the generator is of each fact (0..1), for the review screen's order.
    confidence: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def questions(self) -> int:
        from quiz_bank.questions import question_bank

        return len(question_bank(self.briefing))

    def kinds(self) -> Counter[str]:
        return Counter(f.kind for f in self.briefing.facts())


def candidates_of(sentences: list[Sentence]) -> list[Candidate]:
    """Every candidate fact in the article, of every kind."""
    index = NameIndex(sentences)
    out: list[Candidate] = []
    for s in sentences:
        out += number_candidates(s)
        out += date_candidates(s, None)
        out += name_candidates(s, index)
        out += list_candidates(s)
        out += appositive_candidates(s)
        out += term_candidates(s)
        out += pair_candidates(s)
        out += tail_candidates(s)
        out += fraction_candidates(s)
        out += contrast_candidates(s)
    bullets = bullet_candidates(sentences)
    listed = {s.index for c in bullets for s in [c.sentence, *c.run]}
    for c in out:
        if c.sentence.index in listed:
            c.score -= 0.4  # the bullet list already asks about this line
    out += bullets
    text = " ".join(s.text for s in sentences).lower()
    counts: dict[str, int] = {}
    for c in out:
        if c.role in ("tail", "term", "definition", "superlative"):
            phrase = c.answer_words.lower()
            if phrase not in counts:
                pattern = r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"
                counts[phrase] = len(re.findall(pattern, text))
            mentions = counts[phrase]
            if " " not in phrase and mentions >= 4:
                c.score -= 0.6  # the article's topic: a blank anyone fills
            elif mentions >= 2:
                c.score += 0.3  # a phrase the article comes back to
    return out


def _spellings(c: Candidate) -> list[str]:
    a = c.answer
    words = [c.sentence.text[x:y] for x, y in c.spans]
    if isinstance(a, NumberAnswer | DateAnswer | DateRangeAnswer):
        return words
    groups = [[w for w in g] for g in c.variants]
    items = getattr(a, "items", None)
    if items:
        return [s for item in items for s in (item.answer, *item.variants)] + words
    return [*words, *getattr(a, "variants", []), *(v for g in groups for v in g)]


def _fact_data(c: Candidate, article: str, fact_id: str) -> dict[str, Any]:
    evidence = evidence_of(c, article)
    answer = c.answer.model_dump(exclude_defaults=True)
    if isinstance(c.answer, NumberAnswer):
        answer["value"] = (
            int(c.answer.value) if c.answer.value == int(c.answer.value) else c.answer.value
        )
    return {
        "id": fact_id,
        "kind": c.kind,
        "question": question_of(c, evidence, _spellings(c)),
        "statement": re.sub(r"\s+", " ", evidence),
        "evidence": evidence,
        "answer": answer,
        "explanation": "The article says so in the quoted sentence.",
        "tags": [c.kind, c.role],
    }


def _summary(section: Section, sentences: list[Sentence], index: int) -> str:
    own = [s.text for s in sentences if s.section == index and not s.heading]
    out = ""
    for text in own:
        if out and len(out) + len(text) > SUMMARY_CHARS:
            break
        out = f"{out} {text}".strip()
    if len(out) > SUMMARY_CHARS:
        out = out[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    return out or (section.title or "This part of the article.")


def _card_title(section: Section, sentences: list[Sentence], index: int) -> str:
    if section.title:
        return section.title
    if index == 0:
        return "Overview"
    first = next((s.text for s in sentences if s.section == index), "")
    words = first.split()
    return " ".join(words[:7]) + ("…" if len(words) > 7 else "")


def _confidence(c: Candidate) -> float:
    return round(max(0.05, min(0.99, (c.score - 0.5) / 3.5)), 2)


def build_draft(article: Article, source_file: str) -> Draft:
    """Generate, check and return the draft briefing of `article` (whose text is in source_file)."""
    started = time.perf_counter()
    sections = split_sections(article.text, article.title)
    sentences = sentences_of(sections)
    found = candidates_of(sentences)
    chosen = select(found, article.words, len(sections))
    aliases = AliasIndex(article.text)
    peers = peer_names(found)
    cards: list[dict[str, Any]] = []
    used_ids: set[str] = set()
    confidence: dict[str, float] = {}
    for si, section in enumerate(sections):
        title = _card_title(section, sentences, si)
        card_id = slug(title, 40)
        while card_id in used_ids:
            card_id = f"{card_id}-{si}"
        used_ids.add(card_id)
        facts = []
        for c in chosen:
            if c.sentence.section != si:
                continue
            c = with_variants_and_wrong(c, aliases, peers)
            fact_id = slug(f"{c.answer_words} {c.kind}", 48)
            while fact_id in used_ids:
                fact_id = f"{fact_id}-{len(used_ids)}"
            used_ids.add(fact_id)
            facts.append(_fact_data(c, article.text, fact_id))
            confidence[fact_id] = _confidence(c)
        card: dict[str, Any] = {"id": card_id, "title": title}
        if section.title:
            card["section"] = section.title
        card["summary"] = _summary(section, sentences, si)
        card["facts"] = facts
        cards.append(card)
    data: dict[str, Any] = {
        "id": slug(article.title, 60),
        "title": article.title,
        "source": {"file": source_file, "title": article.title, "kind": "news article"},
        "cards": cards,
    }
    briefing, dropped = checked(data, article.text)
    return Draft(data, briefing, dropped, confidence, time.perf_counter() - started)


def normalized_answer(text: str) -> str:
    return normalize(text)
