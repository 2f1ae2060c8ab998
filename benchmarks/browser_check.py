"""Take a quiz through `briefing serve` in a real browser, and save screenshots.

    python benchmarks/browser_check.py [OUT_DIR]

Starts `briefing serve` with a one-question class quiz on a free loopback port, drives
headless Chromium over the DevTools protocol (type a name, answer), checks that the answer
reached the database, and saves a screenshot of each step. Skips (exit 0, says so) where
Chromium is absent (Debian: apt-get install chromium).
"""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


class Page:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.next_id = 0

    async def call(self, method: str, **params: object) -> dict:  # type: ignore[type-arg]
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            msg = json.loads((await self.ws.receive()).data)
            if msg.get("id") == self.next_id:
                return msg.get("result", {})

    async def type(self, text: str) -> None:
        await self.call("Input.insertText", text=text)

    async def enter(self) -> None:
        for kind in ("keyDown", "keyUp"):
            await self.call(
                "Input.dispatchKeyEvent",
                type=kind,
                key="Enter",
                code="Enter",
                windowsVirtualKeyCode=13,
                text="\r" if kind == "keyDown" else "",
            )

    async def click(self, x: int, y: int) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            await self.call(
                "Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1
            )

    async def shot(self, path: Path) -> None:
        data = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(data["data"]))


async def drive(debug_port: int, url: str, out: Path) -> None:
    version = json.loads(
        urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json/version").read()
    )
    async with aiohttp.ClientSession() as session:
        target = json.loads(
            urllib.request.urlopen(
                urllib.request.Request(
                    f"http://127.0.0.1:{debug_port}/json/new?about:blank", method="PUT"
                )
            ).read()
        )
        del version
        async with session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            page = Page(ws)
            await page.call("Page.enable")
            await page.call("Page.navigate", url=url)
            await asyncio.sleep(4)  # the app starts in its own process behind the websocket
            await page.shot(out / "serve-1-name.png")
            await page.click(550, 300)  # focus the terminal, as a student's click does
            await page.type("Ana Browser")
            await page.enter()
            await asyncio.sleep(2)
            await page.shot(out / "serve-2-question.png")
            await page.type("airfields")
            await page.enter()
            await asyncio.sleep(2)
            await page.shot(out / "serve-3-verdict.png")


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("skipped: no chromium on this machine (apt-get install chromium)")
        return 0
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    port, debug_port = free_port(), free_port()
    with tempfile.TemporaryDirectory() as tmp:
        quiz = Path(tmp) / "class-quiz.toml"
        quiz.write_text(
            'briefing = "belarus-rear-base"\nquestions = ["airfields"]\ntitle = "Browser check"\n'
        )
        db = Path(tmp) / "class.db"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tui_app",
                "--db",
                str(db),
                "serve",
                "--port",
                str(port),
                "--quiz",
                str(quiz),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        browser = subprocess.Popen(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp}/profile",
                "--window-size=1100,700",
                f"--remote-debugging-port={debug_port}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_http(f"http://127.0.0.1:{port}/")
            wait_http(f"http://127.0.0.1:{debug_port}/json/version")
            started = time.monotonic()
            asyncio.run(drive(debug_port, f"http://127.0.0.1:{port}/", out))
            rows = (
                sqlite3.connect(db)
                .execute("SELECT learner, question, correct FROM attempts")
                .fetchall()
            )
            print(f"browser session in {time.monotonic() - started:.1f} s; attempts stored: {rows}")
            shots = ", ".join(sorted(p.name for p in out.glob("serve-*.png")))
            print(f"screenshots: {shots} in {out}")
            return 0 if rows == [("Ana Browser", "airfields", 1)] else 1
        finally:
            browser.terminate()
            server.terminate()
            browser.wait(timeout=10)
            server.wait(timeout=10)


if __name__ == "__main__":
    raise SystemExit(main())
