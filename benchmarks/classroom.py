"""A school at once: students on two serve hosts answer into one database, SQLite vs PostgreSQL.

    python benchmarks/classroom.py [STUDENTS] [QUESTIONS] [--postgres URI] [--sqlite-only]

Two process pools stand for two `briefing serve` hosts. Each student is a session of its own
(its own QuizSession and its own database connection, as each browser tab is its own app
process); all start at the same moment, grade every answer with the real engine and record it.
The same load runs on a SQLite file and on PostgreSQL (the `--postgres` URI, else a server that
pgserver starts in a temporary folder). Prints, per backend, attempts written against expected
(the goal is 0 lost), the slowest and the 95th-percentile grade+write, and the wall time.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HOSTS = 2
PROCESSES_PER_HOST = 2


def _students(target: str, names: list[str], questions: int, start_at: float) -> list[float]:
    """One worker process of a host: its students answer at once, each on its own connection."""
    from briefing_data.loader import builtin_briefing
    from quiz_bank.session import QuizSession, select_questions
    from quiz_bank.store import ProgressStore, as_target

    briefing = builtin_briefing()
    chosen = select_questions(briefing, count=questions, seed=1, forms=["recall"])
    timings: list[float] = []
    lock = threading.Lock()

    def student(name: str) -> None:
        with ProgressStore(as_target(target)) as store:
            session = QuizSession(briefing, chosen, store=store, learner=name)
            time.sleep(max(0.0, start_at - time.time()))
            while not session.done:
                assert session.current is not None
                t0 = time.perf_counter()
                session.answer(session.current.answer)
                with lock:
                    timings.append(time.perf_counter() - t0)

    threads = [threading.Thread(target=student, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def run(target: str, students: int, questions: int, start_in: float = 3.0) -> str:
    from quiz_bank.store import ProgressStore, as_target

    ProgressStore(as_target(target)).close()  # migrate once, as `briefing serve` does at start
    names = [f"student-{i:03d}" for i in range(students)]
    shares = [names[i :: HOSTS * PROCESSES_PER_HOST] for i in range(HOSTS * PROCESSES_PER_HOST)]
    pools = [ProcessPoolExecutor(PROCESSES_PER_HOST) for _ in range(HOSTS)]
    start_at = time.time() + start_in  # every worker imported and connected before the bell
    futures = [
        pools[i % HOSTS].submit(_students, target, share, questions, start_at)
        for i, share in enumerate(shares)
    ]
    timings = sorted(t for f in futures for t in f.result())
    elapsed = time.time() - start_at
    for pool in pools:
        pool.shutdown()
    with ProgressStore(as_target(target)) as store:
        written = store.count_attempts()
    expected = students * questions
    p95 = timings[int(0.95 * (len(timings) - 1))] if timings else 0.0
    return (
        f"{students} students x {questions} answers at once: {written} attempts written, "
        f"{expected - written} lost; slowest grade+write {timings[-1] * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms; all done in {elapsed:.1f} s"
    )


def _postgres(folder: Path) -> tuple[str, object]:
    import warnings

    import psycopg

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    server = pgserver.get_server(folder / "pgdata", cleanup_mode="stop")
    name = f"classroom_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return str(server.get_uri(name)), server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("students", nargs="?", type=int, default=100)
    parser.add_argument("questions", nargs="?", type=int, default=20)
    parser.add_argument("--postgres", metavar="URI", help="an empty PostgreSQL database to fill")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument(
        "--start-in", type=float, default=3.0, metavar="S", help="seconds to get ready (3)"
    )
    args = parser.parse_args()
    print(f"{HOSTS} hosts x {PROCESSES_PER_HOST} processes, one session per student")
    with tempfile.TemporaryDirectory() as tmp:
        print(
            "sqlite:     "
            + run(str(Path(tmp) / "class.db"), args.students, args.questions, args.start_in)
        )
        if args.sqlite_only:
            return
        server = None
        uri = args.postgres
        if uri is None:
            uri, server = _postgres(Path(tmp))
        try:
            print("postgresql: " + run(uri, args.students, args.questions, args.start_in))
        finally:
            if server is not None:
                server.cleanup()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
