"""Pilot tests of each flow: cards, filter, quiz end to end, review, progress, chat, help."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from textual.widgets import Input, OptionList, Static

from quiz_bank.store import ProgressStore
from tests.functional.conftest import wait_for_workers


def answer_airfields(  # type: ignore[no-untyped-def]
    store: ProgressStore, learner: str, answer: str, correct: bool, **extra
) -> int:
    """One recorded answer to the airfields question, as a quiz would store it."""
    return store.add_attempt(
        learner=learner,
        question="airfields",
        fact="airfields",
        card="rear-base",
        answer=answer,
        correct=correct,
        score=float(correct),
        **extra,
    )


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


async def test_home_shows_title_due_and_opens_cards(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_workers(app)
        await pilot.pause()
        text = screen_text(app)
        assert "7 cards, 28 facts" in text
        assert "0 questions due" in text
        await pilot.press("b")
        await pilot.pause()
        assert type(app.screen).__name__ == "CardsScreen"
        assert "Overview" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert "at least 717 missiles" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert "Card 3 of 7" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_filter_finds_cards_by_words_with_typos(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("slash", *"kinzal")
        await pilot.pause()
        options = app.screen.query_one("#card-list", OptionList)
        assert options.option_count == 1
        assert options.get_option_at_index(0).id == "rear-base"
        assert "▶ The MiG-31Ks carry Kinzhal" in screen_text(app)
        app.screen.query_one("#filter", Input).value = "zzzzqqq"
        await pilot.pause()
        assert "No card or fact matches" in screen_text(app)


async def test_quiz_end_to_end_right_wrong_hinted_skipped(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = ["iran-visit-country", "missiles-2022", "mig31k-kinzhal", "airfields"]
    app = make_app(start=("quiz", ids, "ana"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "QuizScreen"
        for keys in (["I", "r", "a", "n", "enter"], ["7", "1", "enter"]):
            await pilot.press(*keys)
            await wait_for_workers(app)
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "Hint:" in screen_text(app)
        await pilot.press(*"Kinzhal", "enter")
        await wait_for_workers(app)
        await pilot.pause()
        assert "hinted: half credit" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Skipped" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
        text = screen_text(app)
        assert "1 right of 3 answered" in text and "1 skipped" in text
        missed = app.screen.query_one("#missed", OptionList)
        assert missed.option_count == 2
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CardsScreen"
    with ProgressStore(tmp_path / "progress.db") as store:
        rows = store.attempts("ana")
    assert [r.question for r in rows] == ids
    assert [r.correct for r in rows] == [True, False, True, False]
    assert rows[2].hint and rows[2].score == 0.5 and rows[3].skipped


async def test_override_after_a_rejection(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(start=("quiz", ["airfields"], "ben"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"hangars", "enter")
        await wait_for_workers(app)
        await pilot.pause()
        assert "✗ Not right" in screen_text(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Counted as right" in screen_text(app)
    with ProgressStore(tmp_path / "progress.db") as store:
        (row,) = store.attempts("ben")
    assert row.override and row.correct


async def test_multiple_choice_by_choosing(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(start=("quiz", ["missiles-2022/tf-1"], "me"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # a) True
        await wait_for_workers(app)
        await pilot.pause()
        assert "✓ Right" in screen_text(app)


async def test_review_serves_due_questions(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    with ProgressStore(tmp_path / "progress.db") as store:
        answer_airfields(store, "me", "ports", False, schedule=("", past))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_workers(app)
        await pilot.pause()
        assert "1 question due" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuizScreen"
        assert "Russia's Air Force" in screen_text(app)


async def test_review_with_nothing_due_says_so(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_progress_shows_words_and_numbers(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with ProgressStore(tmp_path / "progress.db") as store:
        answer_airfields(store, "me", "airfields", True)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await wait_for_workers(app)
        await pilot.pause()
        text = screen_text(app)
        assert "1 right of 1 answered" in text  # the score model's words (scoring.Tally)
        assert "12%  1/1 right" in text  # 1 of the 8 facts of the rear-base card
        assert "Accuracy by day" in text


async def test_chat_answers_and_opens_the_cited_card(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"which systems are deployed from belarus", "enter")
        await wait_for_workers(app)
        await pilot.pause()
        text = screen_text(app)
        assert "You: which systems" in text and "S-400 anti-aircraft systems" in text
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert type(app.screen).__name__ == "CardsScreen"
        assert "Card 2 of 7" in screen_text(app)


async def test_markup_in_answers_and_questions_is_shown_literally(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(start=("quiz", ["airfields"], "me"))
    async with app.run_test(size=(100, 30)) as pilot:
        answer = app.screen.query_one("#answer", Input)
        answer.value = "[@click=app.quit]hi[/] [bold]x"
        await pilot.press("enter")
        await wait_for_workers(app)
        await pilot.pause()
        assert app.is_running
        assert "You answered: [@click=app.quit]hi[/] [bold]x" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"[bold]x", "enter")
        await wait_for_workers(app)
        await pilot.pause()
        assert "You: [bold]x" in screen_text(app)


async def test_help_and_theme_is_remembered(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "How answers are graded" in screen_text(app)
        await pilot.press("escape")
        app.theme = "nord"
        await pilot.pause()
    assert json.loads((tmp_path / "settings.json").read_text())["theme"] == "nord"
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_the_briefing_loads_after_the_first_paint(tmp_path: Path) -> None:
    from tui_app.app import BriefingApp

    app = BriefingApp(db_path=tmp_path / "p.db", settings_path=tmp_path / "s.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_workers(app)
        await pilot.pause()
        assert app.briefing is not None
        assert "7 cards, 28 facts" in screen_text(app)


async def test_a_broken_briefing_file_ends_the_app_with_its_error(tmp_path: Path) -> None:
    from tui_app.app import BriefingApp

    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    app = BriefingApp(
        briefing_path=bad, db_path=tmp_path / "p.db", settings_path=tmp_path / "s.json"
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_workers(app)
        await pilot.pause()
    assert app.load_error is not None and "not valid YAML" in app.load_error
    assert app.return_code == 2


async def test_a_served_student_gives_a_valid_name_first(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(start=("quiz", ["airfields"], "me"), ask_name=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "NameScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert "A student name is needed" in screen_text(app)
        await pilot.press(*"Ana Bell", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuizScreen"
        await pilot.press(*"airfields", "enter")
        await wait_for_workers(app)
        await pilot.pause()
    with ProgressStore(tmp_path / "progress.db") as store:
        assert [a.learner for a in store.attempts()] == ["Ana Bell"]


async def test_teacher_results_refresh_as_answers_land(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        await wait_for_workers(app)
        await pilot.pause()
        assert "No answers yet" in screen_text(app)
        with ProgressStore(tmp_path / "progress.db") as store:
            attempt = answer_airfields(store, "zoe", "hangars", False)
            store.mark_override(attempt, 1.0)
        app.screen.load()
        await wait_for_workers(app)
        await pilot.pause()
        text = screen_text(app)
        assert "1. zoe" in text and "Counted by override (1)" in text and "“hangars”" in text


async def test_command_palette_starts_a_quiz_on_a_card(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_workers(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"quiz me on lukashenko's iranian")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert type(app.screen).__name__ == "QuizScreen"
        assert "Iranian" in screen_text(app)


async def test_a_timed_class_quiz_shows_the_time_left(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(start=("quiz", ["airfields"], "me"), time_limit=30)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "s left" in screen_text(app)
