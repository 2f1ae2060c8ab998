"""Headless Chromium takes the served page: the app draws, nothing is fetched from elsewhere."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "browser_check.py"
CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")


def test_served_app_draws_in_headless_chromium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("textual_serve")
    spec = importlib.util.spec_from_file_location("browser_check", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "browser_check", module)
    spec.loader.exec_module(module)
    shot = tmp_path / "screen.png"
    report = module.check(shot)
    assert report.drawn
    assert report.requests and report.third_party == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
