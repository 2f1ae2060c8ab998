"""Finding cards and facts by words typed with typos (the card filter)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from briefing_data.models import Briefing

# A card or fact whose best word-level match is below this (0-100) is left out.
MIN_SCORE = 75


@dataclass(frozen=True)
class CardMatch:
    card: str
    score: float
    # Facts of the card that match, best first.
    facts: tuple[str, ...]


def _score(query: str, text: str) -> float:
    return fuzz.partial_token_set_ratio(query, text, processor=utils.default_process)


def find_cards(briefing: Briefing, query: str) -> list[CardMatch]:
    """Cards whose title, summary, tags or facts match the query, best first."""
    query = query.strip()[:200]
    if not query:
        return [CardMatch(card.id, 100.0, ()) for card in briefing.cards]
    out = []
    for card in briefing.cards:
        head = _score(query, " ".join([card.title, card.summary, *card.tags]))
        facts = sorted(
            (
                (_score(query, " ".join([f.statement, f.answer_text, f.evidence, *f.tags])), f.id)
                for f in card.facts
            ),
            reverse=True,
        )
        matching = tuple(fid for score, fid in facts if score >= MIN_SCORE)
        best = max([head, *(score for score, _ in facts)])
        if best >= MIN_SCORE:
            out.append(CardMatch(card.id, best, matching))
    out.sort(key=lambda m: m.score, reverse=True)
    return out
