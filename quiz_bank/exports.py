"""Exports of a briefing and its question bank to the tools schools use.

json (the CLI contract), anki (.apkg), gift (Moodle), quizlet (tab-separated), csv, markdown.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zlib
from pathlib import Path
from typing import Any

from briefing_data.errors import UserError
from briefing_data.models import Briefing, ListAnswer, NumberAnswer, TextAnswer
from quiz_bank.questions import LETTERS, Question, question_bank

FORMATS = ("json", "anki", "gift", "quizlet", "csv", "markdown")
# Formats written as bytes to a file (never to a terminal).
BINARY = frozenset({"anki"})


class ExportError(UserError):
    """An export that cannot be made; str() is the one line shown."""


def accepted_answers(briefing: Briefing, question: Question) -> list[str]:
    """Every written form the grader accepts outright for a question (for other tools)."""
    fact = briefing.fact(question.fact)
    a = fact.answer
    if question.form in ("mcq", "tf"):
        return [question.choices[question.correct_choice or 0]]
    if question.form == "cloze" and question.blank_item and isinstance(a, ListAnswer):
        item = next(i for i in a.items if i.key == question.blank_item)
        return [item.answer, *item.variants]
    if isinstance(a, TextAnswer):
        return a.accepted()
    if isinstance(a, NumberAnswer):
        value = int(a.value) if a.value == int(a.value) else a.value
        out = [str(value), f"{value:,}" if isinstance(value, int) else str(value)]
        if a.unit:
            out += [f"{value} {a.unit}", *(f"{value} {u}" for u in a.unit_variants)]
        return list(dict.fromkeys(out))
    if isinstance(a, ListAnswer):
        return [a.display()]
    return [fact.answer_text]


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
    """Write an .apkg: one note per recall question, typed answer, evidence and card behind."""
    import genanki

    model = genanki.Model(
        _stable_id(f"briefing-model/{briefing.id}"),
        "briefing: typed answer",
        fields=[
            {"name": "Question"},
            {"name": "Answer"},
            {"name": "Evidence"},
            {"name": "Card"},
            {"name": "Explanation"},
        ],
        templates=[
            {
                "name": "Recall",
                "qfmt": "{{Question}}<br><br>{{type:Answer}}",
                "afmt": "{{FrontSide}}<hr id=answer><p>{{Explanation}}</p>"
                "<blockquote>{{Evidence}}</blockquote><p><i>Card: {{Card}}</i></p>",
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
        note = genanki.Note(
            model=model,
            fields=[
                html.escape(question.prompt),
                html.escape(question.answer),
                html.escape(fact.evidence),
                html.escape(card.title),
                html.escape(fact.explanation),
            ],
            tags=[f"briefing::{briefing.id}", f"card::{card.id}"],
            guid=genanki.guid_for(briefing.id, question.id),
        )
        deck.add_note(note)
        count += 1
    genanki.Package(deck).write_to_file(str(path))
    return count


# ---------------------------------------------------------------------------------------------
# Moodle GIFT

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift_escape(text: str) -> str:
    """GIFT's escapes: a backslash before ~ = # { } : (and before a backslash)."""
    return _GIFT_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _gift_question(briefing: Briefing, q: Question) -> str | None:
    fact = briefing.fact(q.fact)
    name = f"::{gift_escape(q.id)}::"
    prompt = gift_escape(q.prompt)
    feedback = gift_escape(f"{fact.explanation} Source: “{fact.evidence}”".strip())
    a = fact.answer
    if q.form == "tf":
        truth = "TRUE" if q.correct_choice == 0 else "FALSE"
        return f"{name}{prompt}{{{truth}#{feedback}}}"
    if q.form == "mcq":
        options = " ".join(
            ("=" if i == q.correct_choice else "~") + gift_escape(choice)
            for i, choice in enumerate(q.choices)
        )
        return f"{name}{prompt}{{{options}####{feedback}}}"
    if isinstance(a, NumberAnswer) and q.form in ("recall", "cloze"):
        value = int(a.value) if a.value == int(a.value) else a.value
        return f"{name}{prompt}{{#{value}:0####{feedback}}}"
    if isinstance(a, ListAnswer) and q.form in ("recall", "list"):
        # Moodle marks a list as a multiple-answer question: each item earns its share,
        # each known wrong item takes a share back.
        weight = _moodle_weight(len(a.items))
        shares = [f"~%{weight}%{gift_escape(item.answer)}" for item in a.items]
        shares += [f"~%-{weight}%{gift_escape(w)}" for w in a.wrong[:4]]
        order = sorted(range(len(shares)), key=lambda i: zlib.crc32(f"{q.id}/{i}".encode()))
        return f"{name}{prompt}{{{' '.join(shares[i] for i in order)}####{feedback}}}"
    answers = " ".join(f"={gift_escape(t)}" for t in accepted_answers(briefing, q))
    return f"{name}{prompt}{{{answers}####{feedback}}}"


