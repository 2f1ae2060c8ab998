"""Answer keys written in words (text answers and list items), prepared once, and matching.

A key's accepted forms, its known wrong answers, the words that are neutral for it (those of
the question, statement and evidence) and the names of other things in the briefing are
normalised once per fact; typed words are matched to them with the honest-slip rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_data.models import Briefing, FactBase
from quiz_bank.answer import positive_chunks
from quiz_bank.kinds.common import own_words
from quiz_bank.kinds.common import unexplained as common_unexplained
from quiz_bank.kinds.entities import entity_words
from quiz_bank.kinds.implied import implied_forms
from quiz_bank.lexicon import countries_in, country_words, is_common_word
from quiz_bank.normalize import FILLER, fold, tokens
from quiz_bank.wordmatch import is_hard, same_family, slip_distance, within

Form = tuple[str, ...]


@dataclass
class WordKey:
    """A fact's answer key in words, normalised once."""

    accepted: list[tuple[Form, str]]
    wrong: list[tuple[Form, str]]
    accepted_words: frozenset[str]
    wrong_words: frozenset[str]
    neutral: frozenset[str]
    synonyms: dict[str, str]
    others: frozenset[str] = frozenset()
    # (item key, item answer, its forms longest first) for list answers.
    items: list[tuple[str, str, list[Form]]] = field(default_factory=list)
    distances: dict[tuple[str, str], int | None] = field(default_factory=dict)
    # Every (item key, form) pair, longest form first.
    item_forms: list[tuple[str, Form]] = field(default_factory=list)
    # Countries the accepted answers name (alpha-2 codes): a learner naming another is wrong.
    countries: frozenset[str] = frozenset()
    # Whether the answer is a country (China, North Korea): another country is another answer.
    country_answer: bool = False
    # The country each list item is, when it is one (iran -> IR).
    item_countries: dict[str, str] = field(default_factory=dict)
    # Whether the answer names a person: another given name beside it names someone else.
    person: bool = False
    # Two or more adjacent words of an accepted form, written together (xijinping).
    joined: frozenset[str] = frozenset()
    # The same, each with the words it joins (supplylines -> supply, lines).
    splits: dict[str, Form] = field(default_factory=dict)

    def spelled(self, form: Form) -> str:
        return next((text for f, text in self.accepted if f == form), " ".join(form))


