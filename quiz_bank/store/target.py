"""Where the progress lives: a file path (SQLite) or a postgresql:// URI, told apart once."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Path | str: a Path is always a file; a str is a URI when it has a scheme, else a file.
DbTarget = Path | str

POSTGRES_SCHEMES = ("postgresql", "postgres")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def uri_scheme(target: str | os.PathLike[str]) -> str | None:
    """The scheme of a `scheme://...` address, lower case; None for a file path."""
    if isinstance(target, os.PathLike):
        return None
    found = _SCHEME.match(target)
    return found.group(1).lower() if found else None


def is_postgres(target: str | os.PathLike[str]) -> bool:
    return uri_scheme(target) in POSTGRES_SCHEMES


def as_target(option: str | os.PathLike[str]) -> DbTarget:
    """A `--db` value as a target: URIs stay text (never a Path), anything else is a path."""
    return option if uri_scheme(option) is not None else Path(option)  # type: ignore[return-value]


def redact(target: str | os.PathLike[str]) -> str:
    """The target as it may be shown or logged: a URI loses its password, a path is itself."""
    if uri_scheme(target) is None:
        return os.fspath(target)
    text = str(target)
    try:
        parts = urlsplit(text)
        netloc = parts.netloc.rpartition("@")
        userinfo = netloc[0].split(":", 1)[0]
        host = f"{userinfo}@{netloc[2]}" if netloc[1] else netloc[2]
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "password"])
        return urlunsplit((parts.scheme, host, parts.path, query, ""))
    except ValueError:
        # Not even a URI: show only its scheme rather than risk a password.
        return f"{uri_scheme(text)}://…"


def secrets_of(target: str) -> list[str]:
    """The password(s) in a URI, to be blanked out of any message that might echo them."""
    found: list[str] = []
    try:
        parts = urlsplit(target)
        if parts.password:
            found.append(parts.password)
        found += [v for k, v in parse_qsl(parts.query) if k == "password" and v]
    except ValueError:
        pass
    userinfo = target.split("://", 1)[-1].split("/", 1)[0].rpartition("@")[0]
    if ":" in userinfo:
        found.append(userinfo.split(":", 1)[1])
    return [s for s in found if s]


def scrub(message: str, target: str) -> str:
    """One line, with any password of `target` blanked out."""
    line = " ".join(message.split())
    for secret in secrets_of(target):
        line = line.replace(secret, "***")
    return line
