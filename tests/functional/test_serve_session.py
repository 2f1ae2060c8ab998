"""`briefing serve` starts, answers HTTP on loopback with our own page, and runs a session."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui_app.cli import main

pytest.importorskip("textual_serve")

import aiohttp


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


@dataclass
class Served:
    base: str
    teacher_url: str


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tui_app",
            "--db",
            str(tmp_path / "c.db"),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _get(base + "/")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("briefing serve did not answer")
                time.sleep(0.2)
        assert proc.stdout is not None
        banner = [proc.stdout.readline() for _ in range(3)]
        teacher = next(line.split(": ", 1)[1].strip() for line in banner if "Teacher" in line)
        yield Served(base, teacher)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


async def _join(http: aiohttp.ClientSession, base: str, name: str) -> str:
    async with http.post(base + "/join", data={"name": name}, headers={"Origin": base}) as response:
        assert response.status == 200, await response.text()
    async with http.get(base + "/") as page:
        return await page.text()


async def _first_screen(http: aiohttp.ClientSession, base: str) -> bytes:
    url = base.replace("http", "ws", 1) + "/ws?width=100&height=30"
    received = b""
    async with http.ws_connect(url, headers={"Origin": base}) as ws:
        await ws.send_json(["resize", {"width": 100, "height": 30}])
        async with asyncio.timeout(40):
            while len(received) < 2000:
                message = await ws.receive()
                if message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data
                elif message.type == aiohttp.WSMsgType.TEXT:
                    received += message.data.encode()
                else:
                    break
    return received


def test_serve_prints_the_teacher_link_and_answers_with_our_own_page(served: Served) -> None:
    assert served.teacher_url.startswith(served.base + "/?teacher=")
    status, body = _get(served.base + "/")
    assert status == 200 and 'name="name"' in body.decode()

    async def session_page() -> str:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            return await _join(http, served.base, "Ana Page")

    page = asyncio.run(session_page())
    # every URL on the page is this server's: nothing from a third party
    urls = re.findall(r"(?:https?|wss?)://[^\s\"'<>;]+", page)
    assert urls and all(u.split("//", 1)[1].startswith(served.base.split("//", 1)[1]) for u in urls)
    assert "fonts.googleapis" not in page
    for asset in ("/static/js/textual.js", "/static/css/xterm.css"):
        assert _get(served.base + asset)[0] == 200


def test_a_browser_session_runs_the_app(served: Served) -> None:
    async def run() -> bytes:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            await _join(http, served.base, "Ben Session")
            return await _first_screen(http, served.base)

    screen = asyncio.run(run())
    assert len(screen) >= 2000  # the app drew its screen into this browser's session


def test_the_teacher_link_opens_a_session(served: Served) -> None:
    async def run() -> bytes:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            async with http.get(served.teacher_url) as page:
                assert page.status == 200 and "data-session-websocket-url" in await page.text()
            return await _first_screen(http, served.base)

    assert len(asyncio.run(run())) >= 2000


def test_serve_bad_options_give_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        for argv in (
            ["serve", "--quiz", str(tmp_path / "absent.toml")],
            ["serve", "--port", "70000"],
            ["--db", str(tmp_path / "c.db"), "serve", "--port", str(port)],
        ):
            with pytest.raises(SystemExit) as done:
                main(argv)
            assert done.value.code == 2
            err = capsys.readouterr().err.strip().splitlines()
            assert err[-1].startswith("briefing: error:")
