"""The engine packages and the non-UI commands never import Textual or Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import briefing_data
import quiz_bank


def _modules(package: object) -> list[str]:
    name = package.__name__  # type: ignore[attr-defined]
    return [name] + [
        f"{name}.{m.name}"
        for m in pkgutil.iter_modules(package.__path__)  # type: ignore[attr-defined]
    ]


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_engine_modules_do_not_import_textual_or_rich() -> None:
    modules = _modules(briefing_data) + _modules(quiz_bank)
    imports = "\n".join(f"import {m}" for m in modules)
    loaded = _loaded_after(imports)
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "rich"}}


def test_cli_commands_without_ui_do_not_import_textual() -> None:
    code = (
        "import io, contextlib\n"
        "from tui_app.cli import cli\n"
        "import sys, tempfile, os\n"
        "db = os.path.join(tempfile.mkdtemp(), 'p.db')\n"
        "sys.stdin = io.StringIO('')\n"
        "for args in (['cards'], ['export', '--format', 'json'], ['grade', 'airfields', 'x'],\n"
        "             ['ask', 'what is the kinzhal'], ['--db', db, 'quiz', '--plain'],\n"
        "             ['--db', db, 'stats', '--json'], ['--db', db, 'review', '--plain']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        cli.main(args=args, standalone_mode=False)\n"
    )
    loaded = _loaded_after(code)
    assert "textual" not in loaded
    assert "rich" not in loaded


def test_the_first_paint_does_not_wait_for_pydantic() -> None:
    # What paints first (the app and its home screen); the briefing loads after, in a worker.
    loaded = _loaded_after("import tui_app.cli, tui_app.app, tui_app.screens.home")
    assert "pydantic" not in loaded and "briefing_data.models" not in loaded
