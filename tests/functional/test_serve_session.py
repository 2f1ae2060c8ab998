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
from pathlib import Path

import pytest

from tui_app.cli import main

pytest.importorskip("textual_serve")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
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
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
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
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_serve_answers_with_our_own_page(served: str) -> None:
    status, body = _get(served + "/")
    page = body.decode()
    assert status == 200
    # every URL on the page is this server's: nothing from a third party
    urls = re.findall(r"(?:https?|wss?)://[^\s\"'<>;]+", page)
    assert urls and all(u.split("//", 1)[1].startswith(served.split("//", 1)[1]) for u in urls)
    assert "fonts.googleapis" not in page
    for asset in ("/static/js/textual.js", "/static/css/xterm.css"):
        assert _get(served + asset)[0] == 200


def test_a_browser_session_runs_the_app(served: str) -> None:
    import aiohttp

    async def first_screen() -> bytes:
        url = served.replace("http", "ws", 1) + "/ws?width=100&height=30"
        received = b""
        async with aiohttp.ClientSession() as http, http.ws_connect(url) as ws:
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

    screen = asyncio.run(first_screen())
    assert len(screen) >= 2000  # the app drew its screen into this browser's session


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
