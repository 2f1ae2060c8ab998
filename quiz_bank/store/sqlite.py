"""The SQLite backend: one file, WAL mode, checked read-only before anything is written.

A file that is not ours (another program's database, a newer schema, not a database at all)
is inspected through a read-only connection and refused with its bytes untouched; a file this
backend created and then refused is removed again, so no empty file is left behind.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

from quiz_bank.store.schema import StoreError

BUSY_TIMEOUT_MS = 30_000
_INTERNAL = ("sqlite_",)


class SQLiteBackend:
    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = str(path)
        self._created = False
        try:
            exists = path.exists()
        except (OSError, ValueError) as exc:
            raise StoreError(f"{path!s:.200}: not a usable path ({exc})") from None
        if exists and path.is_dir():
            raise StoreError(f"{path}: is a directory, not a progress database")
        if exists:
            # Only SQLite opens the file: closing any other descriptor of it would drop the
            # locks this process's connections hold (POSIX locks are per process), and another
            # process could then delete a WAL still in use. So no header is read by hand.
            # Without a -wal file the main file is all there is: read it as immutable, so
            # not even a -shm file is created beside a database that may be refused.
            mode = "ro" if Path(f"{path}-wal").exists() else "ro&immutable=1"
            self._db = self._connect(f"file:{quote(str(path.resolve()))}?mode={mode}", uri=True)
        else:
            self._db = self._create()

    # -- opening ---------------------------------------------------------------------------

    def _create(self) -> sqlite3.Connection:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"{folder}: cannot create the folder ({exc.strerror or exc})"
            ) from None
        problem = _read_only_folder(folder)
        if problem:
            raise StoreError(f"{self.path}: {problem}; pass --db with a path in a writable folder")
        self._created = True
        return self._connect(str(self.path))

    def _connect(self, where: str, uri: bool = False) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(
                where,
                uri=uri,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                # The store's lock keeps calls from several threads from overlapping.
                check_same_thread=False,
            )
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as exc:
            self.discard()
            raise self.fault(exc, "cannot open the progress database") from None
        return db

    def open_for_writing(self) -> None:
        """After the checks passed: reopen read-write, then WAL (the first change to the file)."""
        if not self._created:
            problem = _read_only_file(self.path) or _read_only_folder(self.path.parent)
            if problem:
                raise StoreError(
                    f"{self.path}: {problem}; answers cannot be saved there "
                    "(make it writable, or pass --db with another path)"
                )
            self._db.close()
            self._db = self._connect(str(self.path))
        try:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise self.fault(exc, "cannot open the progress database") from None

    # -- what the store needs ----------------------------------------------------------------

    def version(self) -> int:
        return int(self.execute("PRAGMA user_version")[0][0])

    def tables(self) -> dict[str, frozenset[str]]:
        names = [
            str(r[0])
            for r in self.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
            if not str(r[0]).startswith(_INTERNAL)
        ]
        return {
            name: frozenset(str(c[1]) for c in self.execute(f"PRAGMA table_info({_quoted(name)})"))
            for name in names
        }

    def set_version(self, version: int) -> None:
        self.execute(f"PRAGMA user_version = {int(version)}")

    def lock_for_migration(self) -> None:
        """BEGIN IMMEDIATE already holds the write lock."""

    def execute(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return [tuple(r) for r in self._db.execute(sql, args).fetchall()]
        except sqlite3.DatabaseError as exc:
            raise self.fault(exc) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise self.fault(exc) from None
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException as exc:
            if self._db.in_transaction:
                # SQLite may have rolled back already (a full disk does that).
                with suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise self.fault(exc) from None
            raise

    def close(self) -> None:
        self._db.close()

    def discard(self) -> None:
        """A refused or failed new file: remove what this backend created (nothing else)."""
        if not self._created:
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    # -- errors ----------------------------------------------------------------------------

    def unusable(self, why: str) -> StoreError:
        return StoreError(
            f"{self.path}: not a usable briefing progress database ({why}); "
            f"move it aside (mv '{self.path}' '{self.path}.bak') or pass --db with another path"
        )

    def fault(self, exc: sqlite3.Error, doing: str = "") -> StoreError:
        name = getattr(exc, "sqlite_errorname", "") or ""
        if name.startswith("SQLITE_FULL"):
            what = "the disk is full"
        elif name.startswith("SQLITE_READONLY"):
            what = "the database is read-only"
        elif name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
            return self.unusable(str(exc))
        elif name.startswith("SQLITE_IOERR"):
            what = f"cannot write to the disk ({exc})"
        elif name.startswith("SQLITE_BUSY"):
            what = f"another program kept the database locked for {BUSY_TIMEOUT_MS // 1000} s"
        else:
            what = f"{doing or 'database error'} ({exc})"
        return StoreError(f"{self.path}: {what}")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _read_only_file(path: Path) -> str | None:
    return None if os.access(path, os.W_OK) else "the file is read-only"


def _read_only_folder(folder: Path) -> str | None:
    if os.access(folder, os.W_OK | os.X_OK):
        return None
    return f"the folder {folder} is read-only (SQLite writes its journal beside the file)"
