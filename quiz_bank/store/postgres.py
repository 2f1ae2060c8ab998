"""The PostgreSQL backend (psycopg 3): one autocommit connection, one transaction per write.

Messages name the host and the database, never the user's password; the schema version lives
in a one-row table `briefing_schema`, since PostgreSQL has no `user_version`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from quiz_bank.store.schema import ConnectionLost, StoreError
from quiz_bank.store.target import scrub

CONNECT_TIMEOUT_S = 10
VERSION_TABLE = "briefing_schema"
# Serialises first-time migrations of several serve processes starting at once.
_MIGRATION_LOCK = 0x62726566


class PostgresBackend:
    dialect = "postgresql"

    def __init__(self, uri: str) -> None:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict

        self._uri = uri
        self._writing = False
        try:
            info = conninfo_to_dict(uri)
        except psycopg.Error as exc:
            raise StoreError(f"not a usable PostgreSQL address ({scrub(str(exc), uri)})") from None
        host = str(info.get("host") or "localhost")
        port = str(info.get("port") or "5432")
        where = host if host.startswith("/") else f"{host}:{port}"
        self.database = str(info.get("dbname") or info.get("user") or "postgres")
        self.label = f"PostgreSQL database {self.database!r} on {where}"
        self._conn = self._connect()

    def _connect(self) -> Any:
        import psycopg

        try:
            return psycopg.connect(
                self._uri,
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT_S,
                application_name="briefing",
            )
        except psycopg.Error as exc:
            reason = scrub(str(exc), self._uri)
            raise StoreError(f"cannot connect to {self.label} ({reason})") from None

    def _connection(self) -> Any:
        if self._conn.closed or self._conn.broken:
            self._conn = self._connect()  # the server restarted: a fresh connection
        return self._conn

    def open_for_writing(self) -> None:
        """Nothing to switch: checks and writes use the same connection."""

    # -- what the store needs ----------------------------------------------------------------

    def version(self) -> int:
        if VERSION_TABLE not in self._all_tables():
            return 0
        rows = self.execute(f"SELECT MAX(version) FROM {VERSION_TABLE}")
        return int(rows[0][0] or 0)

    def tables(self) -> dict[str, frozenset[str]]:
        return {k: v for k, v in self._all_tables().items() if k != VERSION_TABLE}

    def _all_tables(self) -> dict[str, frozenset[str]]:
        rows = self.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema()"
        )
        found: dict[str, set[str]] = {}
        for table, column in rows:
            found.setdefault(str(table), set()).add(str(column))
        return {k: frozenset(v) for k, v in found.items()}

    def set_version(self, version: int) -> None:
        self.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
        self.execute(f"DELETE FROM {VERSION_TABLE}")
        self.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (?)", (int(version),))

    def lock_for_migration(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))

    def execute(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        import psycopg

        conn = self._connection()
        try:
            cursor = conn.execute(sql.replace("?", "%s"), args)
            return list(cursor.fetchall()) if cursor.description else []
        except psycopg.Error as exc:
            # A statement outside a transaction is a read (writes all run in one): when the
            # server dropped the connection (a restart, a failover), read again on a new one.
            if conn.broken and self._writing:
                raise ConnectionLost(str(self.fault(exc))) from None
            if conn.broken:
                try:
                    cursor = self._connection().execute(sql.replace("?", "%s"), args)
                    return list(cursor.fetchall()) if cursor.description else []
                except psycopg.Error as again:
                    raise self.fault(again) from None
            raise self.fault(exc) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        import psycopg

        self._writing = True
        conn = self._connection()
        committing = False
        try:
            with conn.transaction():
                yield
                committing = True
        except psycopg.Error as exc:
            # Dropped before COMMIT was sent (at BEGIN, or by a statement): nothing stored.
            # Dropped during COMMIT: the answer may or may not be stored, so never redo it.
            if conn.broken and not committing:
                raise ConnectionLost(str(self.fault(exc))) from None
            raise self.fault(exc) from None
        finally:
            self._writing = False

    def close(self) -> None:
        self._conn.close()

    def discard(self) -> None:
        """Nothing to remove: a refused database was only read."""

    # -- errors ----------------------------------------------------------------------------

    def unusable(self, why: str) -> StoreError:
        return StoreError(
            f"{self.label}: not a usable briefing progress database ({why}); "
            "give briefing a database of its own (createdb) or another --db"
        )

    def fault(self, exc: BaseException) -> StoreError:
        from psycopg import errors

        if isinstance(exc, errors.DiskFull):
            what = "the server's disk is full"
        elif isinstance(exc, errors.ReadOnlySqlTransaction):
            what = "the database is read-only"
        elif isinstance(exc, errors.InsufficientPrivilege):
            what = "this user may not write to it"
        elif isinstance(exc, errors.OperationalError):
            what = f"lost the connection ({scrub(str(exc), self._uri)})"
        else:
            what = f"database error ({scrub(str(exc), self._uri)})"
        return StoreError(f"{self.label}: {what}")
