"""The classroom server's doors, with plain HTTP and WebSocket clients (no browser needed):
security headers, no version banner, no directory listing, the Origin check, join codes, one
seat per name, the session cap and the teacher's token."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")

from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient, TestServer

from quiz_bank.classquiz import ClassQuiz
from tui_app.serve import TEMPLATES, public_url, statics_path
from tui_app.serve.server import SEAT_COOKIE, TEACHER_COOKIE, ClassroomServer

QUIZ = 'briefing = "belarus-rear-base"\nquestions = ["airfields", "airfields/mcq"]\n'


def make(tmp_path: Path, *, join_code: str | None = None, max_sessions: int = 40, **kw):  # type: ignore[no-untyped-def]
    quiz_path = tmp_path / "q.toml"
    quiz_path.write_text(QUIZ + 'title = "Period <b>3</b>"\n')
    from quiz_bank.classquiz import load_class_quiz

    quiz: ClassQuiz = load_class_quiz(quiz_path)
    return ClassroomServer(
        host="127.0.0.1",
        port=0,
        public_url="http://127.0.0.1:0",
        statics_path=statics_path(),
        db=tmp_path / "class.db",
        briefing=None,
        quiz_path=quiz_path,
        quiz=quiz,
        title=quiz.title,
        max_sessions=max_sessions,
        join_code=join_code,
        teacher_token="teacher-secret-token",
    )


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[TestClient]:  # type: ignore[type-arg]
    server = make(tmp_path, join_code="ABCD-2345", max_sessions=1)
    server.wait_seconds = 0.3
    async with TestClient(TestServer(await server._make_app())) as c:
        c.server_under_test = server  # type: ignore[attr-defined]
        yield c


def origin(c: TestClient) -> dict[str, str]:  # type: ignore[type-arg]
    return {"Origin": f"http://{c.host}:{c.port}"}


async def join(c: TestClient, name: str, code: str = "", class_code: str = "abcd 2345"):  # type: ignore[no-untyped-def,type-arg]
    return await c.post(
        "/join",
        data={"name": name, "code": code, "class_code": class_code},
        headers=origin(c),
        allow_redirects=False,
    )


async def test_every_response_has_security_headers_and_no_version(client: TestClient) -> None:  # type: ignore[type-arg]
    for path in ("/", "/static/js/textual.js", "/nowhere", "/static/", "/static/js/"):
        response = await client.get(path)
        headers = response.headers
        assert headers["Server"] == "briefing", path
        assert "aiohttp" not in str(headers) and "Python" not in str(headers)
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
    for folder in ("/static/", "/static/js/", "/static/css/"):
        listing = await client.get(folder)
        assert listing.status in (403, 404)
        assert "textual.js" not in await listing.text()


async def test_the_join_page_escapes_the_title_and_asks_for_the_join_code(
    client: TestClient,  # type: ignore[type-arg]
) -> None:
    page = await (await client.get("/")).text()
    assert "Period &lt;b&gt;3&lt;/b&gt;" in page and "<b>3</b>" not in page
    assert 'name="class_code"' in page
    assert not re.search(r"https?://", page)


async def test_a_wrong_join_code_or_a_foreign_form_is_refused(client: TestClient) -> None:  # type: ignore[type-arg]
    wrong = await join(client, "Ana Lima", class_code="ZZZZ-9999")
    assert wrong.status == 403 and SEAT_COOKIE not in wrong.cookies
    foreign = await client.post(
        "/join",
        data={"name": "Ana Lima", "class_code": "ABCD-2345"},
        headers={"Origin": "http://evil.example"},
    )
    assert foreign.status == 403


async def test_a_name_is_claimed_once_and_taken_back_only_with_its_code(
    client: TestClient,  # type: ignore[type-arg]
) -> None:
    first = await join(client, "Ana Lima")
    assert first.status == 200
    code = re.search(r'id="code">([A-Z0-9]+)<', await first.text())
    assert code is not None and first.cookies[SEAT_COOKIE].value
    client.session.cookie_jar.clear()
    for same_person in ("Ana Lima", "  ana   LIMA "):
        again = await join(client, same_person)
        assert again.status == 409 and "already taken" in await again.text()
    assert (await join(client, "ana lima", code="WRONG1")).status == 409
    back = await join(client, "ana lima", code=code.group(1).lower())
    assert back.status == 303 and back.cookies[SEAT_COOKIE].value


async def test_a_student_name_with_escapes_is_refused(client: TestClient) -> None:  # type: ignore[type-arg]
    refused = await join(client, "Ana\x1b]0;pwned\x07")
    assert refused.status == 409 and "printable" in await refused.text()


async def test_websocket_needs_our_origin_and_a_seat(client: TestClient) -> None:  # type: ignore[type-arg]
    with pytest.raises(Exception) as no_seat:
        await client.ws_connect("/ws", headers=origin(client))
    assert "403" in str(no_seat.value)
    await join(client, "Ben Costa")
    for bad in ({"Origin": "http://evil.example"}, {}, {"Origin": "null"}):
        with pytest.raises(Exception) as refused:
            await client.ws_connect("/ws", headers=bad)
        assert "403" in str(refused.value)


async def refused_reason(c: TestClient) -> str:  # type: ignore[type-arg]
    """A session refused after the wait: the reason, written into the terminal, then closed."""
    ws = await c.ws_connect("/ws?width=80&height=24", headers=origin(c))
    text = ""
    async for message in ws:
        if message.type == WSMsgType.BINARY:
            text += message.data.decode()
    assert ws.close_code is not None and ws.close_code >= 4000
    return text


async def test_one_session_per_name_and_a_cap_on_sessions(client: TestClient) -> None:  # type: ignore[type-arg]
    await join(client, "Ben Costa")
    ws = await client.ws_connect("/ws?width=80&height=24", headers=origin(client))
    try:
        first = await asyncio.wait_for(ws.receive(), 60)
        assert first.type in (WSMsgType.BINARY, WSMsgType.TEXT)
        # the same name in a second tab: refused, with the reason on its screen
        assert "already has a session open" in await refused_reason(client)
        # another student while the class is full (max_sessions=1)
        client.session.cookie_jar.clear()
        await join(client, "Cleo Diaz")
        assert "The class is full" in await refused_reason(client)
    finally:
        await ws.close()
    for _ in range(100):
        if not client.server_under_test.live:  # type: ignore[attr-defined]
            break
        await asyncio.sleep(0.1)
    assert not client.server_under_test.live  # type: ignore[attr-defined]


async def test_a_reload_takes_over_once_the_old_session_lets_go(client: TestClient) -> None:  # type: ignore[type-arg]
    await join(client, "Dora Reload")
    server: ClassroomServer = client.server_under_test  # type: ignore[attr-defined]
    server.wait_seconds = 20
    old = await client.ws_connect("/ws?width=80&height=24", headers=origin(client))
    await asyncio.wait_for(old.receive(), 60)
    new = asyncio.ensure_future(client.ws_connect("/ws?width=80&height=24", headers=origin(client)))
    await asyncio.sleep(0.5)
    await old.close()  # the old page unloads
    ws = await new
    try:
        message = await asyncio.wait_for(ws.receive(), 60)
        assert message.type == WSMsgType.BINARY and b"already" not in message.data
    finally:
        await ws.close()
    for _ in range(100):
        if not server.live:
            break
        await asyncio.sleep(0.1)


async def test_the_teacher_token_opens_the_teacher_session_only(client: TestClient) -> None:  # type: ignore[type-arg]
    bad = await client.get("/?teacher=guess", allow_redirects=False)
    assert bad.status == 403 and TEACHER_COOKIE not in bad.cookies
    good = await client.get("/?teacher=teacher-secret-token", allow_redirects=False)
    assert good.status == 303 and good.cookies[TEACHER_COOKIE]["httponly"]
    assert good.cookies[TEACHER_COOKIE]["samesite"] == "Strict"
    page = await client.get("/")
    assert page.status == 200 and "data-session-websocket-url" in await page.text()
    server: ClassroomServer = client.server_under_test  # type: ignore[attr-defined]
    from tui_app.serve.server import Visitor

    command, served = server.session_for(Visitor("teacher"))
    assert served.teacher and "quiz" not in command


async def test_the_session_page_allows_only_its_own_script(client: TestClient) -> None:  # type: ignore[type-arg]
    await join(client, "Dan Eze")
    page = await client.get("/")
    csp = page.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp)
    assert nonce and f'nonce="{nonce.group(1)}"' in await page.text()
    assert "unsafe-eval" not in csp and "script-src 'self' 'nonce-" in csp
    assert "onclick" not in await page.text()


def test_a_class_seat_runs_the_locked_quiz_for_its_name(tmp_path: Path) -> None:
    from tui_app.serve.server import Visitor

    server = make(tmp_path)
    seat = server.roster.claim(server.quiz_key, "Eva Fox")
    assert server.roster.seat(server.quiz_key, seat.token) == "Eva Fox"
    command, served = server.session_for(Visitor("class", "Eva Fox"))
    assert served.locked and served.learner == "Eva Fox" and served.round_since is not None
    assert "quiz --from" in command and "'--student=Eva Fox'" in command
    env = served.environ()
    assert env["BRIEFING_SESSION"] == "class"


def test_page_templates_have_no_third_party_url() -> None:
    for page in TEMPLATES.glob("*.html"):
        assert not re.search(r"https?://", page.read_text(encoding="utf-8")), page.name


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
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert "0.0.0.0" not in public_url("0.0.0.0", 8000)
    assert public_url("::1", 8000) == "http://[::1]:8000"


def test_a_finished_student_retakes_only_when_the_quiz_file_allows(tmp_path: Path) -> None:
    from quiz_bank.store import ProgressStore
    from tui_app.serve.server import Visitor

    server = make(tmp_path)
    server.roster.claim(server.quiz_key, "Fay Gold")
    with ProgressStore(server.db) as store:
        for question in ("airfields", "airfields/mcq"):
            store.add_attempt(
                learner="Fay Gold", question=question, fact="airfields", card="rear-base",
                answer="airfields", correct=True, score=1.0,
            )  # fmt: skip
    started = server.roster.round_started(server.quiz_key, "Fay Gold")
    _, again = server.session_for(Visitor("class", "Fay Gold"))
    assert again.round_since == started  # a reload: the same round, its summary
    assert server.quiz is not None
    server.quiz = server.quiz.model_copy(update={"retakes": True})
    _, retake = server.session_for(Visitor("class", "Fay Gold"))
    assert retake.round_since is not None and retake.round_since > started


def test_several_hosts_share_one_join_code_and_teacher_token(tmp_path: Path) -> None:
    from briefing_data.errors import UserError
    from tui_app.serve import make_server

    def server(**kw: object):  # type: ignore[no-untyped-def]
        return make_server(
            host="0.0.0.0", port=8000, db=tmp_path / "c.db", briefing=None, quiz=None,
            title="t", max_sessions=3, **kw,  # type: ignore[arg-type]
        )  # fmt: skip

    one, two = (server(join_code="ROOM-42", teacher_token="t" * 20) for _ in range(2))
    assert one.join_code == two.join_code == "ROOM-42"
    assert one.teacher_token == two.teacher_token == "t" * 20
    assert server().join_code != server().join_code  # otherwise a new code per start
    for bad in ({"join_code": "ab"}, {"join_code": "ROOM\x1b[2J"}, {"teacher_token": "short"}):
        with pytest.raises(UserError):
            server(**bad)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui_app",
            "--db",
            str(tmp_path / "c.db"),
            "serve",
            "--join-code",
            "ab",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "--join-code" in done.stderr
