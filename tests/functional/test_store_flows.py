"""The app on PostgreSQL (live results from several hosts) and on a disk that fills up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Input, Static

from briefing_data.loader import builtin_briefing
from quiz_bank.store import ProgressStore
from tests.functional.conftest import wait_for_workers
from tests.storage import fill
from tui_app.app import BriefingApp

HOST = """
import sys
from quiz_bank.store import ProgressStore, as_target
with ProgressStore(as_target(sys.argv[1])) as store:
    for name in sys.argv[2:]:
        store.add_attempt(learner=name, question="airfields", fact="airfields",
                          card="rear-base", answer="airfields", correct=True, score=1.0)
"""


def screen_text(app: BriefingApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


async def test_live_results_follow_answers_from_two_hosts_on_postgresql(
    pg_uri: str, tmp_path: Path
) -> None:
    app = BriefingApp(builtin_briefing(), db_path=pg_uri, settings_path=tmp_path / "s.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        await wait_for_workers(app)
        await pilot.pause()
        assert "No answers yet" in screen_text(app)
        # Two serve hosts, two processes of their own, write into the same database.
        for names in (["ana", "ben"], ["cal"]):
            subprocess.run([sys.executable, "-c", HOST, pg_uri, *names], check=True, timeout=60)
            app.screen.load()  # what the screen's 2-second timer does
            await wait_for_workers(app)
            await pilot.pause()
        text = screen_text(app)
        assert "Results: 3 answers from 3 students" in text
        assert all(f". {name}" in text for name in ("ana", "ben", "cal"))


async def test_a_full_disk_ends_the_quiz_saying_so(small_disk: Path, tmp_path: Path) -> None:
    db = small_disk / "progress.db"
    app = BriefingApp(
        builtin_briefing(),
        db_path=db,
        settings_path=tmp_path / "s.json",
        start=("quiz", ["airfields", "missiles-2022"], "ana"),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one("#answer", Input).value = "airfields"
        await pilot.press("enter")
        await wait_for_workers(app)
        await pilot.pause()
        assert "Right" in screen_text(app)
        fill(small_disk)
        await pilot.press("enter")  # the next question
        await pilot.pause()
        app.screen.query_one("#answer", Input).value = "71"
        await pilot.press("enter")
        await wait_for_workers(app)
        await pilot.pause()
    assert app.return_code == 2
    assert app.load_error is not None and "the disk is full" in app.load_error
    (small_disk / "filler").unlink()
    with ProgressStore(db) as store:
        assert [a.question for a in store.attempts()] == ["airfields"]
