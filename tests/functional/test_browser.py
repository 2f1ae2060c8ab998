"""Headless Chromium in a served class (the DevTools driver of benchmarks/browser_check.py):
a student takes the quiz and cannot reach the answer key, others' results or a retake; a second
tab with the same name is refused; a page of another origin cannot open a session."""

from __future__ import annotations

import asyncio
import functools
import http.server
import importlib.util
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "browser_check.py"
_spec = importlib.util.spec_from_file_location("browser_check", SCRIPT)
assert _spec is not None and _spec.loader is not None
bc = importlib.util.module_from_spec(_spec)
sys.modules["browser_check"] = bc  # its dataclasses look their module up
_spec.loader.exec_module(bc)

pytestmark = [
    pytest.mark.skipif(
        bc.chromium() is None, reason="needs Chromium (/usr/bin/chromium: apt-get install chromium)"
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("textual_serve") is None, reason="needs textual-serve"
    ),
]

# What a locked student must never see: the teacher's views, another student, the cards.
FORBIDDEN = ("Leaderboard", "Zoe Other", "requests to decide", "Open card", "Search for")


def test_a_browser_takes_the_class_quiz(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "reload shows the summary: True" in done.stdout
    shots = sorted(tmp_path.glob("serve-*.png"))
    assert shots and all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in shots)


def seed_another_student(db: Path) -> None:
    from quiz_bank.store import ProgressStore

    with ProgressStore(db) as store:
        store.add_attempt(
            learner="Zoe Other",
            question="airfields",
            fact="airfields",
            card="rear-base",
            answer="hangars",
            correct=False,
            score=0.0,
        )


async def _locked_student(base: str, db: Path, tmp: Path) -> tuple[str, str]:
    from briefing_data.loader import builtin_briefing

    statement = builtin_briefing().fact("airfields").statement
    async with bc.browser(tmp) as chrome, chrome.tab() as page:
        await page.open(base + "/")
        await page.submit_join("Ana Locked")
        await page.open(base + "/", settle=0.5)
        assert await page.wait_for_text("What Belarusian facilities")
        await page.focus_terminal()
        # every way out a student might try, before and after answering
        await page.key("Escape", 27, "\x1b")
        await page.key("p", 80, modifiers=2)  # ctrl+p: the palette
        await page.idle(1.0)
        await page.type("hangars")
        await page.enter()
        assert await page.wait_for_text("Not right")
        await page.key("Escape", 27, "\x1b")
        await page.enter()
        await page.idle(1.0)
        await page.enter()  # a) on the multiple choice
        await page.idle(1.0)
        await page.enter()
        assert await page.wait_for_text("Class quiz finished")
        for key, code in (("t", 84), ("b", 66), ("q", 81), ("a", 65)):
            await page.key(key, code, key)
        await page.key("Escape", 27, "\x1b")
        await page.idle(1.5)
        during = page.screen_text()
        assert statement not in during.split("Not right", 1)[0]  # not before answering
        await page.open(base + "/", settle=0.5)
        assert await page.wait_for_text("Class quiz finished")
        await page.idle(1.0)
        return during, page.screen_text()


def test_a_locked_student_cannot_reach_the_key_others_or_a_retake(tmp_path: Path) -> None:
    with bc.classroom(tmp_path) as (base, db, _banner):
        seed_another_student(db)
        during, reloaded = asyncio.run(_locked_student(base, db, tmp_path))
        rows = bc.attempts(db)
    for text in (during, reloaded):
        for word in FORBIDDEN:
            assert word not in text, word
    assert "What Belarusian facilities" not in reloaded.split("Class quiz finished", 1)[0]
    assert [r for r in rows if r[0] == "Ana Locked"] == [
        ("Ana Locked", "airfields", 0),
        ("Ana Locked", "airfields/mcq", 1),
    ]


async def _two_tabs(base: str, tmp: Path) -> tuple[str, str]:
    async with bc.browser(tmp) as chrome, chrome.tab() as first:
        await first.open(base + "/")
        await first.submit_join("Ben Twice")
        await first.open(base + "/", settle=0.5)
        assert await first.wait_for_text("What Belarusian facilities")
        async with chrome.tab() as second:
            await second.open(base + "/", settle=0.5)
            await second.wait_for_text("already has a session open", seconds=20)
            refused = second.screen_text()
        await first.focus_terminal()
        await first.type("airfields")
        await first.enter()
        await first.wait_for_text("Right")
        return refused, first.screen_text()


def test_a_second_tab_with_the_same_name_is_refused(tmp_path: Path) -> None:
    with bc.classroom(tmp_path) as (base, db, _banner):
        refused, first = asyncio.run(_two_tabs(base, tmp_path))
        assert "Right" in first
        rows = bc.attempts(db)
    assert "already has a session open" in refused
    assert "What Belarusian facilities" not in refused
    assert rows == [("Ben Twice", "airfields", 1)]  # the first tab still works


@pytest.fixture
def foreign_site(tmp_path: Path) -> Iterator[str]:
    """Another origin on the same host (another port: the same site, so a student's cookies
    go along) with a page of its own: only the Origin check stands in its way."""
    site = tmp_path / "site"
    site.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


async def _foreign_page(base: str, url: str, tmp: Path) -> str:
    async with bc.browser(tmp) as chrome, chrome.tab() as page:
        await page.open(base + "/")
        await page.submit_join("Cleo Seated")  # this browser now holds a seat
        await page.open(url, settle=0.5)
        for _ in range(50):
            title = str(await page.evaluate("document.title"))
            if title.startswith(("open", "closed")):
                break
            await page.idle(0.2)
        await page.idle(1.0)
        return str(await page.evaluate("document.title")) + "|" + page.screen_text()


def test_a_page_of_another_origin_cannot_open_a_session(tmp_path: Path, foreign_site: str) -> None:
    with bc.classroom(tmp_path) as (base, _db, _banner):
        ws_url = base.replace("http", "ws", 1) + "/ws?width=80&height=24"
        (tmp_path / "site" / "index.html").write_text(
            "<!DOCTYPE html><title>waiting</title><script>"
            f"const ws = new WebSocket({ws_url!r});"
            "ws.onopen = () => { document.title = 'open'; };"
            "ws.onclose = (e) => {"
            " if (document.title !== 'open') document.title = 'closed ' + e.code; };"
            "</script>"
        )
        result = asyncio.run(_foreign_page(base, foreign_site + "/index.html", tmp_path))
    title, frames = result.split("|", 1)
    assert title.startswith("closed") and "open" not in title
    assert frames == ""  # not a byte of the app reached the foreign page
