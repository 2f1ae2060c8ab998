"""Cutting the clean article into sections (headings, bullets, paragraph groups) and sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A section without headings is cut into groups of about this many words.
GROUP_WORDS = 220

_BULLET = re.compile(r"^(?:[-*•‣◦]|\d{1,2}[.)])\s+")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft no nos vs etc inc ltd co corp gov gen col lt sgt rep sen
    jan feb mar apr jun jul aug sep sept oct nov dec fig approx dept est e.g i.e a.m p.m u.s u.k
    u.n e.u d.c""".split()
)
# A sentence ends at . ! ? (with closing quotes or brackets) followed by space and a capital,
# a digit or an opening quote; or glued to the next sentence ("harbour.Fishermen").
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_END = re.compile(
    rf"[.!?][\"'”’)\]]*(?=\s+[\"'“‘«(\[]?[{_UPPER}0-9])|(?<=[a-z]{{2}}[.!?])(?=[A-Z][a-z])"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text exactly as in the article, its place, and its section."""

    text: str
    start: int
    section: int
    paragraph: int
    index: int
    heading: bool = False
    bullet: bool = False


@dataclass
class Section:
    title: str | None
    paragraphs: list[str] = field(default_factory=list)
    # Each paragraph's offset in the article text.
    offsets: list[int] = field(default_factory=list)
    heading_offset: int | None = None

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def is_heading(line: str, next_line: str | None) -> bool:
    """A short line without a sentence's end, followed by prose."""
    words = line.split()
    if not words or len(words) > 14 or _BULLET.match(line):
        return False
    if line.rstrip().endswith((".", ",", ";", "!", "?", '"', "”")) and not re.match(
        r"^\d{1,2}\.\s", line
    ):
        return False
    return next_line is not None and len(next_line.split()) > len(words)


def split_sections(text: str, title: str) -> list[Section]:
    """The article's sections: one per heading, the lead before the first; long runs grouped."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((pos, raw))
        pos += len(raw) + 1
    sections: list[Section] = [Section(None)]
    for i, (offset, line) in enumerate(lines):
        if i == 0 and line.strip() == title.strip() and len(lines) > 1:
            continue  # the title line: not a section of its own
        nxt = lines[i + 1][1] if i + 1 < len(lines) else None
        if is_heading(line, nxt):
            sections.append(Section(line.strip(), heading_offset=offset))
            continue
        sections[-1].paragraphs.append(line)
        sections[-1].offsets.append(offset)
    out: list[Section] = []
    for section in sections:
        if not section.paragraphs:
            continue
        out += _grouped(section)
    return out


def _grouped(section: Section) -> list[Section]:
    """A long section without headings cut into groups of whole paragraphs."""
    if section.words <= GROUP_WORDS * 1.5:
        return [section]
    groups: list[Section] = []
    current = Section(section.title, heading_offset=section.heading_offset)
    for para, offset in zip(section.paragraphs, section.offsets, strict=True):
        is_bullet = bool(_BULLET.match(para))
        if current.words >= GROUP_WORDS and not is_bullet:
            groups.append(current)
            current = Section(None)
        current.paragraphs.append(para)
        current.offsets.append(offset)
    if current.paragraphs:
        if groups and current.words < GROUP_WORDS // 3:
            groups[-1].paragraphs += current.paragraphs
            groups[-1].offsets += current.offsets
        else:
            groups.append(current)
    return groups


def _ends_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop at `end` closes an abbreviation or an initial (U.S., Dr., J.)."""
    m = re.search(r"(?<![\w.])([A-Za-z][A-Za-z.]*)\.$", text[: end + 1])
    if not m:
        return False
    word = m.group(1).lower()
    return (
        word in _ABBREVIATIONS or len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))
    )


def split_sentences(paragraph: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of a paragraph, text exactly as written."""
    spans: list[tuple[int, str]] = []
    start = 0
    for m in _END.finditer(paragraph):
        end = m.end()
        if m.group(0) and m.group(0)[0] == "." and _ends_abbreviation(paragraph, m.start()):
            nxt = paragraph[end:].lstrip()[:1]
            if not nxt.isdigit() and not (nxt.isupper() and _looks_new_sentence(paragraph, end)):
                continue
        piece = paragraph[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, piece.strip()))
        start = end
    piece = paragraph[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, piece.strip()))
    return spans


def _looks_new_sentence(text: str, end: int) -> bool:
    """After "U.S." a sentence starts only with a common opening word (The, But, He...)."""
    word = re.match(r"\s*[\"“]?([A-Z][a-z]*)", text[end:])
    return word is not None and word.group(1) in {
        "The", "But", "He", "She", "It", "They", "We", "In", "A", "An", "This", "That", "And",
        "Its", "His", "Her", "Their", "There", "As", "On", "At", "For", "After", "While", "I",
    }  # fmt: skip


def sentences_of(sections: list[Section]) -> list[Sentence]:
    """Every sentence of the article in order, headings included, with its section."""
    out: list[Sentence] = []
    for si, section in enumerate(sections):
        if section.title and section.heading_offset is not None:
            out.append(
                Sentence(section.title, section.heading_offset, si, -1, len(out), heading=True)
            )
        for pi, (para, offset) in enumerate(zip(section.paragraphs, section.offsets, strict=True)):
            bullet = _BULLET.match(para)
            body_start = bullet.end() if bullet else 0
            for local, text in split_sentences(para[body_start:]):
                out.append(
                    Sentence(
                        text, offset + body_start + local, si, pi, len(out), bullet=bool(bullet)
                    )
                )
    return out
