"""Reading an article file (text, Markdown or saved HTML) into clean plain text, or refusing it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefing_data.errors import UserError

# Bigger than any article a teacher would import; refused before reading.
MAX_BYTES = 5_000_000
MIN_WORDS = 40


class ArticleError(UserError):
    """An input that is not an article we can import; str() is the one line shown to the user."""


@dataclass(frozen=True)
class Article:
    """The article's clean text (paragraphs separated by blank lines) and its title."""

    title: str
    text: str
    from_html: bool

    @property
    def words(self) -> int:
        return len(self.text.split())


# Lines a web page puts around and between paragraphs: navigation, sharing, credits.
_FURNITURE = re.compile(
    r"""^(?:
        trending(?:\snow)? | related(?:\s(?:stories|articles|coverage))? | read\smore.* |
        continue\sreading.* | advertisement | sponsored(?:\scontent)? | share(?:\sthis.*)? |
        subscribe.* | sign\sup.* | follow\sus.* | click\shere.* | most\s(?:read|popular) |
        recommended(?:\sfor\syou)? | more\sfrom.* | watch(?:\s(?:now|live|more))? |
        (?:photo|image|video|illustration)s?(?:\s(?:by|credit|courtesy).*)?:?.* |
        .*\b(?:getty\simages|associated\spress\sphoto|ap\sphoto|shutterstock|reuters\sphoto)\W*$ |
        ©.* | copyright\s.* | all\srights\sreserved.* | (?:tags|topics|filed\sunder):.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_CAPTION = re.compile(r"^\(?(?:photo|image|pictured|above|top|file photo)\b.*\)?$", re.IGNORECASE)
# A bullet glued to the end of a sentence: "sanctions.- The most likely".
_GLUED_BULLET = re.compile(r"([.!?])[ \t]*-\s+(?=[A-Z])")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<\?xml|<meta|<div)", re.I)


def is_furniture(line: str) -> bool:
    """Whether a line is page furniture, not the article's prose."""
    text = line.strip().strip("*_#>- ").strip()
    if not text:
        return False
    if _FURNITURE.match(text):
        return True
    return len(text.split()) <= 12 and bool(_CAPTION.match(text)) and not text.endswith(".")


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:65536]:
        raise ArticleError(f"{path}: a binary file, not an article")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ArticleError(f"{path}: not a text file")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text[:65536]) // 100:
        raise ArticleError(f"{path}: a binary file, not an article")
    return text


def _from_html(html: str, path: Path) -> tuple[str, str]:
    """The article's text and title from a saved page, through trafilatura."""
    import trafilatura  # imported here: plain-text imports do not pay for it

    body = trafilatura.extract(
        html,
        output_format="markdown",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
    )
    if not body:
        raise ArticleError(f"{path}: no article text found in this HTML page")
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta and meta.title else "") or ""
    return body, title


def _clean_lines(text: str) -> list[str]:
    """Markdown marks and page furniture removed; one line per paragraph, heading or bullet."""
    out: list[str] = []
    text = _GLUED_BULLET.sub(r"\1\n- ", text)
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _MD_HEADING.sub("", raw.strip())
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        line = re.sub(r"[ \t\u00a0]+", " ", line).strip()
        if line.startswith("|") or re.fullmatch(r"[-=*_~`]{3,}", line):
            continue  # a table row or a rule
        if is_furniture(line):
            continue
        out.append(line)
    return out


def _join(lines: list[str]) -> str:
    """Paragraphs separated by exactly one blank line."""
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _guess_title(lines: list[str], fallback: str) -> str:
    for line in lines:
        if line.strip():
            words = line.split()
            if len(words) <= 20 and not line.rstrip().endswith((".", "!", "?", ":")):
                return line.strip()
            break
    return fallback


def _check_prose(text: str, path: Path) -> None:
    words = text.split()
    if len(words) < MIN_WORDS:
        raise ArticleError(f"{path}: too short to be an article ({len(words)} words)")
    wordy = sum(1 for w in words if re.fullmatch(r"[\"'“‘(]*[^\W\d_][\w'’-]*[.,;:!?\"'”’)]*", w))
    sentences = len(re.findall(r"(?:[^\W_]|[)\"”’»])[.!?](?:\s|$)", text))
    if wordy < 0.6 * len(words) or sentences < 2:
        raise ArticleError(f"{path}: does not read as an article (no prose sentences found)")


def read_article(path: Path, title: str | None = None) -> Article:
    """Read and clean the article at `path`; ArticleError when it cannot be one."""
    if not path.exists():
        raise ArticleError(f"{path}: no such file")
    if path.is_dir():
        raise ArticleError(f"{path}: a directory, not an article file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"{path}: too large for an article ({size / 1e6:.0f} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ArticleError(f"{path}: the file is empty")
    text = _decode(data, path)
    is_html = path.suffix.lower() in (".html", ".htm", ".xhtml") or bool(_HTML_START.match(text))
    page_title = ""
    if is_html:
        text, page_title = _from_html(text, path)
    lines = _clean_lines(text)
    body = _join(lines)
    _check_prose(body, path)
    fallback = path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Article"
    chosen = title or page_title or _guess_title(lines, fallback)
    return Article(title=chosen.strip(), text=body, from_html=is_html)
