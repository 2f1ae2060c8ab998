"""`briefing serve` starts, answers HTTP on loopback, and its page asks nothing of a third party."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tui_app.serve import TEMPLATES, app_command


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_page_template_has_no_third_party_url() -> None:
    page = (TEMPLATES / "app_index.html").read_text(encoding="utf-8")
    assert not re.search(r"https?://", page)


def test_each_browser_runs_the_app_asking_a_name(tmp_path: Path) -> None:
    command = app_command(tmp_path / "class.db", None, tmp_path / "q.toml")
    assert "--ask-name" in command and "quiz --from" in command and "class.db" in command


def test_serve_answers_http_on_loopback(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tui_app",
            "--db",
            str(tmp_path / "class.db"),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        page = None
        while time.monotonic() < deadline and page is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    assert response.status == 200
                    page = response.read().decode()
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"serve exited: {proc.stdout.read() if proc.stdout else ''}")
                time.sleep(0.3)
        assert page is not None, "serve did not answer in 30 s"
        assert "Belarus" in page
        urls = re.findall(r"(?:src|href)=\"([^\"]+)\"", page)
        assert urls and all(u.startswith(f"http://127.0.0.1:{port}/") for u in urls), urls
        assert "googleapis" not in page
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/static/js/textual.js", timeout=5
        ) as js:
            assert js.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


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
