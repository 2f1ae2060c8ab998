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


# -- the roster of a served class ------------------------------------------------------------


def test_a_name_is_claimed_once_per_quiz(db_target: Path | str) -> None:
    from quiz_bank.classroster import Roster, SeatRefused

    with Roster(db_target) as roster:
        seat = roster.claim("quiz-a", "  Ana   Lima ")
        assert seat.name == "Ana Lima" and seat.code and len(seat.code) == 6
        assert roster.seat("quiz-a", seat.token) == "Ana Lima"
        assert roster.seat("quiz-b", seat.token) is None and roster.seat("quiz-a", "x") is None
        with pytest.raises(SeatRefused, match="already taken"):
            roster.claim("quiz-a", "ANA LIMA")
        with pytest.raises(SeatRefused, match="not the code"):
            roster.claim("quiz-a", "ana lima", "AAAAAA")
        back = roster.claim("quiz-a", "ana lima", seat.code.lower())
        assert back.name == "Ana Lima" and back.code is None
        assert roster.seat("quiz-a", seat.token) is None  # the older browser lets go
        assert roster.seat("quiz-a", back.token) == "Ana Lima"
        assert roster.claim("quiz-b", "Ana Lima").code  # another quiz: free again
        with pytest.raises(LearnerNameError):
            roster.claim("quiz-a", "Eve\x1b[2J")
        # codes and tokens are kept as hashes only
        stored = " ".join(
            str(v) for row in roster.store.rows("SELECT * FROM class_seats") for v in row
        )
        assert seat.code not in stored and back.token not in stored
    with ProgressStore(db_target) as store:  # still a usable progress database
        assert store.count_attempts() == 0


def test_a_round_is_the_answers_since_it_began_in_quiz_order(tmp_path: Path) -> None:
    import datetime as dt

    from quiz_bank.classroster import round_attempts

    ids = ["airfields", "airfields/mcq"]
    with ProgressStore(tmp_path / "c.db") as store:
        for question in ["airfields", "airfields", "airfields/mcq"]:
            store.add_attempt(
                learner="ana", question=question, fact="airfields", card="rear-base",
                answer="x", correct=True, score=1.0,
            )  # fmt: skip
        attempts = store.attempts("ana")
    old = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    # from the start: the first answer fits the quiz, the second breaks its order
    assert [a.id for a in round_attempts(ids, attempts, old)] == [attempts[0].id]
    since = attempts[1].answered_at
    assert [a.id for a in round_attempts(ids, attempts, since)] == [a.id for a in attempts[1:]]
    later = attempts[-1].answered_at + dt.timedelta(seconds=1)
    assert round_attempts(ids, attempts, later) == []


def test_override_requests_wait_for_the_teacher(db_target: Path | str) -> None:
    from quiz_bank.classroster import Roster

    db = db_target
    with ProgressStore(db) as store:
        plain = store.add_attempt(
            learner="ana", question="airfields", fact="airfields", card="rear-base",
            answer="hangars", correct=False, score=0.0,
        )  # fmt: skip
        hinted = store.add_attempt(
            learner="ben", question="airfields", fact="airfields", card="rear-base",
            answer="bases", correct=False, score=0.0, hint=True,
        )  # fmt: skip
        with Roster(db) as roster:
            roster.request_override(plain, "ana", "airfields")
            roster.request_override(plain, "ana", "airfields")  # twice is once
            roster.request_override(hinted, "ben", "airfields")
            assert [r.attempt_id for r in roster.override_requests(pending_only=True)] == [
                plain,
                hinted,
            ]
            assert not any(a.correct for a in store.attempts())  # nothing counted yet
            roster.decide_override(plain, True)
            roster.decide_override(hinted, True)
            assert roster.override_requests(pending_only=True) == []
            with pytest.raises(KeyError):
                roster.decide_override(999, True)
        rows = {a.learner: a for a in store.attempts()}
    assert rows["ana"].override and rows["ana"].score == 1.0
    assert rows["ben"].override and rows["ben"].score == 0.5


