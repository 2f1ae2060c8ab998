"""Results for the teacher: CSV and table of every attempt, leaderboard, hardest questions."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from briefing_data.loader import builtin_briefing
from quiz_bank.classquiz import make_class_quiz, save_class_quiz
from quiz_bank.results import CSV_COLUMNS, class_results, printable, results_csv
from quiz_bank.session import QuizSession, select_questions
from quiz_bank.store import Attempt, ProgressStore
from tui_app.cli import main

T0 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def _attempt(i: int, learner: str, question: str, correct: bool, **kw: object) -> Attempt:
    fields = dict(
        id=i,
        learner=learner,
        question=question,
        fact=question.split("/")[0],
        card="overview",
        answer="x",
        correct=correct,
        score=1.0 if correct else 0.0,
        feedback="",
        override=False,
        hint=False,
        skipped=False,
        answered_at=T0,
        duration=None,
    )
    fields.update(kw)
    return Attempt(**fields)  # type: ignore[arg-type]


def test_leaderboard_hardest_questions_and_overrides() -> None:
    attempts = [
        _attempt(1, "Ana", "q1", True),
        _attempt(2, "Ana", "q2", True),
        _attempt(3, "Ben", "q1", True),
        _attempt(4, "Ben", "q2", False),
        _attempt(5, "Cleo", "q1", False, score=0.5),
        _attempt(6, "Cleo", "q2", True, override=True),
        _attempt(7, "Dan", "q3", False),
    ]
    r = class_results(attempts)
    assert [s.student for s in r.leaderboard] == ["Ana", "Cleo", "Ben", "Dan"]  # 2, 1.5, 1, 0
    assert (r.leaderboard[0].correct, r.leaderboard[0].answered) == (2, 2)
    assert [q.question for q in r.questions] == ["q3", "q2", "q1"]
    assert r.questions[1].share == pytest.approx(2 / 3)
    assert [a.id for a in r.overrides] == [6]
    assert r.attempts == 7 and r.last_id == 7
    only = class_results(attempts, questions=["q1"])
    assert only.attempts == 3 and [q.question for q in only.questions] == ["q1"]


def test_csv_has_the_contract_columns_and_defuses_formulas() -> None:
    rows = list(
        csv.reader(io.StringIO(results_csv([_attempt(1, "=cmd()", "q1", True, answer="+1")])))
    )
    assert tuple(rows[0][:6]) == ("student", "question", "answer", "score", "correct", "time")
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1][:5] == ["'=cmd()", "q1", "'+1", "1.00", "yes"]
    assert rows[1][5].startswith("2026-11-24T09:00:00")


def test_table_text_is_printable() -> None:
    assert printable("a\x1b[31mb\x07") == "a?[31mb?"
    assert printable("x" * 50, 10) == "x" * 9 + "…"


def test_results_command_reads_what_sessions_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    briefing = builtin_briefing()
    db = tmp_path / "class.db"
    chosen = select_questions(briefing, ids=["belarus-leader", "scheme-partners"])
    with ProgressStore(db) as store:
        for name, answers in (("Ana", ["Lukashenko", "Iran, China"]), ("Ben", ["Putin", "Iran"])):
            session = QuizSession(briefing, chosen, store=store, learner=name)
            for typed in answers:
                session.answer(typed)
    main(["--db", str(db), "results", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["student"], r["question"], r["correct"]) for r in rows] == [
        ("Ana", "belarus-leader", "yes"),
        ("Ana", "scheme-partners", "yes"),
        ("Ben", "belarus-leader", "no"),
        ("Ben", "scheme-partners", "no"),
    ]
    assert float(rows[3]["score"]) == pytest.approx(0.5)
    main(["--db", str(db), "results"])
    table = capsys.readouterr().out
    assert "Leaderboard" in table and table.index("Ana") < table.index("  2. Ben")
    assert "hardest first" in table
    quiz_file = tmp_path / "q.toml"
    save_class_quiz(quiz_file, make_class_quiz(briefing, chosen[:1]))
    main(["--db", str(db), "results", "--format", "csv", "--quiz", str(quiz_file)])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["question"] for r in rows} == {"belarus-leader"}


def test_results_of_an_empty_database_and_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "none.db"
    main(["--db", str(db), "results", "--format", "csv"])
    assert capsys.readouterr().out.strip() == ",".join(CSV_COLUMNS)
    assert not db.exists()
    (tmp_path / "junk.db").write_text("not sqlite " * 100)
    for argv in (
        ["results", "--format", "xlsx"],
        ["--db", str(tmp_path / "junk.db"), "results"],
        ["results", "--quiz", str(tmp_path / "absent.toml")],
    ):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("briefing: error:")
