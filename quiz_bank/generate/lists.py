"""Candidate facts that are lists: coordinations "X, Y and Z", pairs, and bullet points."""

from __future__ import annotations

import re
from collections import Counter

from briefing_data.models import ListAnswer, ListItem
from quiz_bank.generate.candidate import FUNCTION_WORDS, Candidate
from quiz_bank.generate.names import CAPITALISED, text_type_of
from quiz_bank.generate.sections import Sentence


def _item_span(
    text: str, start: int, end: int, *, left: bool, right: bool
) -> tuple[int, int] | None:
    """Trim one list item: from the left for the first item, from the right for the last."""
    chunk = text[start:end]
    words = list(re.finditer(r"\S+", chunk))
    if not words:
        return None
    if left:
        keep: list[re.Match[str]] = []
        for w in reversed(words):
            bare = w.group(0).strip("“”\"'(").lower()
            if bare in FUNCTION_WORDS or len(keep) == 4 or w.group(0)[-1:] in ")":
                break
            keep.insert(0, w)
        words = keep
    if right:
        keep = []
        for w in words:
            bare = w.group(0).strip("“”\"'.").lower()
            if keep and (bare in FUNCTION_WORDS or len(keep) == 4):
                break
            keep.append(w)
            if w.group(0)[-1:] in ".;:)":
                break
        words = keep
    if not words or len(words) > 5:
        return None
    a = start + words[0].start()
    b = start + words[-1].end()
    while b > a and text[b - 1] in ".,;:)”\"'":
        b -= 1
    while a < b and text[a] in "“\"'(":
        a += 1
    return (a, b) if b > a else None


_COORDINATION = re.compile(
    r"(?P<list>(?:(?:[^,;:()—]|,(?=\d))+,\s+){1,8}(?:[^,;:()—]|,(?=\d))+?,?\s+(?:and|or)\s+"
    r"(?:[^,;:()—]|,(?=\d))+)"
)
# An item opening with one of these is a clause, not a list item.
_CLAUSE_OPENERS = FUNCTION_WORDS - {"a", "an", "the", "their", "its", "his", "her", "our"} | {
    "despite",
    "although",
    "though",
    "because",
    "whereas",
    "unless",
    "including",
    "which",
}
_PAIR = re.compile(
    rf"(?P<a>{CAPITALISED}(?:\s+{CAPITALISED})*)\s+and\s+(?:the\s+)?(?P<b>{CAPITALISED}(?:\s+{CAPITALISED})*)"
)


