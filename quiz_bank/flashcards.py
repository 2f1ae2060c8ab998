"""Flashcards, as Anki users review: see the question, flip, rate yourself Again/Hard/Good/Easy.

A self-rating is recorded as an attempt (Again counts as wrong, the others as right) and feeds
the same FSRS schedule as a typed answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from briefing_data.models import Briefing
from quiz_bank.questions import Question, find_question
from quiz_bank.scheduler import due_questions, review
from quiz_bank.store import ProgressStore

SelfRating = Literal["again", "hard", "good", "easy"]
RATINGS: tuple[SelfRating, ...] = ("again", "hard", "good", "easy")


def deck(
    briefing: Briefing, store: ProgressStore | None, learner: str, now: dt.datetime, size: int = 20
) -> list[Question]:
    """The typed question of each fact: those due first, then facts not yet studied, then the
    rest, in briefing order within each group; at most `size`."""
    due_facts = (
        [q.fact for q in due_questions(briefing, store, learner, now)] if store is not None else []
    )
    studied = {a.fact for a in store.attempts(learner)} if store is not None else set()
    facts = [f.id for f in briefing.facts()]
    order = (
        list(dict.fromkeys(due_facts))
        + [f for f in facts if f not in studied]
        + [f for f in facts if f in studied and f not in due_facts]
    )
    return [find_question(briefing, fact) for fact in list(dict.fromkeys(order))[:size]]


def rate(
    store: ProgressStore,
    learner: str,
    question: Question,
    rating: SelfRating,
    now: dt.datetime,
) -> dt.datetime:
    """Record a self-rated review of `question`; returns when it comes back."""
    from fsrs import Rating

    grade = {
        "again": Rating.Again,
        "hard": Rating.Hard,
        "good": Rating.Good,
        "easy": Rating.Easy,
    }[rating]
    state, due = review(
        store.schedule_state(learner, question.id), learner, question.id, grade, now
    )
    right = rating != "again"
    store.add_attempt(
        learner=learner,
        question=question.id,
        fact=question.fact,
        card=question.card,
        answer="",
        correct=right,
        score=1.0 if right else 0.0,
        feedback=f"Flashcard, rated {rating.capitalize()}.",
        schedule=(state, due),
    )
    return due
