"""Eight students answering at once into one database: every attempt is there."""

from __future__ import annotations

from pathlib import Path

from quiz_bank.classroom_load import run_classroom
from quiz_bank.results import leaderboard
from quiz_bank.store import ProgressStore


def test_eight_students_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "class.db"
    run = run_classroom(db, students=8, questions=6)
    assert run.errors == []
    assert run.expected == 48
    assert run.written == run.expected and run.lost == 0
    with ProgressStore(db) as store:
        attempts = store.attempts()
    board = leaderboard(attempts)
    assert len(board) == 8
    assert all(s.answered == 6 for s in board)