# The fractions Moodle accepts for a share of the marks.
_MOODLE_SHARES = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571"}


def _moodle_weight(n: int) -> str:
    return _MOODLE_SHARES.get(n, "10")


def to_gift(briefing: Briefing) -> str:
    parts = [f"// {briefing.title}", "// Exported by briefing; one category per card.", ""]
    for card in briefing.cards:
        parts.append(f"$CATEGORY: briefing/{gift_escape(card.title).replace('/', '-')}")
        parts.append("")
        for q in question_bank(briefing):
            if q.card == card.id:
                text = _gift_question(briefing, q)
                if text:
                    parts += [text, ""]
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# Quizlet, CSV, Markdown


def _one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def to_quizlet(briefing: Briefing) -> str:
    """Tab-separated term and definition, one recall question per line (Quizlet's import)."""
    lines = []
    for q in question_bank(briefing):
        if q.form == "recall":
            lines.append(f"{_one_line(q.prompt)}\t{_one_line(q.answer)}")
    return "\n".join(lines) + "\n"


CSV_COLUMNS = ("id", "fact", "card", "form", "prompt", "answer", "accepted", "choices")


def to_csv(briefing: Briefing) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for q in question_bank(briefing):
        writer.writerow(
            {
                "id": q.id,
                "fact": q.fact,
                "card": q.card,
                "form": q.form,
                "prompt": q.prompt,
                "answer": q.answer,
                "accepted": " | ".join(accepted_answers(briefing, q)),
                "choices": " | ".join(q.choices),
            }
        )
    return out.getvalue()


PAGE_BREAK = '\n<div style="page-break-after: always"></div>\n'


def _md(text: str) -> str:
    """Text shown literally in Markdown: its special characters escaped."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", text)


def to_markdown(briefing: Briefing, forms: tuple[str, ...] = ("recall", "mcq", "tf")) -> str:
    """A printable handout: the cards, then the quiz, then the answer key on its own page."""
    lines = [
        f"# {_md(briefing.title)}",
        "",
        f"Source: {_md(briefing.source.title)} ({briefing.source.kind})",
        "",
    ]
    for n, card in enumerate(briefing.cards, 1):
        lines += [f"## {n}. {_md(card.title)}", "", _md(card.summary), ""]
        for fact in card.facts:
            lines += [f"- {_md(fact.statement)}", f"  > {_md(fact.evidence)}"]
        lines.append("")
    questions = [q for q in question_bank(briefing) if q.form in forms]
    lines += [PAGE_BREAK, "# Quiz", ""]
    for n, q in enumerate(questions, 1):
        lines.append(f"{n}. {_md(q.prompt)}")
        for i, choice in enumerate(q.choices):
            lines.append(f"   - ({LETTERS[i]}) {_md(choice)}")
        if not q.choices:
            lines.append("   ______________________________")
        lines.append("")
    lines += [PAGE_BREAK, "# Answer key", ""]
    for n, q in enumerate(questions, 1):
        answer = q.answer
        if q.choices and q.correct_choice is not None:
            answer = f"({LETTERS[q.correct_choice]}) {q.choices[q.correct_choice]}"
        lines.append(f"{n}. {_md(answer)} — card: {_md(briefing.card(q.card).title)}")
    return "\n".join(lines) + "\n"


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
    raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
