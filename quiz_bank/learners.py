"""Learner names: what a student types before a quiz, checked before it is stored."""

from __future__ import annotations

import unicodedata

from briefing_data.errors import UserError

MAX_NAME = 40


class LearnerNameError(UserError):
    """A name that cannot be used; str() is the one line shown."""


def validate_learner_name(raw: str) -> str:
    """A trimmed name of 1-40 printable characters, no control or escape codes."""
    name = " ".join(raw.split())
    if not name:
        raise LearnerNameError("a student name is needed")
    if len(name) > MAX_NAME:
        raise LearnerNameError(f"a student name has at most {MAX_NAME} characters")
    for ch in name:
        if unicodedata.category(ch)[0] == "C":
            raise LearnerNameError("a student name may hold only printable characters")
    return name
