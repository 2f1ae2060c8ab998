"""`briefing serve` starts, answers HTTP on loopback, and its page asks nothing of a third party."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tui_app.serve import TEMPLATES, app_command


def test_page_template_has_no_third_party_url() -> None:
    page = (TEMPLATES / "app_index.html").read_text(encoding="utf-8")
    assert not re.search(r"https?://", page)


def test_each_browser_runs_the_app_asking_a_name(tmp_path: Path) -> None:
    command = app_command(tmp_path / "class.db", None, tmp_path / "q.toml")
    assert "--ask-name" in command and "quiz --from" in command and "class.db" in command


def test_serve_refuses_a_bad_quiz_file(tmp_path: Path) -> None:
    bad = tmp_path / "q.toml"
    bad.write_text("questions = [")
    proc = subprocess.run(
        [sys.executable, "-m", "tui_app", "serve", "--quiz", str(bad)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 2 and "not valid TOML" in proc.stderr


def test_public_url_names_a_reachable_address() -> None:
    from tui_app.serve import public_url

    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert "0.0.0.0" not in public_url("0.0.0.0", 8000)
    assert public_url("::1", 8000) == "http://[::1]:8000"
