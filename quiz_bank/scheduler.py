"""Spaced repetition with FSRS (the scheduler Anki uses): one card state per learner and question.

Wrong is Again, right after a hint is Hard, right is Good, and right, exact, on the first try
and quickly is Easy.
"""

from __future__ import annotations

import datetime as dt
import functools
import zlib
from typing import TYPE_CHECKING

from briefing_data.models import Briefing
from quiz_bank.questions import Question, find_question

if TYPE_CHECKING:
    from fsrs import Rating, Scheduler

    from quiz_bank.store import ProgressStore

# An answer this fast (seconds), exact and unhinted, is rated Easy.
EASY_SECONDS = 10.0


@functools.cache
def scheduler() -> Scheduler:
    from fsrs import Scheduler

    # No fuzzing: the same answers on the same clock give the same schedule (testable).
    return Scheduler(enable_fuzzing=False)


def rating(
    *, correct: bool, hinted: bool, exact: bool, first_try: bool, duration: float | None
) -> Rating:
    from fsrs import Rating

    if not correct:
        return Rating.Again
    if hinted:
        return Rating.Hard
    if exact and first_try and duration is not None and duration <= EASY_SECONDS:
        return Rating.Easy
    return Rating.Good


def review(
    state: str | None, learner: str, question_id: str, grade: Rating, now: dt.datetime
) -> tuple[str, dt.datetime]:
    """The card's next state and due time after a review with `grade` at `now`."""
    from fsrs import Card

    if state:
        card = Card.from_json(state)
    else:
        # A stable id (Card() would sleep a millisecond to make one from the clock).
        card_id = zlib.crc32(f"{learner}\0{question_id}".encode())
        card = Card(card_id=card_id, due=now)
    card, _ = scheduler().review_card(card, grade, review_datetime=now.astimezone(dt.UTC))
    return card.to_json(), card.due


def due_questions(
    briefing: Briefing, store: ProgressStore, learner: str, now: dt.datetime | None = None
) -> list[Question]:
    """The learner's questions that are due at `now`, most overdue first."""
    from quiz_bank.store import utcnow

    out = []
    for question_id, _due in store.due(learner, now or utcnow()):
        try:
            out.append(find_question(briefing, question_id))
        except KeyError:
            continue  # a question of another briefing, or one since removed
    return out


def comes_back(due: dt.datetime, now: dt.datetime) -> str:
    """When a reviewed question comes back, in words: "again in 10 min", "in 4 days"."""
    seconds = max(0.0, (due - now).total_seconds())
    if seconds < 30:
        return "again in a moment"
    minutes = max(1, round(seconds / 60))
    if minutes < 60:
        return f"again in {minutes} min"
    hours = round(seconds / 3600)
    if hours < 24:
        return f"in {hours} hour{'s' if hours != 1 else ''}"
    days = round(seconds / 86400)
    if days < 60:
        return f"in {days} day{'s' if days != 1 else ''}"
    months = round(days / 30)
    return f"in {months} months"
