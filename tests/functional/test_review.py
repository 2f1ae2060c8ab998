"""The teacher's review of an imported draft, driven with Pilot at 80x24."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.widgets import Input, OptionList, Static

from briefing_data.loader import load_briefing
from quiz_bank.generate import prepare
from quiz_bank.generate.review import DraftReview
from tui_app.screens.cards import CardsScreen
from tui_app.screens.review import ImportScreen, ReviewScreen

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def make_review(tmp_path: Path, name: str = "harbour-ferry.txt") -> DraftReview:
    draft, yaml_path, text_path, text = prepare(ARTICLES / name, tmp_path / "ferry.yaml", None)
    return DraftReview(draft, text, yaml_path, text_path)


async def test_review_accept_reject_edit_save_and_study(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    review = make_review(tmp_path)
    first, second = review.items[0].fact_id, review.items[1].fact_id
    app = make_app()
    app.pending_review = review
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        detail = str(screen.query_one("#review-detail", Static).render())
        assert "Question" in detail and "Answer" in detail

        await pilot.press("x")  # reject the first fact, move on to the second
        assert review.item(first).status == "rejected"
        assert screen.current == second
        await pilot.press("a")
        assert review.item(second).status == "accepted"

        await pilot.press("up", "e")  # back to the second fact
        edit = screen.query_one("#review-edit", Input)
        assert edit.display and edit.has_focus
        edit.value = ""
        await pilot.press(*"Which figure does the article give?", "enter")
        await pilot.pause()
        assert review.fact(second).question == "Which figure does the article give?"

        await pilot.press("c")  # least confident first
        confidences = [i.confidence for i in review.items]
        assert confidences == sorted(confidences)

        await pilot.press("s")
        await pilot.pause()
        saved = yaml.safe_load((tmp_path / "ferry.yaml").read_text(encoding="utf-8"))
        ids = [f["id"] for c in saved["cards"] for f in c["facts"]]
        assert first not in ids and second in ids
        assert load_briefing(tmp_path / "ferry.yaml").facts()

        await pilot.press("t")  # study it now: the saved briefing's cards
        await pilot.pause()
        assert isinstance(app.screen, CardsScreen)
        assert app.briefing.title == saved["title"]


async def test_a_bad_edit_is_refused_and_nothing_changes(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    review = make_review(tmp_path)
    app = make_app()
    app.pending_review = review
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        fact_id = app.screen.current
        before = review.fact(fact_id).answer_text
        await pilot.press("w")
        app.screen.query_one("#review-edit", Input).value = "words the article never wrote"
        await pilot.press("enter")
        await pilot.pause()
        assert review.fact(fact_id).answer_text == before
        assert app.screen.query_one("#review-edit", Input).display  # still open to fix


async def test_palette_import_opens_the_review(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_import()
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#import-path", Input).value = str(tmp_path / "missing.txt")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#import-status", Static).render())
        assert "no such file" in status

        article = tmp_path / "garden.md"
        article.write_text(
            (ARTICLES / "school-garden.md").read_text(encoding="utf-8"), encoding="utf-8"
        )
        app.screen.query_one("#import-path", Input).value = str(article)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.query_one("#review-facts", OptionList).option_count > 0
