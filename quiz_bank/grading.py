"""Grading a typed answer the way a fair teacher would: lenient on slips, strict on facts.

Lenient: case, accents, scripts, punctuation, word order, filler, plurals, British spelling,
designation spacing (see `normalize`), honest typos scaled to word length, number words and
the date formats of `dates`. Strict: a different number, date, unit or designation is wrong;
a typo that lands on another real thing (a known wrong answer, another entity of the briefing,
a country, a common English word) is wrong; naming several answers to a one-answer question
is wrong unless the others are ruled out ("logistics, not troops").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz.distance import OSA

from briefing_data.models import (
    Briefing,
    DateAnswer,
    DateRangeAnswer,
    FactBase,
    ListAnswer,
    NumberAnswer,
    TextAnswer,
)
from quiz_bank.dates import is_date_word, read_dates
from quiz_bank.lexicon import country_words, is_common_word
from quiz_bank.normalize import FILLER, fold, normal_word, raw_words, tokens
from quiz_bank.verdict import Verdict

# Longer answers are refused, not searched: a learner's answer is a few words.
MAX_ANSWER_CHARS = 2000

_SEPARATORS = re.compile(r"[,;/|\n()\[\]]|\bor\b|\band\b|\bvs\b|\bplus\b|\bthen\b|\s-\s")
_NEGATIONS = ("rather than", "instead of", "but not", "not", "never", "except", "excluding")
_NEGATION = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in _NEGATIONS) + r")\b")
_BUT = re.compile(r"\bbut\b")
_NUMBERISH = re.compile(r"^\d+(?:\.\d+)?$")

_UNIT_WORDS = frozenset(
    normal_word(w)
    for w in """km kms kilometer kilometers kilometre kilometres mile miles mi meter meters metre
    metres m nautical year years yr yrs month months day days week weeks hour hours minute
    minutes decade decades century centuries percent""".split()
)
_LOWER_QUALIFIERS = re.compile(r"\b(at most|less than|fewer than|under|below|no more than)\b")
_UPPER_QUALIFIERS = re.compile(r"\b(at least|more than|over|above|no less than|minimum)\b")


_VERB_ENDING = re.compile(r"(?<=[a-z]{3})(ing|ed)$")


def _stem(word: str) -> str:
    """transferring -> transfer, repaired -> repair: verb forms that say the same thing."""
    stem = _VERB_ENDING.sub("", word)
    if stem != word and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        stem = stem[:-1]
    return stem


def typo_budget(word: str) -> int:
    """Typos forgiven in a word: none up to 4 letters, one up to 9, two beyond."""
    if len(word) <= 4:
        return 0
    if len(word) <= 9:
        return 1
    return 2


_DIGIT = re.compile(r"\d")


def _is_hard(word: str) -> bool:
    """Numbers and designations (s400, torm2, g7) must be typed exactly."""
    return _DIGIT.search(word) is not None


@dataclass
class _Prepared:
    """A fact's answer key, normalised once."""

    accepted: list[tuple[tuple[str, ...], str]]
    wrong: list[tuple[tuple[str, ...], str]]
    accepted_words: frozenset[str]
    wrong_words: frozenset[str]
    neutral: frozenset[str]
    # The stems of the neutral words: "repairs" is explained by a question about "repairing".
    neutral_stems: frozenset[str]
    synonyms: dict[str, str]
    others: frozenset[str] = frozenset()
    items: list[tuple[str, str, list[tuple[str, ...]]]] = field(default_factory=list)
    distances: dict[tuple[str, str], int | None] = field(default_factory=dict)
    # Every (item key, form) pair, longest form first.
    item_forms: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    def spelled(self, form: tuple[str, ...]) -> str:
        return next((text for f, text in self.accepted if f == form), " ".join(form))


_CACHE: dict[tuple[int, int], tuple[FactBase, Briefing | None, _Prepared]] = {}


