"""Progress figures from the store: attempts, right answers, per-card mastery, accuracy by day."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from briefing_data.models import Briefing
from quiz_bank.store import Attempt, ProgressStore


def card_mastery(briefing: Briefing, attempts: list[Attempt]) -> list[dict[str, Any]]:
    """Per card: the share of its facts whose latest attempt was right (mastery), and counts."""
    latest: dict[str, Attempt] = {}
    for attempt in attempts:
        latest[f"{attempt.learner}\0{attempt.fact}"] = attempt
    out = []
    for card in briefing.cards:
        facts = {f.id for f in card.facts}
        mine = [a for a in attempts if a.card == card.id]
        last = [a for key, a in latest.items() if a.fact in facts]
        learners = {a.learner for a in last} or {""}
        known = sum(a.correct and not a.skipped for a in last)
        mastery = known / (len(facts) * len(learners)) if facts else 0.0
        out.append(
            {
                "id": card.id,
                "title": card.title,
                "facts": len(facts),
                "attempts": len(mine),
                "correct": sum(a.correct for a in mine),
                "mastery": round(mastery, 4),
            }
        )
    return out


def accuracy_by_day(attempts: list[Attempt]) -> list[dict[str, Any]]:
    days: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a in attempts:
        if a.skipped:
            continue
        day = a.answered_at.date().isoformat()
        days[day][0] += 1
        days[day][1] += a.correct
    return [
        {"day": day, "answered": n, "correct": right, "accuracy": round(right / n, 4)}
        for day, (n, right) in sorted(days.items())
    ]


def last_session(attempts: list[Attempt]) -> tuple[dt.date, int, int] | None:
    """(day, right, answered) of the latest day with answers, or None before any."""
    answered = [a for a in attempts if not a.skipped]
    if not answered:
        return None
    day = answered[-1].answered_at.date()
    same_day = [a for a in answered if a.answered_at.date() == day]
    return day, sum(a.correct for a in same_day), len(same_day)


def progress_stats(briefing: Briefing, store: ProgressStore, learner: str | None) -> dict[str, Any]:
    attempts = store.attempts(learner)
    return {
        "student": learner,
        "attempts": len(attempts),
        "correct": sum(a.correct for a in attempts),
        "skipped": sum(a.skipped for a in attempts),
        "overrides": sum(a.override for a in attempts),
        "hinted": sum(a.hint for a in attempts),
        "students": sorted({a.learner for a in attempts}),
        "cards": card_mastery(briefing, attempts),
        "by_day": accuracy_by_day(attempts),
    }
