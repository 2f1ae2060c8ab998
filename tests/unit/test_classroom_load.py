"""Eight students answering at once into one database: every attempt is there."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "classroom.py"


def test_eight_students_at_once_lose_nothing() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "8", "6"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    found = re.search(r"(\d+) attempts written, (\d+) lost", done.stdout)
    assert found, done.stdout + done.stderr
    assert (int(found.group(1)), int(found.group(2))) == (48, 0)
