"""A broken briefing file gives one line naming file, line, card or fact, and field."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_data.loader import BriefingError, builtin_path, load_briefing

GOOD = builtin_path().read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str) -> Path:
    shutil.copy(builtin_path().with_name("belarus-rear-base.txt"), tmp_path)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return text.count("\n", 0, pos) + 1


BROKEN = {
    # name: (replace old, new, expected fragments, needle whose line is reported, nth)
    "duplicate fact id": (
        "id: airfields",
        "id: springboard-since",
        ["fact 'springboard-since'", "id:", "used twice"],
        "id: springboard-since",
        2,
    ),
    "malformed id": (
        "id: airfields",
        "id: Air_Fields",
        ["fact 'Air_Fields'", "id:"],
        "id: Air_Fields",
        1,
    ),
    "evidence not in article": (
        "in 2022, Russia fired at least 717",
        "in 2021, Russia fired at least 717",
        ["fact 'missiles-2022'", "evidence:", "not found in the article"],
        "in 2021, Russia fired",
        1,
    ),
    "item key twice": (
        "key: tor-m2",
        "key: s-400",
        ["fact 'systems-deployed'", "answer", "'s-400' is used twice"],
        None,
        1,
    ),
    "answer does not fit kind": (
        "kind: number\n        question: How many missiles",
        "kind: date\n        question: How many missiles",
        ["fact 'missiles-2022'", "answer.date", "Field required"],
        None,
        1,
    ),
    "duplicate card id": (
        "id: iran-trip",
        "id: overview",
        ["card 'overview'", "id:", "used twice"],
        "id: overview",
        2,
    ),
    "missing field": (
        "        statement: Russia's Air Force actively uses Belarusian airfields.\n",
        "",
        ["fact 'airfields'", "statement: Field required"],
        None,
        1,
    ),
    "not yaml": ("    title: Overview", "    title: [Overview", ["not valid YAML"], None, 1),
    "quantity without unit": (
        "          unit: km\n",
        "",
        ["fact 'kinzhal-range'", "needs a unit"],
        None,
        1,
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_file_names_file_line_and_field(tmp_path: Path, name: str) -> None:
    old, new, fragments, needle, nth = BROKEN[name]
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    path = _write(tmp_path, text)
    with pytest.raises(BriefingError) as info:
        load_briefing(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:")
    assert re.match(rf"{re.escape(str(path))}:\d+: ", message)
    for fragment in fragments:
        assert fragment in message
    if needle:
        assert message.startswith(f"{path}:{_line_of(text, needle, nth)}:")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="no such briefing file"):
        load_briefing(tmp_path / "nope.yaml")


def test_not_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="must be a mapping"):
        load_briefing(_write(tmp_path, "- just\n- a list\n"))


def test_cli_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD.replace("id: airfields", "id: Air_Fields"))
    proc = subprocess.run(
        [sys.executable, "-m", "tui_app", "--briefing", str(path), "cards"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr
    assert "Air_Fields" in proc.stderr
