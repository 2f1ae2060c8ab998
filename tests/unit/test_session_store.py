"""Quiz sessions, the progress store and the scheduler, on a fixed clock, on both backends.

Every test taking `db_target` runs twice: on a SQLite file and on a real PostgreSQL server
(started once per run by the `pg_server` fixture in conftest.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from briefing_data.loader import builtin_briefing
from quiz_bank.questions import find_question
from quiz_bank.scheduler import due_questions
from quiz_bank.session import QuizSession, select_questions
from quiz_bank.store import SCHEMA_VERSION, ProgressStore, StoreError
from quiz_bank.tutor import Tutor

BRIEFING = builtin_briefing()
T0 = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
Target = Path | str


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def raw(target: Target, sql: str) -> list[tuple[Any, ...]]:
    """Run SQL on the database behind the store's back (to build or inspect a fixture)."""
    if isinstance(target, Path):
        with sqlite3.connect(target) as db:
            return db.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(target, autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else []


def fingerprint(target: Target) -> object:
    """Everything a refused database holds: its bytes (SQLite) or its tables and rows."""
    if isinstance(target, Path):
        files = sorted(p.name for p in target.parent.iterdir())
        return files, hashlib.sha256(target.read_bytes()).hexdigest()
    tables = raw(
        target,
        "SELECT table_name, column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = 'public' ORDER BY 1, 2",
    )
    rows = [raw(target, f"SELECT * FROM {t} ORDER BY 1") for t in sorted({r[0] for r in tables})]
    return tables, rows


def _session(target: Target, ids: list[str], clock: Clock | None = None) -> QuizSession:
    store = ProgressStore(target, clock=clock or Clock())
    questions = select_questions(BRIEFING, ids=ids)
    return QuizSession(BRIEFING, questions, store=store, learner="ana", clock=clock or Clock())


def test_select_by_ids_card_and_count_and_seed() -> None:
    ids = ["airfields", "missiles-2022/mcq"]
    assert [q.id for q in select_questions(BRIEFING, ids=ids)] == ids
    card = select_questions(BRIEFING, card="china-aid", seed=1)
    assert {q.card for q in card} == {"china-aid"} and len(card) == 4
    a = [q.id for q in select_questions(BRIEFING, count=5, seed=7)]
    b = [q.id for q in select_questions(BRIEFING, count=5, seed=7)]
    assert a == b and len(a) == 5
    with pytest.raises(KeyError):
        select_questions(BRIEFING, ids=["nope"])
    with pytest.raises(KeyError):
        select_questions(BRIEFING, card="nope")


def test_right_wrong_hinted_skipped_and_override(db_target: Target) -> None:
    session = _session(
        db_target, ["iran-visit-country", "missiles-2022", "mig31k-kinzhal", "airfields"]
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
    assert session.store is not None
    rows = {a.question: a for a in session.store.attempts()}
    assert len(rows) == 4
    assert rows["missiles-2022"].override and rows["missiles-2022"].correct
    assert rows["mig31k-kinzhal"].hint and rows["mig31k-kinzhal"].score == 0.5
    assert rows["airfields"].skipped and not rows["airfields"].correct
    assert rows["iran-visit-country"].answer == "iran"
    assert rows["iran-visit-country"].answered_at == T0
    session.store.close()


def test_override_needs_a_rejected_answer(db_target: Target) -> None:
    session = _session(db_target, ["iran-visit-country"])
    session.answer("Iran")
    with pytest.raises(ValueError):
        session.override()


def test_review_serves_what_is_due_most_overdue_first(db_target: Target) -> None:
    clock = Clock()
    store = ProgressStore(db_target, clock=clock)
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
    assert store.next_due("ana") is not None and store.next_due("ben") is None
    store.close()


def test_the_tutor_remembers_its_quiz_in_the_store(db_target: Target) -> None:
    with ProgressStore(db_target) as store:
        tutor = Tutor(BRIEFING, store=store, learner="ana")
        assert tutor.reply("quiz me on the weapons").kind == "quiz"
        tutor.reply("S-400, Iskander, Tor M2, fighter jets, MiG-31K")
        tutor.reply("skip")
        tutor.reply("stop")
    with ProgressStore(db_target) as again:
        assert again.count_attempts() == 2 and again.learners() == ["ana"]


def test_schema_version_is_recorded(db_target: Target) -> None:
    ProgressStore(db_target).close()
    if isinstance(db_target, Path):
        assert raw(db_target, "PRAGMA user_version")[0][0] == SCHEMA_VERSION
        assert raw(db_target, "PRAGMA journal_mode")[0][0] == "wal"
    else:
        assert raw(db_target, "SELECT version FROM briefing_schema") == [(SCHEMA_VERSION,)]
    with ProgressStore(db_target) as store:
        assert store.found_version == SCHEMA_VERSION


FOREIGN = {
    "another program": ["CREATE TABLE recipes (name TEXT)"],
    # The trap of old: a table named like ours, of another shape, was "migrated".
    "attempts of another shape": ["CREATE TABLE attempts (id INTEGER, who TEXT, what TEXT)"],
}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_another_programs_database_is_refused_and_left_untouched(
    db_target: Target, kind: str
) -> None:
    for statement in FOREIGN[kind]:
        raw(db_target, statement)
    raw(
        db_target,
        "INSERT INTO "
        + FOREIGN[kind][0].split()[2]
        + " VALUES "
        + ("('soup')" if kind == "another program" else "(1, 'x', 'y')"),
    )
    before = fingerprint(db_target)
    with pytest.raises(StoreError, match="another program") as info:
        ProgressStore(db_target)
    assert "\n" not in str(info.value)
    assert fingerprint(db_target) == before


def test_a_newer_schema_is_refused_and_left_untouched(db_target: Target) -> None:
    ProgressStore(db_target).close()
    if isinstance(db_target, Path):
        raw(db_target, "PRAGMA journal_mode = DELETE")
        raw(db_target, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    else:
        raw(db_target, f"UPDATE briefing_schema SET version = {SCHEMA_VERSION + 1}")
    before = fingerprint(db_target)
    with pytest.raises(StoreError, match="newer briefing"):
        ProgressStore(db_target)
    assert fingerprint(db_target) == before


def test_calls_from_many_threads_never_overlap(db_target: Target) -> None:
    """The app's worker threads share one store: writes and reads at once, nothing lost."""
    errors: list[BaseException] = []
    with ProgressStore(db_target) as store:

        def work(n: int) -> None:
            try:
                for i in range(25):
                    store.add_attempt(
                        learner=f"s{n}",
                        question="airfields",
                        fact="airfields",
                        card="rear-base",
                        answer=f"a{i}",
                        correct=True,
                        score=1.0,
                        schedule=("{}", T0 + dt.timedelta(minutes=i)),
                    )
                    store.attempts(f"s{n}")
                    store.due(f"s{n}", T0)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert errors == []
        assert store.count_attempts() == 200
        assert len({a.id for a in store.attempts()}) == 200


def test_answers_from_other_processes_reach_an_open_reader(db_target: Target) -> None:
    """The teacher's live results keep one store open while serve processes write."""
    ProgressStore(db_target).close()
    with ProgressStore(db_target) as teacher:
        assert teacher.attempts() == []
        for name in ("host-a", "host-b"):
            subprocess.run(
                [sys.executable, "-c", WRITER, str(db_target), name, "3"], check=True, timeout=60
            )
            assert {a.learner for a in teacher.attempts()} >= {name}
        assert teacher.count_attempts() == 6


WRITER = """
import sys
from pathlib import Path
from quiz_bank.store import ProgressStore, as_target
target, name, n = as_target(sys.argv[1]), sys.argv[2], int(sys.argv[3])
with ProgressStore(target) as store:
    for i in range(n):
        store.add_attempt(learner=name, question="airfields", fact="airfields",
                          card="rear-base", answer=f"answer {i}", correct=True, score=1.0)
        if n > 1000 and i == 0:
            print("started", flush=True)
"""


def test_eight_processes_write_fifty_attempts_each(db_target: Target) -> None:
    ProgressStore(db_target).close()
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db_target), f"s{i}", "50"])
        for i in range(8)
    ]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    with ProgressStore(db_target) as store:
        assert store.count_attempts() == 400
        assert len(store.learners()) == 8


def test_processes_migrating_an_empty_database_at_once_agree(db_target: Target) -> None:
    """Several serve hosts starting together on a new database: one migrates, none fails."""
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db_target), f"s{i}", "1"])
        for i in range(4)
    ]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    with ProgressStore(db_target) as store:
        assert store.count_attempts() == 4


def test_a_writer_killed_mid_run_leaves_a_sound_database(db_target: Target) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_target), "victim", "100000"], stdout=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"started"
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    if isinstance(db_target, Path):
        assert raw(db_target, "PRAGMA integrity_check")[0][0] == "ok"
    written = raw(db_target, "SELECT COUNT(*) FROM attempts")[0][0]
    assert 0 < written < 100000
    with ProgressStore(db_target) as store:
        assert store.count_attempts() == written
        assert [a.answer for a in store.attempts()] == [f"answer {i}" for i in range(written)]


def test_find_question_after_restart() -> None:
    assert find_question(BRIEFING, "airfields").form == "recall"
