"""Progress figures from the store: attempts, per-card mastery, what is due, answers by day.

Every figure follows the score model of `scoring` (right, partly right, wrong, skipped), so the
progress screen, home and `stats` show the same numbers as a quiz's summary.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from briefing_data.models import Briefing
from quiz_bank.scoring import Tally, attempt_standing, mastered_facts, tally_attempts
from quiz_bank.store import Attempt, ProgressStore


@dataclass(frozen=True)
class CardProgress:
    """One card's figures: its facts, how many were studied and mastered, and its answers."""

    id: str
    title: str
    facts: int
    studied: int  # facts with an answered attempt (per learner)
    mastered: int  # facts whose latest answered attempt was right (per learner)
    learners: int
    tally: Tally

    @property
    def mastery(self) -> float | None:
        """The share of its facts mastered; None when the card was never studied."""
        if not self.studied:
            return None
        return self.mastered / (self.facts * max(self.learners, 1))


def card_progress(briefing: Briefing, attempts: list[Attempt]) -> list[CardProgress]:
    """Per card: facts studied and mastered (latest answered attempt right), and the tally."""
    latest = mastered_facts((a.learner, a.fact, attempt_standing(a)) for a in attempts)
    learners = {learner for learner, _fact in latest}
    out = []
    for card in briefing.cards:
        facts = {f.id for f in card.facts}
        mine = [(who, fact) for who, fact in latest if fact in facts]
        out.append(
            CardProgress(
                id=card.id,
                title=card.title,
                facts=len(facts),
                studied=len(mine),
                mastered=sum(latest[key] for key in mine),
                learners=len(learners),
                tally=tally_attempts(a for a in attempts if a.card == card.id),
            )
        )
    return out


def card_mastery(briefing: Briefing, attempts: list[Attempt]) -> list[dict[str, Any]]:
    """`card_progress` as plain data (for `stats --json`); mastery 0.0 when not studied."""
    return [
        {
            "id": c.id,
            "title": c.title,
            "facts": c.facts,
            "studied": c.studied,
            "mastered": c.mastered,
            "attempts": c.tally.answered,
            "correct": c.tally.right,
            "partly": c.tally.partly,
            "wrong": c.tally.wrong,
            "skipped": c.tally.skipped,
            "mastery": round(c.mastery or 0.0, 4),
        }
        for c in card_progress(briefing, attempts)
    ]


@dataclass(frozen=True)
class Day:
    """One day of answers: its tally, and the share answered right (retention)."""

    day: dt.date
    tally: Tally

    @property
    def retention(self) -> float:
        return self.tally.right / self.tally.answered if self.tally.answered else 0.0


def days(attempts: list[Attempt]) -> list[Day]:
    """Answers per day, oldest first (days with only skips are left out)."""
    by_day: dict[dt.date, list[Attempt]] = defaultdict(list)
    for a in attempts:
        by_day[a.answered_at.date()].append(a)
    out = [Day(day, tally_attempts(rows)) for day, rows in sorted(by_day.items())]
    return [d for d in out if d.tally.answered]


def accuracy_by_day(attempts: list[Attempt]) -> list[dict[str, Any]]:
    return [
        {
            "day": d.day.isoformat(),
            "answered": d.tally.answered,
            "correct": d.tally.right,
            "accuracy": round(d.retention, 4),
        }
        for d in days(attempts)
    ]


def last_session(attempts: list[Attempt]) -> tuple[dt.date, Tally] | None:
    """The latest day with answers and its tally, or None before any."""
    answered = [a for a in attempts if not a.skipped]
    if not answered:
        return None
    day = answered[-1].answered_at.date()
    return day, tally_attempts(a for a in attempts if a.answered_at.date() == day)


def due_forecast(
    store: ProgressStore, learner: str, now: dt.datetime, days_ahead: int = 7
) -> list[tuple[dt.date, int]]:
    """How many questions fall due on each of the next days (today includes the overdue)."""
    today = now.date()
    horizon = dt.datetime.combine(today + dt.timedelta(days=days_ahead), dt.time(), now.tzinfo)
    counts = {today + dt.timedelta(days=i): 0 for i in range(days_ahead)}
    for _question, due in store.due(learner, horizon - dt.timedelta(microseconds=1)):
        day = max(due.astimezone(now.tzinfo).date(), today)
        if day in counts:
            counts[day] += 1
    return sorted(counts.items())


def progress_stats(briefing: Briefing, store: ProgressStore, learner: str | None) -> dict[str, Any]:
    attempts = store.attempts(learner)
    everything = tally_attempts(attempts)
    return {
        "student": learner,
        # Attempts are answers (skips are not) and right is full credit: the figures of a
        # quiz's summary and of `quiz --plain`'s Score line.
        "attempts": everything.answered,
        "correct": everything.right,
        "summary": everything.text(),
        "right": everything.right,
        "partly": everything.partly,
        "wrong": everything.wrong,
        "answered": everything.answered,
        "points": everything.points,
        "skipped": everything.skipped,
        "overrides": everything.overridden,
        "hinted": everything.hinted,
        "students": sorted({a.learner for a in attempts}),
        "cards": card_mastery(briefing, attempts),
        "by_day": accuracy_by_day(attempts),
    }


__all__ = [
    "CardProgress",
    "Day",
    "card_mastery",
    "card_progress",
    "days",
    "due_forecast",
    "last_session",
    "progress_stats",
]
