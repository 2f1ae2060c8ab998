"""Forms a key implies without listing them, from general rules and the article itself.

Keys nobody curated (a briefing made by `briefing import`) have no variants; these rules give
the leniency a teacher would from general knowledge:

- a person is named as the article names them alone ("Yoon" when the article says "Yoon
  said"), unless that word also names someone else in the briefing;
- a term keeps its meaning without a country qualifier ("Nuclear Consultative Group" for
  "Korea Nuclear Consultative Group"); naming another country is still wrong (`contradiction`).
"""

from __future__ import annotations

from briefing_data.models import Briefing, FactBase, TextAnswer
from quiz_bank.lexicon import is_country_word
from quiz_bank.normalize import tokens

Form = tuple[str, ...]


def implied_forms(
    fact: FactBase, briefing: Briefing | None, accepted: list[tuple[Form, str]]
) -> list[tuple[Form, str]]:
    """Forms to accept beside `accepted` (each with the text shown for it)."""
    out: list[tuple[Form, str]] = []
    known = {form for form, _ in accepted}
    for form, text in accepted:
        places = [w for w in form if is_country_word(w)]
        if places and len(form) - len(places) >= 2:
            reduced = tuple(w for w in form if not is_country_word(w))
            if reduced not in known:
                known.add(reduced)
                out.append((reduced, text))
    answer = fact.answer
    if briefing is not None and isinstance(answer, TextAnswer) and answer.type == "person":
        for word in short_names(briefing, fact, answer.canonical):
            if (word,) not in known:
                known.add((word,))
                out.append(((word,), answer.canonical))
    return out


def short_names(briefing: Briefing, fact: FactBase, name: str) -> list[str]:
    """The first or last word of a person's name, when the article uses it alone and it names
    no one else of the briefing."""
    words = tokens(name)
    if len(words) < 2:
        return []
    rivals = _other_person_words(briefing, fact.id, tuple(words))
    out = []
    for word in {words[0], words[-1]}:
        if len(word) < 3 or not word.isalpha() or word in rivals:
            continue
        if any(_alone(text, word, set(words)) for text in _texts(briefing)):
            out.append(word)
    return sorted(out)


def _alone(text: tuple[str, ...], word: str, name: set[str]) -> bool:
    for i, w in enumerate(text):
        if w != word:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before not in name and after not in name:
            return True
    return False


def _texts(briefing: Briefing) -> tuple[tuple[str, ...], ...]:
    """Every evidence and statement of the briefing, as normalised words (filler kept)."""
    hit = _TEXTS.get(id(briefing))
    if hit is not None and hit[0] is briefing:
        return hit[1]
    texts = tuple(
        tuple(tokens(text, keep_filler=True))
        for f in briefing.facts()
        for text in (f.evidence, f.statement)
    )
    if len(_TEXTS) > 64:
        _TEXTS.clear()
    _TEXTS[id(briefing)] = (briefing, texts)
    return texts


_TEXTS: dict[int, tuple[Briefing, tuple[tuple[str, ...], ...]]] = {}


def _other_person_words(briefing: Briefing, fact_id: str, name: tuple[str, ...]) -> frozenset[str]:
    """Words of the names of other people (other facts' person answers) in the briefing."""
    out: set[str] = set()
    for other in briefing.facts():
        a = other.answer
        if other.id == fact_id or not isinstance(a, TextAnswer) or a.type != "person":
            continue
        for text in [a.canonical, *a.variants]:
            words = tuple(tokens(text))
            if words != name:
                out.update(words)
    return frozenset(out)
