"""The printable handout, rendered by real Markdown readers (pandoc when installed, and
markdown-it-py, which rich brings): a clean quiz, one question per fact, numbering that holds,
quotes as quotes, the key on its own page, and nothing from a file read as markup."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing_data.loader import builtin_briefing, load_briefing
from briefing_data.models import Briefing
from quiz_bank.handout import handout_questions, to_html, to_markdown

MINI = Path(__file__).parents[1] / "data" / "mini"
BRIEFING = builtin_briefing()
HOSTILE_KIND = "<script>alert(1)</script> **bold** [x](http://evil.example)"


def hostile_briefing(tmp_path: Path) -> Briefing:
    """tests/data/mini with Markdown, HTML and spreadsheet formulas in every text it holds."""
    data = yaml.safe_load((MINI / "mini.yaml").read_text())
    data["title"] = "1984. The *lighthouse* & <b>keepers</b>"
    data["source"]["kind"] = HOSTILE_KIND
    card = data["cards"][0]
    card["summary"] = "According to the article:\n# Injected heading\n- injected item\n> $x$ @cite"
    island = next(f for f in card["facts"] if f["id"] == "island")
    island["question"] = '=HYPERLINK("http://evil.example","x")'
    island["statement"] = "- The lighthouse was on Sark | a | b |"
    (tmp_path / "article.txt").write_text((MINI / "article.txt").read_text())
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data))
    return load_briefing(path)


# -- pandoc ---------------------------------------------------------------------------------

needs_pandoc = pytest.mark.skipif(
    shutil.which("pandoc") is None, reason="needs pandoc (apt-get install pandoc)"
)


def pandoc_blocks(markdown: str) -> list[dict[str, Any]]:
    done = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "json"],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(done.stdout)["blocks"])


def plain(inlines: list[dict[str, Any]]) -> str:
    out = []
    for node in inlines:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Strong", "Emph", "Quoted"):
            out.append(plain(content if kind != "Quoted" else content[1]))
    return "".join(out)


def kinds(blocks: Any) -> list[str]:
    """Every node type in a pandoc tree."""
    found: list[str] = []
    if isinstance(blocks, dict):
        if "t" in blocks:
            found.append(blocks["t"])
        for value in blocks.values():
            found += kinds(value)
    elif isinstance(blocks, list):
        for value in blocks:
            found += kinds(value)
    return found


def is_page_break(block: dict[str, Any]) -> bool:
    """pandoc reads our break as a div whose style breaks the page."""
    if block["t"] != "Div":
        return False
    return any(k == "style" and "page-break-after" in v for k, v in block["c"][0][2])


def header_at(blocks: list[dict[str, Any]], text: str) -> int:
    return next(
        i
        for i, b in enumerate(blocks)
        if b["t"] == "Header" and b["c"][0] == 1 and plain(b["c"][2]) == text
    )


@needs_pandoc
def test_pandoc_reads_a_clean_quiz_with_the_key_on_its_own_page() -> None:
    blocks = pandoc_blocks(to_markdown(BRIEFING))
    quiz, key = header_at(blocks, "Quiz"), header_at(blocks, "Answer key")
    for header in (quiz, key):  # a page break just before each
        assert is_page_break(blocks[header - 1])
    facts = BRIEFING.facts()
    # the cards: each fact a bullet holding its statement and its quote as a real blockquote
    cards = blocks[:quiz]
    items = [item for b in cards if b["t"] == "BulletList" for item in b["c"]]
    assert len(items) == len(facts)
    assert all([node["t"] for node in item] == ["Para", "BlockQuote"] for item in items)
    assert not any(plain(b["c"]).startswith(">") for b in cards if b["t"] == "Para")
    # the quiz: numbered paragraphs 1..N, one per fact, options as lines of one paragraph
    section = blocks[quiz + 1 : key - 1]
    assert not {"BulletList", "OrderedList", "BlockQuote", "Header"} & set(kinds(section))
    numbers = [
        int(b["c"][0]["c"][0]["c"].rstrip("."))
        for b in section
        if b["t"] == "Para" and b["c"][0]["t"] == "Strong"
    ]
    assert numbers == list(range(1, len(facts) + 1))
    options = [
        plain(b["c"]) for b in section if b["t"] == "Para" and plain(b["c"]).startswith("(a)")
    ]
    assert options and all("(b)" in o for o in options)
    assert {i.question.fact for i in handout_questions(BRIEFING)} == {f.id for f in facts}
    # the key: the same numbers
    answers = [b for b in blocks[key + 1 :] if b["t"] == "Para"]
    assert [plain(b["c"]).split(".")[0] for b in answers] == [str(n) for n in numbers]


@needs_pandoc
def test_pandoc_reads_text_from_a_file_as_text(tmp_path: Path) -> None:
    briefing = hostile_briefing(tmp_path)
    blocks = pandoc_blocks(to_markdown(briefing))
    found = kinds(blocks)
    assert "Link" not in found and "Math" not in found and "Cite" not in found
    assert sum(map(is_page_break, blocks)) == 2  # our two page breaks
    assert "RawBlock" not in found and "RawInline" not in found
    headers = [plain(b["c"][2]) for b in blocks if b["t"] == "Header"]
    assert headers == [
        "1984. The *lighthouse* & <b>keepers</b>",
        "1. The lighthouse",
        "Quiz",
        "Answer key",
    ]
    text = " ".join(plain(b["c"]) for b in blocks if b["t"] == "Para")
    assert HOSTILE_KIND in text
    assert "# Injected heading - injected item > $x$ @cite" in text
    assert "- The lighthouse was on Sark | a | b |" in " ".join(
        plain(item[0]["c"]) for b in blocks if b["t"] == "BulletList" for item in b["c"]
    )


# -- markdown-it-py (CommonMark), always installed ------------------------------------------


def test_commonmark_reads_the_same_structure(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(to_markdown(BRIEFING))
    types = [t.type for t in tokens]
    quiz = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content == "Quiz")
    key = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content == "Answer key")
    assert types[:quiz].count("blockquote_open") == len(BRIEFING.facts())
    assert not {"bullet_list_open", "ordered_list_open", "blockquote_open"} & set(types[quiz:])
    assert sum("page-break" in t.content for t in tokens if t.type == "html_block") == 2
    numbered = [
        t.content
        for t in tokens[quiz:key]
        if t.type == "inline" and re.match(r"\*\*\d+", t.content)
    ]
    assert len(numbered) == len(BRIEFING.facts())
    hostile = MarkdownIt("commonmark").render(to_markdown(hostile_briefing(tmp_path)))
    assert "<script>" not in hostile and "<a " not in hostile and "<b>" not in hostile
    assert "&lt;script&gt;" in hostile and "**bold**" in hostile
    assert hostile.count("<h1>") == 3 and hostile.count("<h2>") == 1


# -- HTML -----------------------------------------------------------------------------------


class Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_handout_is_one_printable_page(tmp_path: Path) -> None:
    page = Outline()
    page.feed(to_html(BRIEFING))
    sections = [a for t, a in page.tags if t == "section"]
    assert [a.get("class") for a in sections] == ["page", "page"]
    values = [int(a["value"] or 0) for t, a in page.tags if t == "li" and "value" in a]
    n = len(BRIEFING.facts())
    assert values == list(range(1, n + 1)) * 2  # the quiz, then the key
    hostile = Outline()
    hostile.feed(to_html(hostile_briefing(tmp_path)))
    assert {t for t, _ in hostile.tags} <= {
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "cite", "ul", "li",
        "blockquote", "section", "span", "ol",
    }  # fmt: skip
    assert HOSTILE_KIND in "".join(hostile.text)
