"""Cards as plain text, for a pipe, a printer or a screen reader."""

from __future__ import annotations

import textwrap

from briefing_data.models import Briefing, Card


def _wrap(text: str, indent: str = "", width: int = 78) -> str:
    return textwrap.fill(
        text, width=width, initial_indent=indent, subsequent_indent=" " * len(indent)
    )


def card_text(card: Card, number: int | None = None, total: int | None = None) -> str:
    head = card.title if number is None else f"Card {number}/{total}: {card.title}"
    lines = [head, "=" * len(head), "", _wrap(card.summary), ""]
    if card.facts:
        lines.append("Key facts:")
        for fact in card.facts:
            lines.append(_wrap(fact.statement, indent="- "))
            lines.append(_wrap(f'Source: "{fact.evidence}"', indent="    "))
        lines.append("")
    if card.tags:
        lines.append("Tags: " + ", ".join(card.tags))
        lines.append("")
    return "\n".join(lines)


def briefing_text(briefing: Briefing, card_id: str | None = None) -> str:
    cards = [briefing.card(card_id)] if card_id else briefing.cards
    total = len(briefing.cards)
    parts = []
    if card_id is None:
        source = briefing.source
        parts.append(f"{briefing.title}\nSource: {source.title} ({source.kind})\n")
    for card in cards:
        parts.append(card_text(card, briefing.cards.index(card) + 1, total))
    return "\n".join(parts)
