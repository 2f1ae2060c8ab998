"""A served class session is locked to its quiz and its own summary; a reload is not a retake;
"I was right" is a request the teacher decides; the teacher's views are the teacher's only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import OptionList

from quiz_bank.classroster import Roster
from quiz_bank.store import ProgressStore
from tests.functional.conftest import wait_for_workers
from tests.functional.test_flows import answer_airfields, screen_text
from tui_app.serve.session import ServedSession

QUIZ = ["airfields", "airfields/mcq"]


def class_app(make_app, name: str = "Ana Lima", since: dt.datetime | None = None):  # type: ignore[no-untyped-def]
    served = ServedSession("class", name, since or dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    return make_app(start=("quiz", QUIZ, name), served=served)


async def answer(app, pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*keys)
    await wait_for_workers(app)
    await pilot.pause()


async def test_a_class_session_shows_only_its_quiz_and_cannot_leave(make_app) -> None:  # type: ignore[no-untyped-def]
    app = class_app(make_app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "QuizScreen"
        assert not any(type(s).__name__ == "HomeScreen" for s in app.screen_stack)
        for key in ("escape", "ctrl+p", "escape"):
            await pilot.press(key)
            await pilot.pause()
        assert type(app.screen).__name__ == "QuizScreen"
        for route in (app.open_cards, app.open_chat, app.open_progress, app.open_results):
            route()
            await pilot.pause()
            assert type(app.screen).__name__ == "QuizScreen"
        app.open_quiz(["rear-base-role"])
        await pilot.pause()
        assert app.screen.session.questions[0].id == "airfields"
        await answer(app, pilot, *"hangars", "enter")
        await answer(app, pilot, "enter")  # next question: the multiple choice
        await answer(app, pilot, "enter")  # a)
        await answer(app, pilot, "enter")  # to the summary
        assert type(app.screen).__name__ == "ClassSummaryScreen"
        text = screen_text(app)
        assert "you answered: hangars" in text and "Ana Lima" in text
        fact = app.briefing.fact("airfields")
        assert fact.statement not in text and fact.evidence not in text
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClassSummaryScreen"
        assert len(app.screen_stack) == 2  # the blank default screen and the summary


async def test_a_reload_shows_the_summary_and_a_retake_needs_a_new_round(make_app) -> None:  # type: ignore[no-untyped-def]
    since = dt.datetime.now(dt.UTC)
    app = class_app(make_app, since=since)
    async with app.run_test(size=(100, 30)) as pilot:
        await answer(app, pilot, *"airfields", "enter")
    # reloaded mid-quiz: the answered question is not asked again
    again = class_app(make_app, since=since)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.screen.session.current.id == "airfields/mcq"
        assert again.screen.session.score == 1
        await answer(again, pilot, "enter")
    done = class_app(make_app, since=since)
    async with done.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(done.screen).__name__ == "ClassSummaryScreen"
    retake = class_app(make_app, since=dt.datetime.now(dt.UTC))
    async with retake.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(retake.screen).__name__ == "QuizScreen"
        assert retake.screen.session.position == 1


async def test_i_was_right_is_a_request_and_never_offered_on_a_choice(  # type: ignore[no-untyped-def]
    make_app, tmp_path: Path
) -> None:
    app = class_app(make_app)
    async with app.run_test(size=(100, 30)) as pilot:
        await answer(app, pilot, *"hangars", "enter")
        assert "ctrl+r to ask your teacher" in screen_text(app)
        await answer(app, pilot, "ctrl+r")
        assert "Sent to your teacher" in screen_text(app)
        await answer(app, pilot, "enter")
        await answer(app, pilot, "down", "enter")  # b) on the multiple choice
        assert "ctrl+r" not in screen_text(app)
        assert app.screen.check_action("override", ()) is False
        await answer(app, pilot, "ctrl+r")
    with ProgressStore(tmp_path / "progress.db") as store:
        rows = store.attempts("Ana Lima")
    assert [(r.question, r.override, r.correct) for r in rows] == [
        ("airfields", False, False),
        ("airfields/mcq", False, rows[1].correct),
    ]
    with Roster(tmp_path / "progress.db") as roster:
        (request,) = roster.override_requests(pending_only=True)
    assert request.attempt_id == rows[0].id and request.learner == "Ana Lima"

    # the teacher, on the serving machine, accepts it
    teacher = make_app()
    async with teacher.run_test(size=(100, 30)) as pilot:
        await wait_for_workers(teacher)
        await pilot.press("t")
        await wait_for_workers(teacher)
        await pilot.pause()
        assert "requests to decide (1)" in screen_text(teacher)
        assert teacher.screen.query_one("#requests", OptionList).option_count == 1
        await pilot.press("a")
        await wait_for_workers(teacher)
        await pilot.pause()
        assert "requests to decide (0)" in screen_text(teacher)
    with ProgressStore(tmp_path / "progress.db") as store:
        first = store.attempts("Ana Lima")[0]
    assert first.override and first.correct and first.score == 1.0


async def test_a_rejected_request_leaves_the_mark(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with ProgressStore(tmp_path / "progress.db") as store:
        attempt = answer_airfields(store, "Cleo", "hangars", False)
    with Roster(tmp_path / "progress.db") as roster:
        roster.request_override(attempt, "Cleo", "airfields")
    teacher = make_app()
    async with teacher.run_test(size=(100, 30)) as pilot:
        await wait_for_workers(teacher)
        teacher.open_results()
        await wait_for_workers(teacher)
        await pilot.pause()
        await pilot.press("x")
        await wait_for_workers(teacher)
    with ProgressStore(tmp_path / "progress.db") as store:
        (row,) = store.attempts("Cleo")
    assert not row.override and not row.correct
    with Roster(tmp_path / "progress.db") as roster:
        assert roster.override_requests()[0].decision == "rejected"


async def test_a_served_student_never_sees_class_results(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with ProgressStore(tmp_path / "progress.db") as store:
        answer_airfields(store, "Zoe Secret", "hangars", False)
    app = make_app(served=ServedSession("student", "Ben"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_workers(app)
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.learner == "Ben"
        from tui_app.screens.results import ResultsScreen

        app.push_screen(ResultsScreen())  # even pushed directly, it shows nobody
        await wait_for_workers(app)
        await pilot.pause()
        assert "Zoe" not in screen_text(app) and "for the teacher" in screen_text(app)


async def test_escapes_in_names_and_answers_are_shown_not_obeyed(  # type: ignore[no-untyped-def]
    make_app, tmp_path: Path
) -> None:
    with ProgressStore(tmp_path / "progress.db") as store:
        answer_airfields(store, "Eve\x1b[2J", "\x1b]0;owned\x07 [b]x[/b]", False)
    teacher = make_app()
    async with teacher.run_test(size=(100, 30)) as pilot:
        await wait_for_workers(teacher)
        teacher.open_results()
        await wait_for_workers(teacher)
        await pilot.pause()
        text = screen_text(teacher)
    assert "\x1b" not in text and "Eve␛[2J" in text and "␛]0;owned␇ [b]x[/b]" in text


async def test_a_class_session_without_its_quiz_shows_nothing(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(served=ServedSession("class", "Ana Lima"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert app.return_code == 2 and app.load_error and "needs its quiz" in app.load_error
