"""Headless Chromium takes a class quiz from `briefing serve`: the app draws, the student
gives a name and answers, the answers land in the database; nothing comes from elsewhere."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tui_app.cli import main

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "browser_check.py"
CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")


def test_a_browser_takes_the_class_quiz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("textual_serve")
    spec = importlib.util.spec_from_file_location("browser_check", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "browser_check", module)
    spec.loader.exec_module(module)
    quiz = tmp_path / "class-quiz.toml"
    main(["quiz", "--save", str(quiz), "--questions", "belarus-leader,scheme-partners"])
    shot = tmp_path / "screen.png"
    report = module.check(shot, quiz, ["Ana", "Lukashenko", "", "Iran and China"])
    assert report.drawn
    assert report.requests and report.third_party == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert report.attempts == [
        ("Ana", "belarus-leader", True),
        ("Ana", "scheme-partners", True),
    ]
