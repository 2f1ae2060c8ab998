"""SQLite files that cannot be used: not ours, read-only, in a read-only folder, a full disk.

Each is refused in one line (exit 2 from the CLI) and left byte-for-byte as it was. As root,
file modes do not stop writes, so read-only and full disks are made real with a read-only bind
mount and a small tmpfs; elsewhere with chmod (the full disk then needs root and is skipped).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from quiz_bank.store import ProgressStore, StoreError
from tests.storage import fill

ROOT = os.geteuid() == 0


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def briefing(
    *args: str, stdin: str = "", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui_app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file or folder truly read-only for this process, then writable again."""
    if ROOT:
        if not (
            _mount("--bind", str(path), str(path)) and _mount("-o", "remount,bind,ro", str(path))
        ):
            pytest.skip("root here may not bind-mount, so a read-only file cannot be made")
        try:
            yield
        finally:
            subprocess.run(["umount", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


def test_not_a_database_is_a_clear_error_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"my precious notes, not sqlite at all" * 100)
    before = digest(path)
    with pytest.raises(StoreError) as info:
        ProgressStore(path)
    message = str(info.value)
    assert str(path) in message and "move it aside" in message and "\n" not in message
    assert digest(path) == before and sorted(tmp_path.iterdir()) == [path]


def test_a_directory_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        ProgressStore(tmp_path)


def test_a_read_only_database_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "class.db"
    with ProgressStore(path) as store:
        store.add_attempt(
            learner="ana",
            question="airfields",
            fact="airfields",
            card="rear-base",
            answer="x",
            correct=True,
            score=1.0,
        )
    before, files = digest(path), sorted(tmp_path.iterdir())
    with read_only(path):
        done = briefing("--db", str(path), "quiz", "--plain", stdin="airfields\n")
    assert done.returncode == 2, done.stderr
    assert "read-only" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert digest(path) == before and sorted(tmp_path.iterdir()) == files


def test_a_healthy_file_in_a_read_only_folder_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    path = folder / "class.db"
    ProgressStore(path).close()
    before, files = digest(path), sorted(folder.iterdir())
    with read_only(folder):
        done = briefing("--db", str(path), "stats", "--json")
        fresh = briefing("--db", str(folder / "new.db"), "stats", "--json")
    for run in (done, fresh):
        assert run.returncode == 2 and "read-only" in run.stderr, run.stderr
        assert "not a usable" not in run.stderr and "Traceback" not in run.stderr
    assert digest(path) == before and sorted(folder.iterdir()) == files


def test_a_uri_is_never_taken_for_a_path(tmp_path: Path) -> None:
    done = briefing("--db", "mysql://bob:s3cret@db.example/school", "stats", cwd=tmp_path)
    assert done.returncode == 2 and "unsupported database address" in done.stderr
    assert "s3cret" not in done.stderr + done.stdout
    assert list(tmp_path.iterdir()) == []  # no "mysql:" folder, no empty file


def test_a_full_disk_mid_quiz_keeps_every_acknowledged_answer(small_disk: Path) -> None:
    db = small_disk / "class.db"
    ProgressStore(db).close()
    fill(small_disk, leave=160 * 1024)  # a few answers fit, then the disk is full
    answers = "".join("airfields\n" if i % 2 else "no idea\n" for i in range(60))
    ids = ",".join(["airfields"] * 60)
    done = briefing("--db", str(db), "quiz", "--plain", "--questions", ids, stdin=answers)
    assert done.returncode == 2, done.stdout[-500:] + done.stderr
    assert "disk is full" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    acknowledged = len(re.findall(r"^> (✓ Right|✗ Not right|◐ Partly right)", done.stdout, re.M))
    assert 0 < acknowledged < 60
    (small_disk / "filler").unlink()
    with ProgressStore(db) as store:
        assert store.count_attempts() == acknowledged


def test_a_new_database_on_a_full_disk_leaves_no_file_behind(small_disk: Path) -> None:
    fill(small_disk)
    path = small_disk / "new.db"
    done = briefing("--db", str(path), "stats", "--json")
    assert done.returncode == 2 and "disk is full" in done.stderr, done.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


COUNT = "import sys; from quiz_bank.store import ProgressStore\n" + (
    "with ProgressStore(sys.argv[1]) as s: print(s.count_attempts())"
)


def test_opening_a_second_store_keeps_the_first_ones_locks(tmp_path: Path) -> None:
    """POSIX locks belong to the process: closing any other descriptor of the file drops them,
    and another process closing the database then deletes a WAL still in use. Only SQLite
    opens the file, so the first store's answer survives."""
    path = tmp_path / "class.db"
    ProgressStore(path).close()
    with ProgressStore(path) as first:
        ProgressStore(path).close()  # e.g. a second worker of the same serve process
        assert subprocess.run([sys.executable, "-c", COUNT, str(path)], check=True).returncode == 0
        first.add_attempt(
            learner="ana",
            question="airfields",
            fact="airfields",
            card="rear-base",
            answer="x",
            correct=True,
            score=1.0,
        )
        seen = subprocess.run(
            [sys.executable, "-c", COUNT, str(path)], capture_output=True, text=True, check=True
        )
        assert seen.stdout.strip() == "1"


def test_a_check_that_ends_while_another_store_writes_keeps_its_locks(tmp_path: Path) -> None:
    """The race of many sessions opening at once: one store's read-only check (the file had no
    WAL yet, so it was read as immutable) ends while another store of the process writes."""
    from quiz_bank.store.sqlite import SQLiteBackend

    path = tmp_path / "class.db"
    ProgressStore(path).close()
    checking = SQLiteBackend(path)  # the check's connection, opened before any WAL existed
    with ProgressStore(path) as writer:
        checking.close()
        subprocess.run([sys.executable, "-c", COUNT, str(path)], check=True, capture_output=True)
        writer.add_attempt(
            learner="ana",
            question="airfields",
            fact="airfields",
            card="rear-base",
            answer="x",
            correct=True,
            score=1.0,
        )
        seen = subprocess.run(
            [sys.executable, "-c", COUNT, str(path)], capture_output=True, text=True, check=True
        )
        assert seen.stdout.strip() == "1"
