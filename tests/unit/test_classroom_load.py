"""Students on two serve-like hosts answering at once: every attempt is there, on both backends."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "classroom.py"


def test_eight_students_at_once_lose_nothing_on_sqlite_and_postgresql(pg_uri: str) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "8", "6", "--postgres", pg_uri, "--start-in", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    found = re.findall(r"^(\w+): .*?(\d+) attempts written, (\d+) lost", done.stdout, re.M)
    assert found == [("sqlite", "48", "0"), ("postgresql", "48", "0")], done.stdout + done.stderr
