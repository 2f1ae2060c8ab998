"""Exports of a briefing and its question bank to the tools schools use.

json (the CLI contract), anki (.apkg), gift (Moodle, gift.py), quizlet (tab-separated), csv,
markdown and html (the printable handout, handout.py).
"""

from __future__ import annotations

import csv
import html
import io
import json
import zlib
from pathlib import Path
from typing import Any

from briefing_data.errors import UserError
from briefing_data.models import Briefing
from quiz_bank.answer_forms import accepted_answers, typed_answer
from quiz_bank.gift import gift_escape, to_gift
from quiz_bank.handout import to_html, to_markdown
from quiz_bank.questions import question_bank
from quiz_bank.results import one_line, printable, spreadsheet_safe

__all__ = ["accepted_answers", "gift_escape", "to_gift", "to_html", "to_markdown"]

FORMATS = ("json", "anki", "gift", "quizlet", "csv", "markdown", "html")
# Formats written as bytes to a file (never to a terminal).
BINARY = frozenset({"anki"})


class ExportError(UserError):
    """An export that cannot be made; str() is the one line shown."""


# ---------------------------------------------------------------------------------------------
# JSON (the CLI contract)


def briefing_json(briefing: Briefing) -> dict[str, Any]:
    """The briefing as JSON data; list facts also carry their items at the top (the contract)."""
    data = briefing.model_dump(mode="json")
    for card in data["cards"]:
        for fact in card["facts"]:
            if fact["kind"] == "list":
                fact["items"] = fact["answer"]["items"]
    return data


def to_json_data(briefing: Briefing) -> dict[str, Any]:
    return {
        "briefing": briefing_json(briefing),
        "questions": [q.model_dump(mode="json") for q in question_bank(briefing)],
    }


def to_json(briefing: Briefing) -> str:
    return json.dumps(to_json_data(briefing), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------
# Anki


def _stable_id(text: str) -> int:
    # Anki ids are 64-bit; derive them from names so a re-import updates, not duplicates.
    return (1 << 30) + zlib.crc32(text.encode())


def to_anki(briefing: Briefing, path: Path) -> int:
    """Write an .apkg: one note per fact (its free-text question). The compared field holds
    the short answer a learner types ("717"); the full answer, why, the quote and the card are
    on the back."""
    import genanki

    model = genanki.Model(
        # v2: the fields changed (a short typed answer, the full answer on the back).
        _stable_id(f"briefing-model-v2/{briefing.id}"),
        "briefing: typed answer",
        fields=[
            {"name": "Question"},
            {"name": "Answer"},
            {"name": "Full answer"},
            {"name": "Explanation"},
            {"name": "Evidence"},
            {"name": "Card"},
        ],
        templates=[
            {
                "name": "Recall",
                "qfmt": "{{Question}}<br><br>{{type:Answer}}",
                "afmt": "{{FrontSide}}<hr id=answer><p><b>{{Full answer}}</b></p>"
                "<p>{{Explanation}}</p><blockquote>{{Evidence}}</blockquote>"
                "<p><i>Card: {{Card}}</i></p>",
            }
        ],
        css=".card { font-family: sans-serif; font-size: 20px; } blockquote { color: #555; }",
    )
    deck = genanki.Deck(_stable_id(f"briefing-deck/{briefing.id}"), briefing.title)
    count = 0
    for question in question_bank(briefing):
        if question.form != "recall":
            continue
        fact = briefing.fact(question.fact)
        card = briefing.card(question.card)
        fields = [
            question.prompt,
            typed_answer(briefing, question),
            question.answer,
            fact.explanation,
            fact.evidence,
            card.title,
        ]
        note = genanki.Note(
            model=model,
            fields=[html.escape(one_line(f)) for f in fields],
            tags=[f"briefing::{briefing.id}", f"card::{card.id}"],
            guid=genanki.guid_for(briefing.id, question.id),
        )
        deck.add_note(note)
        count += 1
    genanki.Package(deck).write_to_file(str(path))
    return count


# ---------------------------------------------------------------------------------------------
# Quizlet, CSV


def to_quizlet(briefing: Briefing) -> str:
    """Tab-separated term and definition, one recall question per line (Quizlet's import)."""
    lines = []
    for q in question_bank(briefing):
        if q.form == "recall":
            lines.append(f"{one_line(q.prompt)}\t{one_line(q.answer)}")
    return "\n".join(lines) + "\n"


CSV_COLUMNS = ("id", "fact", "card", "form", "prompt", "answer", "accepted", "choices")


def to_csv(briefing: Briefing) -> str:
    """Every question, one row each; cells a spreadsheet will not run as formulas."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for q in question_bank(briefing):
        row = {
            "id": q.id,
            "fact": q.fact,
            "card": q.card,
            "form": q.form,
            "prompt": q.prompt,
            "answer": q.answer,
            "accepted": " | ".join(accepted_answers(briefing, q)),
            "choices": " | ".join(q.choices),
        }
        writer.writerow({k: spreadsheet_safe(printable(v)) for k, v in row.items()})
    return out.getvalue()


def export_text(briefing: Briefing, fmt: str) -> str:
    if fmt == "json":
        return to_json(briefing)
    if fmt == "gift":
        return to_gift(briefing)
    if fmt == "quizlet":
        return to_quizlet(briefing)
    if fmt == "csv":
        return to_csv(briefing)
    if fmt == "markdown":
        return to_markdown(briefing)
    if fmt == "html":
        return to_html(briefing)
    raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
