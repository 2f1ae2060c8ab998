"""The web server of `briefing serve`: textual-serve's sessions behind a classroom's doors.

A student joins with a name (and the class's join code), gets a seat kept in a cookie, and a
session that runs the app for that name only; one live session per name, a cap on sessions,
WebSockets only from this server's own page, and the teacher's views only with the teacher's
token. Every response carries security headers and no software version.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from quiz_bank.classroster import Roster, SeatRefused, round_attempts, same_code
from quiz_bank.learners import LearnerNameError
from tui_app.serve import app_command
from tui_app.serve.session import Role, ServedSession

if TYPE_CHECKING:
    from quiz_bank.classquiz import ClassQuiz

log = logging.getLogger("briefing.serve")

TEMPLATES = Path(__file__).parent / "templates"
SEAT_COOKIE = "briefing_seat"
TEACHER_COOKIE = "briefing_teacher"
DEFAULT_MAX_SESSIONS = 40
# How long a new session waits for the old one of its name (a reload) or for a free place.
WAIT_SECONDS = 5.0
QUIT_SECONDS = 10.0
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
# Served instead of aiohttp's "Python/3.x aiohttp/3.x".
SERVER_NAME = "briefing"
STRICT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
# The join and notice pages: their own inline style, nothing else.
PAGE_CSP = STRICT_CSP + "; style-src 'unsafe-inline'"


@dataclass(frozen=True)
class Visitor:
    """Who a request comes from: the teacher, a student's seat, or nobody yet."""

    role: Role | None
    name: str | None = None


