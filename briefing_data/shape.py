"""Checks on a briefing file's shape before it is built: depth, aliases, keys, numbers, text."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

# A briefing is six levels deep; 32 leaves room and keeps every later walk shallow.
MAX_DEPTH = 32
# Digits a number may have: a year, a count, a distance. More is a mistake or an attack.
MAX_NUMBER_CHARS = 32

_RESOLVER = yaml.resolver.Resolver()
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
# Control characters (C0 and C1, bar tab and newline) and lone surrogates: they reach a
# terminal as escape sequences, or cannot be written out at all.
_BAD_CHAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _parser(text: str) -> Any:
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def check_shape(text: str) -> tuple[int, str] | None:
    """The first (line, problem) of a YAML text's shape, or None; raises yaml.YAMLError.

    Runs on the parser's events, which come without recursion, so nothing deep is built
    before it is refused: nesting deeper than MAX_DEPTH, anchors and aliases (a few aliases
    can stand for a billion nodes), a key given twice in one mapping, and a number too long
    to be a fact.
    """
    # One frame per open collection: (keys seen, whether a key comes next) or None for a list.
    stack: list[tuple[set[str], list[bool]] | None] = []
    for event in _parser(text):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return line, "anchors and aliases (& and *) are not allowed in a briefing"
        parent = stack[-1] if stack else None
        if isinstance(event, yaml.ScalarEvent):
            value = event.value
            if parent is not None and parent[1][0]:
                if value in parent[0]:
                    return line, f"duplicate key {value!r}"
                parent[0].add(value)
            tag = event.tag
            if event.implicit[0] and tag is None:
                tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
            if tag in _NUMBER_TAGS and len(value) > MAX_NUMBER_CHARS:
                return line, f"a number of {len(value):,} characters is too long"
        if parent is not None and isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
            parent[1][0] = not parent[1][0]
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                return line, f"nested more than {MAX_DEPTH} levels deep"
            stack.append((set(), [True]) if isinstance(event, yaml.MappingStartEvent) else None)
        elif isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
    return None


def _bad_char(text: str) -> str | None:
    found = _BAD_CHAR.search(text)
    if found is None:
        return None
    char = found.group(0)
    name = unicodedata.name(char, "a control character")
    return f"U+{ord(char):04X} ({name.lower()}) is not allowed in text"


def check_text(data: Any, loc: tuple[int | str, ...] = ()) -> tuple[list[int | str], str] | None:
    """The first string (or key) holding a control character or a lone surrogate, or None."""
    if isinstance(data, str):
        problem = _bad_char(data)
        return (list(loc), problem) if problem else None
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and (problem := _bad_char(key)):
                return [*loc, key], problem
            found = check_text(value, (*loc, key))
            if found:
                return found
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found = check_text(value, (*loc, i))
            if found:
                return found
    return None
