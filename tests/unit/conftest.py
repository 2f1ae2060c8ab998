"""A real PostgreSQL for the store tests: one server per run (pgserver), one database per test."""

from __future__ import annotations

import shutil
import tempfile
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    try:
        with warnings.catch_warnings():  # it warns at import when XDG_RUNTIME_DIR is unset
            warnings.simplefilter("ignore")
            import pgserver
    except ImportError:  # only where the pgserver wheel cannot be installed
        pytest.skip("pgserver is not installed here, so the PostgreSQL variants are skipped")
    # As root, pgserver runs the server as its own system user `pgserver`, which must reach the
    # data folder: not under pytest's temporary root, which pytest keeps private (0700).
    folder = Path(tempfile.mkdtemp(prefix="briefing-postgres-"))
    server = pgserver.get_server(folder / "data", cleanup_mode="stop")
    yield server
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


def new_pg_database(server: Any) -> str:
    """A fresh empty database on the test server; its postgresql:// URI."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return str(server.get_uri(name))


@pytest.fixture
def pg_uri(pg_server: Any) -> str:
    return new_pg_database(pg_server)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """The same test on both backends: a SQLite file, or a database on a real PostgreSQL."""
    if request.param == "sqlite":
        return tmp_path / "p.db"
    return new_pg_database(request.getfixturevalue("pg_server"))
