"""The class quiz file: save, load, check; `quiz --save` and `quiz --from`."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_data.loader import builtin_briefing
from briefing_data.models import Briefing
from quiz_bank.classquiz import (
    ClassQuizError,
    load_class_quiz,
    make_class_quiz,
    save_class_quiz,
)
from quiz_bank.learners import LearnerNameError, validate_learner_name
from quiz_bank.session import select_questions
from quiz_bank.store import ProgressStore
from tui_app.cli import main


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return builtin_briefing()


def test_save_then_load_gives_the_same_quiz(briefing: Briefing, tmp_path: Path) -> None:
    chosen = select_questions(briefing, count=6, seed=7)
    quiz = make_class_quiz(briefing, chosen, seed=7, time_per_question=30)
    path = tmp_path / "class-quiz.toml"
    save_class_quiz(path, quiz)
    loaded = load_class_quiz(path, briefing)
    assert loaded == quiz
    assert [q.id for q in loaded.select(briefing)] == [q.id for q in chosen]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("questions = [", "not valid TOML"),
        ('briefing = "belarus-rear-base"\nquestions = []', "questions"),
        ('briefing = "belarus-rear-base"\nquestions = ["no-such-fact"]', "unknown question id"),
        ('briefing = "other"\nquestions = ["belarus-leader"]', "for the briefing 'other'"),
        (
            'briefing = "belarus-rear-base"\nquestions = ["belarus-leader"]\ntime_per_question = 1',
            "time_per_question",
        ),
        ('briefing = "belarus-rear-base"\nquestions = ["belarus-leader"]\nx = 1', "unknown key"),
        ('version = 9\nbriefing = "b"\nquestions = ["a"]', "newer briefing"),
    ],
)
def test_bad_files_give_one_line(
    briefing: Briefing, tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "q.toml"
    path.write_text(text)
    with pytest.raises(ClassQuizError) as err:
        load_class_quiz(path, briefing)
    message = str(err.value)
    assert expected in message and "\n" not in message and str(path) in message


def test_missing_binary_and_huge_files(briefing: Briefing, tmp_path: Path) -> None:
    for name, data in (("bin.toml", b"\xff\xfe\x00"), ("big.toml", b"#" * 300_000)):
        (tmp_path / name).write_bytes(data)
    for name in ("absent.toml", "bin.toml", "big.toml", "."):
        with pytest.raises(ClassQuizError):
            load_class_quiz(tmp_path / name, briefing)


@pytest.mark.parametrize("bad", ["", "   ", "x" * 41, "a\x1b[31mb", "rtl\u202eoverride", "nul\x00"])
def test_student_names_are_checked(bad: str) -> None:
    with pytest.raises(LearnerNameError):
        validate_learner_name(bad)


def test_student_names_are_trimmed() -> None:
    assert validate_learner_name("  Ana   María ") == "Ana María"
    assert validate_learner_name("李") == "李"


def test_cli_save_then_take_the_class_quiz(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "class-quiz.toml"
    db = tmp_path / "class.db"
    main(["quiz", "--save", str(path), "--count", "3", "--seed", "5", "--time-per-question", "60"])
    quiz = load_class_quiz(path)
    assert len(quiz.questions) == 3 and quiz.seed == 5 and quiz.time_per_question == 60
    capsys.readouterr()
    import io

    for student in ("Ana", "Ben"):
        monkeypatch.setattr("sys.stdin", io.StringIO("x\n" * 3))
        main(["--db", str(db), "quiz", "--from", str(path), "--plain", "--student", student])
        out = capsys.readouterr().out
        assert "Score: " in out and "/3" in out
    with ProgressStore(db) as store:
        attempts = store.attempts()
    assert [a.question for a in attempts] == quiz.questions * 2
    assert {a.learner for a in attempts} == {"Ana", "Ben"}


def test_cli_asks_for_a_name_in_plain_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    path = tmp_path / "q.toml"
    main(["quiz", "--save", str(path), "--questions", "belarus-leader"])
    db = tmp_path / "c.db"
    monkeypatch.setattr("sys.stdin", io.StringIO("\n\x1b[2J\nCleo\nLukashenko\n"))
    main(["--db", str(db), "quiz", "--from", str(path), "--plain"])
    out = capsys.readouterr().out
    assert "Score: 1/1" in out
    with ProgressStore(db) as store:
        assert store.learners() == ["Cleo"]


@pytest.mark.parametrize(
    "argv",
    [
        ["quiz", "--from", "nowhere.toml", "--plain"],
        ["quiz", "--from", "x.toml", "--save", "y.toml"],
        ["quiz", "--from", "x.toml", "--count", "3"],
        ["quiz", "--save", "y.toml", "--questions", "nope"],
        ["quiz", "--save", "y.toml", "--time-per-question", "2"],
        ["quiz", "--plain", "--student", "\x1b[31mred"],
    ],
)
def test_cli_bad_class_quiz_options_give_one_line(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.toml").write_text(
        'briefing = "belarus-rear-base"\nquestions = ["belarus-leader"]'
    )
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("briefing: error:")
    assert not (tmp_path / "y.toml").exists()


def test_an_answer_after_the_time_limit_is_not_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import itertools
    import time

    path = tmp_path / "q.toml"
    main(["quiz", "--save", str(path), "--questions", "belarus-leader", "--time-per-question", "5"])
    ticks = itertools.count(0, 100)  # every look at the clock: 100 s later
    monkeypatch.setattr(time, "monotonic", lambda: float(next(ticks)))
    monkeypatch.setattr("sys.stdin", io.StringIO("Lukashenko\n"))
    db = tmp_path / "c.db"
    main(["--db", str(db), "quiz", "--from", str(path), "--plain", "--student", "Ana"])
    out = capsys.readouterr().out
    assert "Time's up (5 s per question)" in out
    with ProgressStore(db) as store:
        attempts = store.attempts()
    assert len(attempts) == 1 and attempts[0].skipped and not attempts[0].correct
