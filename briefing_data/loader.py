"""Loading a briefing file: YAML to validated models, with errors that name file, line and field."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from briefing_data.article import clean_text
from briefing_data.errors import UserError
from briefing_data.models import Briefing
from briefing_data.safeio import (
    ARTICLE_BYTES,
    BRIEFING_BYTES,
    UserFileError,
    is_inside,
    read_user_text,
)
from briefing_data.shape import check_shape, check_text
from briefing_data.textfold import fold_typography

BUILTIN_NAME = "belarus-rear-base.yaml"


class BriefingError(UserError):
    """A briefing file that cannot be used; str() is the one line shown to the user."""


def builtin_path() -> Path:
    return Path(str(resources.files("briefing_data") / "data" / BUILTIN_NAME))


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping and sequence item."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError) as exc:
            # A value YAML resolves but Python cannot hold (year 0, a 10,000-digit integer).
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read this value ({_one_line(exc)})", node.start_mark
            ) from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    lines: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool | type(None)):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text", key_node.start_mark
            )
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    return _Located(mapping, lines, node.start_mark.line + 1)


class _Located(dict):  # type: ignore[type-arg]
    """A dict that knows the line of each of its keys."""

    def __init__(self, data: dict[Any, Any], lines: dict[Any, int], line: int) -> None:
        super().__init__(data)
        self.lines = lines
        self.line = line


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,  # type: ignore[arg-type]
)


def _locate(data: Any, loc: Sequence[int | str]) -> tuple[int | None, str | None, str | None]:
    """Follow an error location through the data: (line, card id, fact id)."""
    line: int | None = getattr(data, "line", None)
    card_id = fact_id = None
    node = data
    path = list(loc)
    while path:
        step = path.pop(0)
        if isinstance(node, dict):
            if step not in node:
                continue  # a union tag such as 'text' in ('facts', 0, 'text', 'answer')
            line = getattr(node, "lines", {}).get(step, line)
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            line = getattr(node, "line", line)
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                if "facts" in node or "section" in node or "summary" in node:
                    card_id = node["id"]
                elif "kind" in node or "evidence" in node:
                    fact_id = node["id"]
        else:
            break
    return line, card_id, fact_id


def _field_name(loc: Sequence[int | str], data: Any) -> str:
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(node, dict):
            if step not in node:
                if node.get("kind") == step:
                    continue  # the union's tag, not a field
                parts.append(str(step))
                break
            node = node[step]
            if step not in ("cards", "facts"):
                parts.append(str(step))
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            if parts:
                parts[-1] += f"[{step}]"
    return ".".join(parts) or "(top level)"


def _where(path: Path, line: int | None, card: str | None, fact: str | None) -> str:
    out = f"{path}:{line}" if line else str(path)
    if fact:
        out += f": fact '{fact}'"
    elif card:
        out += f": card '{card}'"
    return out


def _error(path: Path, data: Any, loc: Sequence[int | str], message: str) -> BriefingError:
    line, card, fact = _locate(data, loc)
    field = _field_name(loc, data)
    return BriefingError(f"{_where(path, line, card, fact)}: {field}: {message}")


def _read_briefing_text(path: Path) -> str:
    try:
        return read_user_text(path, BRIEFING_BYTES)
    except UserFileError as exc:
        if exc.missing:
            raise BriefingError(f"{path}: no such briefing file") from None
        raise BriefingError(str(exc)) from None


def _yaml_error(path: Path, exc: yaml.YAMLError) -> BriefingError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        return BriefingError(f"{path}{line}: not valid YAML: {_one_line(Exception(problem))}")
    return BriefingError(f"{path}: not valid YAML: {_one_line(exc)}")


def _read_yaml(path: Path, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        raise _yaml_error(path, exc) from None


def _check_cross_references(path: Path, data: Any, briefing: Briefing, article: str) -> None:
    """What a single model cannot see: unique fact ids across cards, evidence in the article."""
    haystacks = (fold_typography(article), fold_typography(clean_text(article)))
    seen: dict[str, str] = {}
    for ci, card in enumerate(briefing.cards):
        for fi, fact in enumerate(card.facts):
            loc: list[int | str] = ["cards", ci, "facts", fi]
            if fact.id in seen:
                raise _error(
                    path,
                    data,
                    [*loc, "id"],
                    f"fact id {fact.id!r} is used twice (also in card '{seen[fact.id]}')",
                )
            seen[fact.id] = card.id
            quote = fold_typography(fact.evidence)
            if not any(quote in hay for hay in haystacks):
                raise _error(path, data, [*loc, "evidence"], "quote not found in the article")


def _check_card_ids(path: Path, data: Any) -> None:
    cards = data.get("cards")
    if not isinstance(cards, list):
        return
    seen: set[str] = set()
    for ci, card in enumerate(cards):
        card_id = card.get("id") if isinstance(card, dict) else None
        if isinstance(card_id, str):
            if card_id in seen:
                raise _error(path, data, ["cards", ci, "id"], f"card id {card_id!r} is used twice")
            seen.add(card_id)


def _message(error: Mapping[str, Any]) -> str:
    msg = str(error.get("msg", "invalid"))
    return msg.removeprefix("Value error, ")


def load_briefing(path: str | Path | None = None) -> Briefing:
    """Load and validate a briefing file (the built-in one by default).

    A good file is parsed with libyaml, which is fast; a file that fails is parsed again
    with a loader that remembers lines, so the error can name the line.
    """
    path = Path(path) if path is not None else builtin_path()
    text = _read_briefing_text(path)
    try:
        # Depth, aliases, duplicate keys and overlong numbers, before anything is built.
        problem = check_shape(text)
    except yaml.YAMLError as exc:
        raise _yaml_error(path, exc) from None
    if problem is not None:
        line, message = problem
        raise BriefingError(f"{path}:{line}: {message}")
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return _load(path, yaml.load(text, Loader=fast))
        except (BriefingError, yaml.YAMLError, ValueError, TypeError, OverflowError):
            pass  # read again below, with lines, to say where
    return _load(path, _read_yaml(path, text))


def _load(path: Path, data: Any) -> Briefing:
    if not isinstance(data, dict):
        raise BriefingError(f"{path}:1: the briefing file must be a mapping with id, title, cards")
    bad_text = check_text(data)
    if bad_text is not None:
        loc, message = bad_text
        raise _error(path, data, loc, message)
    _check_card_ids(path, data)
    try:
        briefing = Briefing.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise _error(path, data, first["loc"], _message(first)) from None
    article = _read_article(path, data, briefing.source.file)
    _check_cross_references(path, data, briefing, article)
    briefing._article = article
    return briefing


def _read_article(path: Path, data: Any, name: str) -> str:
    """The article beside the briefing: a regular file inside the briefing's folder."""
    folder = path.parent
    source = folder / name
    if not is_inside(source, folder):
        raise _error(
            path, data, ["source", "file"], f"the article {name!r} is outside the briefing's folder"
        )
    try:
        return read_user_text(source, ARTICLE_BYTES)
    except UserFileError as exc:
        raise _error(
            path, data, ["source", "file"], f"cannot read the article {name!r}: {exc.reason}"
        ) from None


@functools.cache
def builtin_briefing() -> Briefing:
    return load_briefing(builtin_path())
