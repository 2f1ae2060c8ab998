"""Quiz sessions, the progress store and the scheduler, on a fixed clock."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing_data.loader import builtin_briefing
from quiz_bank.questions import find_question
from quiz_bank.scheduler import due_questions
from quiz_bank.session import QuizSession, select_questions
from quiz_bank.store import ProgressStore, StoreError

BRIEFING = builtin_briefing()
T0 = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def _session(tmp_path: Path, ids: list[str], clock: Clock | None = None) -> QuizSession:
    store = ProgressStore(tmp_path / "p.db", clock=clock or Clock())
    questions = select_questions(BRIEFING, ids=ids)
    return QuizSession(BRIEFING, questions, store=store, learner="ana", clock=clock or Clock())


def test_select_by_ids_card_tag_count_and_seed() -> None:
    ids = ["airfields", "missiles-2022/mcq"]
    assert [q.id for q in select_questions(BRIEFING, ids=ids)] == ids
    card = select_questions(BRIEFING, card="china-aid", seed=1)
    assert {q.card for q in card} == {"china-aid"} and len(card) == 4
    assert {q.fact for q in select_questions(BRIEFING, tag="iran", seed=1)} >= {
        "iran-visit-dates",
        "iran-visit-country",
    }
    a = [q.id for q in select_questions(BRIEFING, count=5, seed=7)]
    b = [q.id for q in select_questions(BRIEFING, count=5, seed=7)]
    assert a == b and len(a) == 5
    with pytest.raises(KeyError):
        select_questions(BRIEFING, ids=["nope"])
    with pytest.raises(KeyError):
        select_questions(BRIEFING, card="nope")


def test_right_wrong_hinted_skipped_and_override(tmp_path: Path) -> None:
    session = _session(
        tmp_path, ["iran-visit-country", "missiles-2022", "mig31k-kinzhal", "airfields"]
    )
    assert session.answer("iran").verdict.correct
    wrong = session.answer("71")
    assert not wrong.verdict.correct
    assert session.correct == 1
    # "I was right" right after the verdict: counted, flagged for the teacher.
    overridden = session.override()
    assert overridden.question.id == "missiles-2022"
    assert session.correct == 2
    assert session.hint().startswith("1 word")
    hinted = session.answer("Kinzhal")
    assert hinted.verdict.correct and hinted.hinted and hinted.score == 0.5
    skipped = session.skip()
    assert skipped.skipped and session.done
    assert (session.correct, session.answered, session.score) == (2, 3, 2.5)
    summary = session.summary()
    assert [q.id for q, _, _ in summary.missed] == ["airfields"]
    assert summary.missed[0][2] == "rear-base"
    rows = {a.question: a for a in session.store.attempts()}  # type: ignore[union-attr]
    assert len(rows) == 4
    assert rows["missiles-2022"].override and rows["missiles-2022"].correct
    assert rows["mig31k-kinzhal"].hint and rows["mig31k-kinzhal"].score == 0.5
    assert rows["airfields"].skipped and not rows["airfields"].correct
    assert rows["iran-visit-country"].answer == "iran"


def test_override_needs_a_rejected_answer(tmp_path: Path) -> None:
    session = _session(tmp_path, ["iran-visit-country"])
    session.answer("Iran")
    with pytest.raises(ValueError):
        session.override()


def test_review_serves_what_is_due_most_overdue_first(tmp_path: Path) -> None:
    clock = Clock()
    store = ProgressStore(tmp_path / "p.db", clock=clock)
    ids = ["iran-visit-country", "missiles-2022", "airfields"]
    session = QuizSession(
        BRIEFING, select_questions(BRIEFING, ids=ids), store=store, learner="ana", clock=clock
    )
    session.answer("Iran", duration=3)  # right, exact, quick: Easy
    clock.now = T0 + dt.timedelta(minutes=1)
    session.answer("12")  # wrong: Again, due again within minutes
    clock.now = T0 + dt.timedelta(minutes=2)
    session.answer("airfields", duration=60)  # right: Good
    due_now = due_questions(BRIEFING, store, "ana", T0 + dt.timedelta(seconds=90))
    assert due_now == []
    soon = due_questions(BRIEFING, store, "ana", T0 + dt.timedelta(minutes=30))
    assert [q.id for q in soon] == ["missiles-2022", "airfields"]
    later = due_questions(BRIEFING, store, "ana", T0 + dt.timedelta(days=60))
    assert later[0].id == "missiles-2022"
    assert {q.id for q in later} == set(ids)
    assert due_questions(BRIEFING, store, "ben", T0 + dt.timedelta(days=60)) == []


def test_not_a_database_is_a_clear_error_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"my precious notes, not sqlite at all" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        ProgressStore(path)
    message = str(info.value)
    assert str(path) in message and "move it aside" in message and "\n" not in message
    assert path.read_bytes() == before


def test_another_programs_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match="another program"):
        ProgressStore(path)


def test_schema_version_is_recorded(tmp_path: Path) -> None:
    ProgressStore(tmp_path / "p.db").close()
    with sqlite3.connect(tmp_path / "p.db") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


WRITER = """
import sys
from quiz_bank.store import ProgressStore
path, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with ProgressStore(path) as store:
    for i in range(n):
        store.add_attempt(learner=name, question="airfields", fact="airfields",
                          card="rear-base", answer=f"answer {i}", correct=True, score=1.0)
        if n > 1000 and i == 0:
            print("started", flush=True)
"""


def test_eight_processes_write_fifty_attempts_each(tmp_path: Path) -> None:
    path = tmp_path / "class.db"
    ProgressStore(path).close()
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"s{i}", "50"]) for i in range(8)
    ]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    with ProgressStore(path) as store:
        assert store.count_attempts() == 400
        assert len(store.learners()) == 8


def test_a_writer_killed_mid_run_leaves_a_sound_database(tmp_path: Path) -> None:
    path = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), "victim", "100000"], stdout=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"started"
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        written = db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
    assert 0 < written < 100000
    with ProgressStore(path) as store:
        assert store.count_attempts() == written


def test_find_question_after_restart(tmp_path: Path) -> None:
    assert find_question(BRIEFING, "airfields").form == "recall"
