"""Forms a key implies without listing them, from general rules and the article itself.

Keys nobody curated (a briefing made by `briefing import`) have no variants; these rules give
the leniency a teacher would from general knowledge:

- a person is named as the article names them alone ("Yoon" when the article says "Yoon
  said"), unless that word also names someone else in the briefing;
- a term keeps its meaning without a country qualifier ("Nuclear Consultative Group" for
  "Korea Nuclear Consultative Group"); naming another country is still wrong (`contradiction`);
- a rank is right as its figure alone (fifth, 5th for "number five");
- a country is right by any of its names (PRC for China, DPRK for North Korea: pycountry);
- an abbreviation the article defines ("Centre for Disease Control (CDC)") stands for its
  long form, and the long form for the abbreviation.
"""

from __future__ import annotations

import re

from briefing_data.models import Briefing, FactBase, TextAnswer
from quiz_bank.lexicon import country_aliases, country_words, is_country_word, name_words
from quiz_bank.normalize import tokens

Form = tuple[str, ...]

# Words that only say a figure is a rank ("number five", "no. 5", "rank 5", "place 5").
_RANK_WORDS = frozenset({"number", "no", "rank", "place", "spot", "position"})


def implied_forms(
    fact: FactBase, briefing: Briefing | None, accepted: list[tuple[Form, str]]
) -> list[tuple[Form, str]]:
    """Forms to accept beside `accepted` (each with the text shown for it)."""
    out: list[tuple[Form, str]] = []
    known = {form for form, _ in accepted}
    for form, text in accepted:
        figures = [w for w in form if w.isdigit()]
        # "number five" is the fifth: a rank said with its figure alone.
        rank = len(figures) == 1 and all(w in _RANK_WORDS for w in form if w not in figures)
        if rank and (figures[0],) not in known:
            known.add((figures[0],))
            out.append(((figures[0],), text))
        for alias in country_aliases(form):
            if alias not in known:
                known.add(alias)
                out.append((alias, text))
        places = [w for w in form if is_country_word(w)]
        if places and len(form) - len(places) >= 2:
            reduced = tuple(w for w in form if not is_country_word(w))
            if all(w in country_words() for w in reduced):
                continue  # a country's own name (Islamic Republic of Iran), not a term
            if reduced not in known:
                known.add(reduced)
                out.append((reduced, text))
    if briefing is not None:
        for long, short in abbreviations(briefing):
            for form, text in list(accepted):
                other = short if form == long else long if form == short else None
                if other is not None and other not in known:
                    known.add(other)
                    out.append((other, text))
    answer = fact.answer
    if briefing is not None and isinstance(answer, TextAnswer) and answer.type == "person":
        for word in short_names(briefing, fact, answer.canonical):
            if (word,) not in known:
                known.add((word,))
                out.append(((word,), answer.canonical))
    return out


def short_names(briefing: Briefing, fact: FactBase, name: str) -> list[str]:
    """A word of a person's name that the article uses alone (Delgado of Maria Delgado Ruiz,
    in "Delgado said"), when it names no one else of the briefing."""
    words = tokens(name)
    if len(words) < 2:
        return []
    rivals = _other_person_words(briefing, fact.id, tuple(words))
    out = []
    for word in set(words):
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
    """The article's lines, and every evidence and statement of the briefing, as normalised
    words (filler kept)."""
    hit = _TEXTS.get(id(briefing))
    if hit is not None and hit[0] is briefing:
        return hit[1]
    texts = tuple(
        tuple(name_words(text, keep_filler=True))
        for text in [
            *briefing.article.splitlines(),
            *(t for f in briefing.facts() for t in (f.evidence, f.statement)),
        ]
        if text.strip()
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


# A name of capitalised words and the abbreviation after it in brackets: "Centre for Disease
# Control and Prevention (CDC)".
_DEFINED = re.compile(
    r"((?:[A-Z][\w'’.-]*[\s]+(?:(?:of|for|and|the|on|de|du|des)\s+)*){1,10})\(([A-Z][A-Za-z]{1,9})\)"
)


def abbreviations(briefing: Briefing) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(long form, abbreviation) of each abbreviation the article defines, normalised.

    The abbreviation must be the initials of the capitalised words before it (small words may
    be skipped): "... said the Chinese Center for Disease Control (CDC)" gives Center for
    Disease Control = CDC, as the initials decide where the name begins.
    """
    hit = _ABBREVIATIONS.get(id(briefing))
    if hit is not None and hit[0] is briefing:
        return hit[1]
    found: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for m in _DEFINED.finditer(briefing.article):
        short = m.group(2)
        capitals = [w for w in re.finditer(r"\S+", m.group(1)) if w.group(0)[:1].isupper()]
        n = len(short)
        initials = "".join(w.group(0)[0] for w in capitals[-n:]).upper()
        if n <= len(capitals) and initials == short.upper():
            long = tuple(tokens(m.group(1)[capitals[-n].start() :]))
            abbr = tuple(tokens(short))
            if long and abbr and long != abbr:
                found.append((long, abbr))
    if len(_ABBREVIATIONS) > 64:
        _ABBREVIATIONS.clear()
    _ABBREVIATIONS[id(briefing)] = (briefing, found)
    return found


_ABBREVIATIONS: dict[int, tuple[Briefing, list[tuple[tuple[str, ...], tuple[str, ...]]]]] = {}
