"""The words naming things in a briefing, indexed once per briefing (not once per fact)."""

from __future__ import annotations

from collections import Counter

from briefing_data.models import Briefing, FactBase
from quiz_bank.normalize import tokens

_Index = tuple[frozenset[str], dict[str, set[str]], Counter[str]]
_INDEX: dict[int, tuple[Briefing, _Index]] = {}


def entity_words(briefing: Briefing | None, fact: FactBase) -> frozenset[str]:
    """Words naming things elsewhere in the briefing: a typo landing on one is not honest.

    Every word of the briefing's names, less those only `fact` uses: one set difference per
    fact, where a pass over every other fact made a bank of a thousand facts take minutes.
    """
    if briefing is None:
        return frozenset()
    everyone, own, counts = _index(briefing)
    return everyone - {w for w in own.get(fact.id, ()) if counts[w] == 1}


def _index(briefing: Briefing) -> _Index:
    """Every naming word, each fact's own (by fact id), and how many facts use each word."""
    hit = _INDEX.get(id(briefing))
    if hit and hit[0] is briefing:
        return hit[1]
    from quiz_bank.kinds import kind_of

    own: dict[str, set[str]] = {}
    for fact in briefing.facts():
        words = own.setdefault(fact.id, set())
        for text in kind_of(fact).entity_names():
            words.update(w for w in tokens(text) if len(w) > 2)
    counts: Counter[str] = Counter(w for words in own.values() for w in words)
    index: _Index = (frozenset(counts), own, counts)
    if len(_INDEX) > 64:
        _INDEX.clear()
    _INDEX[id(briefing)] = (briefing, index)
    return index
