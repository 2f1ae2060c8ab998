"""The one base class of the mistakes a user can fix (a bad file, flag, id or name)."""

from __future__ import annotations


class UserError(ValueError):
    """str() is the one line shown to the user; the command exits 2, with no traceback."""
