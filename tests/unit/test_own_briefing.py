"""A briefing a user wrote (tests/data/mini): every command works on it, not only the built-in."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tui_app.cli import cli

MINI = str(Path(__file__).parents[1] / "data" / "mini" / "mini.yaml")


def run(*args: str, stdin: str | None = None) -> str:
    result = CliRunner().invoke(cli, ["--briefing", MINI, *args], input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def test_cards_and_export() -> None:
    assert "Card 1/1: The lighthouse" in run("cards")
    data = json.loads(run("export", "--format", "json"))
    assert data["briefing"]["id"] == "mini-lighthouse"
    assert {q["form"] for q in data["questions"]} >= {"recall", "mcq", "tf", "cloze"}


def test_grade_and_ask() -> None:
    assert "Right" in run("grade", "keepers", "tom and anna")
    assert "wrong unit" in run("grade", "lamp-range", "20 km")
    assert "Herm" not in run("grade", "island", "Sark")
    answer = run("ask", "how far could the lamp be seen")
    assert "20 miles" in answer and "Source:" in answer
    assert "does not say" in run("ask", "what is the capital of france")


def test_plain_quiz(tmp_path: Path) -> None:
    out = CliRunner().invoke(
        cli,
        [
            "--briefing",
            MINI,
            "--db",
            str(tmp_path / "p.db"),
            "quiz",
            "--plain",
            "--questions",
            "built-year,keepers",
        ],
        input="1913\nanna, tom\n",
    )
    assert out.exit_code == 0 and "Score: 2/2" in out.output
