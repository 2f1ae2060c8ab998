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


def statics_path() -> Path:
    import textual_serve

    return Path(textual_serve.__file__).parent / "static"


def app_command(db: Path | str, briefing: Path | None, quiz: Path | None) -> str:
    """The command each browser session runs: the app, asking the student's name first.

    A PostgreSQL URI is not put on the command line (process lists and logs would show its
    password): the sessions inherit it in BRIEFING_DB instead, see `make_server`.
    """
    parts = [sys.executable, "-m", "tui_app", "--ask-name"]
    if isinstance(db, Path):
        parts[3:3] = ["--db", str(db.resolve())]
    if briefing is not None:
        parts += ["--briefing", str(briefing.resolve())]
    if quiz is not None:
        parts += ["quiz", "--from", str(quiz.resolve())]
    return shlex.join(parts)


def make_server(
    *,
    host: str,
    port: int,
    db: Path | str,
    briefing: Path | None,
    quiz: Path | None,
    title: str,
    url: str | None = None,
):  # type: ignore[no-untyped-def]
    """The server; `url` is the proxy's address when one is in front (the page's WebSocket)."""
    from textual_serve.server import Server

    if not isinstance(db, Path):
        os.environ["BRIEFING_DB"] = db  # textual-serve's sessions inherit the environment

    return Server(
        app_command(db, briefing, quiz),
        host=host,
        port=port,
        title=title,
        public_url=(url or public_url(host, port)).rstrip("/"),
        statics_path=statics_path(),
        templates_path=TEMPLATES,
    )


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
