"""Folding of typography (whitespace, quotes, dashes) so a quote can be found in the article."""

from __future__ import annotations

import re

# Quotes, dashes and spaces that typing or typesetting varies, and their plain forms.
TYPOGRAPHY: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
}
_QUOTES = str.maketrans(TYPOGRAPHY)
_SPACE = re.compile(r"\s+")


def fold_typography(text: str) -> str:
    """Straight quotes, ASCII hyphens and single spaces: typography that quoting may change."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()
