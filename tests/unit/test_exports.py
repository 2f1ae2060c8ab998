"""Every export format parses by its tool's rules (or round-trips)."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing_data.loader import builtin_briefing
from quiz_bank.exports import gift_escape, to_csv, to_gift, to_markdown, to_quizlet
from quiz_bank.questions import question_bank
from tui_app.cli import cli

BRIEFING = builtin_briefing()
BANK = question_bank(BRIEFING)


def _split_unescaped(text: str, sep: str) -> list[str]:
    parts, cur, i = [], "", 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            cur += text[i : i + 2]
            i += 2
            continue
        if text.startswith(sep, i):
            parts.append(cur)
            cur = ""
            i += len(sep)
            continue
        cur += text[i]
        i += 1
    parts.append(cur)
    return parts


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def parse_gift(text: str) -> list[dict[str, object]]:
    """A small GIFT reader following Moodle's rules: comments, $CATEGORY, ::name::, {answers}."""
    questions: list[dict[str, object]] = []
    category = None
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.splitlines() if not ln.strip().startswith("//")]
        body = " ".join(lines).strip()
        if not body:
            continue
        if body.startswith("$CATEGORY:"):
            category = body.split(":", 1)[1].strip()
            continue
        m = re.match(r"^::((?:\\.|[^:\\])*)::(.*)$", body)
        assert m, f"no ::name:: in {body!r}"
        name, rest = _unescape(m.group(1)), m.group(2)
        # The answer block is the first unescaped { ... } pair.
        depth_start = next(
            i for i, ch in enumerate(rest) if ch == "{" and (i == 0 or rest[i - 1] != "\\")
        )
        end = next(
            i for i in range(len(rest) - 1, -1, -1) if rest[i] == "}" and rest[i - 1] != "\\"
        )
        prompt, answers = rest[:depth_start], rest[depth_start + 1 : end]
        assert "{" not in prompt.replace("\\{", "") and "}" not in prompt.replace("\\}", "")
        general = None
        if "####" in answers:
            answers, general = answers.split("####", 1)
        kind = "essay"
        right: list[str] = []
        wrong: list[str] = []
        a = answers.strip()
        if a.startswith("#"):
            kind = "numerical"
            right = [a[1:]]
        elif a.split("#")[0] in ("TRUE", "FALSE", "T", "F"):
            kind = "truefalse"
            right = [a.split("#")[0]]
        elif a:
            kind = "shortanswer"
            for token in re.findall(r"(?<!\S)([=~])((?:\\.|[^=~\\])*)", a):
                (right if token[0] == "=" else wrong).append(_unescape(token[1]).strip())
            if wrong:
                kind = "multichoice"
        questions.append(
            {
                "name": name,
                "category": category,
                "prompt": _unescape(prompt).strip(),
                "kind": kind,
                "right": right,
                "wrong": wrong,
                "feedback": general,
            }
        )
    return questions


def test_gift_parses_by_moodle_rules() -> None:
    parsed = parse_gift(to_gift(BRIEFING))
    by_name = {q["name"]: q for q in parsed}
    assert set(by_name) == {q.id for q in BANK}
    assert {q["category"] for q in parsed} == {f"briefing/{c.title}" for c in BRIEFING.cards}
    assert by_name["missiles-2022"]["kind"] == "numerical"
    assert by_name["missiles-2022"]["right"] == ["717:0"]
    assert by_name["iran-visit-country"]["kind"] == "shortanswer"
    assert "Iran" in by_name["iran-visit-country"]["right"]
    mcq = by_name["mig31k-kinzhal/mcq"]
    assert mcq["kind"] == "multichoice" and mcq["right"] == ["Kinzhal"] and len(mcq["wrong"]) == 3
    assert by_name["airfields/tf-1"]["right"] == ["TRUE"]
    assert by_name["airfields/tf-2"]["right"] == ["FALSE"]
    listed = by_name["systems-deployed"]
    assert listed["kind"] == "multichoice"
    items = [w for w in listed["wrong"] if w.startswith("%20%")]
    assert sorted(w.removeprefix("%20%") for w in items) == sorted(
        ["S-400", "Iskander", "TOR M2", "fighter jets", "MiG-31K"]
    )
    assert any(w.startswith("%-20%") for w in listed["wrong"])
    # Colons in prompts ("True or false: ...") survive escaping.
    assert by_name["airfields/tf-1"]["prompt"].startswith("True or false: ")


@pytest.mark.parametrize("text", ["a~b", "x=y", "#1", "{x}", "a:b", "back\\slash"])
def test_gift_escapes_round_trip(text: str) -> None:
    escaped = gift_escape(text)
    assert _unescape(escaped) == text
    assert not re.search(r"(?<!\\)[~=#{}:]", escaped)


def test_quizlet_is_term_tab_definition() -> None:
    lines = to_quizlet(BRIEFING).splitlines()
    assert len(lines) == 28
    for line in lines:
        term, definition = line.split("\t")
        assert term and definition


def test_csv_round_trips() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(BRIEFING))))
    assert [r["id"] for r in rows] == [q.id for q in BANK]
    kinzhal = next(r for r in rows if r["id"] == "mig31k-kinzhal")
    assert "Kindzhal" in kinzhal["accepted"].split(" | ")


def test_markdown_handout_has_cards_quiz_and_key_on_its_own_page() -> None:
    text = to_markdown(BRIEFING)
    quiz = text.index("# Quiz")
    key = text.index("# Answer key")
    assert text.index("## 1. Overview") < quiz < key
    assert text.count("page-break-after: always") == 2
    assert "Kinzhal" in text[key:]


def test_anki_package_has_one_note_per_recall_question(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    result = CliRunner().invoke(cli, ["export", "--format", "anki", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        z.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    notes = db.execute("SELECT guid, flds, tags FROM notes").fetchall()
    assert len(notes) == 28
    assert all("card::" in tags for _, _, tags in notes)
    # Stable ids: exporting again gives the same note guids, so a re-import updates.
    again = tmp_path / "again.apkg"
    CliRunner().invoke(cli, ["export", "--format", "anki", "-o", str(again)])
    with zipfile.ZipFile(again) as z:
        z.extract("collection.anki2", tmp_path / "again")
    guids = {
        g
        for g, _, _ in sqlite3.connect(tmp_path / "again" / "collection.anki2").execute(
            "SELECT guid, flds, tags FROM notes"
        )
    }
    assert guids == {g for g, _, _ in notes}


def test_anki_imports_with_ankis_own_library(tmp_path: Path) -> None:
    anki = pytest.importorskip("anki.collection")
    out = tmp_path / "deck.apkg"
    CliRunner().invoke(cli, ["export", "--format", "anki", "-o", str(out)])
    col = anki.Collection(str(tmp_path / "col.anki2"))
    try:
        from anki.import_export_pb2 import ImportAnkiPackageRequest

        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(out)))
        assert col.note_count() == 28
    finally:
        col.close()


def test_json_export_lists_all_forms() -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "json"])
    data = json.loads(result.output)
    forms = {q["form"] for q in data["questions"]}
    assert forms == {"recall", "list", "mcq", "tf", "cloze"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--format", "pdf"], "Invalid value"),
        (["export", "--format", "anki"], "add -o PATH.apkg"),
    ],
)
def test_bad_export_options_are_one_line_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output
