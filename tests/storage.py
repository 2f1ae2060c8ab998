"""Real storage for tests: a PostgreSQL server (pgserver), one database per test, a small disk.

The conftest files of `unit/` and `functional/` import these fixtures.
"""

from __future__ import annotations

import os
import shutil
import subprocess
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


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KiB file system of its own, to fill up (a tmpfs: root only)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(disk)], capture_output=True
        ).returncode
        == 0
    )
    if not mounted:
        pytest.skip("a full disk needs root to mount a small tmpfs")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def fill(disk: Path, leave: int = 0) -> None:
    """Fill `disk` up, leaving about `leave` bytes free."""
    stat = os.statvfs(disk)
    (disk / "filler").write_bytes(b"\0" * max(0, stat.f_bavail * stat.f_frsize - leave))
