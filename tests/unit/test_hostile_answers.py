"""Hostile answers: huge numbers, text that cannot be encoded, strings that fool a grader."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_data.loader import builtin_briefing
from quiz_bank.dates import read_dates
from quiz_bank.lines import dumps_line, read_line
from quiz_bank.marking import grade_question
from quiz_bank.normalize import words_to_numbers
from quiz_bank.questions import find_question

BRIEFING = builtin_briefing()
BRIEFING_CMD = [sys.executable, "-c", "from tui_app.cli import main; main()"]
NINES = "9" * 309  # float("9" * 309) is inf
ARABIC_INDIC = "\u0669" * 2000


def _grade(qid: str, typed: str) -> tuple[bool, str]:
    verdict = grade_question(BRIEFING, find_question(BRIEFING, qid), typed)
    return verdict.correct, verdict.feedback


@pytest.mark.parametrize("typed", [NINES, ARABIC_INDIC, "1" + "0" * 1500, NINES + ".5 km"])
@pytest.mark.parametrize(
    "qid", ["missiles-2022", "kinzhal-range", "springboard-since", "missiles-2022/mcq"]
)
def test_numbers_too_big_for_a_float_are_simply_wrong(qid: str, typed: str) -> None:
    correct, feedback = _grade(qid, typed)
    assert not correct and feedback


def test_the_right_figure_still_counts_however_it_is_written() -> None:
    for typed in ("717", "717.0", "seven hundred and seventeen", "at least 717 missiles"):
        assert _grade("missiles-2022", typed)[0], typed


def test_spoken_numbers_and_date_parts_stay_small() -> None:
    (*_, last) = words_to_numbers(("one " + "hundred " * 5000).split())
    assert len(last) <= 17
    assert read_dates("9" * 4000).other_numbers == {10**9}


def test_true_or_false_takes_only_a_clear_word() -> None:
    for typed in ("true", "T", "yes", "a", "(a)", "TRUE.", "ｔｒｕｅ", "Тrue"):
        assert _grade("belarus-leader/tf-1", typed)[0], typed
    for typed in ("╞Y", "maybe yes", "+y", "not true", "true false", "yes no", "y?n"):
        correct, _ = _grade("belarus-leader/tf-1", typed)
        assert not correct, typed
    assert _grade("belarus-leader/tf-2", "false")[0]
    assert not _grade("belarus-leader/tf-2", "probably false")[0]


def test_a_bag_of_words_holding_the_answer_is_not_the_answer() -> None:
    bag = "at main against down Lukashenka missiles drones large-scale"
    correct, feedback = _grade("belarus-leader", bag)
    # Refused, whichever rule sees it first (words beside the answer that are no part of it).
    assert not correct and ("Give just the answer" in feedback or "does not fit" in feedback)
    assert not _grade("kinzhal-range", "2000 km hello world tanks")[0]
    # The answer with words of its own question or quote, or one more word, still counts.
    for typed in ("Lukashenka", "Lukashenka, the dictator", "the president of Belarus, Lukashenko"):
        assert _grade("belarus-leader", typed)[0], typed
    assert _grade("missiles-2022", "definitely 717 missiles")[0]


def test_json_lines_out_survive_splitlines() -> None:
    line = dumps_line({"answer": "a\u2028b\u2029c\x85d\ud800e\x1cf", "é": "ü"})
    assert line.splitlines() == [line]
    line.encode("utf-8")  # no lone surrogate left
    assert json.loads(line) == {"answer": "a\u2028b\u2029c\x85d\ud800e\x1cf", "é": "ü"}
    assert "é" in line  # non-ASCII text stays readable


def test_an_overlong_line_is_dropped_and_the_next_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in"
    path.write_bytes(b"x" * 5000 + b"\nnext\nlast")
    with path.open("rb") as stream:
        first = read_line(stream, limit=100)
        assert isinstance(first, ValueError)
        assert read_line(stream, limit=100) == b"next"
        assert read_line(stream, limit=100) == b"last"
        assert read_line(stream, limit=100) is None


def _run(args: list[str], stdin: bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "BRIEFING_DB": str(cwd / "progress.db")}
    return subprocess.run(
        [*BRIEFING_CMD, *args], input=stdin, capture_output=True, timeout=60, env=env, cwd=cwd
    )


def test_grade_jsonl_goes_on_after_every_kind_of_bad_line(tmp_path: Path) -> None:
    good = json.dumps({"question": "belarus-leader", "answer": "Lukashenka"}).encode()
    lines = [
        json.dumps({"question": "belarus-leader", "answer": "\ud800"}).encode(),
        b'{"question": "belarus-leader", "answer": "\xed\xa0\x80"}',
        b"\xff\xfe",
        json.dumps({"question": "missiles-2022", "answer": NINES}).encode(),
        json.dumps({"question": "belarus-leader", "answer": "x\u2028y\x85"}).encode("utf-8"),
        b"[" * 100_000,
        b'{"question": 1' + b"0" * 5000 + b"}",
        b"y" * 1_100_000,
        good,
    ]
    result = _run(["grade", "--jsonl"], b"\n".join(lines) + b"\n", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8").splitlines()
    assert len(out) == len(lines)
    parsed = [json.loads(line) for line in out]
    assert parsed[0]["answer"] == "\ud800" and parsed[0]["correct"] is False
    assert all("error" in p for p in (parsed[1], parsed[2], parsed[5], parsed[6], parsed[7]))
    assert parsed[3]["correct"] is False
    assert parsed[-1]["correct"] is True


def test_a_class_csv_with_huge_fields_grades_the_other_rows(tmp_path: Path) -> None:
    csv_path = tmp_path / "answers.csv"
    csv_path.write_text(
        "student,question,answer\n"
        f"ann,missiles-2022,{NINES}\n"
        f'bob,missiles-2022,"{"x" * 200_000}"\n'
        "cy,missiles-2022,717\n",
        encoding="utf-8",
    )
    result = _run(["grade", str(csv_path)], b"", tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"answers.csv:3:" in result.stderr and b"Traceback" not in result.stderr
    graded = (tmp_path / "answers-graded.csv").read_text(encoding="utf-8").splitlines()
    assert len(graded) == 3 and graded[2].startswith("cy,missiles-2022,717,true")


def test_quiz_plain_survives_huge_numbers_and_bad_bytes(tmp_path: Path) -> None:
    typed = [NINES, ARABIC_INDIC, "\xff\xfe not utf-8", "9" * 5000, "a"]
    stdin = "\n".join(typed).encode("utf-8", "surrogateescape") + b"\n"
    stdin = stdin.replace("\xff\xfe".encode(), b"\xff\xfe")
    qids = "missiles-2022,kinzhal-range,belarus-leader,missiles-2022/mcq"
    result = _run(["quiz", "--plain", "--questions", qids], stdin, tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"Score: " in result.stdout and result.stderr == b""


def test_entity_words_come_from_an_index_built_once() -> None:
    """The per-briefing index gives each fact exactly the words of the other facts' names."""
    from quiz_bank.kinds import kind_of
    from quiz_bank.kinds.entities import entity_words
    from quiz_bank.normalize import tokens

    for fact in BRIEFING.facts():
        expected: set[str] = set()
        for other in BRIEFING.facts():
            if other.id != fact.id:
                for text in kind_of(other).entity_names():
                    expected.update(w for w in tokens(text) if len(w) > 2)
        assert entity_words(BRIEFING, fact) == expected, fact.id


def test_a_served_session_records_hostile_answers_and_goes_on(tmp_path: Path) -> None:
    """The browser quiz drives a QuizSession with a store: each answer is graded and kept."""
    from quiz_bank.session import QuizSession, select_questions
    from quiz_bank.store import ProgressStore

    qids = ["missiles-2022", "kinzhal-range", "springboard-since", "belarus-leader/tf-1"]
    answers = [NINES, ARABIC_INDIC, "9" * 5000, "maybe yes"]
    with ProgressStore(tmp_path / "progress.db") as store:
        session = QuizSession(
            BRIEFING, select_questions(BRIEFING, ids=qids), store=store, learner="ana"
        )
        for typed in answers:
            outcome = session.answer(typed)
            assert not outcome.verdict.correct
        assert session.done
        assert len(store.attempts("ana")) == len(answers)


def test_a_bag_of_words_around_a_date_is_not_the_date() -> None:
    assert not _grade("repairs-since", "main down autumn 2022 missiles drones tanks")[0]
    for typed in ("autumn 2022", "since the fall of 2022", "fall 2022, when repairs started"):
        assert _grade("repairs-since", typed)[0], typed
    assert _grade("iran-visit-dates", "12.03.2023 - 13.03.2023")[0]
