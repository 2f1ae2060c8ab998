"""ProgressStore: learners, attempts and scheduler state, the same on SQLite and PostgreSQL.

Each answer is committed in its own transaction as it is given, so an acknowledged answer is
stored exactly once. A database that is not ours, or of a newer schema, is refused before
anything in it is changed. One lock makes calls from several threads run one at a time.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from quiz_bank.store.schema import (
    ATTEMPT_COLUMNS,
    SCHEMA_VERSION,
    TABLES,
    Attempt,
    ConnectionLost,
    StoreError,
    attempt_from_row,
    iso,
    migration,
    utcnow,
)
from quiz_bank.store.target import POSTGRES_SCHEMES, redact, uri_scheme

T = TypeVar("T")
NOT_SAVED = "; this answer was not saved (every answer acknowledged before it was)"


class Backend(Protocol):
    dialect: str
    label: str

    def version(self) -> int: ...
    def tables(self) -> dict[str, frozenset[str]]: ...
    def open_for_writing(self) -> None: ...
    def set_version(self, version: int) -> None: ...
    def lock_for_migration(self) -> None: ...
    def execute(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]: ...
    def transaction(self) -> Any: ...
    def unusable(self, why: str) -> StoreError: ...
    def discard(self) -> None: ...
    def close(self) -> None: ...


def open_backend(target: str | os.PathLike[str]) -> Backend:
    scheme = uri_scheme(target)
    if scheme in POSTGRES_SCHEMES:
        from quiz_bank.store.postgres import PostgresBackend

        return PostgresBackend(str(target))
    if scheme is not None:
        raise StoreError(
            f"{redact(target)}: unsupported database address "
            "(give a file path for SQLite or a postgresql:// URI)"
        )
    from quiz_bank.store.sqlite import SQLiteBackend

    return SQLiteBackend(Path(target))


class ProgressStore:
    """One progress database; use as a context manager. Safe for threads and processes."""

    def __init__(
        self, target: str | os.PathLike[str], *, clock: Callable[[], dt.datetime] = utcnow
    ) -> None:
        self.label = redact(target)
        self.clock = clock
        self._lock = threading.RLock()
        self._db = open_backend(target)
        self.dialect = self._db.dialect
        try:
            self.found_version = self._check()
            self._db.open_for_writing()
            self._migrate()
        except BaseException:
            self._db.close()
            self._db.discard()
            raise

    def _check(self, retries: int = 3) -> int:
        """Refuse what is not ours before changing anything; the schema version found."""
        version = self._db.version()
        if version > SCHEMA_VERSION:
            raise self._db.unusable(
                f"made by a newer briefing (schema {version}, this one knows {SCHEMA_VERSION})"
            )
        tables = self._db.tables()
        expected = TABLES.get(version)
        if expected is None or tables != expected:
            # Another process may have migrated between the two reads (one step per
            # transaction): tables of a later schema of ours mean "read the version again".
            later = any(v > version and t == tables for v, t in TABLES.items())
            if later and retries > 0:
                return self._check(retries - 1)
            raise self._db.unusable("it holds tables of another program")
        return version

    def _migrate(self) -> None:
        for target in range(self.found_version + 1, SCHEMA_VERSION + 1):
            with self._db.transaction():
                self._db.lock_for_migration()
                # Another process may have migrated while we waited for the lock.
                if self._db.version() >= target:
                    continue
                for statement in migration(target, self._db.dialect):
                    self._db.execute(statement)
                self._db.set_version(target)

    def _save_answer(self, write: Callable[[], T]) -> T:
        """Run `write` in one transaction; redo it once if the connection dropped before COMMIT.

        Nothing of a transaction whose connection dropped before COMMIT was stored, so doing it
        again on a new connection stores the answer once.
        """
        with self._lock:
            for attempt in (1, 2):
                try:
                    with self._db.transaction():
                        return write()
                except ConnectionLost as exc:
                    if attempt == 2:
                        raise StoreError(f"{exc}{NOT_SAVED}") from None
                except StoreError as exc:
                    raise StoreError(f"{exc}{NOT_SAVED}") from None
        raise AssertionError("unreachable")

    @contextmanager
    def transaction(self) -> Iterator[Callable[..., list[tuple[Any, ...]]]]:
        """One transaction on the tables kept beside the store's (the class roster): yields
        execute(sql, args), `?` placeholders on both backends."""
        with self._lock, self._db.transaction():
            yield self._db.execute

    def rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """A read of the tables kept beside the store's (the class roster)."""
        return self._rows(sql, args)

    def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, args)

    # -- writing ---------------------------------------------------------------------------

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
        now = iso(self.clock())

        def write() -> int:
            self._add_learner(learner, now)
            rows = self._db.execute(
                "INSERT INTO attempts (learner, question, fact, card, answer, correct, score,"
                " feedback, hint, skipped, answered_at, duration)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
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
                self._put_schedule(learner, question, *schedule)
            return int(rows[0][0])

        return self._save_answer(write)

    def mark_override(
        self, attempt_id: int, score: float, schedule: tuple[str, dt.datetime] | None = None
    ) -> None:
        """The learner says "I was right": the attempt counts, flagged for the teacher."""

        def write() -> None:
            rows = self._db.execute(
                "SELECT learner, question FROM attempts WHERE id = ?", (attempt_id,)
            )
            if not rows:
                raise KeyError(attempt_id)
            self._db.execute(
                "UPDATE attempts SET override = 1, correct = 1, score = ? WHERE id = ?",
                (score, attempt_id),
            )
            if schedule is not None:
                self._put_schedule(rows[0][0], rows[0][1], *schedule)

        self._save_answer(write)

    def _add_learner(self, name: str, created_at: str) -> None:
        self._db.execute(
            "INSERT INTO learners (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            (name, created_at),
        )

    def _put_schedule(self, learner: str, question: str, state: str, due: dt.datetime) -> None:
        self._db.execute(
            "INSERT INTO schedule (learner, question, card_state, due) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (learner, question) DO UPDATE SET card_state = excluded.card_state,"
            " due = excluded.due",
            (learner, question, state, iso(due)),
        )

    # -- reading ---------------------------------------------------------------------------

    def schedule_state(self, learner: str, question: str) -> str | None:
        rows = self._rows(
            "SELECT card_state FROM schedule WHERE learner = ? AND question = ?",
            (learner, question),
        )
        return None if not rows else str(rows[0][0])

    def due(self, learner: str, now: dt.datetime) -> list[tuple[str, dt.datetime]]:
        """Questions due for `learner` at `now`, most overdue first."""
        rows = self._rows(
            "SELECT question, due FROM schedule WHERE learner = ? AND due <= ?"
            " ORDER BY due, question",
            (learner, iso(now)),
        )
        return [(str(r[0]), dt.datetime.fromisoformat(r[1])) for r in rows]

    def next_due(self, learner: str) -> dt.datetime | None:
        rows = self._rows("SELECT MIN(due) FROM schedule WHERE learner = ?", (learner,))
        return dt.datetime.fromisoformat(rows[0][0]) if rows and rows[0][0] else None

    def attempts(self, learner: str | None = None) -> list[Attempt]:
        sql = f"SELECT {ATTEMPT_COLUMNS} FROM attempts"
        args: tuple[Any, ...] = ()
        if learner is not None:
            sql += " WHERE learner = ?"
            args = (learner,)
        return [attempt_from_row(r) for r in self._rows(sql + " ORDER BY id", args)]

    def learners(self) -> list[str]:
        return [str(r[0]) for r in self._rows("SELECT name FROM learners ORDER BY name")]

    def count_attempts(self) -> int:
        return int(self._rows("SELECT COUNT(*) FROM attempts")[0][0])

    # -- moving a class between databases (`briefing db copy`) ------------------------------

    def learner_rows(self) -> list[tuple[str, str]]:
        return [(str(a), str(b)) for a, b in self._rows("SELECT name, created_at FROM learners")]

    def schedule_rows(self) -> list[tuple[str, str, str, str]]:
        rows = self._rows("SELECT learner, question, card_state, due FROM schedule")
        return [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]

    def import_rows(
        self,
        learners: list[tuple[str, str]],
        attempts: list[Attempt],
        schedule: list[tuple[str, str, str, str]],
    ) -> int:
        """Add another store's rows in one transaction; attempts already here are skipped.

        An attempt is "already here" when learner, question, time and answer all match, so
        copying the same class twice adds nothing. Returns how many attempts were added.
        """
        with self._lock, self._db.transaction():
            for name, created_at in learners:
                self._add_learner(name, created_at)
            seen = {
                (str(r[0]), str(r[1]), str(r[2]), str(r[3]))
                for r in self._db.execute(
                    "SELECT learner, question, answered_at, answer FROM attempts"
                )
            }
            added = 0
            for a in attempts:
                key = (a.learner, a.question, iso(a.answered_at), a.answer)
                if key in seen:
                    continue
                seen.add(key)
                added += 1
                self._db.execute(
                    "INSERT INTO attempts (learner, question, fact, card, answer, correct,"
                    " score, feedback, override, hint, skipped, answered_at, duration)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        a.learner,
                        a.question,
                        a.fact,
                        a.card,
                        a.answer,
                        int(a.correct),
                        a.score,
                        a.feedback,
                        int(a.override),
                        int(a.hint),
                        int(a.skipped),
                        key[2],
                        a.duration,
                    ),
                )
            for learner, question, state, due in schedule:
                self._db.execute(
                    "INSERT INTO schedule (learner, question, card_state, due)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (learner, question) DO NOTHING",
                    (learner, question, state, due),
                )
        return added

    # -- lifetime --------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
