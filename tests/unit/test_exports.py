"""Every export format parses back (GIFT by Moodle's rules, Anki with Anki's own library)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from briefing_data.loader import builtin_briefing
from briefing_data.models import Briefing
from quiz_bank.exports import FORMATS, export_bytes
from quiz_bank.exports.anki import anki_deck, to_apkg_bytes
from quiz_bank.exports.gift import escape, to_gift
from quiz_bank.exports.markdown import PAGE_BREAK, to_markdown
from quiz_bank.exports.tables import CSV_COLUMNS, JOIN, to_csv, to_quizlet
from quiz_bank.questions import Question, question_bank
from tui_app.cli import main


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return builtin_briefing()


@pytest.fixture(scope="module")
def bank(briefing: Briefing) -> list[Question]:
    return question_bank(briefing)


# --- a GIFT reader following Moodle's qformat_gift rules ------------------------------------


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def _split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """Split `text` before each unescaped character of `marks`: [(mark, body)]."""
    out: list[tuple[str, str]] = []
    i, mark, start = 0, "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch in marks:
            if i > start or mark:
                out.append((mark, text[start:i]))
            mark, start = ch, i + 1
        i += 1
    out.append((mark, text[start:]))
    return [(m, b) for m, b in out if m or b.strip()]


def _find_unescaped(text: str, ch: str, reverse: bool = False) -> int:
    spots = [i for i, c in enumerate(text) if c == ch and (i == 0 or text[i - 1] != "\\")]
    assert spots, f"no unescaped {ch!r} in {text[:80]!r}"
    return spots[-1] if reverse else spots[0]


def parse_gift(text: str) -> list[dict]:
    questions: list[dict] = []
    category = None
    blocks = re.split(r"\n\s*\n", text)
    for block in blocks:
        lines = [ln for ln in block.splitlines() if not ln.lstrip().startswith("//")]
        body = "\n".join(lines).strip()
        if not body:
            continue
        if body.startswith("$CATEGORY:"):
            category = body.split(":", 1)[1].strip()
            continue
        name = None
        if body.startswith("::"):
            end = body.index("::", 2)
            name, body = _unescape(body[2:end]), body[end + 2 :]
        fmt = re.match(r"\[(\w+)\]", body)
        if fmt:
            body = body[fmt.end() :]
        lo, hi = _find_unescaped(body, "{"), _find_unescaped(body, "}", reverse=True)
        qtext, answers = _unescape(body[:lo]), body[lo + 1 : hi]
        general = None
        if "####" in answers:
            answers, general = answers.split("####", 1)
            general = _unescape(general)
        answers = answers.strip()
        q: dict = {"name": name, "category": category, "text": qtext, "general": general}
        if answers.startswith("#"):
            value, _, tolerance = answers[1:].partition(":")
            q.update(type="numerical", value=float(value), tolerance=float(tolerance or 0))
        elif answers.split("#")[0].strip() in ("T", "F", "TRUE", "FALSE"):
            q.update(type="truefalse", value=answers.split("#")[0].strip().startswith("T"))
        else:
            parts = _split_unescaped(answers, "=~")
            options = []
            for mark, part in parts:
                weight = 100.0 if mark == "=" else 0.0
                m = re.match(r"\s*%(-?[\d.]+)%", part)
                if m:
                    weight, part = float(m.group(1)), part[m.end() :]
                cut = re.search(r"(?<!\\)#", part)
                answer, feedback = (part[: cut.start()], part[cut.end() :]) if cut else (part, "")
                options.append((mark, weight, _unescape(answer), _unescape(feedback)))
            if all(mark == "=" for mark, *_ in options):
                q.update(type="shortanswer", answers=[o[2] for o in options])
            else:
                q.update(type="multichoice", options=options)
        questions.append(q)
    return questions


def test_gift_parses_by_moodle_rules(briefing: Briefing, bank: list[Question]) -> None:
    parsed = {q["name"]: q for q in parse_gift(to_gift(briefing))}
    by_id = {q.id: q for q in bank}
    # every question but "name at least K" is there, under its card's category, text intact
    assert set(parsed) == {q.id for q in bank if q.form != "list"}
    for name, q in parsed.items():
        question = by_id[name]
        assert q["category"].endswith(f"/{briefing.id}/{question.card}")
        assert q["text"].startswith(" ".join(question.prompt.split()))
        assert briefing.fact(question.fact).evidence[:30] in q["general"]
    assert parsed["belarus-leader"]["type"] == "shortanswer"
    assert {"Lukashenka", "Lukashenko", "Alyaksandr Lukashenka"} <= set(
        parsed["belarus-leader"]["answers"]
    )
    numbers = [q for q in parsed.values() if q["type"] == "numerical"]
    assert numbers and all(q["tolerance"] == 0 for q in numbers)
    for q in numbers:
        assert q["value"] == briefing.fact(by_id[q["name"]].fact).answer.value
    for q in bank:
        if q.form == "mcq":
            options = parsed[q.id]["options"]
            assert [o[2] for o in options] == q.choices
            assert [o[0] for o in options].count("=") == 1
            assert options[q.correct_choice][0] == "="
        if q.form == "tf":
            assert parsed[q.id]["value"] is (q.correct_choice == 0)
    systems = parsed["systems-deployed"]
    assert systems["type"] == "multichoice"
    right = [o for o in systems["options"] if o[1] > 0]
    assert sum(o[1] for o in right) == pytest.approx(100, abs=0.01)
    assert "S-400" in [o[2] for o in right]


def test_gift_escapes_its_special_characters() -> None:
    nasty = "a~b=c#d{e}f:g\\h"
    escaped = escape(nasty)
    assert escaped == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert _unescape(escaped) == nasty
    parsed = parse_gift(f"::x::{escaped} {{={escaped}}}")
    assert parsed[0]["text"] == nasty and parsed[0]["answers"] == [nasty]


def test_quizlet_is_term_tab_definition(briefing: Briefing, bank: list[Question]) -> None:
    rows = [line.split("\t") for line in to_quizlet(briefing).splitlines()]
    recall = [q for q in bank if q.form == "recall"]
    assert len(rows) == len(recall) == len(briefing.facts())
    assert all(len(row) == 2 and all(cell.strip() for cell in row) for row in rows)
    assert [row[1] for row in rows] == [" ".join(q.answer.split()) for q in recall]


def test_csv_round_trips(briefing: Briefing, bank: list[Question]) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(briefing))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == [q.id for q in bank]
    for row, q in zip(rows, bank, strict=True):
        assert row["prompt"] == q.prompt and row["answer"] == q.answer
        assert row["choices"].split(JOIN) == q.choices if q.choices else row["choices"] == ""
        assert row["accepted"]
    leader = next(r for r in rows if r["id"] == "belarus-leader")
    assert "Lukashenko" in leader["accepted"].split(JOIN)


def test_markdown_handout_has_cards_quiz_then_key_on_its_own_page(briefing: Briefing) -> None:
    text = to_markdown(briefing)
    cards_at = text.index("## The cards")
    quiz_at = text.index("## Quiz")
    key_at = text.index("## Answer key")
    assert cards_at < quiz_at < key_at
    assert text[quiz_at - len(PAGE_BREAK) - 2 : quiz_at].strip() == PAGE_BREAK
    assert text[key_at - len(PAGE_BREAK) - 2 : key_at].strip() == PAGE_BREAK
    for card in briefing.cards:
        assert card.title in text[:quiz_at]
    # the answers (with their question ids) only after the key's page break
    assert "1. Alyaksandr Lukashenka — " not in text[:key_at]
    assert "1. Alyaksandr Lukashenka — " in text[key_at:]
    assert "`belarus-leader`" not in text[:key_at] and "`belarus-leader`" in text[key_at:]


def test_markdown_shows_markup_literally() -> None:
    from quiz_bank.exports.markdown import md

    assert md("<script>*x*</script> [a](b)") == ("\\<script\\>\\*x\\*\\</script\\> \\[a\\](b)")


def test_anki_package_holds_one_note_per_recall_question(briefing: Briefing) -> None:
    data = to_apkg_bytes(briefing)
    assert data == to_apkg_bytes(briefing)  # the same file for the same briefing
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "collection.anki2" in z.namelist()
    deck = anki_deck(briefing)
    assert len(deck.notes) == len(briefing.facts())
    guids = {n.guid for n in deck.notes}
    assert len(guids) == len(deck.notes)
    assert {t for n in deck.notes for t in n.tags} == {
        f"briefing::{c.id}" for c in briefing.cards if c.facts
    }
    front = deck.notes[0].model.templates[0]["qfmt"]
    assert "{{type:Answer}}" in front


def test_anki_imports_with_ankis_own_library(briefing: Briefing, tmp_path: Path) -> None:
    pytest.importorskip("anki", reason="the optional `anki` extra is not installed")
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    apkg = tmp_path / "deck.apkg"
    apkg.write_bytes(to_apkg_bytes(briefing))
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        for _ in range(2):  # importing again updates: no duplicates
            col.import_anki_package(
                ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions())
            )
            assert col.note_count() == len(briefing.facts())
        note = col.get_note(col.find_notes("tag:briefing::overview")[0])
        assert note["Question"] and note["Evidence"]
    finally:
        col.close()


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_writes_every_format(fmt: str, tmp_path: Path, briefing: Briefing) -> None:
    out = tmp_path / f"out.{fmt}"
    main(["export", "--format", fmt, "-o", str(out)])
    assert out.read_bytes() == export_bytes(briefing, fmt)
    if fmt == "json":
        assert set(json.loads(out.read_text())) >= {"briefing", "questions"}


def test_cli_bad_options_give_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for argv in (
        ["export", "--format", "docx"],
        ["export", "--format", "anki"],
        ["export", "--format", "gift", "-o", str(tmp_path / "missing" / "dir" / "x")],
    ):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("briefing: error:")


def test_text_exports_go_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    main(["export", "--format", "quizlet"])
    assert "\t" in capsys.readouterr().out
