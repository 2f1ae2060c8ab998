"""A teacher's review of a draft: accept, reject, reword, add variants, then save the YAML."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from briefing_data.models import Briefing, FactBase
from briefing_data.textfold import fold_typography as fold
from quiz_bank.generate.draft import Draft
from quiz_bank.generate.extract import ArticleError
from quiz_bank.generate.writer import save

Status = Literal["pending", "accepted", "rejected"]


@dataclass
class ReviewItem:
    """One fact of the draft as the teacher sees it."""

    card_id: str
    fact_id: str
    confidence: float
    status: Status = "pending"


@dataclass
class DraftReview:
    """The draft under review and the teacher's decisions; `save` writes what was kept."""

    draft: Draft
    article: str
    yaml_path: Path
    text_path: Path
    items: list[ReviewItem] = field(default_factory=list)
    # The working copy of the YAML data: edits land here, validation happens on each edit.
    data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.data = copy.deepcopy(self.draft.data)
        for card in self.data["cards"]:
            for fact in card["facts"]:
                confidence = self.draft.confidence.get(fact["id"], 0.5)
                self.items.append(ReviewItem(card["id"], fact["id"], confidence))

    @property
    def briefing(self) -> Briefing:
        return self.draft.briefing

    def fact(self, fact_id: str) -> FactBase:
        return self.draft.briefing.fact(fact_id)

    def item(self, fact_id: str) -> ReviewItem:
        return next(i for i in self.items if i.fact_id == fact_id)

    def least_confident_first(self) -> None:
        self.items.sort(key=lambda i: (i.confidence, i.fact_id))

    def in_article_order(self) -> None:
        order = [f["id"] for c in self.data["cards"] for f in c["facts"]]
        self.items.sort(key=lambda i: order.index(i.fact_id))

    def set_status(self, fact_id: str, status: Status) -> None:
        self.item(fact_id).status = status

    def _fact_data(self, fact_id: str) -> dict[str, Any]:
        for card in self.data["cards"]:
            for fact in card["facts"]:
                if fact["id"] == fact_id:
                    return dict(fact)
        raise KeyError(fact_id)

    def _replace(self, fact_id: str, new: dict[str, Any]) -> None:
        """Put an edited fact in place if the whole briefing still validates; else ValueError."""
        trial = copy.deepcopy(self.data)
        for card in trial["cards"]:
            card["facts"] = [new if f["id"] == fact_id else f for f in card["facts"]]
        try:
            briefing = Briefing.model_validate(trial)
        except ValidationError as exc:
            raise ValueError(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None
        briefing._article = self.article
        self.data = trial
        self.draft.data = trial
        self.draft.briefing = briefing

    def edit_question(self, fact_id: str, text: str) -> None:
        text = text.strip()
        if not text:
            raise ValueError("a question cannot be empty")
        fact = self._fact_data(fact_id)
        answer = self.fact(fact_id).answer_text
        if re.search(r"(?<!\w)" + re.escape(fold(answer)) + r"(?!\w)", fold(text), re.I):
            raise ValueError("the question gives its own answer away")
        self._replace(fact_id, {**fact, "question": text})

    def edit_answer(self, fact_id: str, text: str) -> None:
        """A new canonical answer for a text fact; it must be a span of the evidence."""
        text = text.strip()
        fact = self._fact_data(fact_id)
        if fact["kind"] != "text":
            raise ValueError("only a text answer can be rewritten here; add a variant instead")
        if fold(text).lower() not in fold(fact["evidence"]).lower():
            raise ValueError("the answer must be words of the quoted evidence")
        answer = {**fact["answer"], "canonical": text}
        self._replace(fact_id, {**fact, "answer": answer})

    def add_variant(self, fact_id: str, text: str) -> None:
        text = text.strip()
        if not text:
            raise ValueError("a variant cannot be empty")
        fact = self._fact_data(fact_id)
        answer = dict(fact["answer"])
        if fact["kind"] == "text":
            answer["variants"] = [*answer.get("variants", []), text]
        elif fact["kind"] == "list":
            raise ValueError("list items take variants in the YAML file")
        else:
            answer["unit_variants"] = [*answer.get("unit_variants", []), text]
        self._replace(fact_id, {**fact, "answer": answer})

    def paragraph(self, fact_id: str) -> tuple[str, int, int]:
        """The article paragraph holding the fact's evidence, and where the evidence is in it."""
        evidence = self.fact(fact_id).evidence
        for para in re.split(r"\n\s*\n|\n", self.article):
            at = para.find(evidence)
            if at >= 0:
                return para, at, at + len(evidence)
        at = self.article.find(evidence)
        return (self.article, at, at + len(evidence)) if at >= 0 else (evidence, 0, len(evidence))

    def kept(self) -> dict[str, Any]:
        rejected = {i.fact_id for i in self.items if i.status == "rejected"}
        out = copy.deepcopy(self.data)
        for card in out["cards"]:
            card["facts"] = [f for f in card["facts"] if f["id"] not in rejected]
        return out

    def save(self) -> Path:
        """Write the YAML with the rejected facts left out (the article text beside it)."""
        kept = self.kept()
        Briefing.model_validate(kept)
        draft = Draft(kept, self.draft.briefing, self.draft.dropped, self.draft.confidence)
        try:
            save(draft, self.yaml_path, self.text_path, self.article)
        except ArticleError as exc:
            raise ValueError(str(exc)) from None
        return self.yaml_path
