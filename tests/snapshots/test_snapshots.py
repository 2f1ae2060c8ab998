"""Snapshots of the main screens at 100x30 (update: pytest tests/snapshots --snapshot-update)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from quiz_bank.store import ProgressStore
from tests.conftest import build_app
from tui_app.app import BriefingApp

SIZE = (100, 30)
FIXED = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def _app(tmp_path: Path, **kwargs: object) -> BriefingApp:
    return build_app(tmp_path, **kwargs)


async def _settle(pilot: Pilot) -> None:  # type: ignore[type-arg]
    await pilot.app.workers.wait_for_complete()
    for node in pilot.app.screen.query(Input):
        node.cursor_blink = False
    await pilot.pause()


def test_home(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=_settle)


def test_card(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_card(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await pilot.press("b", "down")
        await _settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=open_card)


def test_question_with_verdict(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def answer(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await pilot.pause()
        await pilot.press(*"S-400, Iskandr, S-300", "enter")
        await _settle(pilot)

    app = _app(tmp_path, start=("quiz", ["systems-deployed"], "me"))
    assert snap_compare(app, terminal_size=SIZE, run_before=answer)


def test_progress(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with ProgressStore(tmp_path / "progress.db", clock=lambda: FIXED) as store:
        for fact, card, right in [
            ("airfields", "rear-base", True),
            ("missiles-2022", "rear-base", False),
            ("china-docs-date", "china-aid", True),
            ("iran-visit-country", "iran-trip", True),
        ]:
            store.add_attempt(
                learner="me",
                question=fact,
                fact=fact,
                card=card,
                answer="x",
                correct=right,
                score=float(right),
            )

    async def open_progress(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await pilot.press("s")
        await _settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=open_progress)


# At 80x24, where room is the question.
SMALL = (80, 24)


def test_help_small(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_help(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await _settle(pilot)
        await pilot.press("question_mark")
        await _settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=SMALL, run_before=open_help)


def test_cards_small(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_card(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await pilot.press("b", "down", "down")
        await _settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=SMALL, run_before=open_card)


def test_choice_verdict_small(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def pick_wrong(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await pilot.pause()
        await pilot.press("b")
        await _settle(pilot)

    app = _app(tmp_path, start=("quiz", ["iran-visit-country/mcq"], "me"))
    assert snap_compare(app, terminal_size=SMALL, run_before=pick_wrong)


def test_summary_small(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def answer_and_leave(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await pilot.pause()
        await pilot.press("b")
        await _settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"airfields", "enter")
        await _settle(pilot)
        await pilot.press("enter", "escape", "escape")
        await _settle(pilot)

    ids = ["iran-visit-country/mcq", "airfields", "missiles-2022"]
    app = _app(tmp_path, start=("quiz", ids, "me"))
    assert snap_compare(app, terminal_size=SMALL, run_before=answer_and_leave)


def test_progress_small(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with ProgressStore(tmp_path / "progress.db", clock=lambda: FIXED) as store:
        store.add_attempt(
            learner="me",
            question="repairs-since",
            fact="repairs-since",
            card="repairs-training",
            answer="x",
            correct=True,
            score=1.0,
        )

    async def open_progress(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await pilot.press("s")
        await _settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=SMALL, run_before=open_progress)


def test_home_small(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(tmp_path), terminal_size=SMALL, run_before=_settle)


def test_flashcard_flipped_small(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def flip(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await _settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("space")
        await _settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=SMALL, run_before=flip)