def synonym_map(groups: list[list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for group in groups:
        singles = [w[0] for w in (tokens(t) for t in group) if len(w) == 1]
        for word in singles:
            out[word] = singles[0]
    return out


def key_form(text: str, synonyms: dict[str, str]) -> Form:
    words = [synonyms.get(w, w) for chunk in positive_chunks(fold(text)) for w in chunk]
    return tuple(w for w in words if w not in FILLER)


def build_key(
    fact: FactBase,
    briefing: Briefing | None,
    groups: list[list[str]],
    accepted_texts: list[str],
    items: list[tuple[str, str, list[str]]],
    wrong_texts: list[str],
) -> WordKey:
    """Normalise a key: `accepted_texts` for a text answer, `items` (key, answer, all
    spellings) for a list."""
    synonyms = synonym_map(groups)
    accepted = [(t, v) for v in accepted_texts if (t := key_form(v, synonyms))]
    accepted += implied_forms(fact, briefing, accepted)
    prepared_items: list[tuple[str, str, list[Form]]] = []
    for key, answer, texts in items:
        pairs = [(t, v) for v in texts if (t := key_form(v, synonyms))]
        pairs += implied_forms(fact, None, pairs)
        pairs.sort(key=lambda p: len(p[0]), reverse=True)
        prepared_items.append((key, answer, [t for t, _ in pairs]))
        accepted += pairs
    wrong = [(t, w) for w in wrong_texts if (t := key_form(w, synonyms))]
    splits = {j: parts for form, _ in accepted for j, parts in _joins(form).items()}
    accepted_words = frozenset(w for form, _ in accepted for w in form)
    wrong_words = frozenset(w for form, _ in wrong for w in form) - accepted_words
    neutral = own_words(fact)
    return WordKey(
        accepted=accepted,
        wrong=wrong,
        accepted_words=accepted_words,
        wrong_words=wrong_words,
        neutral=(neutral | accepted_words) - wrong_words,
        synonyms=synonyms,
        others=entity_words(briefing, fact) - accepted_words,
        items=prepared_items,
        item_forms=sorted(
            ((k, form) for k, _, fs in prepared_items for form in fs), key=lambda kf: -len(kf[1])
        ),
        countries=frozenset(c for form, _ in accepted for _, _, c in countries_in(list(form))),
        joined=frozenset(splits),
        splits=splits,
        country_answer=bool(accepted) and _all_country(accepted[0][0]),
        person=getattr(fact.answer, "type", None) == "person",
        item_countries={k: c for k, _, forms in prepared_items if (c := _country_of_forms(forms))},
    )


def _country_of_forms(forms: list[Form]) -> str | None:
    """The country a list item is, if one of its forms is wholly a country's name."""
    for form in forms:
        found = countries_in(list(form))
        if len(found) == 1 and found[0][1] - found[0][0] == len(form):
            return found[0][2]
    return None


def _all_country(form: Form) -> bool:
    covered = sum(end - start for start, end, _ in countries_in(list(form)))
    return covered == len(form)


def _joins(form: Form) -> dict[str, Form]:
    """Runs of two or more adjacent words of a form, written together -> the words."""
    return {
        "".join(form[i:j]): form[i:j] for i in range(len(form)) for j in range(i + 2, len(form) + 1)
    }


def split_joined(words: list[str], key: WordKey) -> list[str]:
    """Typed words spaced as the key spaces them: a word that is several key words written
    together is split (supply-lines), and a run of words that is one key word is joined
    (problem solving for problem-solving)."""
    if not may_respace(words, key):
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        parts = key.splits.get(w) if w not in key.accepted_words else None
        if parts:
            out.extend(parts)
            i += 1
            continue
        for end in range(min(len(words), i + 3), i + 1, -1):
            run = "".join(words[i:end])
            if run in key.accepted_words:
                out.append(run)
                i = end
                break
        else:
            out.append(w)
            i += 1
    return out


def may_respace(words: list[str], key: WordKey) -> bool:
    """Whether typed words could be spaced otherwise than a key word (cheap test first)."""
    for i, w in enumerate(words):
        if w in key.joined and w not in key.accepted_words:
            return True
        run = w
        for nxt in words[i + 1 : i + 4]:
            run += nxt
            if run in key.accepted_words:
                return True
    return False


# ---------------------------------------------------------------------------------------------
# Matching typed words to a key


def word_distance(typed: str, expected: str, key: WordKey) -> int | None:
    """Typos between a typed word and an expected one, or None when it is not an honest slip."""
    if typed == expected:
        return 0
    pair = (typed, expected)
    if pair in key.distances:
        return key.distances[pair]
    if len(key.distances) > 50_000:
        key.distances.clear()
    key.distances[pair] = found = _honest_slip(typed, expected, key)
    return found


def _honest_slip(typed: str, expected: str, key: WordKey) -> int | None:
    distance = slip_distance(typed, expected)
    if (
        distance is None
        and len(expected) >= 3
        and typed.startswith(expected)
        and typed in key.neutral
        and not is_hard(typed)
    ):
        # The article spells the key word longer (Dong-hoon where the key says Dong): a key
        # cut short, not a different word.
        return None if typed in key.wrong_words or typed in key.others else 1
    if distance is None and same_family(typed, expected):
        # Another form of the same word (localizing for localization): no typo at all,
        # unless that form is itself a known wrong answer.
        return None if typed in key.wrong_words else 0
    if not distance:
        return distance
    # A typo that lands on another real thing is no slip: a known wrong answer, another
    # entity of the briefing, a country, a common English word.
    if typed in key.wrong_words or typed in key.others or typed in key.accepted_words:
        return None
    if typed in country_words() or is_common_word(typed):
        return None
    if any(within(typed, rival, distance) for rival in key.wrong_words):
        return None
    return distance


def match_form(
    typed: list[str], used: set[int], form: Form, key: WordKey
) -> tuple[list[int], list[tuple[str, str]]] | None:
    """Find every word of `form` among the unused typed words, in any order.

    A letter may stand for a word of a person's name before its last word (E. Feng).
    """
    taken: list[int] = []
    slips: list[tuple[str, str]] = []
    blocked = set(used)
    distances = key.distances
    last = len(form) - 1
    for n, word in enumerate(form):
        best: tuple[int, int] | None = None
        initial = key.person and n < last and len(word) > 1 and word.isalpha()
        for i, t in enumerate(typed):
            if i in blocked:
                continue
            if t == word:
                best = (0, i)
                break
            if initial and len(t) == 1 and t == word[0]:
                d: int | None = 1
            else:
                pair = (t, word)
                d = distances[pair] if pair in distances else word_distance(t, word, key)
            if d is not None and (best is None or d < best[0]):
                best = (d, i)
        if best is None:
            return None
        taken.append(best[1])
        blocked.add(best[1])
        if best[0]:
            slips.append((typed[best[1]], word))
    return taken, slips


def best_form(
    words: list[str], key: WordKey
) -> tuple[Form, list[tuple[str, str]], list[int]] | None:
    """The accepted form that explains most of the words, with the fewest typos.

    Words may be spaced otherwise than the key's (xi jin ping, xijinping for Xi Jinping;
    circular-exchange): a run of typed words that joins into a key word, or a typed word that
    is several key words joined, is read as the key spells it.
    """
    best = None
    spaced = may_respace(words, key)
    for form, _ in key.accepted:
        found = match_form(words, set(), form, key)
        if found is None:
            respaced = respace(words, form) if spaced else None
            if respaced is None:
                continue
            again = match_form(respaced[0], set(), form, key)
            if again is None:
                continue
            origin = respaced[1]
            found = (sorted({i for j in again[0] for i in origin[j]}), again[1])
        rank = (len(form), -len(found[1]))
        if best is None or rank > best[0]:
            best = (rank, (form, found[1], found[0]))
    return best[1] if best else None


def respace(words: list[str], form: Form) -> tuple[list[str], list[list[int]]] | None:
    """`words` re-split at the key's word breaks, with each new word's typed positions.

    None when no typed word or run of words joins differently into the form's words.
    """
    wanted = set(form)
    joined = {
        "".join(form[i:j]): form[i:j] for i in range(len(form)) for j in range(i + 2, len(form) + 1)
    }
    out: list[str] = []
    origin: list[list[int]] = []
    changed = False
    i = 0
    while i < len(words):
        if words[i] in joined and words[i] not in wanted:
            for part in joined[words[i]]:
                out.append(part)
                origin.append([i])
            changed = True
            i += 1
            continue
        for end in range(min(len(words), i + 4), i + 1, -1):
            if "".join(words[i:end]) in wanted:
                out.append("".join(words[i:end]))
                origin.append(list(range(i, end)))
                changed = True
                i = end
                break
        else:
            out.append(words[i])
            origin.append([i])
            i += 1
    return (out, origin) if changed else None


def matches_wrong(
    words: list[str], key: WordKey, explained: frozenset[int] = frozenset()
) -> str | None:
    """The known wrong answer these words name, if any.

    Words already explained by the right answer do not count: "transfer of industrial
    facilities for weapons production" is not the wrong "transfer of weapons".
    """
    for form, label in key.wrong:
        where = [[i for i, w in enumerate(words) if w == f] for f in form]
        if all(where) and any(i not in explained for spots in where for i in spots):
            return label
    return None


def unexplained(words: list[str], taken: list[int], key: WordKey) -> list[str]:
    """Content words the answer's form does not use and the fact's own text does not hold.

    A one-answer fact is answered by its answer, perhaps with words of its question or
    quote around it; a bag of unrelated words that happens to hold the answer is not.
    """
    used = set(taken)
    return common_unexplained([w for i, w in enumerate(words) if i not in used], key.neutral)
