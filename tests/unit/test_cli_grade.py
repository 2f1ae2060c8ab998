"""`briefing grade`: --jsonl per the contract, one answer for a person, a class's CSV."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tui_app.cli import cli


def _jsonl(lines: list[str]) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["grade", "--jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_jsonl_contract_fields() -> None:
    (out,) = _jsonl(
        [json.dumps({"question": "systems-deployed", "answer": "S-400, Iskandr, S-300"})]
    )
    assert out["question"] == "systems-deployed"
    assert out["answer"] == "S-400, Iskandr, S-300"
    assert out["correct"] is False
    assert out["score"] == 0.4
    assert out["matched"] == ["s-400", "iskander"]
    assert out["missed"] == ["tor-m2", "fighter-jets", "mig-31k"]
    assert out["wrong"] == ["S-300"]
    assert isinstance(out["feedback"], str) and out["feedback"]


def test_jsonl_one_answer_question_matched_is_its_id() -> None:
    right, wrong = _jsonl(
        [
            json.dumps({"question": "iran-visit-country", "answer": "iran."}),
            json.dumps({"question": "iran-visit-country", "answer": "Iraq."}),
        ]
    )
    assert right["correct"] is True and right["matched"] == ["iran-visit-country"]
    assert wrong["correct"] is False and wrong["matched"] == []


def test_jsonl_bad_lines_get_an_error_and_the_run_goes_on() -> None:
    out = _jsonl(
        [
            "not json",
            json.dumps({"question": "nope", "answer": "x"}),
            json.dumps(["a list"]),
            json.dumps({"question": "airfields"}),
            json.dumps({"question": "airfields", "answer": "airfields"}),
        ]
    )
    assert len(out) == 5
    assert all("error" in o for o in out[:4])
    assert "unknown question id 'nope'" in str(out[1]["error"])
    assert out[4]["correct"] is True


def test_jsonl_does_not_import_textual() -> None:
    code = (
        "import sys, io\n"
        'sys.stdin = io.StringIO(\'{"question": "airfields", "answer": "x"}\\n\')\n'
        "from tui_app.cli import cli\n"
        "cli.main(args=['grade', '--jsonl'], standalone_mode=False)\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_single_answer_for_a_person() -> None:
    result = CliRunner().invoke(cli, ["grade", "mig31k-kinzhal", "kinzal"])
    assert result.exit_code == 0
    assert "Right" in result.output and "spelled Kinzhal" in result.output


def test_single_unknown_question_is_a_user_error() -> None:
    result = CliRunner().invoke(cli, ["grade", "nope", "x"])
    assert result.exit_code == 2
    assert "unknown question id 'nope'" in result.output


def test_csv_of_a_class(tmp_path: Path) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "student,question,answer\n"
        "ana,iran-visit-country,Iran\n"
        "ben,iran-visit-country,Iraq\n"
        "cat,nope,whatever\n"
        "dan,,missing question\n"
        'eve,systems-deployed,"S-400, Iskander"\n',
        encoding="utf-8",
    )
    graded = tmp_path / "graded.csv"
    result = CliRunner().invoke(cli, ["grade", str(answers), "-o", str(graded)])
    assert result.exit_code == 0, result.output
    assert f"{answers}:4: unknown question id 'nope'" in result.output
    assert f"{answers}:5:" in result.output
    assert "Graded 3 answers (2 rows skipped)" in result.output
    rows = list(csv.DictReader(graded.open(encoding="utf-8")))
    assert [r["student"] for r in rows] == ["ana", "ben", "eve"]
    assert [r["correct"] for r in rows] == ["true", "false", "false"]
    assert rows[2]["score"] == "0.40"
    assert set(rows[0]) == {"student", "question", "answer", "correct", "score", "feedback"}


def test_csv_missing_columns_is_a_user_error(tmp_path: Path) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text("name,answer\nana,Iran\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["grade", str(answers)])
    assert result.exit_code == 2
    assert "missing column(s) student, question" in result.output
