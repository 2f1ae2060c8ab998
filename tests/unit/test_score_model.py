"""One score model: the same scripted session gives the same figures on every front end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from briefing_data.loader import builtin_briefing
from quiz_bank.progress import progress_stats
from quiz_bank.scoring import Standing, standing, tally_attempts
from quiz_bank.selection import select_questions
from quiz_bank.session import QuizSession
from quiz_bank.store import ProgressStore
from tui_app.screens.progress import render_progress

QUESTIONS = [
    "iran-visit-country",  # right
    "missiles-2022",  # right after a hint: half credit, partly right
    "airfields",  # wrong, then "I was right": counts as right
    "belarus-leader",  # skipped: not an attempt
    "springboard-since",  # wrong
    "systems-deployed",  # two of five items: partly right
]
SCRIPT = ["Iran", ":hint", "717", "ports", ":right", ":skip", "2019", "S-400, Iskander"]


def _play(session: QuizSession) -> None:
    session.answer("Iran")
    session.hint()
    session.answer("717")
    session.answer("ports")
    session.override()
    session.skip()
    session.answer("2019")
    session.answer("S-400, Iskander")


def test_each_case_counts_as_the_model_says(tmp_path: Path) -> None:
    briefing = builtin_briefing()
    with ProgressStore(tmp_path / "p.db") as store:
        session = QuizSession(
            briefing, select_questions(briefing, ids=QUESTIONS), store=store, learner="ana"
        )
        _play(session)
        states = [o.standing for o in session.outcomes]
        assert states == [
            Standing.RIGHT,
            Standing.PARTLY,
            Standing.RIGHT,
            Standing.SKIPPED,
            Standing.WRONG,
            Standing.PARTLY,
        ]
        summary = session.summary()
        assert (summary.tally.right, summary.tally.answered, summary.tally.skipped) == (2, 5, 1)
        assert summary.tally.points == 2.9  # 1 + 0.5 + 1 + 0 + 0.4
        stored = tally_attempts(store.attempts("ana"))
        assert stored == summary.tally
        stats = progress_stats(briefing, store, "ana")
    assert (stats["correct"], stats["attempts"], stats["skipped"]) == (2, 5, 1)
    assert stats["overrides"] == 1 and stats["hinted"] == 1
    # Per-card figures add up to the whole.
    assert sum(c["attempts"] for c in stats["cards"]) == stats["attempts"]
    assert sum(c["correct"] for c in stats["cards"]) == stats["correct"]
    assert summary.tally.text() in render_progress(stats).plain
    # Each fact appears once under "To reread".
    missed = [fact for _q, fact, _card in summary.missed]
    assert len(missed) == len(set(missed)) == 3


def test_plain_quiz_and_stats_agree_with_the_summary(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    base = [sys.executable, "-m", "tui_app", "--db", str(db)]
    quiz = subprocess.run(
        [*base, "quiz", "--plain", "--questions", ",".join(QUESTIONS), "--student", "ana"],
        input="\n".join(SCRIPT) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert quiz.returncode == 0, quiz.stderr
    assert "Score: 2/5" in quiz.stdout
    assert "2 right of 5 answered (2.9 points, 2 partly right, 1 skipped)" in quiz.stdout
    stats = subprocess.run(
        [*base, "stats", "--json", "--student", "ana"], capture_output=True, text=True, timeout=60
    )
    data = json.loads(stats.stdout)
    assert (data["correct"], data["attempts"]) == (2, 5)
    assert data["summary"] == "2 right of 5 answered (2.9 points, 2 partly right, 1 skipped)"


def test_standing_rule() -> None:
    assert standing(correct=True, score=1, hinted=False, overridden=False, skipped=False) == "right"
    assert standing(correct=True, score=0.5, hinted=True, overridden=False, skipped=False) == (
        "partly"
    )
    assert standing(correct=False, score=0, hinted=False, overridden=True, skipped=False) == "right"
    assert standing(correct=False, score=0.4, hinted=False, overridden=False, skipped=False) == (
        "partly"
    )
    assert standing(correct=False, score=0, hinted=False, overridden=False, skipped=True) == (
        "skipped"
    )


def test_a_padded_list_is_not_full_marks() -> None:
    briefing = builtin_briefing()
    from quiz_bank.grading import grade_fact

    fact = briefing.fact("scheme-partners")
    verdict = grade_fact(fact, "Iran, China, Syria", briefing=briefing)
    assert not verdict.correct and 0 < verdict.score < 1