def _synonym_map(groups: list[list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for group in groups:
        words = [tokens(w) for w in group]
        singles = [w[0] for w in words if len(w) == 1]
        if singles:
            for word in singles:
                out[word] = singles[0]
    return out


def _positive(text: str, synonyms: dict[str, str]) -> tuple[str, ...]:
    words = [synonyms.get(w, w) for w in _positive_words(fold(text))]
    return tuple(w for w in words if w not in FILLER)


def _positive_words(folded: str) -> list[str]:
    """The words of a folded text that are asserted, not ruled out ("not troops")."""
    words: list[str] = []
    for chunk in _SEPARATORS.split(folded):
        words.extend(_chunk_positive(chunk))
    return words


def _chunk_positive(chunk: str) -> list[str]:
    match = _NEGATION.search(chunk)
    if not match:
        return [normal_word(w) for w in raw_words(chunk)]
    before = chunk[: match.start()]
    rest = chunk[match.end() :]
    but = _BUT.search(rest)
    after = rest[but.end() :] if but else ""
    return [normal_word(w) for w in raw_words(before + " " + after)]


def _entity_words(briefing: Briefing | None, fact: FactBase) -> frozenset[str]:
    """Words naming things elsewhere in the briefing: a typo landing on one is not honest."""
    if briefing is None:
        return frozenset()
    everyone, own, counts = _entity_index(briefing)
    only_mine = {w for w in own.get(fact.id, ()) if counts[w] == 1}
    return everyone - only_mine


_ENTITY_INDEX: dict[int, tuple[Briefing, tuple[frozenset[str], dict[str, set[str]], Counter[str]]]]
_ENTITY_INDEX = {}


def _entity_index(
    briefing: Briefing,
) -> tuple[frozenset[str], dict[str, set[str]], Counter[str]]:
    """Every naming word of the briefing, each fact's own, and how many facts use each word.

    Built once per briefing, so preparing each of its facts is linear, not a pass over all
    the others (which made a bank of a thousand facts take minutes).
    """
    hit = _ENTITY_INDEX.get(id(briefing))
    if hit and hit[0] is briefing:
        return hit[1]
    own: dict[str, set[str]] = {}
    for fact in briefing.facts():
        names = [t for group in fact.spelling_groups() for t in group]
        if isinstance(fact.answer, NumberAnswer | DateAnswer | DateRangeAnswer):
            names = []  # figures and dates name no entity
        words = own.setdefault(fact.id, set())
        for text in [*names, *getattr(fact.answer, "wrong", [])]:
            words.update(w for w in tokens(text) if len(w) > 2)
    counts: Counter[str] = Counter(w for words in own.values() for w in words)
    index = (frozenset(counts), own, counts)
    if len(_ENTITY_INDEX) > 64:
        _ENTITY_INDEX.clear()
    _ENTITY_INDEX[id(briefing)] = (briefing, index)
    return index


def _prepare(fact: FactBase, briefing: Briefing | None) -> _Prepared:
    key = (id(fact), id(briefing))
    hit = _CACHE.get(key)
    if hit and hit[0] is fact and hit[1] is briefing:
        return hit[2]
    a = fact.answer
    groups = list(getattr(a, "synonyms", []))
    if isinstance(a, ListAnswer):
        for item in a.items:
            groups += item.synonyms
    synonyms = _synonym_map(groups)
    accepted: list[tuple[tuple[str, ...], str]] = []
    items: list[tuple[str, str, list[tuple[str, ...]]]] = []
    if isinstance(a, TextAnswer):
        accepted = [(t, v) for v in a.accepted() if (t := _positive(v, synonyms))]
    elif isinstance(a, ListAnswer):
        for item in a.items:
            texts = [item.answer, *item.variants]
            pairs = [(t, v) for v in texts if (t := _positive(v, synonyms))]
            pairs.sort(key=lambda p: len(p[0]), reverse=True)
            items.append((item.key, item.answer, [t for t, _ in pairs]))
            accepted += pairs
    wrong = [(t, w) for w in getattr(a, "wrong", []) if (t := _positive(w, synonyms))]
    accepted_words = frozenset(w for form, _ in accepted for w in form)
    wrong_words = frozenset(w for form, _ in wrong for w in form) - accepted_words
    neutral_text = " ".join([fact.question, fact.statement, fact.evidence])
    neutral = frozenset(tokens(neutral_text)) | accepted_words
    others = _entity_words(briefing, fact) - accepted_words
    prepared = _Prepared(
        accepted=accepted,
        wrong=wrong,
        accepted_words=accepted_words,
        wrong_words=wrong_words,
        neutral=neutral - wrong_words,
        neutral_stems=frozenset(_stem(w) for w in neutral - wrong_words),
        synonyms=synonyms,
        others=others,
        items=items,
        item_forms=sorted(
            ((key, form) for key, _, fs in items for form in fs), key=lambda kf: -len(kf[1])
        ),
    )
    if len(_CACHE) > 4096:
        _CACHE.clear()
    _CACHE[key] = (fact, briefing, prepared)
    return prepared


# ---------------------------------------------------------------------------------------------
# Word and phrase matching


def _word_distance(typed: str, expected: str, prep: _Prepared) -> int | None:
    """Typos between a typed word and an expected one, or None when it is not an honest slip."""
    if typed == expected:
        return 0
    key = (typed, expected)
    if key in prep.distances:
        return prep.distances[key]
    if len(prep.distances) > 50_000:
        prep.distances.clear()
    prep.distances[key] = found = _slip_distance(typed, expected, prep)
    return found


def _slip_distance(typed: str, expected: str, prep: _Prepared) -> int | None:
    if _is_hard(typed) or _is_hard(expected):
        return None
    if _stem(typed) == _stem(expected):
        return 0  # another form of the same word: transferring / transfer
    budget = typo_budget(expected)
    if budget == 0 or abs(len(typed) - len(expected)) > budget:
        return None
    distance = OSA.distance(typed, expected, score_cutoff=budget)
    if distance > budget:
        return None
    if typed in prep.wrong_words or typed in prep.others or typed in prep.accepted_words:
        return None
    if typed in country_words() and expected != typed:
        return None
    if is_common_word(typed):
        return None
    for rival in prep.wrong_words:
        if OSA.distance(typed, rival, score_cutoff=distance) <= distance:
            return None
    return distance


def _match_form(
    typed: list[str], used: set[int], form: tuple[str, ...], prep: _Prepared
) -> tuple[list[int], list[tuple[str, str]]] | None:
    """Find every word of `form` among the unused typed words, in any order."""
    taken: list[int] = []
    slips: list[tuple[str, str]] = []
    for word in form:
        best: tuple[int, int] | None = None
        for i, t in enumerate(typed):
            if i in used or i in taken:
                continue
            if t == word:
                best = (0, i)
                break
            d = _word_distance(t, word, prep)
            if d is not None and (best is None or d < best[0]):
                best = (d, i)
        if best is None:
            return None
        taken.append(best[1])
        if best[0]:
            slips.append((typed[best[1]], word))
    return taken, slips


def _matches_wrong(
    words: list[str], prep: _Prepared, explained: frozenset[int] = frozenset()
) -> str | None:
    """The known wrong answer these words name, if any.

    Words already explained by the right answer do not count: "transfer of industrial
    facilities for weapons production" is not the wrong "transfer of weapons".
    """
    for form, label in prep.wrong:
        where = [[i for i, w in enumerate(words) if w == f] for f in form]
        if all(where) and any(i not in explained for spots in where for i in spots):
            return label
    return None


def _foreign_entity(words: list[str], prep: _Prepared) -> str | None:
    """A word naming another real thing (a country, another entity of the briefing)."""
    for w in words:
        if w in prep.accepted_words or w in prep.neutral:
            continue
        if w in prep.others or w in country_words():
            return w
    return None


# ---------------------------------------------------------------------------------------------
# Text answers


def _parts(typed: str, prep: _Prepared) -> list[list[str]]:
    """The asserted parts of an answer, each as normalised content words."""
    out = []
    for chunk in _SEPARATORS.split(fold(typed)):
        words = [prep.synonyms.get(w, w) for w in _chunk_positive(chunk)]
        words = [w for w in words if w not in FILLER]
        if words:
            out.append(words)
    return out


def _grade_text(fact: FactBase, a: TextAnswer, typed: str, qid: str, prep: _Prepared) -> Verdict:
    parts = _parts(typed, prep)
    whole = [w for part in parts for w in part]
    right = f"The answer is {a.canonical}."
    if not whole:
        return _no_answer(fact)
    hit = _best_form(whole, prep)
    wrong_label = _matches_wrong(whole, prep, frozenset(hit[2]) if hit else frozenset())
    if hit is not None and wrong_label is None:
        others = [p for p in parts if _best_form(p, prep) is None]
        rival = next((e for p in others if (e := _foreign_entity(p, prep))), None)
        taken = set(hit[2])
        extra = _unexplained([w for i, w in enumerate(whole) if i not in taken], prep)
        if rival is None and len(extra) > max(1, len(hit[0])):
            shown = " ".join(extra[:6])
            return _reject(f"Give just the answer; {shown} are not part of it. {right}", [shown])
        if rival is None:
            spelled = prep.spelled(hit[0])
            return _accept(qid, hit[1], spelled, a.canonical, exact=_is_exact(typed, a.canonical))
        return _reject(
            f"Give one answer: {_label(rival)} is not right. {right}", wrong=[_label(rival)]
        )
    if hit is not None and wrong_label is not None:
        return _reject(f"Give one answer: {wrong_label} is not right. {right}", wrong=[wrong_label])
    if wrong_label is not None:
        return _reject(f"{wrong_label} is not right. {right}", wrong=[wrong_label])
    near = _near_miss(whole, prep)
    if near:
        return _reject(f"Close, but {near} names something else. {right}", wrong=[typed.strip()])
    return _reject(f"Not quite. {right}", wrong=[typed.strip()[:200]])


def _unexplained(words: list[str], prep: _Prepared) -> list[str]:
    """Content words that neither the answer nor the fact's own text explains.

    A one-answer fact is answered by its answer, perhaps with words of its question, its
    statement or its quote around it; a bag of unrelated words that happens to hold the
    answer is not. The text, figure and date graders allow at most as many unexplained words
    as the answer has (one for a figure or a date), and refuse more.
    """
    return [
        w
        for w in words
        if w not in FILLER and w not in prep.neutral and _stem(w) not in prep.neutral_stems
    ]


def _best_form(
    words: list[str], prep: _Prepared
) -> tuple[tuple[str, ...], list[tuple[str, str]], list[int]] | None:
    """The accepted form that explains most of the words, with the fewest typos."""
    best = None
    for form, _ in prep.accepted:
        found = _match_form(words, set(), form, prep)
        if found is None:
            continue
        rank = (len(form), -len(found[1]))
        if best is None or rank > best[0]:
            best = (rank, (form, found[1], found[0]))
    return best[1] if best else None


def _near_miss(words: list[str], prep: _Prepared) -> str | None:
    """A word that was within typo reach of the answer but names something else."""
    for form, _ in prep.accepted:
        for expected in form:
            for w in words:
                if w == expected or _is_hard(w) or _is_hard(expected):
                    continue
                budget = typo_budget(expected)
                if budget and OSA.distance(w, expected, score_cutoff=budget) <= budget:
                    return w.capitalize() if w in country_words() else f'"{w}"'
    return None


def _label(word: str) -> str:
    return word.upper() if len(word) <= 4 else word.capitalize()


def _is_exact(typed: str, canonical: str) -> bool:
    return tokens(typed) == _canonical_tokens(canonical)


@functools.lru_cache(maxsize=4096)
def _canonical_tokens(text: str) -> list[str]:
    return tokens(text)


# ---------------------------------------------------------------------------------------------
# Numbers and quantities


def _grade_number(
    fact: FactBase, a: NumberAnswer, typed: str, qid: str, prep: _Prepared
) -> Verdict:
    folded = fold(typed)
    words = [part for w in _positive_words(folded) for part in _split_unit(w)]
    numbers = {_figure(w) for w in words if _NUMBERISH.match(w)}
    right = f"the answer is {a.display()}"
    if not numbers:
        if not words:
            return _no_answer(fact)
        return _reject(f"No figure found: {right}.", wrong=[typed.strip()[:200]])
    if len(numbers) > 1:
        shown = " or ".join(_fmt(n) for n in sorted(numbers))
        return _reject(f"Give one figure, not {shown}: {right}.", wrong=[_fmt(n) for n in numbers])
    (value,) = numbers
    target = _key_figure(a)
    if value != target:
        close = target and abs(value - target) / abs(target) <= Decimal("0.1")
        lead = "Close, but" if close else "Not quite:"
        what = "the year" if a.is_year else "the figure"
        return _reject(f"{lead} {what} is {a.display()}.", wrong=[_fmt(value)])
    units = {w for w in words if w in _UNIT_WORDS or w in _wrong_units(a)}
    allowed = _allowed_units(a) | ({"year"} if a.is_year else set())
    bad_units = [u for u in units if u not in allowed]
    if bad_units:
        return _reject(
            f"Right number, wrong unit: {right}.", wrong=[f"{_fmt(value)} {bad_units[0]}"]
        )
    if a.qualifier in ("at least",) and _LOWER_QUALIFIERS.search(folded):
        return _reject(f"Right number, but {right}.", wrong=[typed.strip()])
    if a.qualifier == "up to" and _UPPER_QUALIFIERS.search(folded):
        return _reject(f"Right number, but {right}.", wrong=[typed.strip()])
    extra = [w for w in _unexplained(words, prep) if not _NUMBERISH.match(w)]
    extra = [w for w in extra if w not in allowed and w not in _UNIT_WORDS]
    if len(extra) > 1:  # one word more ("approximately") is fine, a bag of words is not
        shown = " ".join(extra[:6])
        return _reject(f"Give just the figure; {shown} are not part of it: {right}.", [shown])
    exact = not (set(words) - allowed - {_fmt(value)} - FILLER - {"least", "up", "exactly"})
    note = "" if a.qualifier == "exactly" else f" ({a.display()})"
    return _verdict(correct=True, score=1.0, matched=[qid], feedback=f"Correct{note}.", exact=exact)


_GLUED_UNIT = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$")


def _split_unit(word: str) -> list[str]:
    """2000km -> 2000, km: a number with its unit glued on."""
    m = _GLUED_UNIT.match(word)
    return [m.group(1), normal_word(m.group(2))] if m else [word]


def _allowed_units(a: NumberAnswer) -> set[str]:
    out: set[str] = set()
    for text in [a.unit or "", *a.unit_variants]:
        out.update(tokens(text))
    return out


def _wrong_units(a: NumberAnswer) -> set[str]:
    out: set[str] = set()
    for text in a.wrong_units:
        out.update(tokens(text))
    return out


def _figure(word: str) -> Decimal:
    """A typed figure, exactly: a Decimal has no overflow, however many digits are typed."""
    return Decimal(word)


def _key_figure(a: NumberAnswer) -> Decimal:
    """The answer key's figure as written (0.1, not the float's binary expansion)."""
    return Decimal(repr(a.value))


def _fmt(value: Decimal) -> str:
    """2022, 2.5, 999…9: every digit typed, no exponent, no trailing zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# ---------------------------------------------------------------------------------------------
# Dates


def _grade_date(
    fact: FactBase, a: DateAnswer | DateRangeAnswer, typed: str, qid: str, prep: _Prepared
) -> Verdict:
    folded = fold(typed)
    words = _positive_words(folded)
    positive = " ".join(words)
    seen = read_dates(typed)
    right = f"the answer is {a.display()}"
    if seen.empty:
        if not positive.strip():
            return _no_answer(fact)
        return _reject(f"No date found: {right}.", wrong=[typed.strip()[:200]])
    target = [a.date] if isinstance(a, DateAnswer) else [a.start, a.end]
    want_days = {d.day for d in target if d.day}
    want_months = {d.month for d in target if d.month}
    want_years = {d.year for d in target if d.year}
    want_seasons = {d.season for d in target if d.season}
    problems = []
    if seen.days != want_days:
        problems.append("day")
    if seen.months != want_months and not (want_seasons and not seen.months):
        problems.append("month")
    if seen.seasons != want_seasons:
        problems.append("season")
    if seen.other_numbers:
        problems.append("number")
    year_missing = want_years and not seen.years
    if seen.years and seen.years != want_years:
        problems.append("year")
    if problems:
        return _reject(f"Not quite: {right}.", wrong=[typed.strip()[:200]])
    extra = [w for w in _unexplained(words, prep) if not is_date_word(w) and not _is_hard(w)]
    if len(extra) > 1:  # "early March" is fine, a bag of words around a date is not
        shown = " ".join(extra[:6])
        return _reject(f"Give just the date; {shown} are not part of it: {right}.", [shown])
    if year_missing and not a.year_optional:
        return _reject(f"Right, but which year? {right[0].upper()}{right[1:]}.", wrong=[])
    return _verdict(
        correct=True,
        score=1.0,
        matched=[qid],
        feedback=f"Correct ({a.display()}).",
        exact=bool(seen.years) or a.year_optional,
    )


# ---------------------------------------------------------------------------------------------
# Lists


def _grade_list(
    fact: FactBase, a: ListAnswer, typed: str, prep: _Prepared, required: int | None
) -> Verdict:
    needed = min(required or a.needed, len(a.items))
    chunks: list[list[str]] = []
    for chunk in _SEPARATORS.split(fold(typed)):
        words = [prep.synonyms.get(w, w) for w in _chunk_positive(chunk)]
        chunks.append([w for w in words if w not in FILLER])
    flat = [w for chunk in chunks for w in chunk]
    owner = [ci for ci, chunk in enumerate(chunks) for _ in chunk]
    if not flat:
        return _no_answer(fact)
    used: set[int] = set()
    names_of = {key: answer for key, answer, _ in prep.items}
    matched: list[str] = []
    slips: list[tuple[str, str]] = []
    # Longest forms first, so "fighter jets" is not eaten by a shorter form of another item.
    for key, form in prep.item_forms:
        while True:
            found = _match_form(flat, used, form, prep)
            if found is None:
                break
            used.update(found[0])
            if key not in matched:
                matched.append(key)
                if found[1]:
                    slips.append(("", names_of[key]))
    matched.sort(key=[k for k, _, _ in prep.items].index)
    hit_chunks = {owner[i] for i in used}
    wrong: list[str] = []
    for ci in range(len(chunks)):
        left = [w for i, w in enumerate(flat) if owner[i] == ci and i not in used]
        if not left:
            continue
        label = _matches_wrong(left, prep)
        if label:
            wrong.append(label)
            continue
        strange = [w for w in left if w not in prep.neutral]
        if not strange:
            continue
        if ci in hit_chunks and not any(_is_hard(w) or w in prep.others for w in strange):
            continue  # descriptive words beside an item: "S-400 Triumf air defence"
        wrong.append(" ".join(strange))
    names = {key: answer for key, answer, _ in prep.items}
    missed = [key for key, _, _ in prep.items if key not in matched]
    score = min(1.0, len(matched) / needed)
    correct = len(matched) >= needed and not wrong
    total = len(a.items)
    if needed < total:
        head = f"You named {len(matched)} (at least {needed} of {total} needed)"
    else:
        head = f"You named {len(matched)} of {total}"
    sentences = [head]
    if missed and len(matched) < total:
        sentences[0] += "; missing: " + ", ".join(names[k] for k in missed)
    feedback = sentences[0] + "."
    if wrong:
        what = " and ".join(wrong[:3])
        feedback += f" {what} {'is' if len(wrong) == 1 else 'are'} not one of them."
    if slips and correct:
        feedback += " Accepted (spelled " + ", ".join(e for _, e in slips) + ")."
    return _verdict(
        correct=correct,
        score=round(score, 4),
        matched=matched,
        missed=missed,
        wrong=wrong,
        feedback=feedback,
        exact=correct and not slips,
    )


# ---------------------------------------------------------------------------------------------
# Verdict helpers and the entry point


def _verdict(**fields: object) -> Verdict:
    """A Verdict built from fields this module has already typed (skips re-validation)."""
    fields.setdefault("matched", [])
    fields.setdefault("missed", [])
    fields.setdefault("wrong", [])
    fields.setdefault("feedback", "")
    fields.setdefault("exact", False)
    return Verdict.model_construct(**fields)  # type: ignore[arg-type]


def _accept(
    qid: str, slips: list[tuple[str, str]], spelled: str, canonical: str, *, exact: bool
) -> Verdict:
    if slips:
        feedback = f"Accepted (spelled {spelled})."
    elif exact:
        feedback = "Correct."
    else:
        feedback = f"Correct: {canonical}."
    return _verdict(
        correct=True, score=1.0, matched=[qid], feedback=feedback, exact=exact and not slips
    )


def _reject(feedback: str, wrong: list[str]) -> Verdict:
    return _verdict(correct=False, score=0.0, matched=[], wrong=wrong, feedback=feedback)


def _no_answer(fact: FactBase) -> Verdict:
    return _verdict(
        correct=False,
        score=0.0,
        feedback=f"No answer given. The answer is {fact.answer_text}.",
        missed=[i.key for i in fact.answer.items] if isinstance(fact.answer, ListAnswer) else [],
    )


def grade_fact(
    fact: FactBase,
    typed: str,
    question_id: str | None = None,
    *,
    briefing: Briefing | None = None,
    required: int | None = None,
) -> Verdict:
    """Grade `typed` as an answer to the free-text recall of `fact`.

    `briefing` lets the grader refuse typos that land on another entity of the briefing;
    `required` overrides how many list items make a full answer ("name at least k").
    """
    qid = question_id or fact.id
    if not isinstance(typed, str):
        typed = str(typed)
    if len(typed) > MAX_ANSWER_CHARS:
        return _verdict(
            correct=False,
            score=0.0,
            wrong=[typed[:80] + "..."],
            feedback=f"That answer is too long to grade ({len(typed):,} characters); "
            "answer in a few words.",
        )
    prep = _prepare(fact, briefing)
    a = fact.answer
    if isinstance(a, ListAnswer):
        return _grade_list(fact, a, typed, prep, required)
    if isinstance(a, NumberAnswer):
        return _grade_number(fact, a, typed, qid, prep)
    if isinstance(a, DateAnswer | DateRangeAnswer):
        return _grade_date(fact, a, typed, qid, prep)
    return _grade_text(fact, a, typed, qid, prep)
