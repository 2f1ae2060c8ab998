"""Hostile briefing and class quiz files: each is refused with one line, nothing else happens."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefing_data.loader import BriefingError, load_briefing
from briefing_data.safeio import UserFileError, read_user_text
from quiz_bank.classquiz import ClassQuizError, load_class_quiz

MINI = Path(__file__).parents[1] / "data" / "mini"


def _mini(tmp_path: Path, old: str = "", new: str = "", name: str = "b.yaml") -> Path:
    shutil.copy(MINI / "article.txt", tmp_path / "article.txt")
    text = (MINI / "mini.yaml").read_text(encoding="utf-8")
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(path: Path, *fragments: str) -> str:
    with pytest.raises(BriefingError) as info:
        load_briefing(path)
    message = str(info.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_the_mini_briefing_still_loads(tmp_path: Path) -> None:
    assert load_briefing(_mini(tmp_path)).id == "mini-lighthouse"


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        ("value: 20\n", "value: .nan\n", ["answer.value", "finite"]),
        ("value: 20\n", "value: .inf\n", ["answer.value", "finite"]),
        ("value: 20\n", "value: 1.0e+400\n", ["answer.value", "finite"]),
        ("value: 20\n", "value: 1.0e+300\n", ["answer.value", "less than or equal"]),
        ("value: 20\n", "value: " + "9" * 100_000 + "\n", [":39:", "too long"]),
        ("title: The lighthouse on Sark\n", "title: a\ntitle: b\n", [":4:", "duplicate key"]),
        ("file: article.txt", "file: ../../../../etc/passwd", ["outside the briefing's folder"]),
        ("file: article.txt", "file: /etc/passwd", ["source.file", "relative"]),
        ("file: article.txt", 'file: "a\\0b"', ["source.file", "U+0000"]),
        ("title: The lighthouse on Sark", 'title: "\\e[31mred"', ["title", "U+001B"]),
        ("title: The lighthouse on Sark", 'title: "\\ud800"', ["Unicode"]),
        ("canonical: Sark", "canonical: " + "Sark " * 100, ["canonical", "at most 200"]),
        ("canonical: Sark", "canonical: Sark\n          variants: [" + "v, " * 100 + "v]", []),
        ("question: On which", "question: " + "x" * 5000 + " On which", ["question"]),
        ("cards:\n", "extra: &a [1]\nmore: *a\ncards:\n", ["aliases (& and *) are not allowed"]),
        ("cards:\n", "extra: " + "[" * 5000 + "]" * 5000 + "\ncards:\n", ["YAML"]),
        (
            "cards:\n",
            "extra:\n" + "".join(" " * i + "-\n" for i in range(0, 200, 2)),
            ["nested more"],
        ),
        ("cards:\n", "covers: 0000-01-01\ncards:\n", ["cannot read this value"]),
        ("cards:\n", "? [a, b]\n: 1\ncards:\n", ["key"]),
    ],
)
def test_odd_yaml_is_refused_in_one_line(
    tmp_path: Path, old: str, new: str, fragments: list[str]
) -> None:
    path = _mini(tmp_path, old, new)
    before = path.read_bytes()
    _refused(path, str(path), *fragments)
    assert path.read_bytes() == before


def test_the_article_may_sit_in_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    path = _mini(tmp_path, "file: article.txt", "file: texts/article.txt")
    shutil.copy(MINI / "article.txt", tmp_path / "texts" / "article.txt")
    assert load_briefing(path).article.startswith("The Lighthouse Keepers")


def test_an_article_linked_from_outside_is_refused(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    path = _mini(inner, "file: article.txt", "file: link.txt")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    (inner / "link.txt").symlink_to(outside)
    _refused(path, "outside the briefing's folder")


def test_special_files_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    _refused(fifo, "pipe", "not a regular file")
    _refused(tmp_path, "directory")
    if Path("/dev/zero").exists():
        _refused(Path("/dev/zero"), "device")
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(tmp_path / "loop2.yaml")
    (tmp_path / "loop2.yaml").symlink_to(loop)
    _refused(loop, "loop of symbolic links")
    with pytest.raises(BriefingError, match="NUL"):
        load_briefing("a\x00b.yaml")


def test_a_fifo_or_device_as_article_is_refused(tmp_path: Path) -> None:
    path = _mini(tmp_path, "file: article.txt", "file: pipe.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    _refused(path, "source.file", "not a regular file")


def test_reading_is_capped(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    assert read_user_text(big, 2000) == "a" * 2000
    with pytest.raises(UserFileError, match="too large"):
        read_user_text(big, 1999)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff")
    with pytest.raises(UserFileError, match="not UTF-8 text"):
        read_user_text(bad, 100)


TOML_CASES = {
    "deep": 'briefing = "x"\nquestions = ' + "[" * 5000 + "]" * 5000,
    "huge integer": 'briefing = "x"\nquestions = ["a"]\nseed = ' + "9" * 100_000,
    "big integer": 'briefing = "x"\nquestions = ["a"]\nseed = ' + "9" * 400,
    "nan": 'briefing = "x"\nquestions = ["a"]\nseed = nan',
    "inf limit": 'briefing = "x"\nquestions = ["a"]\ntime_per_question = inf',
    "duplicate key": 'briefing = "x"\nbriefing = "y"\nquestions = ["a"]',
    "control key": 'briefing = "x"\nquestions = ["a"]\n"\\u001b[2J" = 1',
    "many questions": 'briefing = "x"\nquestions = [' + '"a",' * 5000 + "]",
}


@pytest.mark.parametrize("name", TOML_CASES)
def test_odd_toml_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / "quiz.toml"
    path.write_text(TOML_CASES[name], encoding="utf-8")
    with pytest.raises(ClassQuizError) as info:
        load_class_quiz(path)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert "\x1b" not in message


def test_special_toml_files_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "quiz.toml"
    os.mkfifo(fifo)
    with pytest.raises(ClassQuizError, match="not a regular file"):
        load_class_quiz(fifo)
    with pytest.raises(ClassQuizError, match="no such class quiz file"):
        load_class_quiz(tmp_path / "missing.toml")
