"""The teacher's review of an imported draft: fact by fact, evidence in its paragraph, keys to
accept, reject, reword, add variants, save and study. The editing lives in quiz_bank.generate."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from quiz_bank.generate.review import DraftReview

_MARKS = {"pending": "·", "accepted": "✓", "rejected": "✗"}
_EDITS = {
    "question": "New question (enter to save, escape to cancel)",
    "answer": "New answer: words of the quoted evidence",
    "variant": "Another right way to write the answer",
}


class ReviewScreen(Screen[None]):
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="review.back"),
        Binding("a", "mark('accepted')", "Accept", id="review.accept"),
        Binding("x", "mark('rejected')", "Reject", id="review.reject"),
        Binding("e", "edit('question')", "Edit question", id="review.edit-question"),
        Binding("w", "edit('answer')", "Edit answer", id="review.edit-answer"),
        Binding("v", "edit('variant')", "Add variant", id="review.add-variant"),
        Binding("c", "sort", "Least confident first", id="review.sort"),
        Binding("s", "save", "Save", id="review.save"),
        Binding("t", "study", "Study it now", id="review.study"),
    ]

    def __init__(self, review: DraftReview) -> None:
        super().__init__()
        self.review = review
        self.editing: str | None = None
        self.by_confidence = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(id="review-facts")
            with Vertical(id="review-pane"):
                yield VerticalScroll(Static(id="review-detail"), id="review-scroll")
                yield Input(id="review-edit", max_length=300)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Review: {self.review.briefing.title}"
        self.query_one("#review-edit", Input).display = False
        self._fill()
        self.query_one("#review-facts", OptionList).focus()

    # -- the list and the detail -------------------------------------------------------------

    def _label(self, fact_id: str) -> Content:
        item = self.review.item(fact_id)
        fact = self.review.fact(fact_id)
        answer = fact.answer_text if len(fact.answer_text) <= 22 else fact.answer_text[:21] + "…"
        return Content(f"{_MARKS[item.status]} {item.confidence:.2f} {answer}")

    def _fill(self, keep: str | None = None) -> None:
        options = self.query_one("#review-facts", OptionList)
        current = keep or self.current
        options.clear_options()
        for item in self.review.items:
            options.add_option(Option(self._label(item.fact_id), id=item.fact_id))
        ids = [i.fact_id for i in self.review.items]
        if ids:
            options.highlighted = ids.index(current) if current in ids else 0
            self._show(ids[options.highlighted or 0])

    @property
    def current(self) -> str | None:
        options = self.query_one("#review-facts", OptionList)
        if options.highlighted is None or not options.option_count:
            return None
        return options.get_option_at_index(options.highlighted).id

    def _show(self, fact_id: str) -> None:
        from quiz_bank.distractors import distractors

        fact = self.review.fact(fact_id)
        item = self.review.item(fact_id)
        para, lo, hi = self.review.paragraph(fact_id)
        start = max(0, lo - 240)
        end = min(len(para), hi + 240)
        quote = Content.assemble(
            ("…" if start else "") + para[start:lo],
            (para[lo:hi], "bold reverse"),
            para[hi:end] + ("…" if end < len(para) else ""),
        )
        variants = [v for group in fact.spelling_groups() for v in group[1:]]
        wrong = distractors(self.review.briefing, fact, 3)
        heading = f"{fact.kind} · {item.status} · confidence {item.confidence:.2f}"
        lines = [
            Content.assemble((heading, "dim")),
            Content(""),
            Content.assemble(("Question  ", "bold"), fact.question),
            Content.assemble(("Answer    ", "bold"), fact.answer_text),
            Content.assemble(("Variants  ", "bold"), ", ".join(variants) or "none"),
            Content.assemble(("Wrong     ", "bold"), ", ".join(wrong) or "none"),
            Content(""),
            quote,
        ]
        self.query_one("#review-detail", Static).update(Content("\n").join(lines))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._show(event.option.id)

    # -- actions -----------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.editing:
            self._close_edit()
            return
        self.app.pop_screen()

    def action_mark(self, status: str) -> None:
        fact_id = self.current
        if fact_id is None:
            return
        self.review.set_status(fact_id, status)  # type: ignore[arg-type]
        options = self.query_one("#review-facts", OptionList)
        index = options.highlighted or 0
        options.replace_option_prompt_at_index(index, self._label(fact_id))
        if index + 1 < options.option_count:
            options.highlighted = index + 1  # on to the next fact
        else:
            self._show(fact_id)

    def action_sort(self) -> None:
        self.by_confidence = not self.by_confidence
        if self.by_confidence:
            self.review.least_confident_first()
        else:
            self.review.in_article_order()
        self._fill(keep=self.current)

    def action_edit(self, what: str) -> None:
        fact_id = self.current
        if fact_id is None:
            return
        fact = self.review.fact(fact_id)
        edit = self.query_one("#review-edit", Input)
        self.editing = what
        edit.placeholder = _EDITS[what]
        edit.value = fact.question if what == "question" else ""
        if what == "answer":
            edit.value = fact.answer_text
        edit.display = True
        edit.focus()

    def _close_edit(self) -> None:
        edit = self.query_one("#review-edit", Input)
        edit.display = False
        self.editing = None
        self.query_one("#review-facts", OptionList).focus()

    @on(Input.Submitted, "#review-edit")
    def _edited(self, event: Input.Submitted) -> None:
        fact_id = self.current
        what = self.editing
        if fact_id is None or what is None:
            return
        try:
            if what == "question":
                self.review.edit_question(fact_id, event.value)
            elif what == "answer":
                self.review.edit_answer(fact_id, event.value)
            else:
                self.review.add_variant(fact_id, event.value)
        except ValueError as exc:
            self.notify(str(exc), title="Not changed", severity="warning", markup=False)
            return
        self._close_edit()
        self._fill(keep=fact_id)

    def action_save(self) -> Path | None:
        try:
            path = self.review.save()
        except ValueError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False)
            return None
        self.notify(f"Saved {path}", markup=False)
        return path

    def action_study(self) -> None:
        path = self.action_save()
        if path is not None:
            self.app.study_briefing(path)  # type: ignore[attr-defined]


class ImportScreen(ModalScreen[None]):
    """Ask for an article's path, import it in a worker, then open the review."""

    CSS_PATH = "review.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Cancel", id="import.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog"):
            yield Static(Content("Import an article: a text, Markdown or saved HTML file."))
            yield Input(placeholder="Path to the article", id="import-path")
            yield LoadingIndicator(id="import-busy")
            yield Static(id="import-status")

    def on_mount(self) -> None:
        self.query_one("#import-busy").display = False
        self.query_one("#import-path", Input).focus()

    @on(Input.Submitted, "#import-path")
    def _start(self, event: Input.Submitted) -> None:
        self.query_one("#import-busy").display = True
        self.query_one("#import-status", Static).update(Content("Reading and generating…"))
        self._import(Path(event.value.strip()).expanduser())

    @work(thread=True, exclusive=True, group="import")
    def _import(self, path: Path) -> None:
        from quiz_bank.generate import ArticleError, prepare

        try:
            draft, yaml_path, text_path, text = prepare(path, None, None)
        except ArticleError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        review = DraftReview(draft, text, yaml_path, text_path)
        self.app.call_from_thread(self._done, review)

    def _failed(self, message: str) -> None:
        self.query_one("#import-busy").display = False
        self.query_one("#import-status", Static).update(Content(message))

    def _done(self, review: DraftReview) -> None:
        self.app.pop_screen()
        self.app.push_screen(ReviewScreen(review))
