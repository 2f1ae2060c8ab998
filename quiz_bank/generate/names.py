"""Candidate facts that are names: who, what and where, typed person, place or organisation."""

from __future__ import annotations

import re
from collections import Counter

from briefing_data.models import TextAnswer
from quiz_bank.generate.candidate import FUNCTION_WORDS, Candidate, words_after, words_before
from quiz_bank.generate.sections import Sentence
from quiz_bank.lexicon import country_words, is_common_word

CAPITALISED = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*\.?|[A-Z]{2,}s?)"
_NAME = re.compile(
    rf"(?<![\w-]){CAPITALISED}(?:\s+(?:(?:of|for|de|del|la|von|van|al|the|on)\s+)?{CAPITALISED})*"
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
    r"(?:(?:[Aa]ccording to|[Pp]er)(?:\s+[A-Z][\w-]*){0,3}(?:\s+of)?"
    r"|reports? for|reported by|writes|wrote)\s+(?:the\s+)?$",
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
        self._counts: dict[str, int] = {}
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
        if name not in self._counts:
            pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
            self._counts[name] = len(re.findall(pattern, self.text))
        return self._counts[name]

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


def text_type_of(
    s: Sentence, start: int, end: int, name: str, index: NameIndex | None = None
) -> str:
    words = name.lower().split()
    if set(words) & _ORG_WORDS or any(re.fullmatch(r"[A-Z]{2,}s?", w) for w in name.split()):
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
    reached = 0
    for m in _NAME.finditer(text):
        if m.start() < reached:
            continue
        end = m.start("acr") - 2 if m.group("acr") else m.end()
        start = m.start()
        more = re.match(r"\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", text[end:])
        if more and re.search(r"\s(?:for|of)\s", text[start:end]):
            end += more.end()  # "Center for Disease Control and Prevention": one name
        binomial = re.match(r"\s+([a-z]{4,})\b", text[end:])
        if binomial and " " not in text[start:end] and not is_common_word(binomial.group(1)):
            end += binomial.end()  # "Yersinia pestis": a capitalised name and its epithet
        reached = end
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
        kind_type = text_type_of(s, start, end, name, index)
        score = 2.0 + (0.5 if " " in name else 0.0)
        after = text[end : end + 40]
        before = text[max(0, start - 40) : start]
        if re.match(r",\s+(?:a|an|the)?\s*[a-z]", after) or re.search(
            r"\b(?:the|a|an)\s+[a-z-]+\s*$", before
        ):
            score += 0.6  # "Osprey, a new ferry", "the ferry Osprey"
        document = re.match(r"\s+(?:report|survey|study|index|poll|data)\b", after)
        if document:
            score += 0.3  # a named source: "the Harbour Survey report"
        elif _ATTRIBUTION.search(before) or re.match(r",?\s+(?:reports|writes|wrote)\b", after):
            score -= 1.2  # who reported it, not what happened
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
