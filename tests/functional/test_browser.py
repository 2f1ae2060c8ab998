"""Headless Chromium takes a class quiz from `briefing serve` (benchmarks/browser_check.py):
a name, an answer, the answer stored under the name, screenshots saved."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "browser_check.py"

pytestmark = pytest.mark.skipif(
    shutil.which("chromium") is None and shutil.which("chromium-browser") is None,
    reason="needs Debian's chromium",
)


def test_a_browser_takes_the_class_quiz(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    shots = sorted(tmp_path.glob("serve-*.png"))
    assert shots and all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in shots)
