"""Finding the facts and cards that answer a question in the learner's own words.

Lexical: BM25 over each fact's question, statement, evidence, answers, card title and any
curated phrasings (`asks`), with typos corrected against the briefing's vocabulary.
Meaning: a word the briefing never uses is matched to its nearest briefing word by static
embeddings (quiz_bank.meaning) when they are close enough, and the whole question is compared
with each fact by the same embeddings; the two scores are added.
Each hit says how much of the question the fact explains (`coverage`): the tutor declines a
question that the briefing explains only in part.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from briefing_data.models import Briefing, Card, FactBase
from quiz_bank.lexicon import is_common_word, word_count
from quiz_bank.terms import STOPWORDS, cues, defined_acronyms, fact_cues, stem, words
from quiz_bank.wordmatch import typo_budget

# A word the briefing never uses stands for its nearest briefing word when the embeddings
# of the two are at least this close (cosine), and counts for that much of a match.
SOFT_MIN = 0.4
# Facts, best by words, that the embeddings and the cues may reorder (the others cannot win).
CANDIDATES = 120
# Top hits whose coverage is checked word by word for meaning.
SOFT_CHECKED = 5
# Weight of the whole-question embedding score beside the lexical score (0..1 scale).
DENSE_WEIGHT = 1.0
# A question cue (how many, when, who...) that a fact answers multiplies its score by this.
CUE_BONUS, CUE_MALUS = 1.5, 0.85
# "What ..." without a cue asks for a thing: a fact answering who or when weighs this much.
WHAT_MALUS = 0.6
# A fact that says what may or could be weighs this much for a question about what is.
HEDGE_MALUS = 0.9
_HEDGE = re.compile(r"\b(may|might|could|would|possible|possibly|likely)\b", re.IGNORECASE)
# Words that only say which kind of answer is wanted: matched by any fact giving that kind.
CUE_WORDS = {
    "far": {"rang", "distanc", "far"},
    "when": {"year", "date", "day", "month", "time"},
    "long": {"long", "durat"},
    "count": {"number", "amount", "total"},
    "where": {"place", "locat"},
}
# A word the briefing never uses still counts for a fact when its embedding is this close to
# one of the fact's own words (agreements ~ documents), for that share of a match.
FACT_SOFT_MIN = 0.3
# A word seen this often in the spell checker's corpus is everyday English (have, start, mean).
EVERYDAY_COUNT = 300_000


_WHAT = re.compile(r"(what|which)\b")


@dataclass(frozen=True)
class Hit:
    fact: str
    card: str
    score: float
    # How much of the question the fact explains, 0..1.
    coverage: float


@dataclass
class Query:
    """A question read against one briefing."""

    text: str
    # Index terms and how surely the question means each (1 for its own word or a typo of it).
    terms: dict[str, float] = field(default_factory=dict)
    # Words of the question that the briefing never uses, even by meaning.
    unknown: list[str] = field(default_factory=list)
    # What the question's words became ("jailed" -> "imprison"), for saying how it was read.
    readings: dict[str, str] = field(default_factory=dict)
    cues: set[str] = field(default_factory=set)
    # "what ..." or "which ...": a thing is asked for.
    asks_what: bool = False
    # "may", "could", "would": the question is about what may be, not what is.
    hedged: bool = False


class FactIndex:
    """BM25 and embeddings over the facts of a briefing."""

    K1 = 1.2
    B = 0.5

    def __init__(self, briefing: Briefing, *, meaning: bool = True) -> None:
        """`meaning=False` leaves the embeddings out (words only), for comparison."""
        self.briefing = briefing
        self.facts: list[FactBase] = briefing.facts()
        self.position = {f.id: i for i, f in enumerate(self.facts)}
        self.card_of = {f.id: card.id for card in briefing.cards for f in card.facts}
        self.cards = {card.id: card for card in briefing.cards}
        self.fact_cues = {f.id: fact_cues(f) for f in self.facts}
        # Acronyms the article or the facts define (UAV = unmanned aerial vehicle).
        texts = [briefing.article, *(f"{f.statement} {f.evidence}" for f in self.facts)]
        self.expansions: dict[str, list[str]] = {}
        for text in texts:
            for short, long in defined_acronyms(text).items():
                self.expansions.setdefault(stem(short), [stem(w) for w in long])
        # One-word spellings of one answer are one term (Tchaikovsky = Chaikovsky = Чайковский).
        self.aliases: dict[str, str] = {}
        for fact in self.facts:
            for spellings in fact.spelling_groups():
                single = [w[0] for w in (words(t) for t in spellings) if len(w) == 1]
                for word in single[1:]:
                    self.aliases.setdefault(stem(word), stem(single[0]))
        self.surface: dict[str, str] = {}  # each word the facts use -> its index term
        self.docs: list[Counter[str]] = []
        self.hedged = [bool(_HEDGE.search(f.statement)) for f in self.facts]
        # Terms a fact states (not only spellings of its answer): a match worth answering on.
        self.strong: dict[str, set[str]] = {}
        # The same without the card's title: the fact's own words.
        self.own: dict[str, set[str]] = {}
        for fact in self.facts:
            self._add(fact)
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, doc in enumerate(self.docs):
            for term, tf in doc.items():
                self.postings[term].append((i, tf))
        n = len(self.docs)
        self.idf = {
            t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()
        }
        self.lengths = [sum(doc.values()) for doc in self.docs]
        self.avg_length = sum(self.lengths) / max(n, 1)
        self.avg_idf = sum(self.idf.values()) / max(len(self.idf), 1)
        self.vocabulary = sorted(self.surface)
        self._stop_typos = sorted(w for w in STOPWORDS if len(w) >= 4)
        self._corrections: dict[str, tuple[str, float] | None] = {}
        # A term in more than a third of the facts says little about which one is meant.
        self.generic = {t for t, p in self.postings.items() if len(p) > max(2, n / 3)}
        self._vectors: Any = None if meaning else False
        self.soft_vocabulary: list[str] = []
        self._soft_row: dict[str, int] = {}
        self._fact_rows: dict[str, list[int]] = {}

    def _add(self, fact: FactBase) -> None:
        card = self.cards[self.card_of[fact.id]]
        spellings = " ".join(t for group in fact.spelling_groups() for t in group)
        weighted = [
            (fact.question, 2),
            (fact.statement, 2),
            (fact.evidence, 1),
            (spellings, 2),
            (" ".join(fact.asks), 2),
            (" ".join(fact.tags), 1),
            (card.title, 1),
        ]
        doc: Counter[str] = Counter()
        for text, weight in weighted:
            for word in words(text):
                self.surface.setdefault(word, self.term(word))
            for term in set(self.analyse(text)):
                doc[term] += weight
        # Curated phrasings: a term asked about in several of them weighs more.
        asked = Counter(t for ask in fact.asks for t in set(self.analyse(ask)))
        for term, n in asked.items():
            doc[term] += min(n - 1, 2)
        self.docs.append(doc)
        stated = [fact.question, fact.statement, fact.evidence, *fact.asks]
        self.own[fact.id] = {t for text in stated for t in self.analyse(text)}
        self.strong[fact.id] = self.own[fact.id] | set(self.analyse(card.title))

    def fact(self, fact_id: str) -> FactBase:
        return self.facts[self.position[fact_id]]

    def card(self, card_id: str) -> Card:
        return self.cards[card_id]

    # -- reading a question -----------------------------------------------------------------

    def term(self, word: str) -> str:
        t = stem(word)
        return self.aliases.get(t, t)

    def analyse(self, text: str) -> list[str]:
        """Text to index terms, acronyms followed by the words of their long form."""
        out = []
        for word in words(text):
            t = self.term(word)
            out.append(t)
            out.extend(self.expansions.get(t, ()))
        return out

    def correct(self, word: str) -> tuple[str, float] | None:
        """The index term a question word stands for and how surely: itself, a typo of a
        briefing word, or its nearest briefing word by meaning. ("", 0) for a misspelt filler
        word ("wich"); None when the briefing never uses it."""
        term = self.term(word)
        if term in self.postings:
            return term, 1.0
        if word in self._corrections:
            return self._corrections[word]
        found: tuple[str, float] | None = None
        budget = typo_budget(word)
        if budget and word.isalpha():
            match = process.extractOne(
                word, self.vocabulary, scorer=OSA.distance, score_cutoff=budget
            )
            # A typo that lands on another real word (globalization/localization) is no typo.
            if match and not (is_common_word(word) and match[1] >= 2):
                found = (self.surface[match[0]], 1.0)
        if found is None and len(word) >= 3 and word.isalpha():
            near = process.extractOne(word, self._stop_typos, scorer=OSA.distance, score_cutoff=1)
            if near is not None and not is_common_word(word):
                found = ("", 0.0)
        if found is None and word.isalpha():
            found = self._nearest_by_meaning(word)
        if len(self._corrections) > 10_000:
            self._corrections.clear()
        self._corrections[word] = found
        return found

    def read(self, text: str, extra: list[str] | None = None) -> Query:
        asks_what = bool(_WHAT.match(text.strip().lower()))
        hedged = bool(_HEDGE.search(text))
        query = Query(text=text, cues=cues(text), asks_what=asks_what, hedged=hedged)
        for word in words(text):
            found = self.correct(word)
            if found is None:
                if not any(stem(word) in CUE_WORDS.get(c, ()) for c in query.cues):
                    query.unknown.append(word)  # ("how long" is a cue, not a topic)
                continue
            term, sure = found
            if not term:
                continue
            if sure < 1.0:
                query.readings[word] = term
            query.terms[term] = max(query.terms.get(term, 0.0), sure)
            for extra_term in self.expansions.get(term, ()):
                if extra_term in self.postings:
                    query.terms.setdefault(extra_term, sure)
        for term in extra or []:
            if term in self.postings:
                query.terms.setdefault(term, 1.0)
        return query

    def unknown_weight(self, word: str) -> float:
        """How much a word the briefing never uses counts against answering: an everyday word
        (happen, start) half as much as a briefing word, a rarer one (casualties) fully."""
        return self.avg_idf * (0.5 if word_count(word) >= EVERYDAY_COUNT else 1.0)

    # -- searching ------------------------------------------------------------------------

    def search(self, text: str, extra: list[str] | None = None, limit: int = 5) -> list[Hit]:
        return self.rank(self.read(text, extra), limit=limit)

    def rank(self, query: Query, limit: int = 5, among: list[str] | None = None) -> list[Hit]:
        """The facts that best answer `query` (only those `among`, if given), best first."""
        if not query.terms:
            return []
        allowed = {self.position[f] for f in among} if among is not None else None
        lexical: dict[int, float] = defaultdict(float)
        for term, sure in query.terms.items():
            idf = self.idf[term]
            for i, tf in self.postings[term]:
                if allowed is not None and i not in allowed:
                    continue
                norm = tf + self.K1 * (1 - self.B + self.B * self.lengths[i] / self.avg_length)
                lexical[i] += sure * idf * tf * (self.K1 + 1) / norm
        if not lexical:
            return []
        top = max(lexical.values())
        if len(lexical) > CANDIDATES:  # the rest cannot come first: words decide who is in
            kept = heapq.nlargest(CANDIDATES, lexical.items(), key=lambda kv: kv[1])
            lexical = defaultdict(float, kept)
        dense = self._dense(query.text, list(lexical))
        total = sum(self.idf[t] for t in query.terms) + sum(
            self.unknown_weight(w) for w in query.unknown
        )
        hits = []
        for i, score in lexical.items():
            fact = self.facts[i]
            doc = self.docs[i]
            answered = set().union(
                *(CUE_WORDS.get(c, set()) for c in query.cues & self.fact_cues[fact.id])
            )
            matched = sum(
                self.idf[t] * s for t, s in query.terms.items() if t in doc or t in answered
            )
            score = score / top + DENSE_WEIGHT * dense.get(i, 0.0)
            if query.cues:
                score *= CUE_BONUS if query.cues & self.fact_cues[fact.id] else CUE_MALUS
            elif query.asks_what and self.fact_cues[fact.id] & {"who", "when"}:
                score *= WHAT_MALUS  # "what did they sign" asks for a thing, not who or when
            if self.hedged[i] and not query.hedged:
                score *= HEDGE_MALUS  # "what weapons are in X": what is, before what may be
            hits.append(Hit(fact.id, self.card_of[fact.id], score, matched / total))
        hits.sort(key=lambda h: h.score, reverse=True)
        if query.unknown or query.readings:
            # Words close in meaning to a top fact's own words count for it: unknown words, and
            # words read by meaning as a briefing word this fact does not use.
            for n, hit in enumerate(hits[:SOFT_CHECKED]):
                doc = self.docs[self.position[hit.fact]]
                credit = sum(
                    self.unknown_weight(w) * self.relates(w, hit.fact) for w in query.unknown
                )
                credit += sum(
                    self.idf[t] * self.relates(w, hit.fact)
                    for w, t in query.readings.items()
                    if t not in doc
                )
                if credit:
                    hits[n] = Hit(hit.fact, hit.card, hit.score, hit.coverage + credit / total)
        return hits[:limit]

    def relates(self, word: str, fact_id: str) -> float:
        """How close in meaning `word` is to the nearest of a fact's own words (0 below
        FACT_SOFT_MIN or without embeddings)."""
        meaning = self._meaning()
        if meaning is None or not is_common_word(word):
            return 0.0
        vectors, _, vocab = meaning
        rows = self._fact_rows.get(fact_id)
        if rows is None:
            fact = self.facts[self.position[fact_id]]
            own = set(words(f"{fact.question} {fact.statement} {fact.evidence}"))
            rows = [self._soft_row[w] for w in own if w in self._soft_row]
            self._fact_rows[fact_id] = rows
        if not rows:
            return 0.0
        best = float((vocab[rows] @ vectors.word(word)).max())
        return best if best >= FACT_SOFT_MIN else 0.0

    def distinctive(self, terms: list[str]) -> list[str]:
        return [t for t in terms if t not in self.generic]

    # -- meaning ----------------------------------------------------------------------------

    def _meaning(self) -> Any:
        """(vectors, fact matrix, vocabulary matrix), built on first use; None without them."""
        if self._vectors is None:
            from quiz_bank.meaning import word_vectors

            vectors = word_vectors()
            if vectors is None:
                self._vectors = False
            else:
                texts = [f"{f.question} {f.statement}" for f in self.facts]
                # Meaning links everyday words (jailed, imprisonment), not names (Rivne).
                self.soft_vocabulary = [w for w in self.vocabulary if is_common_word(w)]
                self._soft_row = {w: n for n, w in enumerate(self.soft_vocabulary)}
                vocab = vectors.embed(self.soft_vocabulary)
                self._vectors = (vectors, vectors.embed(texts), vocab)
        return self._vectors or None

    def _dense(self, text: str, candidates: list[int]) -> dict[int, float]:
        meaning = self._meaning()
        if meaning is None or not candidates:
            return {}
        vectors, facts, _ = meaning
        sims = facts[candidates] @ vectors.embed([text])[0]
        return {i: float(s) for i, s in zip(candidates, sims, strict=True)}

    def _nearest_by_meaning(self, word: str) -> tuple[str, float] | None:
        meaning = self._meaning()
        if meaning is None or not self.soft_vocabulary or not is_common_word(word):
            return None
        vectors, _, vocab = meaning
        sims = vocab @ vectors.word(word)
        best = int(sims.argmax())
        if float(sims[best]) < SOFT_MIN:
            return None
        return self.surface[self.soft_vocabulary[best]], float(sims[best])
