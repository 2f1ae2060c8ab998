"""Lines in and out for scripts: bounded, undecodable bytes survivable, output safe to split."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

# A request line is a question id and a short answer; anything longer is refused unread.
MAX_LINE_BYTES = 1024 * 1024
_CHUNK = 64 * 1024

# What str.splitlines() splits on besides \n and \r (which JSON always escapes), and lone
# surrogates, which no UTF-8 stream can carry: written as JSON escapes instead.
_UNSAFE = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029\ud800-\udfff]")


class LineError(ValueError):
    """A line that cannot be taken as input; str() says why in a few words."""


def read_line(stream: IO[bytes], limit: int = MAX_LINE_BYTES) -> bytes | LineError | None:
    """The next line's bytes (without its end), a LineError for an overlong one, None at the end.

    An overlong line is read to its end in chunks and dropped, so memory stays bounded and
    the next line is still read.
    """
    raw = stream.readline(limit + 1)
    if not raw:
        return None
    if len(raw) <= limit or raw.endswith(b"\n"):
        return raw.rstrip(b"\r\n")
    while raw and not raw.endswith(b"\n"):
        raw = stream.readline(_CHUNK)
    return LineError(f"line longer than {limit:,} bytes")


def decode_line(raw: bytes, *, errors: str = "strict") -> str:
    """UTF-8 text of a line; LineError names the first bad byte (strict) or it is replaced."""
    try:
        return raw.decode("utf-8", errors=errors)
    except UnicodeDecodeError as exc:
        raise LineError(f"not UTF-8 text (bad byte at offset {exc.start})") from None


def text_lines(stream: IO[bytes]) -> Iterator[str | LineError]:
    """Each line of a byte stream as text (strict UTF-8), or the LineError that stands for it."""
    while (raw := read_line(stream)) is not None:
        if isinstance(raw, LineError):
            yield raw
            continue
        try:
            yield decode_line(raw)
        except LineError as exc:
            yield exc


def parse_request(text: str) -> dict[str, Any]:
    """A JSON object from one line; LineError for anything else (too deep, not an object)."""
    try:
        request = json.loads(text)
    except RecursionError:
        raise LineError("JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise LineError(str(exc)) from None
    except ValueError as exc:  # an integer of 5,000 digits
        raise LineError(" ".join(str(exc).split(":")[0].split())) from None
    if not isinstance(request, dict):
        raise LineError("expected a JSON object")
    return request


def dumps_line(data: object) -> str:
    """One JSON line: non-ASCII kept as text, but never a character that splits or cannot be
    encoded (U+2028, U+0085, a lone surrogate...): those are written as \\uXXXX escapes."""
    text = json.dumps(data, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