class _SessionService(AppService):
    """One app process, with the environment that says what its browser may do."""

    def __init__(self, command: str, *, session_env: dict[str, str], **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self._session_env = session_env

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        env = super()._build_environment(width=width, height=height)
        env.update(self._session_env)
        return env

    async def stop(self) -> None:
        """Stop the app and reap its process (textual-serve leaves it a zombie); an app that
        does not quit when asked is killed."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(super().stop(), QUIT_SECONDS)
        process = self._process
        if process is not None and process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), QUIT_SECONDS)
            except TimeoutError:
                process.kill()
                await process.wait()
        if process is not None and process.stdin is not None:
            process.stdin.close()  # the last open pipe: the process's transport can close
            with contextlib.suppress(OSError):
                await process.stdin.wait_closed()


def _own_host_names(host: str, public_host: str) -> frozenset[str]:
    names = {host, public_host, *LOOPBACK}
    try:
        hostname = socket.gethostname()
        names |= {hostname, hostname + ".local", *socket.gethostbyname_ex(hostname)[2]}
    except OSError:
        pass
    return frozenset(n.lower().strip("[]") for n in names if n)


class ClassroomServer(Server):
    def __init__(
        self,
        *,
        host: str,
        port: int,
        public_url: str,
        statics_path: Path,
        proxied: bool = False,
        db: Path | str,
        briefing: Path | None,
        quiz_path: Path | None,
        quiz: ClassQuiz | None,
        title: str,
        max_sessions: int = DEFAULT_MAX_SESSIONS,
        join_code: str | None = None,
        teacher_token: str | None = None,
    ) -> None:
        super().__init__(
            "", host=host, port=port, title=title, public_url=public_url,
            statics_path=statics_path, templates_path=TEMPLATES,
        )  # fmt: skip
        # A PostgreSQL URI stays off command lines: the sessions inherit BRIEFING_DB.
        self.db = db.resolve() if isinstance(db, Path) else db
        self.briefing_path = briefing.resolve() if briefing else None
        self.quiz_path = quiz_path.resolve() if quiz_path else None
        self.quiz = quiz
        self.quiz_key = quiz.key if quiz else ""
        self.max_sessions = max_sessions
        # Behind a reverse proxy, browsers reach us at public_url (its WebSocket too).
        self.proxied = proxied
        self.wait_seconds = WAIT_SECONDS
        self.join_code = join_code
        self.teacher_token = teacher_token or secrets.token_urlsafe(18)
        self.roster = Roster(self.db)
        self.live: dict[str, Role] = {}  # session id -> role
        self.live_names: set[str] = set()
        self.ending: set[asyncio.Future[None]] = set()
        self.host_names = _own_host_names(host, urlsplit(public_url).hostname or host)
        self.pages = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)

    # -- the web application -----------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._check_host], client_max_size=64 * 1024)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.post("/join", self.handle_join, name="join"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_response_prepare.append(self._security_headers)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """The command prints its own banner (textual-serve's names its version)."""

    def initialize_logging(self) -> None:
        logging.basicConfig(level="WARNING", format="%(message)s")

    @web.middleware
    async def _check_host(self, request: web.Request, handler: Any) -> web.StreamResponse:
        # A page of another site reaching us through a name of its own (DNS rebinding).
        host = (request.url.host or "").lower().strip("[]")
        if host not in self.host_names:
            raise web.HTTPMisdirectedRequest(text="Unknown host name.")
        response: web.StreamResponse = await handler(request)
        return response

    async def _security_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        headers = response.headers
        headers["Server"] = SERVER_NAME
        headers.setdefault("Content-Security-Policy", STRICT_CSP)
        headers["X-Frame-Options"] = "DENY"
        headers["X-Content-Type-Options"] = "nosniff"
        # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on our
        # own form, and the join form could not be told from a foreign one.
        headers["Referrer-Policy"] = "same-origin"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if headers.get("Content-Type", "").startswith("text/html"):
            headers["Cache-Control"] = "no-store"

    def same_origin(self, request: web.Request) -> bool:
        """The request comes from a page this server served (browsers always send Origin on
        WebSockets and POSTs; a page of another site cannot forge it)."""
        origin = request.headers.get("Origin", "")
        parts = urlsplit(origin)
        if self.proxied and origin.lower() == self._public_origin():
            return True
        return (
            parts.scheme in ("http", "https")
            and parts.netloc.lower() == request.host.lower()
            and (parts.hostname or "").lower() in self.host_names
        )

    def _public_origin(self) -> str:
        parts = urlsplit(self.public_url)
        return f"{parts.scheme}://{parts.netloc}".lower()

    def websocket_url(self, request: web.Request) -> str:
        """Where the page opens its session: this host as the browser named it, or the proxy."""
        if self.proxied:
            parts = urlsplit(self.public_url)
            scheme = "wss" if parts.scheme == "https" else "ws"
            return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/ws"
        return f"ws://{request.host}/ws"

    def visitor(self, request: web.Request) -> Visitor:
        token = request.cookies.get(TEACHER_COOKIE, "")
        if token and hmac.compare_digest(token.encode(), self.teacher_token.encode()):
            return Visitor("teacher")
        name = self.roster.seat(self.quiz_key, request.cookies.get(SEAT_COOKIE, ""))
        if name is None:
            return Visitor(None)
        return Visitor("class" if self.quiz is not None else "student", name)

    # -- pages -------------------------------------------------------------------------------

    def page(self, template: str, status: int = 200, csp: str | None = None, **context: Any):  # type: ignore[no-untyped-def]
        text = self.pages.get_template(template).render(title=self.title, **context)
        response = web.Response(text=text, status=status, content_type="text/html")
        response.headers["Content-Security-Policy"] = csp or PAGE_CSP
        return response

    def notice(self, message: str, status: int) -> web.Response:
        return self.page("notice.html", status=status, message=message)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        offered = request.query.get("teacher")
        if offered is not None:
            if not hmac.compare_digest(offered.encode(), self.teacher_token.encode()):
                return self.notice("That teacher link is not valid.", 403)
            redirect = web.HTTPSeeOther("/")
            redirect.set_cookie(
                TEACHER_COOKIE, self.teacher_token, httponly=True, samesite="Strict", path="/"
            )
            raise redirect
        who = self.visitor(request)
        if who.role is None:
            return self.page("join.html", needs_join_code=self.join_code is not None)
        nonce = secrets.token_urlsafe(12)
        static = "/static/"
        ws = self.websocket_url(request)
        csp = (
            "default-src 'none'; "
            f"script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
            f"font-src 'self'; img-src 'self' data: blob:; connect-src 'self' {ws}; "
            "worker-src 'self' blob:; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'"
        )
        return self.page(
            "app_index.html",
            csp=csp,
            nonce=nonce,
            static_url=static,
            websocket_url=ws,
            font_size=to_int(request.query.get("fontsize", "16"), 16),
            who=who.name or "teacher",
            locked=who.role == "class",
        )

    def refusal(self, who: Visitor) -> tuple[str, int] | None:
        """Why a new session cannot start for this visitor now (None: it can)."""
        if who.name is not None and who.name in self.live_names:
            return (
                f"{who.name} already has a session open, in another tab or browser. "
                "Close it first: one session per name.",
                409,
            )
        if who.role != "teacher" and len(self.live) >= self.max_sessions:
            return (
                f"The class is full ({self.max_sessions} sessions). Ask your teacher.",
                503,
            )
        return None

    async def handle_join(self, request: web.Request) -> web.StreamResponse:
        if not self.same_origin(request):
            return self.notice("This form works only from this server's own page.", 403)
        form = await request.post()
        name, code = str(form.get("name", "")), str(form.get("code", ""))
        if self.join_code is not None and not same_code(
            str(form.get("class_code", "")), self.join_code
        ):
            return self.page(
                "join.html", status=403, needs_join_code=True, name=name,
                error="That is not this class's join code: read it again from the board.",
            )  # fmt: skip
        try:
            seat = self.roster.claim(self.quiz_key, name, code)
        except (SeatRefused, LearnerNameError) as exc:
            return self.page(
                "join.html", status=409, needs_join_code=self.join_code is not None,
                name=name, taken=isinstance(exc, SeatRefused), error=str(exc).capitalize() + ".",
            )  # fmt: skip
        if seat.code is None:
            redirect = web.HTTPSeeOther("/")
            redirect.set_cookie(SEAT_COOKIE, seat.token, httponly=True, samesite="Strict", path="/")
            raise redirect
        response = self.page("welcome.html", name=seat.name, code=seat.code)
        response.set_cookie(SEAT_COOKIE, seat.token, httponly=True, samesite="Strict", path="/")
        return response

    # -- sessions ----------------------------------------------------------------------------

    def session_for(self, who: Visitor) -> tuple[str, ServedSession]:
        """The command and the served session of a visitor's app process."""
        assert who.role is not None
        if who.role != "class" or self.quiz is None or self.quiz_path is None:
            command = app_command(self.db, self.briefing_path, None)
            return command, ServedSession(who.role, who.name)
        assert who.name is not None
        since = self.roster.round_started(self.quiz_key, who.name)
        if self.quiz.retakes:
            attempts = self.roster.store.attempts(who.name)
            done = round_attempts(self.quiz.questions, attempts, since)
            if len(done) >= len(self.quiz.questions):
                since = self.roster.new_round(self.quiz_key, who.name)
        command = app_command(self.db, self.briefing_path, self.quiz_path, who.name)
        return command, ServedSession("class", who.name, since)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self.same_origin(request):
            raise web.HTTPForbidden(text="WebSocket sessions open only from this server's page.")
        who = self.visitor(request)
        if who.role is None:
            raise web.HTTPForbidden(text="Join first, from this server's page.")
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=64 * 1024)
        await websocket.prepare(request)
        # A reload opens the new page before the old one lets go of its session: wait a moment
        # for it, then refuse with the reason written where the student looks.
        deadline = asyncio.get_running_loop().time() + self.wait_seconds
        while (refused := self.refusal(who)) is not None:
            if asyncio.get_running_loop().time() >= deadline:
                await websocket.send_bytes(("\r\n  " + refused[0] + "\r\n").encode())
                await websocket.close(code=4000 + refused[1], message=refused[0][:100].encode())
                return websocket
            await asyncio.sleep(0.1)
        session_id = secrets.token_hex(8)
        # Claimed before the first await, so two tabs racing cannot both pass the checks.
        self.live[session_id] = who.role
        if who.name is not None:
            self.live_names.add(who.name)
        service: _SessionService | None = None
        try:
            command, served = self.session_for(who)
            service = _SessionService(
                command,
                session_env=served.environ(),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=False,
            )
            await service.start(
                to_int(request.query.get("width", "80"), 80),
                to_int(request.query.get("height", "24"), 24),
            )
            await self._process_messages(websocket, service)
            return websocket
        except Exception:
            log.exception("a session failed")
            raise
        finally:
            # A closed tab cancels this handler: the app is still stopped and reaped, and its
            # seat and name stay taken until it is.
            ending = asyncio.ensure_future(self._end(session_id, who, service))
            self.ending.add(ending)
            ending.add_done_callback(self.ending.discard)
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(ending)

    async def _end(self, session_id: str, who: Visitor, service: _SessionService | None) -> None:
        try:
            if service is not None:
                await service.stop()
        finally:
            del self.live[session_id]
            if who.name is not None:
                self.live_names.discard(who.name)

    async def on_shutdown(self, app: web.Application) -> None:
        if self.ending:
            await asyncio.gather(*self.ending, return_exceptions=True)
        self.roster.close()
