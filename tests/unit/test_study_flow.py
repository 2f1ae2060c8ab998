"""The study flow's engine parts: a balanced mix, missed facts back harder, when a question comes
back, flashcards, and progress figures that follow the score model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing_data.loader import builtin_briefing
from quiz_bank.flashcards import deck, rate
from quiz_bank.progress import card_progress, days, due_forecast, last_session
from quiz_bank.questions import find_question
from quiz_bank.scheduler import comes_back
from quiz_bank.selection import (
    harder_question,
    missed_last,
    review_questions,
    select_questions,
)
from quiz_bank.session import QuizSession
from quiz_bank.store import ProgressStore

BRIEFING = builtin_briefing()
T0 = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


def _store(tmp_path: Path, now: dt.datetime = T0) -> ProgressStore:
    return ProgressStore(tmp_path / "p.db", clock=lambda: now)


def test_at_most_about_one_in_five_is_true_false() -> None:
    for seed in range(40):
        ten = select_questions(BRIEFING, count=10, seed=seed)
        assert len(ten) == 10 and len({q.fact for q in ten}) == 10
        assert sum(q.form == "tf" for q in ten) <= 2
        everything = select_questions(BRIEFING, seed=seed)
        assert sum(q.form == "tf" for q in everything) <= (len(everything) + 2) // 5
    # Forms still vary: over many quizzes every form shows up.
    forms = {q.form for seed in range(40) for q in select_questions(BRIEFING, count=10, seed=seed)}
    assert {"tf", "mcq", "cloze"} <= forms
    assert select_questions(BRIEFING, count=10, seed=3) == select_questions(
        BRIEFING, count=10, seed=3
    )


def test_a_missed_fact_comes_back_harder() -> None:
    tf = find_question(BRIEFING, "airfields/tf-1")
    mcq = harder_question(BRIEFING, tf)
    assert mcq.id == "airfields/mcq"
    assert harder_question(BRIEFING, mcq).id == "airfields"  # typed recall
    recall = find_question(BRIEFING, "airfields")
    assert harder_question(BRIEFING, recall) == recall


def test_review_asks_one_question_per_fact_and_a_missed_one_harder(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        store.add_attempt(
            learner="me",
            question="airfields/tf-1",
            fact="airfields",
            card="rear-base",
            answer="a",
            correct=False,
            score=0.0,
        )
        store.add_attempt(
            learner="me",
            question="iran-visit-country/mcq",
            fact="iran-visit-country",
            card="iran-trip",
            answer="b",
            correct=True,
            score=1.0,
        )
        missed = missed_last(BRIEFING, store.attempts("me"))
    assert set(missed) == {"airfields"}
    due = [
        find_question(BRIEFING, "airfields/tf-1"),
        find_question(BRIEFING, "airfields/tf-2"),
        find_question(BRIEFING, "iran-visit-country/mcq"),
    ]
    review = review_questions(BRIEFING, due, missed)
    assert [q.id for q in review] == ["airfields/mcq", "iran-visit-country/mcq"]


def test_when_a_question_comes_back_in_words() -> None:
    assert comes_back(T0 + dt.timedelta(seconds=20), T0) == "again in a moment"
    assert comes_back(T0 + dt.timedelta(seconds=55), T0) == "again in 1 min"
    assert comes_back(T0 + dt.timedelta(minutes=10), T0) == "again in 10 min"
    assert comes_back(T0 + dt.timedelta(hours=1), T0) == "in 1 hour"
    assert comes_back(T0 + dt.timedelta(days=4, hours=2), T0) == "in 4 days"
    assert comes_back(T0 + dt.timedelta(days=1), T0) == "in 1 day"


def test_an_outcome_says_when_its_question_comes_back(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        questions = select_questions(BRIEFING, ids=["airfields", "missiles-2022"])
        session = QuizSession(BRIEFING, questions, store=store, clock=lambda: T0)
        wrong = session.answer("ports")
        right = session.answer("717")
    assert wrong.due is not None and right.due is not None
    assert T0 < wrong.due < right.due  # a miss comes back sooner
    assert QuizSession(BRIEFING, questions).answer("ports").due is None


def test_flashcards_deck_and_self_rating(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        cards = deck(BRIEFING, store, "me", T0, size=5)
        assert len(cards) == 5 and all("/" not in q.id for q in cards)
        assert [q.fact for q in cards] == [f.id for f in BRIEFING.facts()][:5]
        again = rate(store, "me", cards[0], "again", T0)
        easy = rate(store, "me", cards[1], "easy", T0)
        assert again - T0 < dt.timedelta(hours=1) and easy - T0 > dt.timedelta(days=1)
        rows = store.attempts("me")
        assert [(r.question, r.correct) for r in rows] == [
            (cards[0].id, False),
            (cards[1].id, True),
        ]
        # What was just rated "again" is due soon and comes first; rated facts go last.
        later = deck(BRIEFING, store, "me", T0 + dt.timedelta(hours=1), size=40)
        assert later[0] == cards[0] and later[-1] == cards[1]


def _attempt(store: ProgressStore, fact: str, card: str, **fields: object) -> None:
    store.add_attempt(
        learner="me",
        question=fact,
        fact=fact,
        card=card,
        answer="x",
        **{"correct": True, "score": 1.0, **fields},  # type: ignore[arg-type]
    )


def test_card_figures_follow_the_score_model_and_add_up(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        _attempt(store, "airfields", "rear-base")
        _attempt(store, "airfields", "rear-base", correct=False, score=0.0, skipped=True)
        _attempt(store, "missiles-2022", "rear-base", correct=True, score=0.5, hint=True)
        _attempt(store, "systems-deployed", "rear-base", correct=False, score=0.0)
        cards = {c.id: c for c in card_progress(BRIEFING, store.attempts("me"))}
    rear = cards["rear-base"]
    # A skip does not unlearn a fact; a hinted answer is partly right, not mastered.
    assert (rear.studied, rear.mastered) == (3, 1)
    assert (rear.tally.right, rear.tally.partly, rear.tally.wrong, rear.tally.skipped) == (
        1,
        1,
        1,
        1,
    )
    assert rear.tally.answered == rear.studied
    assert rear.mastery == 1 / rear.facts
    assert cards["china-aid"].mastery is None  # not studied, rather than 0%


def test_last_session_day_and_forecast(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        assert last_session(store.attempts("me")) is None
        _attempt(store, "airfields", "rear-base", schedule=("", T0 + dt.timedelta(hours=2)))
        _attempt(
            store,
            "missiles-2022",
            "rear-base",
            correct=False,
            score=0.0,
            schedule=("", T0 - dt.timedelta(days=2)),
        )
        _attempt(store, "china-docs-date", "china-aid", schedule=("", T0 + dt.timedelta(days=3)))
        _attempt(
            store, "iran-visit-country", "iran-trip", schedule=("", T0 + dt.timedelta(days=30))
        )
        day, tally = last_session(store.attempts("me")) or (None, None)
        assert day == T0.date() and tally is not None and tally.text().startswith("3 right of 4")
        forecast = due_forecast(store, "me", T0)
    assert len(forecast) == 7 and forecast[0] == (T0.date(), 2)  # overdue counts as today
    assert dict(forecast)[T0.date() + dt.timedelta(days=3)] == 1
    assert sum(n for _day, n in forecast) == 3


def test_days_keep_retention_per_day(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        _attempt(store, "airfields", "rear-base")
        _attempt(store, "missiles-2022", "rear-base", correct=False, score=0.0)
        (day,) = days(store.attempts("me"))
    assert day.tally.answered == 2 and day.retention == 0.5
