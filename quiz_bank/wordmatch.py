"""Word matching shared by the grader and the tutor: the typos a word of some length forgives."""

from __future__ import annotations


def typo_budget(word: str) -> int:
    """Typos forgiven in a word: none up to 4 letters, one up to 9, two beyond."""
    if len(word) <= 4:
        return 0
    if len(word) <= 9:
        return 1
    return 2
