"""`briefing serve`: the app in browsers with textual-serve, from the project's own page.

The page loads nothing from a third party: its template is ours (no web fonts from the
internet), and its script, stylesheet and font are the files textual-serve installs locally.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def statics_path() -> Path:
    import textual_serve

    return Path(textual_serve.__file__).parent / "static"


def app_command(
    db: Path | str, briefing: Path | None, quiz: Path | None, student: str | None = None
) -> str:
    """The command a browser session runs: the app, or a student's class quiz.

    A PostgreSQL URI is not put on the command line (process lists and logs would show its
    password): the sessions inherit it in BRIEFING_DB instead, see `make_server`.
    """
    parts = [sys.executable, "-m", "tui_app"]
    if isinstance(db, Path):
        parts += ["--db", str(db.resolve())]
    if briefing is not None:
        parts += ["--briefing", str(briefing.resolve())]
    if quiz is not None and student is not None:
        parts += ["quiz", "--from", str(quiz.resolve()), f"--student={student}"]
    return shlex.join(parts)


def make_server(
    *,
    host: str,
    port: int,
    db: Path | str,
    briefing: Path | None,
    quiz: Path | None,
    title: str,
    max_sessions: int,
    url: str | None = None,
    join_code: str | None = None,
    teacher_token: str | None = None,
):  # type: ignore[no-untyped-def]
    """The classroom server (see server.py); a class quiz is loaded and checked by the caller.
    `url` is the proxy's address when one is in front (the page's WebSocket)."""
    from quiz_bank.classquiz import load_class_quiz
    from tui_app.serve.server import ClassroomServer

    if not isinstance(db, Path):
        # A PostgreSQL URI is not put on a command line (process lists would show its
        # password): the sessions inherit it in BRIEFING_DB.
        os.environ["BRIEFING_DB"] = db
    class_quiz = load_class_quiz(quiz) if quiz is not None else None
    from briefing_data.errors import UserError

    if join_code is not None and not (4 <= len(join_code) <= 40 and join_code.isprintable()):
        raise UserError("--join-code: give 4 to 40 printable characters")
    if teacher_token is not None and len(teacher_token) < 16:
        raise UserError("BRIEFING_TEACHER_TOKEN: give at least 16 characters")
    # Anyone who can reach a server open to the network needs the code on the board.
    if join_code is None and not (host in LOOPBACK_HOSTS and url is None):
        join_code = new_join_code()
    return ClassroomServer(
        host=host,
        port=port,
        public_url=(url or public_url(host, port)).rstrip("/"),
        proxied=url is not None,
        statics_path=statics_path(),
        db=db,
        briefing=briefing,
        quiz_path=quiz,
        quiz=class_quiz,
        title=title,
        max_sessions=max_sessions,
        join_code=join_code,
        teacher_token=teacher_token,
    )


def new_join_code() -> str:
    from quiz_bank.classroster import new_code

    code = new_code(8)
    return f"{code[:4]}-{code[4:]}"


def public_url(host: str, port: int) -> str:
    """The address browsers use: listening on every interface means this machine's own address."""
    if host in ("0.0.0.0", "::", ""):
        import socket

        try:
            host = socket.gethostbyname(socket.gethostname())
        except OSError:
            host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"
