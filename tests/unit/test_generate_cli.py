"""`briefing import` on the command line, and every other command on what it made."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def _run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "tui_app", *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def briefing_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("import")
    out = folder / "ferry.yaml"
    proc = _run(
        ["import", str(ARTICLES / "harbour-ferry.txt"), "-o", str(out), "--title", "The ferry"]
    )
    assert proc.returncode == 0, proc.stderr
    assert "cards" in proc.stdout and "facts" in proc.stdout and "questions" in proc.stdout
    assert (folder / "ferry.txt").exists()
    return out


def test_import_then_export_grade_ask_and_quiz(briefing_file: Path, tmp_path: Path) -> None:
    b = ["--briefing", str(briefing_file), "--db", str(tmp_path / "p.db")]
    export = json.loads(_run([*b, "export", "--format", "json"]).stdout)
    assert export["briefing"]["title"] == "The ferry"
    questions = export["questions"]
    recalls = [q for q in questions if q["form"] == "recall"]
    assert recalls

    lines = "".join(
        json.dumps({"question": q["id"], "answer": q["answer"]}) + "\n" for q in recalls
    )
    graded = [json.loads(x) for x in _run([*b, "grade", "--jsonl"], lines).stdout.splitlines()]
    assert len(graded) == len(recalls) and all(g["correct"] for g in graded)

    asked = _run([*b, "ask", "--jsonl"], json.dumps({"question": "Who is the mayor?"}) + "\n")
    reply = json.loads(asked.stdout)
    assert reply["facts"] and "Lind" in (reply["answer"] or "")

    first = recalls[0]
    quiz = _run([*b, "quiz", "--plain", "--questions", first["id"]], first["answer"] + "\n")
    assert quiz.returncode == 0, quiz.stderr
    assert "Score: 1/1" in quiz.stdout

    # A class quiz fixed in a file, taken in line mode, and the teacher's results.
    saved = tmp_path / "class.toml"
    made = _run([*b, "quiz", "--save", str(saved), "--count", "3", "--seed", "1"])
    assert made.returncode == 0, made.stderr
    # "a" is an answer to any form: an option letter, or a (wrong) typed answer.
    taken = _run([*b, "quiz", "--from", str(saved), "--plain", "--student", "ana"], "a\na\na\n")
    assert taken.returncode == 0, taken.stderr
    assert "Score: " in taken.stdout
    results = _run([*b, "results", "--format", "csv"])
    assert results.returncode == 0 and "ana" in results.stdout


def test_default_output_is_named_after_the_article(tmp_path: Path) -> None:
    article = tmp_path / "garden.md"
    article.write_text(
        (ARTICLES / "school-garden.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    proc = _run(["import", str(article)])
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "garden.yaml").exists() and (tmp_path / "garden.txt").exists()


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "huge", "not-prose"])
def test_bad_input_is_one_line_exit_2_nothing_written(tmp_path: Path, case: str) -> None:
    path = tmp_path / "in.txt"
    if case == "directory":
        path = tmp_path / "folder"
        path.mkdir()
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "binary":
        path.write_bytes(bytes(range(256)) * 64)
    elif case == "huge":
        with path.open("wb") as fh:
            fh.truncate(50 * 1024 * 1024)
    elif case == "not-prose":
        path.write_text(
            "id,value\n" + "".join(f"{i},{i * 3}\n" for i in range(300)), encoding="utf-8"
        )
    out = tmp_path / "out" / "b.yaml"
    proc = _run(["import", str(path), "-o", str(out)])
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


def test_import_review_opens_the_app_on_the_draft(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from quiz_bank.generate.review import DraftReview
    from tui_app.app import BriefingApp
    from tui_app.cli import cli

    opened: list[BriefingApp] = []
    monkeypatch.setattr(BriefingApp, "run", lambda self, *a, **k: opened.append(self))
    out = tmp_path / "g.yaml"
    args = [
        "--db",
        str(tmp_path / "p.db"),
        "import",
        "--review",
        str(ARTICLES / "school-garden.md"),
    ]
    result = CliRunner().invoke(cli, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    (app,) = opened
    assert isinstance(app.pending_review, DraftReview)
    assert app.pending_review.yaml_path == out and app.briefing_path == out
