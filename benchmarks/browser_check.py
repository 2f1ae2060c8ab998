"""Check `briefing serve` in a real browser: headless Chromium opens the page, the app draws
its screen over the websocket, no request leaves this machine; saves a screenshot.

    python benchmarks/browser_check.py [SCREENSHOT.png] [--quiz class-quiz.toml] [--type TEXT]

Needs Debian's `chromium` (/usr/bin/chromium); exits 0 with a note where it is absent.
Talks to Chromium over its DevTools protocol (aiohttp, which textual-serve brings).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, seconds: float) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return json.loads(response.read() or b"null") if "/json" in url else True
        except (OSError, ValueError):
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing answers at {url}") from None
            time.sleep(0.2)


@dataclass
class BrowserReport:
    drawn: bool = False
    requests: list[str] = field(default_factory=list)
    screen_text: str = ""
    screenshot: Path | None = None
    # Attempts the session wrote to the database, as (student, question, correct).
    attempts: list[tuple[str, str, bool]] = field(default_factory=list)

    @property
    def third_party(self) -> list[str]:
        return [
            u
            for u in self.requests
            if not u.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:"))
        ]


class Devtools:
    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        my_id = self.next_id
        await self.ws.send_json({"id": my_id, "method": method, "params": params})
        while True:
            message = await self.ws.receive_json()
            if message.get("id") == my_id:
                return message.get("result", {})
            self.events.append(message)

    async def js(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")


async def drive(page_ws: str, url: str, shot: Path, typed: list[str]) -> BrowserReport:
    import aiohttp

    report = BrowserReport()
    async with aiohttp.ClientSession() as http, http.ws_connect(page_ws, max_msg_size=0) as ws:
        dev = Devtools(ws)
        await dev.call("Network.enable")
        await dev.call("Page.enable")
        await dev.call("Page.navigate", url=url)
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            classes = await dev.js("document.body ? document.body.className : ''") or ""
            if "-first-byte" in classes:
                report.drawn = True
                break
            await asyncio.sleep(0.3)
        await asyncio.sleep(2.0)  # let the first screen settle
        if typed:  # keys go to the terminal's input element, as after a click on the page
            await dev.js(
                "(document.querySelector('.xterm-helper-textarea') || document.body).focus()"
            )
        for text in typed:
            for ch in text:
                await dev.call("Input.dispatchKeyEvent", type="char", text=ch)
            await dev.call(
                "Input.dispatchKeyEvent",
                type="keyDown",
                key="Enter",
                code="Enter",
                windowsVirtualKeyCode=13,
                text="\r",
            )
            await dev.call("Input.dispatchKeyEvent", type="keyUp", key="Enter", code="Enter")
            await asyncio.sleep(1.0)
        report.screen_text = (
            await dev.js(
                "Array.from(document.querySelectorAll('.xterm-rows > div'))"
                ".map(r => r.textContent).join('\\n')"
            )
            or ""
        )
        data = await dev.call("Page.captureScreenshot", format="png")
        shot.write_bytes(base64.b64decode(data["data"]))
        report.screenshot = shot
        for event in dev.events:
            if event.get("method") == "Network.requestWillBeSent":
                report.requests.append(event["params"]["request"]["url"])
            if event.get("method") == "Network.webSocketCreated":
                report.requests.append(event["params"]["url"])
    return report


def check(shot: Path, quiz: Path | None = None, typed: list[str] | None = None) -> BrowserReport:
    serve_port, debug_port = free_port(), free_port()
    with tempfile.TemporaryDirectory() as tmp:
        argv = [sys.executable, "-m", "tui_app", "--db", str(Path(tmp) / "class.db"), "serve"]
        argv += ["--port", str(serve_port)]
        if quiz is not None:
            argv += ["--quiz", str(quiz)]
        server = subprocess.Popen(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        browser = subprocess.Popen(
            [
                CHROMIUM,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--window-size=1280,800",
                f"--remote-debugging-port={debug_port}",
                f"--user-data-dir={Path(tmp) / 'chromium'}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            wait_http(f"http://127.0.0.1:{serve_port}/", 30)
            targets = wait_http(f"http://127.0.0.1:{debug_port}/json/list", 30)
            page = next(t for t in targets if t.get("type") == "page")
            report = asyncio.run(
                drive(
                    page["webSocketDebuggerUrl"],
                    f"http://127.0.0.1:{serve_port}/",
                    shot,
                    typed or [],
                )
            )
            db = Path(tmp) / "class.db"
            if db.exists():
                from quiz_bank.store import ProgressStore

                with ProgressStore(db) as store:
                    report.attempts = [(a.learner, a.question, a.correct) for a in store.attempts()]
            return report
        finally:
            for proc in (browser, server):
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                    proc.wait(timeout=10)
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    os.killpg(proc.pid, signal.SIGKILL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("screenshot", nargs="?", default="serve-screenshot.png", type=Path)
    parser.add_argument("--quiz", type=Path)
    parser.add_argument("--type", action="append", default=[], help="Type this, then Enter.")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print("chromium is not installed (apt-get install chromium): skipped")
        return 0
    report = check(args.screenshot, args.quiz, args.type)
    print(f"app drawn in the browser: {report.drawn}")
    print(f"requests: {len(report.requests)}, to third parties: {len(report.third_party)}")
    for url in report.third_party:
        print(f"  third party: {url}")
    print(f"screenshot: {report.screenshot}")
    print(f"attempts stored by the browser session: {report.attempts}")
    if report.screen_text.strip():  # xterm's DOM renderer only; the canvas one has no text
        print("screen text:")
        print("\n".join(line.rstrip() for line in report.screen_text.splitlines()[:30]))
    return 0 if report.drawn and not report.third_party else 1


if __name__ == "__main__":
    sys.exit(main())
