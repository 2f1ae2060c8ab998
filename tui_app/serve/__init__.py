"""`briefing serve`: the app in browsers with textual-serve, from the project's own page.

The page loads nothing from a third party: its template is ours (no web fonts from the
internet), and its script, stylesheet and font are the files textual-serve installs locally.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def statics_path() -> Path:
    import textual_serve

    return Path(textual_serve.__file__).parent / "static"


def make_server(
    *,
    host: str,
    port: int,
    db: Path,
    briefing: Path | None,
    quiz: Path | None,
    title: str,
    max_sessions: int,
):  # type: ignore[no-untyped-def]
    """The classroom server (see server.py); a class quiz is loaded and checked by the caller."""
    from quiz_bank.classquiz import load_class_quiz
    from tui_app.serve.server import ClassroomServer

    class_quiz = load_class_quiz(quiz) if quiz is not None else None
    # Anyone who can reach a server open to the network needs the code on the board.
    join_code = None if host in LOOPBACK_HOSTS else new_join_code()
    return ClassroomServer(
        host=host,
        port=port,
        public_url=public_url(host, port),
        statics_path=statics_path(),
        db=db,
        briefing=briefing,
        quiz_path=quiz,
        quiz=class_quiz,
        title=title,
        max_sessions=max_sessions,
        join_code=join_code,
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
