"""Answer keys: the variants the article itself gives, and wrong answers from its other spans."""

from __future__ import annotations

import re

from briefing_data.models import ListAnswer, ListItem, TextAnswer
from quiz_bank.generate.candidate import FUNCTION_WORDS, Candidate
from quiz_bank.lexicon import country_words

_PAREN_ACRONYM = re.compile(
    r"(?P<full>(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the|on)\s+)?){1,7}[A-Z][\w'’-]*)\s+\((?P<acr>[A-Z][A-Za-z]{1,9})\)"
)
MAX_WRONG = 6


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in FUNCTION_WORDS).upper()


class AliasIndex:
    """Other names the article gives a thing: 'People Power Party (PPP)', a surname alone."""

    def __init__(self, article: str) -> None:
        self.article = article
        self.aliases: dict[str, set[str]] = {}
        for m in _PAREN_ACRONYM.finditer(article):
            full = m.group("full")
            acr = m.group("acr")
            words = full.split()
            # The expansion is the shortest tail of the capitalised run whose initials fit.
            for k in range(len(words)):
                tail = " ".join(words[k:])
                if _initials(tail) == acr.upper().rstrip("S"):
                    self._pair(tail, acr)
                    break
        self.tokens = set(re.findall(r"(?<![\w-])[A-Z][A-Za-z-]*(?![\w-])", article))
        self.spellings = _other_spellings(self.tokens)

    def _pair(self, a: str, b: str) -> None:
        self.aliases.setdefault(a.lower(), set()).add(b)
        self.aliases.setdefault(b.lower(), set()).add(a)

    def variants(self, name: str, text_type: str) -> list[str]:
        out = set(self.aliases.get(name.lower(), set()))
        initials = _initials(name)
        if len(initials) >= 2 and " " in name and initials in self.tokens:
            out.add(initials)  # "Kessel Marine Works" ... "KMW": the article's own
        words = name.split()
        for i, word in enumerate(words):  # "Lukashenka" and, elsewhere, "Lukashenko"
            for other in self.spellings.get(word, ()):
                out.add(" ".join([*words[:i], other, *words[i + 1 :]]))
        place = text_type in ("country", "place") or name.lower() in country_words()
        if len(words) == 1 and words[0][:1].isupper() and not place:
            # "Lind" where the article also writes "Petra Lind": the full name is right too.
            for m in re.finditer(r"\b([A-Z][\w'’-]+)\s+" + re.escape(name) + r"\b", self.article):
                if m.group(1).lower() not in FUNCTION_WORDS:
                    out.add(f"{m.group(1)} {name}")
        if text_type == "person" and len(words) >= 2:
            surname = words[-1]
            if (
                len(re.findall(r"(?<![\w-])" + re.escape(surname) + r"(?![\w-])", self.article))
                >= 2
            ):
                out.add(surname)
        if words and words[0].lower() in ("the", "a", "an") and len(words) > 1:
            out.add(" ".join(words[1:]))
        out.discard(name)
        return sorted(out)


def _other_spellings(tokens: set[str]) -> dict[str, set[str]]:
    """Long capitalised words the article spells two ways, one letter apart at the end
    ("Lukashenka" / "Lukashenko"): transliterations of one name, not two names."""
    out: dict[str, set[str]] = {}
    by_stem: dict[str, list[str]] = {}
    for token in tokens:
        if len(token) >= 7 and token.isalpha():
            by_stem.setdefault(token[:-1], []).append(token)
    for group in by_stem.values():
        if len(group) > 1 and not any(t.lower() in country_words() for t in group):
            for t in group:
                out[t] = {o for o in group if o != t}
    return out


def _shares_words(a: str, b: str) -> bool:
    wa = {w for w in re.findall(r"\w+", a.lower()) if w not in FUNCTION_WORDS}
    wb = {w for w in re.findall(r"\w+", b.lower()) if w not in FUNCTION_WORDS}
    return bool(wa & wb)


def with_variants_and_wrong(
    c: Candidate, aliases: AliasIndex, peers: dict[str, list[str]]
) -> Candidate:
    """The candidate with its answer key completed: variants and same-type wrong answers."""
    a = c.answer
    if isinstance(a, TextAnswer):
        variants = sorted({*a.variants, *(v for g in c.variants for v in g if v)})
        variants += [v for v in aliases.variants(a.canonical, c.text_type) if v not in variants]
        accepted = [a.canonical, *variants]
        wrong = _wrong_for(accepted, peers.get(c.text_type, []))
        c.answer = a.model_copy(update={"variants": variants, "wrong": wrong})
    elif isinstance(a, ListAnswer):
        items = [
            ListItem(
                key=item.key,
                answer=item.answer,
                variants=aliases.variants(item.answer, c.text_type),
            )
            for item in a.items
        ]
        accepted = [s for item in items for s in (item.answer, *item.variants)]
        wrong = _wrong_for(accepted, peers.get(c.text_type, [])) if a.type != "concept" else []
        c.answer = a.model_copy(update={"items": items, "wrong": wrong})
    return c


def _wrong_for(accepted: list[str], peers: list[str]) -> list[str]:
    out: list[str] = []
    for peer in peers:
        if any(_shares_words(peer, ok) for ok in accepted) or peer in out:
            continue
        out.append(peer)
        if len(out) == MAX_WRONG:
            break
    return out


def peer_names(candidates: list[Candidate]) -> dict[str, list[str]]:
    """Names in the article by type, in order of importance: distractors come from these."""
    by_type: dict[str, list[str]] = {}
    for c in sorted(candidates, key=lambda c: -c.score):
        if c.role != "name" or c.text_type == "concept":
            continue
        names = by_type.setdefault(c.text_type, [])
        if c.answer_words not in names:
            names.append(c.answer_words)
    return by_type
