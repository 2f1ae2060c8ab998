"""Example questions made from the loaded briefing: its own facts' questions, one per card."""

from __future__ import annotations

from briefing_data.models import Briefing

# An example longer than this is hard to read in a list of suggestions.
MAX_EXAMPLE_CHARS = 70


def examples(briefing: Briefing, count: int = 4) -> list[str]:
    """Up to `count` questions from different cards (the shortest of each), then a quiz offer."""
    picked: list[str] = []
    for card in briefing.cards:
        questions = sorted((f.question for f in card.facts), key=len)
        if questions and len(questions[0]) <= MAX_EXAMPLE_CHARS:
            picked.append(questions[0])
        if len(picked) >= count - 1:
            break
    if len(picked) < count - 1:  # few cards: more questions from the same ones
        rest = sorted((f.question for f in briefing.facts() if f.question not in picked), key=len)
        picked += rest[: count - 1 - len(picked)]
    topic = quiz_topic(briefing)
    picked.append(f"quiz me on {topic}" if topic else "quiz me")
    return picked


def quiz_topic(briefing: Briefing) -> str | None:
    """The shortest card title past the first (the lead), as a topic to be quizzed on."""
    titles = sorted((c.title for c in briefing.cards[1:] if c.facts), key=len)
    if not titles:
        return None
    return titles[0]
