"""Fuzzing every entry point: hostile files and hypothesis-made input never crash or hang.

Each CLI run happens in a child process with 1 GiB of address space (RLIMIT_AS) and a
timeout that only guards against a hang. Every run must exit 0 or 2, print exactly one line on
stderr when it exits 2, never a traceback, and leave every input file's bytes as they were.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_data.loader import BriefingError, load_briefing
from quiz_bank.classquiz import ClassQuizError, load_class_quiz
from quiz_bank.marking import grade_question
from quiz_bank.questions import find_question, question_bank
from tests.hostile_corpus import (
    HOSTILE_ANSWERS,
    MINI,
    Case,
    build_corpus,
    problems,
    run_cases,
    snapshot,
)

HANG_GUARD = 60.0  # seconds without a result before a case counts as hung


def test_the_hostile_corpus_is_handled_cleanly(tmp_path: Path) -> None:
    cases = build_corpus(tmp_path)
    before = snapshot(tmp_path)
    results = {str(r["name"]): r for r in run_cases(cases, tmp_path, HANG_GUARD)}
    bad = {c.name: p for c in cases if (p := problems(c, results[c.name]))}
    assert not bad
    assert snapshot(tmp_path) == before  # no input file was changed, refused or not
    refused = [c for c in cases if c.refused]
    assert len(refused) > 50 and all(results[c.name]["code"] == 2 for c in refused)


_LINE = st.one_of(
    st.binary(max_size=80),
    st.text(max_size=80).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.builds(
        lambda q, a: f'{{"question": "{q}", "answer": {a}}}'.encode(),
        st.sampled_from(["island", "built-year", "keepers", "island/tf-1", "x"]),
        st.one_of(
            st.text(max_size=60).map(lambda t: '"' + t.encode("unicode_escape").decode() + '"'),
            st.sampled_from(["1e999", "NaN", "null", "[]", "9" * 400, '"' + "9" * 400 + '"']),
        ),
    ),
)


def _expected_lines(stdin: bytes) -> int:
    """Output lines `grade --jsonl` owes: one per line that is not blank text."""
    count = 0
    for raw in stdin.split(b"\n"):
        try:
            if not raw.rstrip(b"\r").decode("utf-8").strip():
                continue
        except UnicodeDecodeError:
            pass
        count += 1
    return count


@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(lines=st.lists(_LINE, min_size=1, max_size=40), typed=st.lists(_LINE, max_size=15))
def test_made_up_input_lines_never_stop_a_run(lines: list[bytes], typed: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        good = str(MINI / "mini.yaml")
        stdin = b"\n".join(line.replace(b"\n", b" ") for line in lines) + b"\n"
        quiz_in = b"\n".join(typed) + b"\n"
        db = str(folder / "db-fuzz.db")
        cases = [
            Case("grade --jsonl", ["--briefing", good, "grade", "--jsonl"], stdin),
            Case("quiz --plain", ["--briefing", good, "--db", db, "quiz", "--plain"], quiz_in),
            Case("ask --jsonl", ["--briefing", good, "ask", "--jsonl"], stdin),
        ]
        results = run_cases(cases, folder, HANG_GUARD)
        for case, result in zip(cases, results, strict=True):
            assert not problems(case, result), case.name
        assert results[0]["code"] == 0
        assert results[0]["stdout_lines"] == _expected_lines(stdin)


BANK = [q.id for q in question_bank(load_briefing(MINI / "mini.yaml"))]


@settings(max_examples=300, deadline=None)
@given(
    qid=st.sampled_from(BANK),
    typed=st.one_of(
        st.text(max_size=300),
        st.sampled_from(HOSTILE_ANSWERS),
        st.lists(
            st.sampled_from(["Sark", "1913", "20", "miles", "Anna", "Tom", "true", "not"])
        ).map(" ".join),
    ),
)
def test_any_text_gets_a_verdict(qid: str, typed: str) -> None:
    briefing = load_briefing(MINI / "mini.yaml")
    verdict = grade_question(briefing, find_question(briefing, qid), typed)
    assert 0.0 <= verdict.score <= 1.0 and verdict.feedback


_YAML_BITS = st.sampled_from(
    ["\n", "  ", "- ", ": ", "{", "}", "[", "]", "&a ", "*a", "!!", "'", '"', "#", "? ", "|",
     ">", "%", "@", "`", ",", ".nan", ".inf", "1e400", "9" * 50, "\t", "\\", "\x00", "\ud800",
     "id", "title", "cards", "value", "..."]
)  # fmt: skip


@pytest.fixture(scope="module")
def yaml_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("yaml")
    (folder / "article.txt").write_bytes((MINI / "article.txt").read_bytes())
    return folder


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    where=st.floats(min_value=0, max_value=1),
    insert=st.lists(st.one_of(_YAML_BITS, st.text(max_size=5)), max_size=12).map("".join),
)
def test_a_mangled_briefing_loads_or_is_refused_in_one_line(
    yaml_dir: Path, where: float, insert: str
) -> None:
    text = (MINI / "mini.yaml").read_text(encoding="utf-8")
    at = int(len(text) * where)
    path = yaml_dir / "b.yaml"
    path.write_bytes((text[:at] + insert + text[at:]).encode("utf-8", "surrogatepass"))
    try:
        load_briefing(path)
    except BriefingError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(max_size=200), head=st.sampled_from(["", 'briefing = "x"\n']))
def test_any_toml_text_loads_or_is_refused_in_one_line(
    yaml_dir: Path, text: str, head: str
) -> None:
    path = yaml_dir / "q.toml"
    path.write_bytes((head + text).encode("utf-8", "surrogatepass"))
    try:
        load_class_quiz(path)
    except ClassQuizError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path))
