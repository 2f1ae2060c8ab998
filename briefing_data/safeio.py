"""Reading a user's file safely: regular files only, a cap on bytes, one-line errors."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from briefing_data.errors import UserError

MiB = 1024 * 1024
# Caps by kind of file: far above any real one, far below what hurts a laptop.
BRIEFING_BYTES = 2 * MiB
ARTICLE_BYTES = 2 * MiB
CSV_BYTES = 32 * MiB
TOML_BYTES = 1 * MiB
SETTINGS_BYTES = 1 * MiB

# O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused right after).
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class UserFileError(UserError):
    """A user's file that cannot be read; str() is one line naming the file and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str, *, missing: bool = False):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.missing = missing


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if exc.errno == errno.ENAMETOOLONG:
        return "the path is too long"
    return (exc.strerror or str(exc)).lower()


def read_user_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most `limit` bytes of a regular file; anything else raises UserFileError.

    The type is checked before opening (opening a device can have effects) and again on the
    open descriptor, so a file swapped in between is still refused.
    """
    text_path = os.fspath(path)
    if "\x00" in text_path:
        raise UserFileError(repr(text_path), "a file name cannot contain a NUL character")
    try:
        before = os.stat(text_path)
    except FileNotFoundError:
        raise UserFileError(path, "no such file", missing=True) from None
    except (OSError, ValueError) as exc:
        reason = _os_reason(exc) if isinstance(exc, OSError) else str(exc)
        raise UserFileError(path, f"cannot read ({reason})") from None
    if not stat.S_ISREG(before.st_mode):
        raise UserFileError(path, f"is {_kind(before.st_mode)}, not a regular file")
    if before.st_size > limit:
        raise UserFileError(path, f"is too large ({before.st_size:,} bytes; at most {limit:,})")
    try:
        fd = os.open(text_path, _FLAGS)
    except OSError as exc:
        raise UserFileError(path, f"cannot read ({_os_reason(exc)})") from None
    try:
        after = os.fstat(fd)
        if not stat.S_ISREG(after.st_mode):
            raise UserFileError(path, f"is {_kind(after.st_mode)}, not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 * MiB, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise UserFileError(path, f"cannot read ({_os_reason(exc)})") from None
    finally:
        os.close(fd)
    if size > limit:  # the file grew after it was checked
        raise UserFileError(path, f"is too large (over {limit:,} bytes)")
    return b"".join(chunks)


def read_user_text(path: str | os.PathLike[str], limit: int, *, encoding: str = "utf-8") -> str:
    """A regular file's text (UTF-8 by default), refused with a one-line error otherwise."""
    data = read_user_bytes(path, limit)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UserFileError(path, f"is not UTF-8 text (bad byte at offset {exc.start})") from None


def is_inside(child: Path, folder: Path) -> bool:
    """Whether `child`, with every symbolic link followed, lies inside `folder`."""
    try:
        return child.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):  # a loop of links (RuntimeError on 3.11)
        return False