def _coordinated(text: str, base: int, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The items' spans when every piece reads as a list item, else []."""
    spans: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(bounds):
        got = _item_span(text, base + a, base + b, left=i == 0, right=i == len(bounds) - 1)
        raw_words = text[base + a : base + b].split()
        if (
            got is None
            or (0 < i < len(bounds) - 1 and len(text[got[0] : got[1]].split()) > 4)
            or (i > 0 and raw_words and raw_words[0].lower() in _CLAUSE_OPENERS)
            or re.search(r"\d", text[got[0] : got[1]])
        ):
            return []
        spans.append(got)
    heads = [re.sub(r"^(?:the|a|an)\s+", "", text[a:b]) for a, b in spans]
    if len({h[:1].isupper() for h in heads}) > 1 and all(len(h.split()) <= 2 for h in heads):
        return []  # "Post, killed and eaten": names and words mixed are not one list
    if sum(bool(re.fullmatch(r"[a-z]+(?:ed|en)", h)) for h in heads) >= 2:
        return []  # past participles: verbs coordinated, not things listed
    return spans


def list_candidates(s: Sentence) -> list[Candidate]:
    """Coordinations 'X, Y and Z' (and pairs of names 'Brindle and Halden')."""
    text = s.text
    out: list[Candidate] = []
    for m in _COORDINATION.finditer(text):
        body = m.group("list")
        base = m.start("list")
        pieces = [(p.start(), p.end()) for p in re.finditer(r"(?:[^,]|,(?=\d))+", body)]
        last_a, last_b = pieces[-1]
        split = re.search(r"\s(?:and|or)\s", body[last_a:last_b])
        if not split:
            continue
        bounds = [*pieces[:-1]]
        tail_a = last_a + split.start()
        if body[last_a:tail_a].strip():
            bounds.append((last_a, tail_a))
        bounds.append((last_a + split.end(), last_b))
        # The list may start after the first comma: "... of weapons, including X, Y and Z".
        while len(bounds) >= 3:
            spans = _coordinated(text, base, bounds)
            if spans:
                out.append(_list_candidate(s, _parallel(text, spans), 2.6))
                break
            bounds = bounds[1:]
    for m in _PAIR.finditer(text):
        if any(c.spans[0][0] <= m.start() < c.spans[-1][1] for c in out):
            continue
        if re.search(r"\b(?:for|of)\s+$", text[: m.start()]):
            continue  # "Center for Disease Control and Prevention": one name
        spans = [(m.start("a"), m.end("a")), (m.start("b"), m.end("b"))]
        names = [text[a:b] for a, b in spans]
        if any(n.split()[0].lower() in FUNCTION_WORDS for n in names):
            continue
        out.append(_list_candidate(s, spans, 2.2))
    return out


_LOWER_PAIR = re.compile(
    r"(?P<a>\b(?:[a-z]{3,}\s)?[a-z]{3,}s)\s+and\s+(?P<b>[a-z]{3,}s)\b(?!\s+(?:of|to)\b)"
)


def pair_candidates(s: Sentence) -> list[Candidate]:
    """Two plural nouns joined after a preposition: "sold to companies and schools"."""
    out = []
    for m in _LOWER_PAIR.finditer(s.text):
        a_start = m.start("a")
        if m.group("a").split()[0] in FUNCTION_WORDS | _CLAUSE_OPENERS:
            a_start += len(m.group("a").split()[0]) + 1
        if {m.group("a").split()[-1], m.group("b")} & FUNCTION_WORDS:
            continue
        spans = [(a_start, m.end("a")), (m.start("b"), m.end("b"))]
        out.append(_list_candidate(s, spans, 2.2))
    return out


def _after_function_word(text: str, at: int) -> bool:
    """Whether the word before `at` is a function word ("such as lane alerts": bounded)."""
    before = re.findall(r"[\w'’-]+", text[:at])
    return bool(before) and before[-1].lower() in FUNCTION_WORDS - {"to"}


def _parallel(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first and last items cut to the length of the others: lists are parallel."""
    inner = [len(text[a:b].split()) for a, b in spans[1:-1]] or [2]
    longest = max(inner)
    a, b = spans[0]
    words = list(re.finditer(r"\S+", text[a:b]))
    if all(text[x:y][:1].isupper() for x, y in spans[1:]):
        named = [w for w in words if w.group(0)[:1].isupper()]
        run = 0
        while run < len(words) and words[len(words) - 1 - run].group(0)[:1].isupper():
            run += 1
        if named and run:
            longest = min(longest, run)  # a list of names: the first item is a name too
    intro = re.search(r"\b(?:such as|including|like|namely)\s+", text[a:b])
    if intro and len(text[a + intro.end() : b].split()) <= 4:
        spans[0] = (a + intro.end(), b)  # "such as lane alerts, ...": the items start here
    elif len(words) > longest and not _after_function_word(text, a):
        spans[0] = (a + words[-longest].start(), b)
    return spans


def _list_candidate(s: Sentence, spans: list[tuple[int, int]], score: float) -> Candidate:
    items: list[ListItem] = []
    used: set[str] = set()
    spans = [(a, b - len(m.group(0))) if (m := re.search(r"['’]s?$", s.text[a:b])) else (a, b)
             for a, b in spans]  # fmt: skip
    for a, b in spans:
        item = s.text[a:b]
        key = re.sub(r"[^a-z0-9]+", "-", item.lower()).strip("-")[:40].strip("-") or "item"
        while key in used:
            key += "-x"
        used.add(key)
        items.append(ListItem(key=key, answer=item))
    kinds = {text_type_of(s, a, b, s.text[a:b]) for a, b in spans}
    text_type = kinds.pop() if len(kinds) == 1 else "concept"
    answer = ListAnswer(items=items, type=text_type)  # type: ignore[arg-type]
    return Candidate(s, "list", spans, answer, score + 0.1 * len(spans), "list", text_type)


def _bullet_heads(text: str) -> list[str]:
    """The items one bullet names: its opening name(s) or its first few words."""
    m = re.match(r"[^,;:.()]+", text)
    head = m.group(0) if m else text
    head = re.split(r"\s+(?:such as|that|which|who|capable|with|for|to|from|in|on)\s+", head)[0]
    parts = [p.strip() for p in re.split(r"\s+and\s+", head) if p.strip()]
    out = []
    for part in parts:
        words = part.split()
        if words and (words[0][:1].isupper() or words[0][:1].isdigit()):
            named: list[str] = []
            for w in words:  # "KX-2 cargo drones": the name, "Osprey II"
                if named and not (w[:1].isupper() or w[:1].isdigit()):
                    break
                named.append(w)
            words = named if len(words) > 1 and len(named) < len(words) else words
        out.append(" ".join(words[:4]))
    return out


def bullet_candidates(sentences: list[Sentence]) -> list[Candidate]:
    """A run of one-line bullets: their opening words are the items of one list."""
    per_paragraph = Counter((s.section, s.paragraph) for s in sentences)
    runs: list[tuple[Sentence | None, list[Sentence]]] = []
    prose: Sentence | None = None
    for s in sentences:
        # A bullet of several sentences is prose, not a list item.
        item = s.bullet and per_paragraph[(s.section, s.paragraph)] == 1
        if not item:
            prose = s
            continue
        if (
            runs
            and runs[-1][1][-1].paragraph + 1 == s.paragraph
            and runs[-1][1][-1].section == s.section
        ):
            runs[-1][1].append(s)
        else:
            runs.append((prose, [s]))
    out: list[Candidate] = []
    for lead_in, run in runs:
        short = sum(len(b.text.split()) <= 8 for b in run)
        if len(run) < 2 or 2 * short < len(run) or any(len(b.text.split()) > 30 for b in run):
            continue
        heads = [h for b in run for h in _bullet_heads(b.text)]
        if 2 <= len(heads) <= 10 and all(h.strip() for h in heads):
            cand = _bullet_list(run, heads)
            if lead_in is not None and lead_in.section == run[0].section:
                cand.context = lead_in.text
            out.append(cand)
    return out


def _bullet_list(run: list[Sentence], heads: list[str]) -> Candidate:
    """The first bullet's sentence carries the fact; its items name every bullet."""
    first = run[0]
    text = first.text
    items: list[ListItem] = []
    for i, head in enumerate(heads):
        key = re.sub(r"[^a-z0-9]+", "-", head.lower()).strip("-")[:40].strip("-") or f"item-{i}"
        items.append(
            ListItem(key=key if key not in [it.key for it in items] else f"{key}-{i}", answer=head)
        )
    answer = ListAnswer(items=items)
    span = [(0, len(heads[0]))] if text.startswith(heads[0]) else [(0, len(text))]
    return Candidate(first, "list", span, answer, 3.3, "bullets", run=run[1:])
