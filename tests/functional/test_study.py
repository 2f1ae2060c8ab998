"""Pilot tests of issue 14's study flow: each point a new user noticed, at 100x30 or 80x24."""

from __future__ import annotations

import json
from pathlib import Path

from textual import events
from textual.containers import VerticalScroll
from textual.widgets import Input, OptionList
from textual.widgets._footer import FooterKey

from quiz_bank.store import ProgressStore
from tests.conftest import AppFactory, screen_text, wait_for_workers
from tui_app.screens.help import keys_of
from tui_app.screens.home import MENU, HomeScreen
from tui_app.screens.quiz import ANSWER_LIMIT, QuizScreen

BIG = (100, 30)
SMALL = (80, 24)


def _options(app) -> list[str]:  # type: ignore[no-untyped-def]
    choices = app.screen.query_one("#choices", OptionList)
    return [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]


async def _settle(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await wait_for_workers(app)
    await pilot.pause()


async def test_letters_and_numbers_pick_and_the_right_option_is_marked(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(start=("quiz", ["iran-visit-country/mcq", "airfields/tf-2"], "me"))
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        await pilot.press("c")  # c) Venezuela: wrong
        await _settle(pilot, app)
        text = screen_text(app)
        assert "✗ Not right" in text and "You answered: c) Venezuela" in text
        assert _options(app)[:3] == ["✓ a) Iran", "  b) Turkey", "✗ c) Venezuela"]
        assert "comes back again in" in text
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("2")  # b) False: right
        await _settle(pilot, app)
        assert "✓ Right" in screen_text(app)
        assert _options(app) == ["  a) True", "✓ b) False"]
    with ProgressStore(tmp_path / "progress.db") as store:
        assert [(a.answer, a.correct) for a in store.attempts("me")] == [("c", False), ("b", True)]


async def test_skipping_a_choice_question_shows_no_empty_answer(make_app: AppFactory) -> None:
    app = make_app(start=("quiz", ["airfields/tf-1"], "me"))
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "→ Skipped" in text and "You answered" not in text
        assert _options(app)[0] == "✓ a) True"


async def test_a_question_whose_time_ran_out_locks(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(start=("quiz", ["iran-visit-country/mcq", "airfields"], "me"), time_limit=30)
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        screen.asked_at -= 31  # as if 31 seconds went by
        screen._tick()
        assert screen.query_one("#choices", OptionList).disabled
        await pilot.press("a")  # the right option, too late
        await _settle(pilot, app)
        assert "Time was up" in screen_text(app)
    with ProgressStore(tmp_path / "progress.db") as store:
        (row,) = store.attempts("me")
    assert not row.correct


async def test_a_paste_over_the_limit_is_cut_with_a_note(make_app: AppFactory) -> None:
    app = make_app(start=("quiz", ["airfields"], "me"))
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#answer", Input)
        box.post_message(events.Paste("x" * (ANSWER_LIMIT + 500)))
        await pilot.pause()
        assert len(box.value) == ANSWER_LIMIT
        notes = [str(n.message) for n in app._notifications]
        assert any(f"cut to {ANSWER_LIMIT} of its {ANSWER_LIMIT + 500}" in n for n in notes)


async def test_leaving_asks_once_recaps_and_resumes(make_app: AppFactory) -> None:
    ids = ["airfields", "iran-visit-country", "missiles-2022"]
    app = make_app(start=("quiz", ids, "me"))
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        await pilot.press(*"hangars", "enter")
        await _settle(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)  # asked, not left
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(app)
        assert "Left after 1 of 3: 0 right of 1 answered" in text
        prompt = app.screen.session.questions[0].prompt
        assert f"1. {prompt}\n   You: hangars · Answer: airfields · ✗ Not right" in text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert "question 2 of 3" in screen_text(app)


async def test_review_end_title_and_retry_of_the_missed_comes_back_harder(
    make_app: AppFactory,
) -> None:
    app = make_app(start=("quiz", ["airfields/tf-1", "airfields/tf-2"], "me"))
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        for key in ("b", "enter", "a", "enter"):  # both wrong
            await pilot.press(key)
            await _settle(pilot, app)
        text = screen_text(app)
        assert "Quiz finished: 0 right of 2 answered" in text
        assert app.screen.query_one("#missed", OptionList).option_count == 1  # one fact, once
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert [q.id for q in app.screen.session.questions] == ["airfields/mcq"]


async def test_review_asks_a_just_missed_fact_in_a_harder_form(
    make_app: AppFactory, tmp_path: Path
) -> None:
    import datetime as dt

    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    with ProgressStore(tmp_path / "progress.db") as store:
        store.add_attempt(
            learner="me",
            question="airfields/tf-1",
            fact="airfields",
            card="rear-base",
            answer="b",
            correct=False,
            score=0.0,
            schedule=("", past),
        )
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        await _settle(pilot, app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert [q.id for q in app.screen.session.questions] == ["airfields/mcq"]
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
        assert "Review finished" in screen_text(app)


async def test_flashcards_flip_and_take_a_rating(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await _settle(pilot, app)
        await pilot.press("f")
        await pilot.pause()
        assert "Card 1 of 20" in screen_text(app) and "Answer:" not in screen_text(app)
        await pilot.press("3")  # no rating before the flip
        await pilot.pause()
        assert "Card 1 of 20" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert "Answer: Alyaksandr Lukashenka" in screen_text(app)
        await pilot.press("3")
        await _settle(pilot, app)
        assert "Card 2 of 20" in screen_text(app)
    with ProgressStore(tmp_path / "progress.db") as store:
        (row,) = store.attempts("me")
    assert row.correct and "Good" in row.feedback


async def test_cards_page_down_scrolls_the_text_and_the_list_narrows(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        assert app.screen.query_one("#card-list-pane").size.width <= 24
        await pilot.press("down")  # a long card
        await _settle(pilot, app)
        await pilot.press("pagedown")
        await pilot.pause()
        options = app.screen.query_one("#card-list", OptionList)
        assert options.highlighted == 1  # the list stayed on its card
        assert app.screen.query_one("#reader", VerticalScroll).scroll_offset.y > 0


async def test_a_filter_match_scrolls_its_fact_into_view(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("slash", *"training capacity")
        await _settle(pilot, app)
        await pilot.pause()
        reader = app.screen.query_one("#reader", VerticalScroll)
        fact = app.screen.query_one(".matched")
        assert reader.scroll_offset.y > 0
        assert reader.region.contains_region(fact.region)


async def test_tutor_recalls_questions_and_folds_its_examples(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#examples").display
        for question in ("who is the president", "how many missiles"):
            await pilot.press(*question, "enter")
            await _settle(pilot, app)
        assert not app.screen.query_one("#examples").display
        prompt = app.screen.query_one("#prompt", Input)
        await pilot.press("up")
        assert prompt.value == "how many missiles"
        await pilot.press("up", "up")
        assert prompt.value == "who is the president"
        await pilot.press("down", "down")
        assert prompt.value == ""


async def test_progress_says_not_studied_and_shows_full_titles(
    make_app: AppFactory, tmp_path: Path
) -> None:
    with ProgressStore(tmp_path / "progress.db") as store:
        store.add_attempt(
            learner="me",
            question="repairs-since",
            fact="repairs-since",
            card="repairs-training",
            answer="x",
            correct=True,
            score=1.0,
        )
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("s")
        await _settle(pilot, app)
        text = screen_text(app)
        assert "Belarus repairs Russian equipment and trains Russian troops" in text
        assert "50%  1 of 2 facts mastered\n  1 right of 1 answered (1 point)" in text
        assert "not studied" in text and " 0%" not in text
        assert "Due in the next days" in text and "Answers and retention by day" in text


async def test_the_learner_name_is_set_in_the_app(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        await _settle(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        name = app.screen.query_one("#name", Input)
        assert name.value == "me"
        name.value = ""
        await pilot.press(*"Ana Bell", "enter")
        await _settle(pilot, app)
        assert app.learner == "Ana Bell" and "Learner: Ana Bell" in screen_text(app)
    assert json.loads((tmp_path / "settings.json").read_text())["learner"] == "Ana Bell"
    again = make_app()
    assert again.learner == "Ana Bell"


async def test_the_footer_keeps_help_and_quit_at_80x24(make_app: AppFactory) -> None:
    # A choice question (? is a key) and a typed one (? is a character: f1 is the help).
    app = make_app(start=("quiz", ["airfields/tf-1", "airfields"], "me"))
    async with app.run_test(size=SMALL) as pilot:
        for help_key in ("?", "f1"):
            await pilot.pause()
            keys = [k for k in app.screen.query(FooterKey) if not k.has_class("-command-palette")]
            assert [(k.key_display, k.description) for k in keys[:2]] == [
                ("^q", "Quit"),
                (help_key, "Help"),
            ]
            assert all(k.region.right <= 80 - 12 for k in keys[:2])
            await pilot.press("ctrl+s", "enter")


async def test_help_is_made_from_the_bindings(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        home = dict(keys_of(app, HomeScreen))
        assert [k for k in home if len(k) == 1] == [m.key for m in MENU]
        for item in MENU:
            assert item.hint in text
        assert "^t" in text and "Hint — a hinted answer earns half" in text
        assert "? / f1" in text
        # The grading text is whole paragraphs (no hard line breaks), wrapped once by the widget.
        paragraph = next(line for line in text.splitlines() if line.startswith("Lenient"))
        assert paragraph.endswith("(day first: 01.03.2023).")


async def test_a_quiz_quit_mid_way_resumes_after_a_restart(make_app: AppFactory) -> None:
    ids = ["airfields", "iran-visit-country", "missiles-2022"]
    app = make_app(start=("quiz", ids, "me"))
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        await pilot.press(*"airfields", "enter")
        await _settle(pilot, app)
        await pilot.press("ctrl+q")
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=BIG) as pilot:
        await _settle(pilot, again)
        await pilot.press("u")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, QuizScreen)
        assert [q.id for q in screen.session.questions] == ids[1:]
        await pilot.press("escape")  # left again before answering: still resumable
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(again.screen, QuizScreen)
        await pilot.press(*"Iran", "enter")
        await _settle(pilot, again)
        await pilot.press("enter", "ctrl+s", "enter")
        await _settle(pilot, again)
        assert "Quiz finished" in screen_text(again)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("u")  # finished: nothing left to resume
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)


async def test_one_scripted_session_gives_the_same_figures_on_every_screen(
    make_app: AppFactory,
) -> None:
    # Right, right after a hint, wrong then "I was right", skipped, wrong.
    ids = ["iran-visit-country", "mig31k-kinzhal", "airfields", "missiles-2022", "china-docs-date"]
    app = make_app(start=("quiz", ids, "me"))
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        steps: list[tuple[str, ...]] = [
            (*"Iran", "enter"),
            ("ctrl+t", *"Kinzhal", "enter"),
            (*"hangars", "enter", "ctrl+r"),
            ("ctrl+s",),
            (*"1999", "enter"),
        ]
        for keys in steps:
            await pilot.press(*keys)
            await _settle(pilot, app)
            await pilot.press("enter")
            await pilot.pause()
        summary = screen_text(app)
        figures = "2 right of 4 answered (2.5 points, 1 partly right, 1 skipped)"
        assert f"Quiz finished: {figures}." in summary
        await pilot.press("escape")
        await _settle(pilot, app)
        assert "last session" in screen_text(app) and figures in screen_text(app)
        await pilot.press("s")
        await _settle(pilot, app)
        assert f"Progress of me\n{figures}" in screen_text(app)
