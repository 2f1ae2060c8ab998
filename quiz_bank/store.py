"""The progress store: learners, attempts and scheduler state in one SQLite file.

WAL mode and a busy timeout let a classroom of processes write at once; each attempt is
committed as it is answered. A file that is not a usable database is never deleted or
overwritten: the user is told how to move it aside.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing_data.errors import UserError

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000

_MIGRATIONS: dict[int, str] = {
    # 0 -> 1: the first release.
    1: """
    CREATE TABLE IF NOT EXISTS learners (
        name TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        learner TEXT NOT NULL,
        question TEXT NOT NULL,
        fact TEXT NOT NULL,
        card TEXT NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL,
        score REAL NOT NULL,
        feedback TEXT NOT NULL DEFAULT '',
        override INTEGER NOT NULL DEFAULT 0,
        hint INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        answered_at TEXT NOT NULL,
        duration REAL
    );
    CREATE INDEX IF NOT EXISTS attempts_learner ON attempts (learner, answered_at);
    CREATE TABLE IF NOT EXISTS schedule (
        learner TEXT NOT NULL,
        question TEXT NOT NULL,
        card_state TEXT NOT NULL,
        due TEXT NOT NULL,
        PRIMARY KEY (learner, question)
    );
    """,
}
_OUR_TABLES = {"learners", "attempts", "schedule", "sqlite_sequence"}


class StoreError(UserError):
    """The database cannot be used; str() is the one line shown to the user."""


@dataclass(frozen=True)
class Attempt:
    id: int
    learner: str
    question: str
    fact: str
    card: str
    answer: str
    correct: bool
    score: float
    feedback: str
    override: bool
    hint: bool
    skipped: bool
    answered_at: dt.datetime
    duration: float | None


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


class ProgressStore:
    """One learner database. Safe for several processes; use as a context manager."""

    def __init__(self, path: str | Path, *, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self.path = Path(path)
        self.clock = clock
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a progress database")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                # The app grades and stores in a worker thread; calls never overlap.
                check_same_thread=False,
            )
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.path}: cannot open the progress database ({exc})") from None
        self._db.row_factory = sqlite3.Row
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(
                f"{self.path}: not a usable briefing progress database ({exc}); "
                f"move it aside (mv '{self.path}' '{self.path}.bak') or pass --db with another path"
            ) from None

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(
                f"made by a newer briefing (schema {version}, this one knows {SCHEMA_VERSION})"
            )
        if version == 0:
            tables = {
                r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if tables - _OUR_TABLES:
                raise sqlite3.DatabaseError("it holds tables of another program")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self._transaction() as db:
                # One statement at a time: executescript would commit the open transaction.
                for statement in _MIGRATIONS[target].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {target}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------

    def add_learner(self, name: str) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO learners (name, created_at) VALUES (?, ?)",
                (name, _iso(self.clock())),
            )

    def add_attempt(
        self,
        *,
        learner: str,
        question: str,
        fact: str,
        card: str,
        answer: str,
        correct: bool,
        score: float,
        feedback: str = "",
        hint: bool = False,
        skipped: bool = False,
        duration: float | None = None,
        schedule: tuple[str, dt.datetime] | None = None,
    ) -> int:
        """Record one answer (and the question's new schedule) in one committed transaction."""
        now = _iso(self.clock())
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO learners (name, created_at) VALUES (?, ?)", (learner, now)
            )
            cursor = db.execute(
                "INSERT INTO attempts (learner, question, fact, card, answer, correct, score,"
                " feedback, hint, skipped, answered_at, duration)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    learner,
                    question,
                    fact,
                    card,
                    answer,
                    int(correct),
                    score,
                    feedback,
                    int(hint),
                    int(skipped),
                    now,
                    duration,
                ),
            )
            if schedule is not None:
                self._put_schedule(db, learner, question, *schedule)
            return int(cursor.lastrowid or 0)

    def mark_override(
        self, attempt_id: int, score: float, schedule: tuple[str, dt.datetime] | None = None
    ) -> None:
        """The learner says "I was right": the attempt counts, flagged for the teacher."""
        with self._transaction() as db:
            row = db.execute(
                "SELECT learner, question FROM attempts WHERE id = ?", (attempt_id,)
            ).fetchone()
            if row is None:
                raise KeyError(attempt_id)
            db.execute(
                "UPDATE attempts SET override = 1, correct = 1, score = ? WHERE id = ?",
                (score, attempt_id),
            )
            if schedule is not None:
                self._put_schedule(db, row["learner"], row["question"], *schedule)

    @staticmethod
    def _put_schedule(
        db: sqlite3.Connection, learner: str, question: str, state: str, due: dt.datetime
    ) -> None:
        db.execute(
            "INSERT INTO schedule (learner, question, card_state, due) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (learner, question) DO UPDATE SET card_state = excluded.card_state,"
            " due = excluded.due",
            (learner, question, state, _iso(due)),
        )

    # -- reading ---------------------------------------------------------------------------

    def schedule_state(self, learner: str, question: str) -> str | None:
        row = self._db.execute(
            "SELECT card_state FROM schedule WHERE learner = ? AND question = ?",
            (learner, question),
        ).fetchone()
        return None if row is None else str(row[0])

    def due(self, learner: str, now: dt.datetime) -> list[tuple[str, dt.datetime]]:
        """Questions due for `learner` at `now`, most overdue first."""
        rows = self._db.execute(
            "SELECT question, due FROM schedule WHERE learner = ? AND due <= ? ORDER BY due",
            (learner, _iso(now)),
        ).fetchall()
        return [(r[0], dt.datetime.fromisoformat(r[1])) for r in rows]

    def next_due(self, learner: str) -> dt.datetime | None:
        row = self._db.execute(
            "SELECT MIN(due) FROM schedule WHERE learner = ?", (learner,)
        ).fetchone()
        return dt.datetime.fromisoformat(row[0]) if row and row[0] else None

    def attempts(self, learner: str | None = None) -> list[Attempt]:
        sql = "SELECT * FROM attempts"
        args: tuple[Any, ...] = ()
        if learner is not None:
            sql += " WHERE learner = ?"
            args = (learner,)
        rows = self._db.execute(sql + " ORDER BY id", args).fetchall()
        return [
            Attempt(
                id=r["id"],
                learner=r["learner"],
                question=r["question"],
                fact=r["fact"],
                card=r["card"],
                answer=r["answer"],
                correct=bool(r["correct"]),
                score=r["score"],
                feedback=r["feedback"],
                override=bool(r["override"]),
                hint=bool(r["hint"]),
                skipped=bool(r["skipped"]),
                answered_at=dt.datetime.fromisoformat(r["answered_at"]),
                duration=r["duration"],
            )
            for r in rows
        ]

    def learners(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT name FROM learners ORDER BY name")]

    def count_attempts(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
