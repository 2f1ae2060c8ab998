"""The source article: reading it verbatim and cleaning it for display."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Page furniture that the web page put between paragraphs: never content.
FURNITURE = frozenset({"trending now", "read more", "advertisement", "share", "subscribe"})

# Cyrillic letters that look like Latin ones: "С-400" typed with a Cyrillic С.
HOMOGLYPHS = dict(
    zip(
        "АВЕЗІЈКМНОРСТУХаеіјорсухѕԁһԛԝ",
        "ABE3IJKMHOPCTYXaeijopcyxsdhqw",
        strict=True,
    )
)
# A Cyrillic letter typed on the Russian layout where a Latin key was meant ("supportinп").
KEYBOARD = dict(
    zip(
        "йцукенгшщзхъфывапролджэячсмитьбю",
        "qwertyuiop[]asdfghjkl;'zxcvbnm,.",
        strict=True,
    )
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# A sentence end glued to the next sentence: "Ukraine.Russian" (not "U.S." or "2.5").
_GLUED_SENTENCE = re.compile(r"([a-z\)\]\"'”’]{2}[.!?])([A-Z])")
# A bullet glued to the end of a sentence: "sanctions.- The most likely".
_GLUED_BULLET = re.compile(r"([.!?])\s*-\s+(?=[A-Z])")


@dataclass(frozen=True)
class Section:
    """A heading (none for the lead) and the cleaned paragraphs under it."""

    title: str | None
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def fix_mixed_script(word: str) -> str:
    """Turn stray Cyrillic letters inside a Latin word into the Latin letter meant."""
    if not (_CYRILLIC.search(word) and _LATIN.search(word)):
        return word
    latin = sum(1 for ch in word if _LATIN.match(ch))
    cyrillic = sum(1 for ch in word if _CYRILLIC.match(ch))
    if cyrillic > latin:
        return word
    out = []
    for ch in word:
        if _CYRILLIC.match(ch):
            lower = ch.lower()
            mapped = HOMOGLYPHS.get(ch) or KEYBOARD.get(lower, ch)
            out.append(mapped.upper() if ch.isupper() and ch not in HOMOGLYPHS else mapped)
        else:
            out.append(ch)
    return "".join(out)


def clean_line(line: str) -> str:
    """One line of the article as a person should read it."""
    line = _WORD.sub(lambda m: fix_mixed_script(m.group(0)), line)
    line = _GLUED_BULLET.sub(r"\1\n- ", line)
    line = _GLUED_SENTENCE.sub(r"\1 \2", line)
    return re.sub(r"[ \t]+", " ", line).strip()


def is_furniture(line: str) -> bool:
    return line.strip().rstrip(":").lower() in FURNITURE


def clean_text(raw: str) -> str:
    """The whole article cleaned for display: furniture dropped, spacing and typos mended."""
    lines: list[str] = []
    for line in raw.splitlines():
        if is_furniture(line):
            continue
        lines.extend(clean_line(line).split("\n"))
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def split_sections(raw: str, headings: list[str]) -> list[Section]:
    """Cut the cleaned article at the given headings; the text before the first is the lead.

    A heading matches a line whose cleaned text equals it, ignoring case, quotes and a trailing
    colon, so "Related:" is found by the heading "Related".
    """
    from briefing_data.textfold import fold_typography

    def key(text: str) -> str:
        return fold_typography(text).replace('"', "").rstrip(":").strip().lower()

    wanted = {key(h): h for h in headings}
    sections: list[Section] = []
    title: str | None = None
    paragraphs: list[str] = []
    for line in clean_text(raw).splitlines():
        if key(line) in wanted:
            if title is not None or paragraphs:
                sections.append(Section(title, tuple(paragraphs)))
            title, paragraphs = wanted[key(line)], []
        elif line.strip():
            paragraphs.append(line)
    sections.append(Section(title, tuple(paragraphs)))
    return sections
