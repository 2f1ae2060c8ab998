"""`briefing quiz --plain`, `review --plain` and `stats` as the contract says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _run(
    args: list[str], stdin: str = "", db: Path | None = None
) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "tui_app"]
    if db is not None:
        cmd += ["--db", str(db)]
    return subprocess.run(cmd + args, input=stdin, capture_output=True, text=True, timeout=60)


def test_plain_quiz_grades_and_scores(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    proc = _run(
        [
            "quiz",
            "--plain",
            "--questions",
            "iran-visit-country,missiles-2022,airfields",
            "--student",
            "ana",
        ],
        "Iran\n71\nair fields\n",
        db,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Question 1 of 3" in out and "Which country did Lukashenka visit" in out
    assert "✓ Right" in out and "✗ Not right" in out
    assert 'Source: "in 2022, Russia fired at least 717 missiles' in out
    assert out.strip().splitlines()[-3] == "Score: 2/3" or "Score: 2/3" in out
    stats = json.loads(_run(["stats", "--json"], db=db).stdout)
    assert stats["attempts"] == 3 and stats["correct"] == 2
    assert stats["students"] == ["ana"]


def test_end_of_input_ends_cleanly_and_records_only_answers(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    proc = _run(["quiz", "--plain", "--count", "5", "--seed", "3"], "Iran\n", db)
    assert proc.returncode == 0
    assert "Score: " in proc.stdout
    stats = json.loads(_run(["stats", "--json"], db=db).stdout)
    assert stats["attempts"] == 1


def test_hint_skip_and_override_commands(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    proc = _run(
        ["quiz", "--plain", "--questions", "mig31k-kinzhal,missiles-2022,airfields"],
        ":hint\nKinzhal\n700\n:right\n:skip\n",
        db,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Hint: 1 word, starting with “K”." in proc.stdout
    assert "half credit" in proc.stdout
    assert "Counted as right (override)" in proc.stdout
    assert "Score: 1/2" in proc.stdout
    stats = json.loads(_run(["stats", "--json"], db=db).stdout)
    assert stats["overrides"] == 1 and stats["hinted"] == 1 and stats["skipped"] == 1


def test_review_when_nothing_is_due(tmp_path: Path) -> None:
    proc = _run(["review", "--plain", "--student", "zoe"], "", tmp_path / "p.db")
    assert proc.returncode == 0
    assert "Nothing is due for zoe" in proc.stdout


def test_unknown_ids_and_bad_names_are_user_errors(tmp_path: Path) -> None:
    for args in (
        ["quiz", "--plain", "--questions", "nope"],
        ["quiz", "--plain", "--card", "nope"],
        ["quiz", "--plain", "--student", "\x1b[31mred"],
    ):
        proc = _run(args, "", tmp_path / "p.db")
        assert proc.returncode == 2
        assert len(proc.stderr.strip().splitlines()) == 1
        assert "Traceback" not in proc.stderr


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("not a database " * 50)
    proc = _run(["stats"], db=db)
    assert proc.returncode == 2
    assert "move it aside" in proc.stderr
    assert db.read_text().startswith("not a database")
