"""Take a class quiz through `briefing serve` in a real browser, and save screenshots.

    python benchmarks/browser_check.py [OUT_DIR]

Starts `briefing serve` with a two-question class quiz on a free loopback port, drives headless
Chromium over the DevTools protocol (the join form, the answers, a reload), checks that the
answers reached the database and that a reload shows the summary instead of a retake, and saves a
screenshot of each step. Skips (exit 0, says so) where Chromium is absent (Debian: apt-get
install chromium). tests/functional/test_browser.py uses the same driver for the classroom's
end-to-end checks.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
QUIZ = (
    'briefing = "belarus-rear-base"\n'
    'questions = ["airfields", "airfields/mcq"]\n'
    'title = "Browser check"\n'
)
# The app's output to the terminal, with its escape sequences removed.
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Z]")


def chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or (CHROMIUM if Path(CHROMIUM).exists() else None)


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
        except urllib.error.HTTPError:
            return  # it answered
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


class Page:
    """One browser tab over the DevTools protocol; it records what the app draws."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.next_id = 0
        self.frames: list[str] = []
        self.socket_errors: list[str] = []

    async def call(self, method: str, **params: object) -> dict[str, Any]:
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            msg = json.loads((await self.ws.receive()).data)
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return dict(msg.get("result", {}))
            self._event(msg)

    def _event(self, msg: dict[str, Any]) -> None:
        method = msg.get("method")
        params = msg.get("params", {})
        if method == "Network.webSocketFrameReceived":
            frame = params["response"]
            data = frame["payloadData"]
            if frame.get("opcode") == 2:
                data = base64.b64decode(data).decode("utf-8", "replace")
            self.frames.append(data)
        elif method in (
            "Network.webSocketFrameError",
            "Network.webSocketHandshakeResponseReceived",
        ):
            self.socket_errors.append(json.dumps(params))

    def screen_text(self) -> str:
        """Everything the app has drawn in this tab, escape codes removed."""
        return _ANSI.sub("", "".join(self.frames))

    async def idle(self, seconds: float) -> None:
        """Wait, still reading the tab's events (the app's frames)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                msg = await asyncio.wait_for(self.ws.receive(), left)
            except TimeoutError:
                return
            self._event(json.loads(msg.data))

    async def wait_for_text(self, text: str, seconds: float = 30) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if text in self.screen_text():
                return True
            await self.idle(0.3)
        return text in self.screen_text()

    async def open(self, url: str, settle: float = 1.0) -> None:
        self.frames.clear()
        await self.call("Page.navigate", url=url)
        await self.idle(settle)

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def body_text(self) -> str:
        return str(await self.evaluate("document.body ? document.body.innerText : ''"))

    async def submit_join(self, name: str, code: str = "", class_code: str = "") -> None:
        """Fill in and send the join form, as a student would."""
        fields = {"name": name, "code": code, "class_code": class_code}
        script = "".join(
            f"if (document.getElementById({k!r})) document.getElementById({k!r}).value = "
            f"{json.dumps(v)};"
            for k, v in fields.items()
        )
        await self.evaluate(script + "document.getElementById('join').submit();")
        await self.idle(1.0)

    async def focus_terminal(self) -> None:
        """Give the terminal the keyboard, as a student's click does."""
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await self.idle(0.3)

    async def type(self, text: str) -> None:
        await self.call("Input.insertText", text=text)

    async def key(self, key: str, code: int, text: str = "", modifiers: int = 0) -> None:
        for kind in ("keyDown", "keyUp"):
            await self.call(
                "Input.dispatchKeyEvent",
                type=kind,
                key=key,
                code=key if len(key) > 1 else f"Key{key.upper()}",
                windowsVirtualKeyCode=code,
                text=text if kind == "keyDown" else "",
                modifiers=modifiers,
            )

    async def enter(self) -> None:
        await self.key("Enter", 13, "\r")

    async def click(self, x: int, y: int) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            await self.call(
                "Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1
            )

    async def shot(self, path: Path) -> None:
        data = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(data["data"]))


@dataclass
class Browser:
    debug_port: int
    http: aiohttp.ClientSession

    @contextlib.asynccontextmanager
    async def tab(self) -> AsyncIterator[Page]:
        target = json.loads(
            urllib.request.urlopen(
                urllib.request.Request(
                    f"http://127.0.0.1:{self.debug_port}/json/new?about:blank", method="PUT"
                )
            ).read()
        )
        async with self.http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            page = Page(ws)
            await page.call("Page.enable")
            await page.call("Runtime.enable")
            await page.call("Network.enable")
            try:
                yield page
            finally:
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(
                        f"http://127.0.0.1:{self.debug_port}/json/close/{target['id']}"
                    ).read()


