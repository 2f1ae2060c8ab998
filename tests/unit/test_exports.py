"""Every export format parses by its tool's rules (or round-trips)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing_data.loader import builtin_briefing
from quiz_bank.distractors import meaning_key
from quiz_bank.exports import gift_escape, to_csv, to_gift, to_quizlet
from quiz_bank.gift import moodle_share
from quiz_bank.marking import grade_question
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


def test_anki_package_has_one_note_per_fact(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    result = CliRunner().invoke(cli, ["export", "--format", "anki", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        z.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    notes = db.execute("SELECT guid, flds, tags FROM notes").fetchall()
    assert len(notes) == len(BRIEFING.facts()) == 28
    assert all("card::" in tags for _, _, tags in notes)
    # the compared field holds what a learner types; the display answer is on the back
    fields = {f.split("\x1f")[0]: f.split("\x1f") for _, f, _ in notes}
    missiles = fields[BRIEFING.fact("missiles-2022").question]
    assert missiles[1] == "717" and missiles[2] == "at least 717 missiles"
    by_prompt = {q.prompt: q for q in BANK if q.form == "recall"}
    for prompt, (_, typed, *_rest) in fields.items():
        question = by_prompt[html.unescape(prompt)]
        assert grade_question(BRIEFING, question, html.unescape(typed)).correct, prompt
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
        note = col.get_note(col.find_notes('"Full answer:at least 717 missiles"')[0])
        assert note["Answer"] == "717"
        card = note.cards()[0]
        assert "{{type:Answer}}" in card.note_type()["tmpls"][0]["qfmt"]
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


def _moodle_grade(block: str, chosen: list[str]) -> float:
    """Moodle's mark for a multiple-answer question: the chosen options' shares, capped."""
    shares = dict(
        (_unescape(text).strip(), float(weight))
        for weight, text in re.findall(r"~%(-?[\d.]+)%((?:\\.|[^~#\\])*)", block)
    )
    return max(0.0, min(100.0, sum(shares[c] for c in chosen)))


def test_gift_lists_mark_as_the_app_does() -> None:
    from quiz_bank.gift import gift_question

    lists = [
        q for q in BANK if q.form in ("recall", "list") and BRIEFING.fact(q.fact).kind == "list"
    ]
    assert any(q.required for q in lists)  # "name at least K of N" is among them
    for q in lists:
        items = BRIEFING.fact(q.fact).answer.items  # type: ignore[union-attr]
        needed = min(q.required or len(items), len(items))
        block = gift_question(BRIEFING, q)
        names = [i.answer for i in items]
        # the app's full credit is Moodle's full marks, one item short is not
        assert grade_question(BRIEFING, q, ", ".join(names[:needed])).correct
        # Moodle counts 99.99999% (three thirds) as full marks
        assert _moodle_grade(block, names[:needed]) == pytest.approx(100.0, abs=1e-4), q.id
        if needed > 1:
            app = grade_question(BRIEFING, q, ", ".join(names[: needed - 1])).score
            assert _moodle_grade(block, names[: needed - 1]) == pytest.approx(100 * app, abs=0.01)


@pytest.mark.parametrize(("needed", "share"), [(1, "100"), (3, "33.33333"), (7, "14.28571"),
                                               (9, "11.11111"), (12, "10")])  # fmt: skip
def test_moodle_shares_are_grades_moodle_accepts(needed: int, share: str) -> None:
    assert moodle_share(needed) == share
    assert float(share) * needed >= 99.99


def test_gift_short_answers_take_every_spelling_the_grader_accepts() -> None:
    parsed = {q["name"]: q for q in parse_gift(to_gift(BRIEFING))}
    season = parsed["repairs-since"]["right"]
    assert {"autumn 2022", "fall 2022"} <= {str(r) for r in season}
    date = parsed["china-docs-date"]["right"]
    assert {"1 March 2023", "March 1, 2023", "2023-03-01"} <= {str(r) for r in date}
    by_id = {q.id: q for q in BANK}
    for name, q in parsed.items():
        if q["kind"] == "shortanswer":
            for right in q["right"]:
                assert grade_question(BRIEFING, by_id[name], str(right)).correct, (name, right)


def test_gift_true_false_has_feedback_on_both_branches() -> None:
    for line in to_gift(BRIEFING).splitlines():
        m = re.search(r"\{(TRUE|FALSE)((?:\\.|[^}\\])*)\}$", line)
        if m:
            branches = _split_unescaped(m.group(2), "#")
            assert branches[0] == "" and len(branches) == 3, line
            assert branches[1].startswith("Not right") and branches[2].startswith("Right")


def test_gift_never_offers_the_same_thing_twice() -> None:
    from quiz_bank.gift import gift_question

    for q in BANK:
        if q.form in ("mcq", "recall", "list"):
            block = gift_question(BRIEFING, q)
            options = [
                _unescape(t).strip()
                for t in re.findall(
                    r"[=~](?:%-?[\d.]+%)?((?:\\.|[^=~#}\\])*)", block.split("{", 1)[1]
                )
            ]
            if q.form == "mcq" or "~%" in block:
                keys = [meaning_key(o) for o in options if o]
                assert len(keys) == len(set(keys)), (q.id, options)
    partners = gift_question(BRIEFING, next(q for q in BANK if q.id == "scheme-partners"))
    assert not ("North Korea" in partners and "DPRK" in partners)


def test_csv_export_neutralises_formulas_from_a_file(tmp_path: Path) -> None:
    from tests.unit.test_handout import hostile_briefing

    rows = list(csv.DictReader(io.StringIO(to_csv(hostile_briefing(tmp_path)))))
    prompts = [r["prompt"] for r in rows]
    assert any(p.startswith("'=HYPERLINK(") for p in prompts)
    assert not any(p.startswith(("=", "+", "@")) for r in rows for p in r.values())
