"""`briefing serve`: the app in browsers via textual-serve, each browser its own session.

The page is the project's own template (tui_app/serve/templates) and style (static/page.css):
textual-serve's default page loads a web font from a third party, ours loads nothing from
anywhere but this server. textual-serve's terminal script and stylesheet are served from the
installed package (copied into a private static folder at start). Every session runs
`briefing` in its own process, all writing to the one progress database.
"""

from __future__ import annotations

import shlex
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual_serve.server import Server

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
OWN_STATIC = HERE / "static"
# What the page needs from textual-serve's own static folder (its script and terminal style).
FROM_TEXTUAL_SERVE = ("js/textual.js", "css/xterm.css")


def session_command(
    *,
    db_path: Path,
    briefing_path: Path | None = None,
    quiz_path: Path | None = None,
) -> str:
    """The shell command textual-serve runs for each browser."""
    argv = [sys.executable, "-m", "tui_app", "--db", str(db_path.resolve())]
    if briefing_path is not None:
        argv += ["--briefing", str(briefing_path.resolve())]
    if quiz_path is not None:
        argv += ["quiz", "--from", str(quiz_path.resolve())]
    return shlex.join(argv)


def build_statics(target: Path) -> Path:
    """Our static files plus textual-serve's script and stylesheet, in `target`."""
    import textual_serve

    package_static = Path(textual_serve.__file__).parent / "static"
    for rel in FROM_TEXTUAL_SERVE:
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(package_static / rel, dest)
    own = target / "briefing"
    own.mkdir(exist_ok=True)
    for path in OWN_STATIC.iterdir():
        if path.is_file():
            shutil.copyfile(path, own / path.name)
    return target


def make_server(command: str, host: str, port: int, title: str, statics: Path) -> Server:
    from textual_serve.server import Server

    return Server(
        command,
        host=host,
        port=port,
        title=title,
        templates_path=TEMPLATES.resolve(),
        statics_path=statics.resolve(),
    )


def serve(command: str, host: str, port: int, title: str) -> None:
    """Serve until Ctrl+C (or SIGTERM)."""
    with tempfile.TemporaryDirectory(prefix="briefing-serve-") as tmp:
        statics = build_statics(Path(tmp))
        make_server(command, host, port, title, statics).serve()