def test_the_session_refuses_to_override_a_choice() -> None:
    from quiz_bank.session import QuizSession, select_questions

    briefing = builtin_briefing()
    session = QuizSession(briefing, select_questions(briefing, ids=["airfields/mcq"]))
    outcome = session.answer("b")
    assert not outcome.verdict.correct
    with pytest.raises(ValueError, match="choice"):
        session.override()


def test_a_stored_answer_is_capped_at_what_the_grader_reads(tmp_path: Path) -> None:
    from quiz_bank.grading import MAX_ANSWER_CHARS
    from quiz_bank.session import QuizSession, select_questions

    briefing = builtin_briefing()
    with ProgressStore(tmp_path / "c.db") as store:
        session = QuizSession(
            briefing, select_questions(briefing, ids=["airfields"]), store=store, learner="ana"
        )
        outcome = session.answer("airfields " * 1000)
        assert not outcome.verdict.correct  # too long to grade
        (row,) = store.attempts("ana")
    assert len(row.answer) == MAX_ANSWER_CHARS


def test_escapes_in_results_are_shown_not_sent(tmp_path: Path) -> None:
    from quiz_bank.results import printable

    assert printable("a\x1b]0;x\x07b\x1b[2J\u202e\x9b") == "a␛]0;x␇b␛[2J<U+202E><U+009B>"
    db = tmp_path / "class.db"
    with ProgressStore(db) as store:
        store.add_attempt(
            learner="Eve\x1b[2J", question="airfields", fact="airfields", card="rear-base",
            answer="\x1b]0;owned\x07=cmd()", correct=False, score=0.0,
        )  # fmt: skip
    table = _run(["--db", str(db), "results"]).stdout
    assert "\x1b" not in table and "\x07" not in table
    assert "Eve␛[2J" in table and "␛]0;owned␇=cmd()" in table
    out = _run(["--db", str(db), "results", "--format", "csv"]).stdout
    row = next(csv.DictReader(io.StringIO(out)))
    assert "\x1b" not in out and row["answer"] == "␛]0;owned␇=cmd()"


def test_graded_csv_shows_escapes_as_symbols(tmp_path: Path) -> None:
    from quiz_bank.classgrading import grade_csv

    answers = tmp_path / "answers.csv"
    answers.write_text('student,question,answer\n"Eve\x1b[2J",airfields,"=cmd()\x07"\n')
    grade_csv(builtin_briefing(), answers)
    out = (tmp_path / "answers-graded.csv").read_text()
    assert "\x1b" not in out and "\x07" not in out
    assert "Eve␛[2J" in out and "'=cmd()␇" in out


def test_a_class_database_of_schema_1_gains_the_roster(tmp_path: Path) -> None:
    import sqlite3

    from quiz_bank.classroster import Roster
    from quiz_bank.store.schema import migration

    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:  # a class database written before served classes
        for statement in migration(1, "sqlite"):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO attempts (learner, question, fact, card, answer, correct, score,"
            " answered_at) VALUES ('ana', 'airfields', 'airfields', 'rear-base', 'x', 1, 1.0,"
            " '2026-01-01T00:00:00+00:00')"
        )
        conn.execute("PRAGMA user_version = 1")
    with Roster(db) as roster:
        assert roster.claim("q", "Ana").code
        assert [a.learner for a in roster.store.attempts()] == ["ana"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2


def test_a_database_whose_version_lags_its_tables_is_refused_not_looped(tmp_path: Path) -> None:
    import sqlite3

    from quiz_bank.store import StoreError

    db = tmp_path / "odd.db"
    ProgressStore(db).close()  # schema 2, the roster's tables included
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 1")  # a version that says less than the tables
    with pytest.raises(StoreError, match="another program"):
        ProgressStore(db)
