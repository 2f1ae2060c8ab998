"""A class quiz fixed in a file, student names, and results for the teacher."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_data.loader import builtin_briefing
from quiz_bank.classquiz import ClassQuizError, load_class_quiz
from quiz_bank.learners import LearnerNameError, validate_learner_name
from quiz_bank.results import hardest_questions, leaderboard
from quiz_bank.store import ProgressStore


def _run(
    args: list[str], stdin: str = "", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui_app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


def test_save_then_every_student_takes_exactly_that_quiz(tmp_path: Path) -> None:
    quiz = tmp_path / "class-quiz.toml"
    db = tmp_path / "class.db"
    saved = _run(
        ["quiz", "--save", str(quiz), "--count", "4", "--seed", "9", "--time-per-question", "90"]
    )
    assert saved.returncode == 0, saved.stderr
    fixed = load_class_quiz(quiz)
    assert len(fixed.questions) == 4 and fixed.time_per_question == 90
    prompts = []
    for student in ("ana", "ben"):
        proc = _run(
            ["--db", str(db), "quiz", "--from", str(quiz), "--plain", "--student", student],
            "a\na\na\na\n",
        )
        assert proc.returncode == 0, proc.stderr
        prompts.append([line for line in proc.stdout.splitlines() if line.startswith("Question ")])
    assert prompts[0] == prompts[1]
    with ProgressStore(db) as store:
        for student in ("ana", "ben"):
            assert [a.question for a in store.attempts(student)] == fixed.questions


def test_save_never_overwrites(tmp_path: Path) -> None:
    quiz = tmp_path / "q.toml"
    quiz.write_text("mine")
    proc = _run(["quiz", "--save", str(quiz)])
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert quiz.read_text() == "mine"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("questions = [", "not valid TOML"),
        ('briefing = "belarus-rear-base"\nquestions = []', "questions"),
        ('briefing = "belarus-rear-base"\nquestions = ["nope"]', "unknown question id 'nope'"),
        ('briefing = "other"\nquestions = ["airfields"]', "not 'belarus-rear-base'"),
        ('briefing = "belarus-rear-base"\nquestions = ["airfields"]\nextra = 1', "extra"),
    ],
)
def test_bad_class_quiz_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "q.toml"
    path.write_text(text)
    with pytest.raises(ClassQuizError, match=message):
        load_class_quiz(path).resolve(builtin_briefing())
    proc = _run(["quiz", "--from", str(path), "--plain"])
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, "bad\x1b[31m"])
def test_bad_student_names(name: str) -> None:
    with pytest.raises(LearnerNameError):
        validate_learner_name(name)


def test_good_student_names_are_trimmed() -> None:
    assert validate_learner_name("  Ana   Bělá ") == "Ana Bělá"


def test_results_csv_and_table(tmp_path: Path) -> None:
    db = tmp_path / "class.db"
    with ProgressStore(db) as store:
        for learner, question, right in [
            ("ana", "airfields", True),
            ("ana", "missiles-2022", True),
            ("ben", "airfields", False),
            ("ben", "missiles-2022", True),
        ]:
            store.add_attempt(
                learner=learner,
                question=question,
                fact=question,
                card="rear-base",
                answer="a, with comma",
                correct=right,
                score=float(right),
            )
        attempts = store.attempts()
    board = leaderboard(attempts)
    assert [(s.student, s.score) for s in board] == [("ana", 2.0), ("ben", 1.0)]
    assert hardest_questions(attempts)[0].question == "airfields"
    proc = _run(["--db", str(db), "results", "--format", "csv"])
    assert proc.returncode == 0
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 4
    assert set(rows[0]) >= {"student", "question", "answer", "score", "correct", "time"}
    assert rows[0]["answer"] == "a, with comma"
    table = _run(["--db", str(db), "results"])
    assert "Leaderboard: ana 2, ben 1" in table.stdout
    assert "Hardest: airfields 50%" in table.stdout


def test_time_limit_turns_a_late_answer_into_no_credit() -> None:
    from quiz_bank.session import QuizSession, select_questions

    briefing = builtin_briefing()
    session = QuizSession(briefing, select_questions(briefing, ids=["airfields"]), time_limit=30)
    outcome = session.answer("airfields", duration=45)
    assert not outcome.verdict.correct and "Time was up" in outcome.verdict.feedback


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=cmd()", "'=cmd()"),
        ("+1+1", "'+1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-5", "-5"),
        ("-x", "'-x"),
        ("Iran", "Iran"),
        (3.0, 3.0),
    ],
)
def test_csv_cells_are_spreadsheet_safe(cell: object, safe: object) -> None:
    from quiz_bank.results import spreadsheet_safe

    assert spreadsheet_safe(cell) == safe


def test_a_class_quiz_in_line_mode_asks_the_name(tmp_path: Path) -> None:
    quiz = tmp_path / "q.toml"
    quiz.write_text('briefing = "belarus-rear-base"\nquestions = ["airfields"]\n')
    db = tmp_path / "c.db"
    proc = _run(
        ["--db", str(db), "quiz", "--from", str(quiz), "--plain"], "\x1b[1m\nCal Dee\nairfields\n"
    )
    assert proc.returncode == 0, proc.stderr
    assert "only printable characters" in proc.stdout
    with ProgressStore(db) as store:
        assert [a.learner for a in store.attempts()] == ["Cal Dee"]
