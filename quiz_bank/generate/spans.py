"""Candidate facts in words: names (who/what/where), appositive definitions, lists and bullets."""

from __future__ import annotations

import re
from collections import Counter

from briefing_data.models import ListAnswer, ListItem, TextAnswer
from quiz_bank.generate.candidate import FUNCTION_WORDS, Candidate, words_after, words_before
from quiz_bank.generate.sections import Sentence
from quiz_bank.lexicon import country_words, is_common_word

_CAP = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*\.?|[A-Z]{2,}s?)"
_NAME = re.compile(
    rf"(?<![\w-]){_CAP}(?:\s+(?:(?:of|for|de|del|la|von|van|al|the|on)\s+)?{_CAP})*"
    r"(?:\s+\((?P<acr>[A-Z][A-Za-z]{1,9})\))?"
)
_CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
_ORG_WORDS = frozenset(
    """party group center centre council agency ministry department committee commission
    hospital university association institute company corp inc bank reserve administration
    office union organization organisation report survey foundation court parliament congress
    assembly army force forces navy police service services network times post press news""".split()
)
_PLACE_LEAD = frozenset("in from near at to across throughout outside inside into".split())
_PERSON_LEAD = frozenset(
    """president minister leader chairman chair director secretary spokesman spokeswoman
    spokesperson analyst professor dr mr mrs ms chief ceo founder author governor mayor senator
    lawmaker judge doctor commander general""".split()
)
_SAYS = frozenset("said says told wrote writes reports reported added explained".split())
_ATTRIBUTION = re.compile(
    r"(?:according to|per|reports? for|reported by|writes|wrote)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


class NameIndex:
    """What the whole article says about its capitalised words: which are names, how often."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.mid_caps: Counter[str] = Counter()
        self.lower: set[str] = set()
        self.mentions: Counter[str] = Counter()
        for s in sentences:
            for i, w in enumerate(re.findall(r"[\w'’-]+", s.text)):
                if w[:1].islower():
                    self.lower.add(w.lower())
                elif i > 0:
                    self.mid_caps[w] += 1
        self.text = " ".join(s.text for s in sentences)
        # Last words of full names: "Lind" alone later refers back to "Petra Lind".
        self.surnames: dict[str, int] = {}
        for m in re.finditer(r"\b([A-Z][a-z]+)\s+([A-Z][\w-]+)\b", self.text):
            if m.group(1).lower() not in FUNCTION_WORDS:
                self.surnames.setdefault(m.group(2), m.start())
        self.starts: dict[int, int] = {}
        pos = 0
        for s in sentences:
            self.starts[s.index] = pos
            pos += len(s.text) + 1

    def count(self, name: str) -> int:
        return len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", self.text))

    def is_name_word(self, word: str) -> bool:
        return bool(self.mid_caps[word]) and word.lower() not in self.lower


_ROLE_IN_NAME = re.compile(
    r"^.*\b(?:President|Minister|Director|Chairman|Chairwoman|CEO|Secretary|Leader|Chief|"
    r"Governor|Mayor|Senator|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Professor|General|Judge)\s+(?=[A-Z])"
)


def _trim_name(s: Sentence, start: int, end: int, index: NameIndex) -> tuple[int, int] | None:
    """Drop a sentence-opening common word and trailing connectors from a name span."""
    text = s.text
    role = _ROLE_IN_NAME.match(text[start:end])
    if role:
        start += role.end()  # "Acme President Jane Roe": the person is the name
    suffix = re.search(r"(?:['’]s?|-[a-z]+)$", text[start:end])
    if suffix:
        end -= len(suffix.group(0))  # "Lake Town-based", "the Harbour Board's"
    span = text[start:end]
    words = span.split()
    while words and (
        words[0].lower() in FUNCTION_WORDS
        or words[0].lower() in _CALENDAR
        or (start == 0 and not index.is_name_word(words[0]) and words[0].lower() in index.lower)
    ):
        cut = len(words[0]) + 1
        start += cut
        span = span[cut:]
        words = words[1:]
    while words and (words[-1].lower() in FUNCTION_WORDS or words[-1].lower() in _CALENDAR):
        span = span[: -len(words[-1])].rstrip()
        words = words[:-1]
    span = span.rstrip(".")
    if not words or not span:
        return None
    end = start + len(span)
    if len(words) == 1:
        w = words[0].rstrip(".")
        if w.lower() in _CALENDAR or w == "I" or len(w) < 2:
            return None
        if start == 0 and not index.is_name_word(w):
            return None
        if is_common_word(w.lower()) and not index.is_name_word(w):
            return None
    return start, end


def _text_type(s: Sentence, start: int, end: int, name: str, index: NameIndex | None = None) -> str:
    words = name.lower().split()
    if set(words) & _ORG_WORDS or re.fullmatch(r"[A-Z]{2,}s?", name):
        return "organisation"
    if name.lower() in country_words():
        return "country"
    before = [w.lower() for w in words_before(s.text, start, 2)]
    after = [w.lower() for w in words_after(s.text, end, 1)]
    if set(before) & _PERSON_LEAD or set(after) & _SAYS or after == ["who"]:
        return "person"
    if (before and before[-1] in _PLACE_LEAD) or before[-2:] == ["in", "the"]:
        return "place"
    parts = name.split()
    # People are named in full once, then by surname: "Petra Lind ... Lind said".
    full_name = 2 <= len(parts) <= 3 and all(w[:1].isupper() for w in parts)
    if full_name and index is not None and index.count(parts[-1]) > index.count(name):
        return "person"
    return "concept"


def _name_spans(text: str) -> list[tuple[re.Match[str], int, int]]:
    """Name matches, cut at possessives: "Norland’s Eastgate airport" names two things."""
    out = []
    for m in _NAME.finditer(text):
        end = m.start("acr") - 2 if m.group("acr") else m.end()
        start = m.start()
        for cut in re.finditer(r"['’]s?\s+", text[m.start() : end]):
            out.append((m, start, m.start() + cut.start()))
            start = m.start() + cut.end()
        out.append((m, start, end))
    return out


def name_candidates(s: Sentence, index: NameIndex) -> list[Candidate]:
    """Names in a sentence, scored by what a teacher asks: who, what, where."""
    if s.heading:
        return []
    out: list[Candidate] = []
    text = s.text
    for m, start, end in _name_spans(text):
        trimmed = _trim_name(s, start, end, index)
        if trimmed is None:
            continue
        start, end = trimmed
        name = text[start:end]
        variants = [m.group("acr")] if m.group("acr") else []
        kind_type = _text_type(s, start, end, name, index)
        score = 2.0 + (0.5 if " " in name else 0.0)
        after = text[end : end + 40]
        before = text[max(0, start - 40) : start]
        if re.match(r",\s+(?:a|an|the)?\s*[a-z]", after) or re.search(
            r"\b(?:the|a|an)\s+[a-z-]+\s*$", before
        ):
            score += 0.6  # "Osprey, a new ferry", "the ferry Osprey"
        if _ATTRIBUTION.search(before) or re.match(r",?\s+(?:reports|writes|wrote)\b", after):
            score -= 0.7  # who reported it, not what happened
        if re.search(r"\bof\s+(?:the\s+)?$", before) and kind_type == "organisation":
            score -= 0.4
        if re.match(r"\s*[.!?]?$", after) and re.search(r"[-–—:]\s*$", before):
            score += 0.8  # the sentence builds up to it: "... the winner was - Halden."
        if re.fullmatch(r"[A-Z]{2,}s?", name):
            score -= 0.5  # a bare acronym is rarely the point of a sentence
        if " " not in name and index.surnames.get(name, len(index.text)) < index.starts[s.index]:
            continue  # a back-reference to someone named in full elsewhere
        mentions = index.count(name)
        if mentions >= 4 and (kind_type != "person" or " " not in name):
            score -= 0.6  # the article's topic: a blank anyone fills
        elif mentions >= 2:
            score += 0.3
        if {w.lower().rstrip(".") for w in name.split()} & _PERSON_LEAD:
            score -= 1.0  # a title ("Mayor of Brindle"), not a name
        if (
            " " not in name
            and re.search(r"(?:ian|ean|ese|ish)$", name)
            and re.match(r"\s+[a-z]", after)
        ):
            continue  # a nationality used as an adjective: "Danish trains"
        if kind_type == "person" and " " in name:
            score += 0.5  # who did it: a teacher's first question
        answer = TextAnswer(canonical=name, type=kind_type)  # type: ignore[arg-type]
        out.append(
            Candidate(s, "text", [(start, end)], answer, score, "name", kind_type, [variants])
        )
    return out


def term_candidates(s: Sentence) -> list[Candidate]:
    """A short phrase the article puts in quotation marks is a term worth asking."""
    out: list[Candidate] = []
    for m in re.finditer(r"[\"“](?P<term>[A-Za-z][\w' -]{2,40})[\"”]", s.text):
        term = m.group("term").strip()
        words = term.split()
        if not 1 <= len(words) <= 4 or words[0].lower() in FUNCTION_WORDS:
            continue
        span = [(m.start("term"), m.start("term") + len(term))]
        out.append(Candidate(s, "text", span, TextAnswer(canonical=term), 2.3, "term"))
    return out


def appositive_candidates(s: Sentence) -> list[Candidate]:
    """'The owners, a brother and sister, are ...': the description names who they are."""
    out: list[Candidate] = []
    for m in re.finditer(r"(?<=[a-z]), (?P<desc>(?:a|an) [a-z][\w -]{2,40}?),", s.text):
        desc = m.group("desc")
        if len(desc.split()) > 6 or any(w in ("which", "who", "that") for w in desc.split()):
            continue
        head_before = s.text[: m.start()].split()[-1:]
        if head_before and head_before[0][:1].isupper():
            continue  # a name with its description: the name is the fact
        answer = TextAnswer(canonical=desc)
        span = [(m.start("desc"), m.end("desc"))]
        out.append(Candidate(s, "text", span, answer, 2.8, "definition"))
    sup = re.match(
        r"(?P<np>(?:[A-Z]?[a-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)\s+(?:is|are|was|were)\s+(?:the|its|their)\s+"
        r"(?:most|least|largest|biggest|main|only|first|best|worst|[a-z]+est)\b",
        s.text,
    )
    if sup and sup.group("np").split()[0].lower() not in FUNCTION_WORDS:
        span = [(sup.start("np"), sup.end("np"))]  # "Potatoes were the biggest crop"
        out.append(
            Candidate(s, "text", span, TextAnswer(canonical=sup.group("np")), 2.8, "superlative")
        )
    return out


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
_PAIR = re.compile(rf"(?P<a>{_CAP}(?:\s+{_CAP})*)\s+and\s+(?:the\s+)?(?P<b>{_CAP}(?:\s+{_CAP})*)")


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
                spans = []
                break
            spans.append(got)
        if len(spans) >= 3:
            out.append(_list_candidate(s, _parallel(text, spans), 2.6))
    for m in _PAIR.finditer(text):
        if any(c.spans[0][0] <= m.start() < c.spans[-1][1] for c in out):
            continue
        if re.search(r"\b(?:for|of)\s+$", text[: m.start()]):
            continue  # "Center for Disease Control and Prevention": one name
        spans = [(m.start("a"), m.end("a")), (m.start("b"), m.end("b"))]
        names = [text[a:b] for a, b in spans]
        if any(n.split()[0].lower() in FUNCTION_WORDS for n in names):
            continue
        out.append(_list_candidate(s, spans, 2.4))
    return out


_LOWER_PAIR = re.compile(
    r"\b(?:to|by|for|from|like|with|between|both)\s+(?P<a>[a-z]{3,}s)\s+and\s+(?P<b>[a-z]{3,}s)\b"
)
_TEMPORAL = frozenset(
    """today yesterday tomorrow week weeks month months year years day days time morning evening
    night decade decades century ago now later earlier recently""".split()
)


def pair_candidates(s: Sentence) -> list[Candidate]:
    """Two plural nouns joined after a preposition: "sold to companies and schools"."""
    out = []
    for m in _LOWER_PAIR.finditer(s.text):
        if {m.group("a"), m.group("b")} & FUNCTION_WORDS:
            continue
        spans = [(m.start("a"), m.end("a")), (m.start("b"), m.end("b"))]
        out.append(_list_candidate(s, spans, 2.0))
    return out


def tail_candidates(s: Sentence) -> list[Candidate]:
    """The phrase a sentence ends on, where its news usually sits: "... found in small birds"."""
    if s.heading or len(s.text.split()) < 6:
        return []
    m = re.search(
        r"(?<![\w'’])(?P<tail>(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)[\"”’)]*[.!?]?[\"”’]*$",
        s.text,
    )
    if not m:
        return []
    words = m.group("tail").split()
    while words and words[0].lower() in FUNCTION_WORDS:
        words = words[1:]
    if not words or any(w.lower() in FUNCTION_WORDS | _TEMPORAL for w in words):
        return []
    if words[-1][:1].isupper():
        return []  # a name: found by the name rules
    start = m.end("tail") - len(" ".join(words))
    span = [(start, m.end("tail"))]
    answer = TextAnswer(canonical=" ".join(words))
    score = 2.2 if len(words) > 1 else 1.6
    return [Candidate(s, "text", span, answer, score, "tail")]


_FRACTION = re.compile(
    r"(?:(?:nearly|almost|about|roughly|more than|less than|over|under|some)\s+)?"
    r"\b(?:one|two|three|four|a)[- ](?:half|third|thirds|quarter|quarters|fifth|fifths)"
    r"(?:-point)?\b(?!\s+(?!of\b)[a-z])",
    re.IGNORECASE,
)


def fraction_candidates(s: Sentence) -> list[Candidate]:
    """Shares said in words: "nearly one-third", "a quarter-point", "two-thirds"."""
    out = []
    for m in _FRACTION.finditer(s.text):
        answer = TextAnswer(canonical=m.group(0))
        out.append(Candidate(s, "text", [(m.start(), m.end())], answer, 2.8, "fraction"))
    return out


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
    elif len(words) > longest:
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
    kinds = {_text_type(s, a, b, s.text[a:b]) for a, b in spans}
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
