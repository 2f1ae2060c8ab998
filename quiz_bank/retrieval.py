"""Finding the fact that answers a question in the learner's own words.

A BM25 index over each fact's question, statement, evidence, answers, card title and curated
phrasings. Query words are normalised like answers (scripts, plurals, British spelling),
folded to one concept per group of synonyms (weapon = system = hardware, rocket = missile,
jailed = imprisoned = sentence ...), and typos are corrected against the index's vocabulary.
Cues in the question (how many, when, who, where, how far) favour facts of the matching kind.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from briefing_data.models import Briefing, FactBase, ListAnswer, NumberAnswer, TextAnswer
from quiz_bank.normalize import fold, normal_word, raw_words
from quiz_bank.wordmatch import typo_budget

# Groups of words that ask for the same thing; each folds to its first word.
SYNONYMS = [
    "weapon system hardware arm armament weaponry equipment gear arsenal",
    "missile rocket",
    "repair fix mend maintain refurbish restore",
    "imprison jail jailed prison imprisonment sentence sentenced convict convicted term",
    "aircraft plane jet airplane warplane fighter",
    "deploy station stationed base based position locate located host",
    "range far distance reach fly travel",
    "sign signed agreement document deal pact treaty paper",
    "president leader head ruler lead run dictator",
    "visit trip travel went go journey tour",
    "launch fire fired shoot shot strike launched",
    "drone uav unmanned",
    "airfield airbase airport aerodrome airstrip",
    "partisan saboteur guerrilla resistance activist",
    "fortification defense defence fortify barrier",
    "support help aid assist assistance",
    "china chinese beijing prc",
    "iran iranian tehran persia",
    "belarus belarusian minsk belorussia byelorussia",
    "russia russian moscow kremlin",
    "ukraine ukrainian kyiv kiev",
    "dprk korea korean pyongyang",
    "sanction restriction embargo",
    "train training trainer instructor drill",
    "localization localize local assemble assembly",
    "produce production make manufacture build",
    "strategy option scenario way alternative plan",
    "many number count amount",
    "loan credit",
    "supply logistic logistical",
    "medical medicine health hospital",
    "industry industrial enterprise factory plant manufacturer",
    "begin start commence",
    "artillery gun howitzer cannon",
]

# Words that carry no topic.
STOPWORDS = frozenset(
    """a an the of in on at by for to from since through with and or is was were are be been
    do does did what which who whom whose when where why how that this these those it its
    they them their he him his she her there here me my i you your we our us can could would
    should will shall may might must has have had about tell give show explain describe
    please know want need some any all also just into onto than then so very much more most
    according article say says said mention mentioned get got use used using one s
    keep kept take took put come came become became let see look find found continue happen
    think go goes going actually really currently now today send sent own like""".split()
)
PRONOUNS = frozenset(
    "it its they them their he him his she her this that these those there".split()
)

_CUE_PATTERNS = [
    (re.compile(r"\bhow (many|much)\b|\bnumber of\b"), "count"),
    (
        re.compile(r"\bwhen\b|\bwhat (year|date|day|month)\b|\bsince when\b|\bwhich (year|date)"),
        "when",
    ),
    (re.compile(r"\bhow far\b|\brange\b|\bdistance\b"), "far"),
    (re.compile(r"\bhow long\b|\bhow many years\b"), "long"),
    (re.compile(r"\bwho\b|\bwhom\b"), "who"),
    (re.compile(r"\bwhere\b|\bwhich (airfield|region|oblast|place|city)\b"), "where"),
]


def _canon_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for group in SYNONYMS:
        words = [normal_word(w) for w in group.split()]
        for w in words:
            out.setdefault(w, words[0])
    return out


CANON = _canon_map()


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """The content words of a text, normalised but not yet folded to concepts."""
    out = []
    for word in raw_words(fold(text)):
        if word in STOPWORDS:
            continue
        w = normal_word(word)
        if w not in STOPWORDS:
            out.append(w)
    return out


def concept(word: str) -> str:
    return CANON.get(word) or CANON.get(_stem(word)) or _stem(word)


def analyse(text: str) -> list[str]:
    """Query or document text to index terms."""
    return [concept(w) for w in words(text)]


def cues(text: str) -> set[str]:
    folded = fold(text)
    return {cue for pattern, cue in _CUE_PATTERNS if pattern.search(folded)}


def _fact_cues(fact: FactBase) -> set[str]:
    a = fact.answer
    if isinstance(a, NumberAnswer):
        if a.is_year:
            return {"when"}
        unit = (a.unit or "").lower()
        out = {"count"}
        if unit in ("km", "miles", "kilometers"):
            out.add("far")
        if unit in ("years", "months", "days"):
            out.add("long")
        return out
    if fact.kind in ("date", "date-range"):
        return {"when"}
    if isinstance(a, TextAnswer):
        return {"person": {"who"}, "place": {"where"}, "organisation": {"who"}}.get(a.type, set())
    if isinstance(a, ListAnswer) and a.type == "country":
        return {"where"}
    return set()


@dataclass(frozen=True)
class Hit:
    fact: str
    card: str
    score: float
    # How much of the question the fact explains, 0..1.
    coverage: float


class FactIndex:
    """BM25 over the facts of a briefing, with typo correction against its vocabulary."""

    K1 = 1.2
    B = 0.5

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        # Every word the facts use, before synonyms are folded: what typos are corrected to.
        self.surface: set[str] = set(CANON)
        self.facts = briefing.facts()
        self.card_of = {f.id: briefing.card_of(f.id).id for f in self.facts}
        self.fact_cues = {f.id: _fact_cues(f) for f in self.facts}
        # One-word spellings of one answer are one term (Lukashenko = Lukashenka = Лукашенко).
        self.aliases: dict[str, str] = {}
        for fact in self.facts:
            for spellings in fact.spelling_groups():
                single = [w[0] for w in (words(t) for t in spellings) if len(w) == 1]
                for word in single[1:]:
                    self.aliases.setdefault(concept(word), concept(single[0]))
        docs: list[Counter[str]] = []
        # Terms a fact states (not only spellings of its answer): a match worth answering on.
        self.strong: dict[str, set[str]] = {}
        for fact in self.facts:
            card = briefing.card_of(fact.id)
            weighted = [
                (fact.question, 2),
                (fact.statement, 2),
                (fact.evidence, 1),
                (" ".join(t for group in fact.spelling_groups() for t in group), 2),
                (" ".join(fact.asks), 2),
                (" ".join(fact.tags), 1),
                (card.title, 1),
            ]
            doc: Counter[str] = Counter()
            for text, weight in weighted:
                for term in set(self.analyse(text)):
                    doc[term] += weight
            # Curated phrasings: a term asked about in several of them weighs more.
            asked = Counter(t for ask in fact.asks for t in set(self.analyse(ask)))
            for term, n in asked.items():
                doc[term] += min(n - 1, 2)
            docs.append(doc)
            stated = [fact.question, fact.statement, fact.evidence, *fact.asks, card.title]
            self.strong[fact.id] = {t for text in stated for t in self.analyse(text)}
            for text, _ in weighted:
                self.surface.update(words(text))
        self.docs = docs
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for term, tf in doc.items():
                self.postings[term].append((i, tf))
        n = len(docs)
        self.idf = {
            t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()
        }
        self.lengths = [sum(doc.values()) for doc in docs]
        self.avg_length = sum(self.lengths) / max(n, 1)
        self.vocabulary = sorted(self.surface)
        self._stop_typos = sorted(w for w in STOPWORDS if len(w) >= 4)
        self._corrections: dict[str, str | None] = {}
        # A term in more than a third of the facts says little about which one is meant.
        self.generic = {t for t, p in self.postings.items() if len(p) > max(2, n / 3)}

    def analyse(self, text: str) -> list[str]:
        return [self.aliases.get(t, t) for t in analyse(text)]

    def correct(self, word: str) -> str | None:
        """The index term a query word was meant to be; "" for a misspelt filler word ("wich");
        None when the article never uses it."""
        term = concept(word)
        term = self.aliases.get(term, term)
        if term in self.postings:
            return term
        if word in self._corrections:
            return self._corrections[word]
        found = None
        budget = typo_budget(word)
        if budget and word.isalpha():
            match = process.extractOne(
                word, self.vocabulary, scorer=OSA.distance, score_cutoff=budget
            )
            fixed = self.aliases.get(concept(match[0]), concept(match[0])) if match else None
            if fixed in self.postings:
                found = fixed
        if found is None and len(word) >= 3 and word.isalpha():
            near = process.extractOne(word, self._stop_typos, scorer=OSA.distance, score_cutoff=1)
            if near is not None:
                found = ""
        if len(self._corrections) > 10_000:
            self._corrections.clear()
        self._corrections[term] = found
        return found

    def terms(self, text: str) -> tuple[list[str], list[str]]:
        """(known index terms, words the article never uses) of a question."""
        known, unknown = [], []
        for word in words(text):
            fixed = self.correct(word)
            if fixed is None:
                unknown.append(word)
            elif fixed:
                known.append(fixed)
        return known, unknown

    def search(self, text: str, extra: list[str] | None = None, limit: int = 5) -> list[Hit]:
        known, unknown = self.terms(text)
        if extra:
            known = known + [t for t in extra if t not in known]
        if not known:
            return []
        question_cues = cues(text)
        scores: dict[int, float] = defaultdict(float)
        for term in set(known):
            idf = self.idf[term]
            for i, tf in self.postings[term]:
                norm = tf + self.K1 * (1 - self.B + self.B * self.lengths[i] / self.avg_length)
                scores[i] += idf * tf * (self.K1 + 1) / norm
        total_weight = sum(self.idf[t] for t in set(known)) + sum(
            self._unknown_weight() for _ in unknown
        )
        hits = []
        for i, score in scores.items():
            fact = self.facts[i]
            matched = sum(self.idf[t] for t in set(known) if t in self.docs[i])
            if question_cues:
                score *= 1.35 if question_cues & self.fact_cues[fact.id] else 0.85
            hits.append(Hit(fact.id, self.card_of[fact.id], score, matched / total_weight))
        hits.sort(key=lambda h: h.score, reverse=True)
        return hits[:limit]

    def _unknown_weight(self) -> float:
        # A word the article never uses weighs like an average word it does use.
        return sum(self.idf.values()) / max(len(self.idf), 1)

    def distinctive(self, terms: list[str]) -> list[str]:
        return [t for t in terms if t not in self.generic]
