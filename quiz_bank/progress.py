"""Progress figures from the store, all in the terms of the score model (`scoring`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from briefing_data.models import Briefing
from quiz_bank.scoring import Standing, attempt_standing, mastered_facts, tally_attempts
from quiz_bank.store import Attempt, ProgressStore


def card_mastery(briefing: Briefing, attempts: list[Attempt]) -> list[dict[str, Any]]:
    """Per card: answered attempts, right ones, and the share of its facts mastered.

    A card with no answered attempt is not studied (mastery None), not 0%.
    """
    mastered = mastered_facts((a.learner, a.fact, attempt_standing(a)) for a in attempts)
    out = []
    for card in briefing.cards:
        facts = {f.id for f in card.facts}
        mine = tally_attempts(a for a in attempts if a.card == card.id)
        learners = {learner for (learner, fact) in mastered if fact in facts}
        known = sum(ok for (_, fact), ok in mastered.items() if fact in facts)
        studied = mine.answered > 0
        share = known / (len(facts) * len(learners)) if facts and learners else 0.0
        out.append(
            {
                "id": card.id,
                "title": card.title,
                "facts": len(facts),
                "attempts": mine.answered,
                "correct": mine.right,
                "studied": studied,
                "mastery": round(share, 4) if studied else None,
            }
        )
    return out


def accuracy_by_day(attempts: list[Attempt]) -> list[dict[str, Any]]:
    """Per day: answers and right answers (skips are not answers)."""
    days: dict[str, list[Attempt]] = defaultdict(list)
    for a in attempts:
        days[a.answered_at.date().isoformat()].append(a)
    out = []
    for day, rows in sorted(days.items()):
        t = tally_attempts(rows)
        if t.answered:
            out.append(
                {
                    "day": day,
                    "answered": t.answered,
                    "correct": t.right,
                    "accuracy": round(t.right / t.answered, 4),
                }
            )
    return out


def last_session(attempts: list[Attempt]) -> tuple[dt.date, int, int] | None:
    """(day, right, answered) of the latest day with answers, or None before any."""
    answered = [a for a in attempts if not a.skipped]
    if not answered:
        return None
    day = answered[-1].answered_at.date()
    t = tally_attempts(a for a in answered if a.answered_at.date() == day)
    return day, t.right, t.answered


def progress_stats(briefing: Briefing, store: ProgressStore, learner: str | None) -> dict[str, Any]:
    attempts = store.attempts(learner)
    t = tally_attempts(attempts)
    return {
        "student": learner,
        "attempts": t.answered,
        "correct": t.right,
        "partly": t.partly,
        "wrong": t.wrong,
        "points": t.points,
        "skipped": t.skipped,
        "overrides": t.overridden,
        "hinted": t.hinted,
        "summary": t.text(),
        "students": sorted({a.learner for a in attempts}),
        "cards": card_mastery(briefing, attempts),
        "by_day": accuracy_by_day(attempts),
    }


__all__ = ["Standing", "accuracy_by_day", "card_mastery", "last_session", "progress_stats"]
