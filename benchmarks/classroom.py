"""A classroom at once: N students (processes) answer a quiz into one database.

    python benchmarks/classroom.py [STUDENTS] [QUESTIONS]

Each student process grades its answers with the real engine and records them through a
QuizSession, as `briefing quiz --plain` does. Prints attempts written and lost and the
slowest single write.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STUDENT = r"""
import json, sys, time
from briefing_data.loader import builtin_briefing
from quiz_bank.session import QuizSession, select_questions
from quiz_bank.store import ProgressStore
db, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
briefing = builtin_briefing()
questions = select_questions(briefing, count=n, seed=1, forms=["recall"])
slowest = 0.0
with ProgressStore(db) as store:
    session = QuizSession(briefing, questions, store=store, learner=name)
    while not session.done:
        t0 = time.perf_counter()
        session.answer(session.current.answer)
        slowest = max(slowest, time.perf_counter() - t0)
print(json.dumps({"slowest": slowest, "answered": len(session.outcomes)}))
"""


def main() -> None:
    students = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    questions = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "class.db"
        from quiz_bank.store import ProgressStore

        ProgressStore(db).close()
        started = time.perf_counter()
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", STUDENT, str(db), f"student-{i:02d}", str(questions)],
                stdout=subprocess.PIPE,
                text=True,
            )
            for i in range(students)
        ]
        reports = [json.loads(p.communicate(timeout=600)[0]) for p in procs]
        elapsed = time.perf_counter() - started
        with ProgressStore(db) as store:
            written = store.count_attempts()
    expected = sum(r["answered"] for r in reports)
    slowest = max(r["slowest"] for r in reports)
    print(
        f"{students} students x {questions} answers at once: {written} attempts written, "
        f"{expected - written} lost; slowest grade+write {slowest * 1000:.0f} ms; "
        f"all done in {elapsed:.1f} s"
    )


if __name__ == "__main__":
    main()
