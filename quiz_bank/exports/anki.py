"""An Anki deck (.apkg, made with genanki): one note per recall question.

The front asks the question with a type-in answer box; the back shows the answer, the
article's evidence and the card. Every note is tagged with its card. Ids are stable: the model
and deck ids come from fixed names and the briefing id, each note's guid from its question id,
so importing a newer export again updates the notes rather than duplicating them.
"""

from __future__ import annotations

import html
import tempfile
import zlib
from pathlib import Path

import genanki

from briefing_data.models import Briefing
from quiz_bank.questions import Question, question_bank

MODEL_NAME = "briefing recall (type in the answer) v1"
FIELDS = ("Question", "Answer", "Evidence", "Card", "Explanation", "QuestionId")
# A fixed timestamp keeps the file the same for the same briefing (a hermetic build).
TIMESTAMP = 1_700_000_000.0

_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; color: black;
 background-color: white; max-width: 40em; margin: auto; }
.evidence { font-style: italic; margin-top: 1em; }
.where { color: #555; font-size: 16px; margin-top: 1em; }
"""
_FRONT = '<div class="q">{{Question}}</div>\n\n{{type:Answer}}'
_BACK = (
    '<div class="q">{{Question}}</div>\n\n<hr id=answer>\n\n{{type:Answer}}\n'
    '<div class="evidence">The article: “{{Evidence}}”</div>\n'
    '{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}\n'
    '<div class="where">Card: {{Card}}</div>'
)


def stable_id(text: str) -> int:
    """A positive id in Anki's range, the same for the same text on every machine."""
    return (1 << 30) + zlib.crc32(text.encode("utf-8"))


def anki_model() -> genanki.Model:
    return genanki.Model(
        stable_id(MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Recall", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
    )


def note_guid(briefing: Briefing, question: Question) -> str:
    return genanki.guid_for(briefing.id, question.id)


def _tag(card_id: str) -> str:
    return "briefing::" + "".join(ch if not ch.isspace() else "_" for ch in card_id)


def anki_deck(briefing: Briefing, questions: list[Question] | None = None) -> genanki.Deck:
    chosen = question_bank(briefing) if questions is None else questions
    deck = genanki.Deck(stable_id(f"briefing deck {briefing.id}"), briefing.title)
    model = anki_model()
    for q in chosen:
        if q.form != "recall":
            continue
        fact = briefing.fact(q.fact)
        card = briefing.card(q.card)
        fields = [q.prompt, q.answer, fact.evidence, card.title, fact.explanation, q.id]
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[html.escape(" ".join(f.split())) for f in fields],
                tags=[_tag(card.id)],
                guid=note_guid(briefing, q),
            )
        )
    return deck


def to_apkg_bytes(briefing: Briefing, questions: list[Question] | None = None) -> bytes:
    package = genanki.Package(anki_deck(briefing, questions))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.apkg"
        package.write_to_file(str(path), timestamp=TIMESTAMP)
        return path.read_bytes()
