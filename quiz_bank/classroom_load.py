"""A room of students answering at once into one progress database (benchmark and test).

Each student is its own process: it opens the shared database, takes the same quiz with real
grading, and times every write. `run_classroom` starts them together (a barrier) and counts
what reached the database.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing_data.loader import builtin_briefing
from quiz_bank.session import QuizSession, select_questions
from quiz_bank.store import ProgressStore


@dataclass
class ClassroomRun:
    students: int
    expected: int
    written: int
    errors: list[str]
    slowest_write: float
    seconds: float

    @property
    def lost(self) -> int:
        return self.expected - self.written


def _student(db: str, name: str, question_ids: list[str], barrier: Any, results: Any) -> None:
    slowest = 0.0
    try:
        briefing = builtin_briefing()
        questions = select_questions(briefing, ids=question_ids)
        with ProgressStore(db) as store:
            original = store.add_attempt

            def timed(**kw: Any) -> int:
                nonlocal slowest
                started = time.perf_counter()
                row = original(**kw)
                slowest = max(slowest, time.perf_counter() - started)
                return row

            store.add_attempt = timed  # type: ignore[method-assign]
            session = QuizSession(briefing, questions, store=store, learner=name)
            barrier.wait(timeout=120)
            for i, q in enumerate(questions):
                session.answer(q.answer if i % 3 else "not the answer", duration=1.0)
        results.put((name, slowest, ""))
    except Exception as exc:  # reported, not raised: the parent counts what was lost
        results.put((name, slowest, f"{name}: {type(exc).__name__}: {exc}"))


def run_classroom(db: Path, students: int, questions: int) -> ClassroomRun:
    briefing = builtin_briefing()
    ids = [q.id for q in select_questions(briefing, seed=1, count=questions)]
    with ProgressStore(db):
        pass  # create the schema once, as the teacher's `serve` does
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(students)
    results = ctx.Queue()
    started = time.perf_counter()
    procs = [
        ctx.Process(target=_student, args=(str(db), f"student-{n:02d}", ids, barrier, results))
        for n in range(students)
    ]
    for p in procs:
        p.start()
    reports = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    seconds = time.perf_counter() - started
    with ProgressStore(db) as store:
        written = store.count_attempts()
    return ClassroomRun(
        students=students,
        expected=students * len(ids),
        written=written,
        errors=[r[2] for r in reports if r[2]],
        slowest_write=max(r[1] for r in reports),
        seconds=seconds,
    )