SERVER_PIDS: list[int] = []


@contextlib.contextmanager
def classroom(tmp: Path, *extra: str) -> Iterator[tuple[str, Path, list[str]]]:
    """`briefing serve` on a class quiz in tmp: (base URL, database, its banner lines); the
    server's process id is SERVER_PIDS[-1]."""
    quiz = tmp / "class-quiz.toml"
    quiz.write_text(QUIZ)
    db = tmp / "class.db"
    port = free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "tui_app", "--db", str(db), "serve"),
            *("--port", str(port), "--quiz", str(quiz), *extra),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        SERVER_PIDS.append(server.pid)
        wait_http(f"http://127.0.0.1:{port}/")
        assert server.stdout is not None
        banner = [server.stdout.readline().strip() for _ in range(3)]
        yield f"http://127.0.0.1:{port}", db, banner
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@contextlib.asynccontextmanager
async def browser(tmp: Path) -> AsyncIterator[Browser]:
    binary = chromium()
    assert binary is not None
    debug_port = free_port()
    process = subprocess.Popen(
        [
            binary,
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
        wait_http(f"http://127.0.0.1:{debug_port}/json/version")
        async with aiohttp.ClientSession() as http:
            yield Browser(debug_port, http)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def descendants_rss_mib(pid: int) -> float:
    """Resident memory of a process's descendants (the session apps of a server), in MiB."""
    total, stack = 0, [pid]
    while stack:
        parent = stack.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            for child in task.read_text().split():
                stack.append(int(child))
                status = Path(f"/proc/{child}/status")
                if status.exists():
                    rss = re.search(r"VmRSS:\s+(\d+) kB", status.read_text())
                    total += int(rss.group(1)) if rss else 0
    return total / 1024


def attempts(db: Path) -> list[tuple[str, str, int]]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(
            "SELECT learner, question, correct FROM attempts ORDER BY id"
        ).fetchall()


SESSION_MIB: list[float] = []


async def take_the_quiz(
    base: str, tmp: Path, out: Path, server_pid: int | None = None
) -> tuple[Page, str]:
    """A student joins, answers both questions, and reloads: returns what the reload drew."""
    async with browser(tmp) as chrome, chrome.tab() as page:
        await page.open(base + "/")
        await page.shot(out / "serve-1-join.png")
        await page.submit_join("Ana Browser")
        await page.shot(out / "serve-2-code.png")
        await page.evaluate("document.getElementById('start').click()")
        if not await page.wait_for_text("What Belarusian facilities"):
            raise AssertionError("the quiz did not start: " + page.screen_text()[-500:])
        await page.focus_terminal()
        await page.type("airfields")
        await page.enter()
        await page.wait_for_text("Right")
        await page.shot(out / "serve-3-verdict.png")
        await page.enter()
        await page.idle(1.5)
        await page.enter()  # a) on the multiple choice
        await page.idle(1.5)
        await page.enter()
        await page.wait_for_text("Class quiz finished")
        await page.shot(out / "serve-4-summary.png")
        if server_pid is not None and Path("/proc").exists():
            SESSION_MIB.append(descendants_rss_mib(server_pid))
        await page.open(base + "/", settle=0.5)
        await page.wait_for_text("Class quiz finished")
        await page.shot(out / "serve-5-reload.png")
        return page, page.screen_text()


def main() -> int:
    if chromium() is None:
        print("skipped: no chromium on this machine (apt-get install chromium)")
        return 0
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        with classroom(tmp) as (base, db, _banner):
            started = time.monotonic()
            _page, reloaded = asyncio.run(take_the_quiz(base, tmp, out, SERVER_PIDS[-1]))
            rows = attempts(db)
            took = time.monotonic() - started
    print(f"browser session in {took:.1f} s; attempts stored: {rows}")
    print(f"reload shows the summary: {'Class quiz finished' in reloaded}")
    if SESSION_MIB:
        print(f"one browser session's app: {SESSION_MIB[0]:.0f} MiB resident")
    print(f"screenshots: {', '.join(sorted(p.name for p in out.glob('serve-*.png')))} in {out}")
    expected = [("Ana Browser", "airfields", 1), ("Ana Browser", "airfields/mcq", 1)]
    return 0 if rows == expected and "Class quiz finished" in reloaded else 1


if __name__ == "__main__":
    raise SystemExit(main())
