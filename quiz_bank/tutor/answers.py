"""Answering one question at the level asked: a card's summary and key facts for a broad
question, every part for a question asking for several things, one fact with its quote for a
question about one fact; or an honest decline that names the nearest fact the article has."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_data.models import Briefing, ListAnswer
from quiz_bank.normalize import fold
from quiz_bank.retrieval import CANDIDATES, FactIndex, Hit, Query
from quiz_bank.terms import STOPWORDS, TYPED_CUES, words
from quiz_bank.tutor.reply import Reply

# Measured on the dev questions (benchmarks/tutor.py): below this share of the question
# explained by the best fact, the tutor declines rather than guess.
MIN_COVERAGE = 0.4
# A fact within this share of the best one's score is "also relevant".
ALSO_RELEVANT = 0.75
# The thing a question asks for, read by meaning as a briefing word, must be at least this
# close to it (cosine of embeddings).
FOCUS_MEANING_MIN = 0.5
# A decline names a neighbouring fact that explains at least this much of the question.
RELATED_COVERAGE = 0.2

# A card's score for a broad question: its best facts' scores, weighted, and a bonus for each
# particular word of the question in its title.
CARD_WEIGHTS = (1.0, 0.5, 0.25)
TITLE_BONUS = 0.5

# A question about a whole topic rather than one fact.
_BROAD = re.compile(
    r"\b(summar\w*|overview|gist|main points?|in (short|brief)|tl;?dr|key facts?|big picture)\b"
    r"|^(tell me|talk|teach me|what do (you|we) know|what does (it|the article) say) about\b"
    r"|^(how|in what ways?) (does|do|did|is|are|was|were|has|have) .*\b(help|support|aid|assist)"
    r"|^why (is|are|was|were|does|do|did) .*\b(important|matter|significant)"
    r"|^what (is|was) (this|the|it)( article| story| text| briefing)? (all )?about\b"
    r"|^what is (this|it)$"
)
_ABOUT = re.compile(
    r"^(tell me|talk|teach me|what do (you|we) know|what does (it|the article) say) about\b"
)
# A topic met in at most this many facts is answered with those facts, not a whole card.
FEW_FACTS = 3
# Words that name a part of the briefing, not a topic ("the China part").
_PART = re.compile(r"\b(the )?(part|section|bit|card|chapter|paragraph)s?\b( (on|about))?")
# The thing a question asks for: "what is the price of...", "how many civilians...".
_FOCUS = re.compile(
    r"^(?:what|which)\s+(?:(?:is|are|was|were)\s+)?(?:the\s+|a\s+|an\s+)?([a-z]+)"
    r"|^how (?:many|much)\s+([a-z]+)"
    r"|^how ([a-z]+) (?:is|are|was|were|does|do|did)\b"
)
# "how far", "how long": cues of a kind of answer, not things asked about.
_CUE_WORDS = frozenset({"far", "long", "many", "much", "often", "soon"})
# In a question this short, its closing word is what it turns on ("when will the war end").
SHORT_QUESTION = 5
_CONTRACTED = re.compile(r"\b(what|who|where|when|how)'s\b")
_TOKEN = re.compile(r"[a-z0-9][a-z0-9'-]*")
_AUX = frozenset(
    "is are was were do does did has have had can could will would should may might".split()
)
_ARTICLES = frozenset({"the", "a", "an"})
# Nouns that stand for what follows them ("the name of the hospital").
_GENERAL = frozenset(
    "name number kind type sort share percentage proportion amount part group list".split()
)
_ASKS_SEVERAL = re.compile(
    r"^(what|which|name|list|give)\b.*"
    r"\b(two|three|four|five|six|seven|eight|nine|ten|several|all|both|list|name the)\b"
)


def is_broad(question: str) -> bool:
    return bool(_BROAD.search(fold(question).lower().strip(" ?!.")))


@dataclass(frozen=True)
class Focus:
    """What a question asks for: the kind of thing ("which cloud provider") or an attribute
    that the answering fact must itself state ("what is the price of", "how old is")."""

    words: list[str]
    attribute: bool


def focus_words(question: str) -> Focus:
    tokens = _TOKEN.findall(_CONTRACTED.sub(r"\1 is", fold(question).lower()))
    none = Focus([], False)
    if len(tokens) < 2:
        return none
    first, i, attribute = tokens[0], 1, False
    if first in ("what", "which", "who", "whom"):
        if tokens[1] in _AUX:
            i = 2
            if i < len(tokens) and tokens[i] not in _ARTICLES:
                return none  # "what did they sign", "who would hit": no thing named
            attribute = True
        elif first in ("who", "whom"):
            return none
        while i < len(tokens) and tokens[i] in _ARTICLES:
            i += 1
        # "the name of the hospital": the hospital is asked about.
        if i + 1 < len(tokens) and tokens[i] in _GENERAL and tokens[i + 1] == "of":
            i += 2
            attribute = False
            while i < len(tokens) and tokens[i] in _ARTICLES:
                i += 1
    elif first == "how" and tokens[1] in ("many", "much"):
        i, attribute = 2, True
        if i < len(tokens) and tokens[i] in _AUX:  # "how much did the treatment cost"
            return Focus(words(tokens[-1]), True)
    elif first == "how" and len(tokens) > 2 and tokens[2] in _AUX:
        return Focus([w for w in words(tokens[1]) if w not in _CUE_WORDS], True)  # "how old"
    elif first in ("when", "where") and tokens[1] in _AUX and len(tokens) <= SHORT_QUESTION:
        return Focus(words(tokens[-1])[-1:], False)  # "when will the war end"
    else:
        return none
    run = []
    while i < len(tokens) and tokens[i] not in STOPWORDS and tokens[i] not in _AUX:
        run.append(tokens[i])
        i += 1
    return Focus([w for w in words(" ".join(run)) if w not in _CUE_WORDS], attribute)


def focus(question: str) -> str | None:
    """The word naming what the question asks for, when it is a content word."""
    match = _FOCUS.match(fold(question).lower().strip())
    if not match:
        return None
    word = match.group(1) or match.group(2) or match.group(3)
    found = words(word)
    if not found or found[0] in STOPWORDS or found[0] in _CUE_WORDS:
        return None
    return found[0]


class Answerer:
    def __init__(self, briefing: Briefing, index: FactIndex) -> None:
        self.briefing = briefing
        self.index = index

    def answer(self, query: Query, understood: str | None = None) -> Reply:
        text = query.text
        if is_broad(text):
            topic = self.index.read(_PART.sub(" ", fold(text).lower()), list(query.terms))
            if not topic.terms:
                return self.overview(understood)
            few = self._few_about(topic) if _ABOUT.match(fold(text).lower()) else None
            if few:
                return self.facts_answer(few, understood)
            card = self._card_for(topic)
            if card is not None:
                return self.card_answer(card, topic, understood)
        hits = self.index.rank(query, limit=40)
        # "how many", "when", "how far", "how long" want a number, a date, a distance, a time:
        # only facts that give one can answer.
        typed = query.cues & TYPED_CUES
        fitting = [h for h in hits if not typed or typed & _answers(self.index.fact_cues[h.fact])]
        best = self._confident(query, fitting)
        if best is None:
            return self.decline(query, hits, understood)
        several = _ASKS_SEVERAL.search(fold(text).lower()) or _plural_focus(text)
        fact = self.index.fact(best.fact)
        if several and not isinstance(fact.answer, ListAnswer):
            siblings = [h for h in hits if h.card == best.card and h.coverage >= MIN_COVERAGE]
            if len(siblings) >= 2:
                return self.card_answer(best.card, query, understood)
        return self.fact_answer(best, hits, understood)

    # -- the three levels ---------------------------------------------------------------

    def fact_answer(self, best: Hit, hits: list[Hit], understood: str | None) -> Reply:
        fact = self.index.fact(best.fact)
        card = self.index.card(best.card)
        others = [
            h
            for h in hits[1:4]
            if h.score >= ALSO_RELEVANT * best.score
            and h.coverage >= MIN_COVERAGE
            and h.fact != best.fact
        ]
        return Reply(
            kind="answer",
            text=_with_reading(f"{fact.statement} (card: {card.title})", understood),
            facts=[best.fact, *[h.fact for h in others]],
            card=card.id,
            evidence=fact.evidence,
            suggestions=[self.index.fact(h.fact).question for h in others],
            understood=understood,
        )

    def card_answer(self, card_id: str, query: Query, understood: str | None) -> Reply:
        card = self.index.card(card_id)
        own = [f.id for f in card.facts]
        ranked = {h.fact: h.score for h in self.index.rank(query, limit=len(own), among=own)}
        facts = sorted(card.facts, key=lambda f: -ranked.get(f.id, 0.0))
        lines = [f"{card.title}: {card.summary}", "Key facts:"]
        lines += [f"  • {f.statement}" for f in card.facts]
        return Reply(
            kind="answer",
            text=_with_reading("\n".join(lines), understood),
            facts=[f.id for f in facts],
            card=card.id,
            evidence=facts[0].evidence if facts else None,
            understood=understood,
        )

    def facts_answer(self, hits: list[Hit], understood: str | None) -> Reply:
        card = self.index.card(hits[0].card)
        facts = [self.index.fact(h.fact) for h in hits]
        lines = [f"  • {f.statement}" for f in facts]
        return Reply(
            kind="answer",
            text=_with_reading(f"From card “{card.title}”:\n" + "\n".join(lines), understood),
            facts=[f.id for f in facts],
            card=card.id,
            evidence=facts[0].evidence,
            understood=understood,
        )

    def _few_about(self, topic: Query) -> list[Hit] | None:
        """The facts of one card that a narrow topic (one named thing) is wholly about, if few."""
        hits = [h for h in self.index.rank(topic, limit=FEW_FACTS + 1) if h.coverage >= 0.99]
        if not hits or len(hits) > FEW_FACTS or len({h.card for h in hits}) > 1:
            return None
        if not set(self.index.distinctive(list(topic.terms))):
            return None
        return hits

    def overview(self, understood: str | None = None) -> Reply:
        lead = self.briefing.cards[0]
        titles = "; ".join(c.title for c in self.briefing.cards[1:])
        text = f"{self.briefing.title}. {lead.summary}"
        if titles:
            text += f"\nThe cards: {titles}."
        return Reply(
            kind="answer",
            text=_with_reading(text, understood),
            facts=[f.id for f in lead.facts],
            card=lead.id,
            evidence=lead.facts[0].evidence if lead.facts else None,
            understood=understood,
        )

    def decline(self, query: Query, hits: list[Hit], understood: str | None = None) -> Reply:
        asked = _restate(query.text)
        text = f"The article does not say {asked}" if asked else "The article does not say."
        said = [t for t, sure in query.terms.items() if sure >= 1.0]
        related = [
            h
            for h in hits[:1]
            if h.coverage >= RELATED_COVERAGE
            and set(self.index.distinctive(said)) & self.index.strong[h.fact]
        ]
        if related:
            fact = self.index.fact(related[0].fact)
            text = f"{text.rstrip('.')}. What it does say: {fact.statement}"
        elif asked:
            text += "."
        return Reply(
            kind="decline",
            text=_with_reading(text, understood),
            understood=understood,
            related=[h.fact for h in related],
            suggestions=[self.index.fact(h.fact).question for h in related],
        )

    # -- deciding ---------------------------------------------------------------------------

    def _confident(self, query: Query, hits: list[Hit]) -> Hit | None:
        if not hits:
            return None
        best = hits[0]
        if best.coverage < MIN_COVERAGE:
            return None
        # A question about a country the briefing never mentions is not about this briefing.
        if any(w.startswith("@") for w in query.unknown):
            return None
        # "what is the price of X": the thing asked for must be in the briefing; unknown, or
        # matched by meaning only, it must be close to the best fact's own words.
        asked = focus_words(query.text)
        own = self.index.own[best.fact]
        for word in asked.words:
            if word in query.unknown and not self.index.relates(word, best.fact):
                return None
            found = self.index.correct(word)
            if found and 0 < found[1] < FOCUS_MEANING_MIN and found[0] not in own:
                return None
            if found and 0 < found[1] < FOCUS_MEANING_MIN and not asked.attribute:
                return None  # "what currency": a kind of thing only vaguely like one named
        # An attribute asked for is the fact's own ("how old was the wife" is not answered by
        # where she lives, "what is the price of X" not by X's range).
        if (
            asked.attribute
            and asked.words
            and not any(
                (self.index.correct(w) or ("", 0.0))[0] in own or self.index.relates(w, best.fact)
                for w in asked.words
            )
        ):
            return None
        # A country the question names must be the one a fact about countries is about ("who
        # is the president of X" is not answered by the president of Y).
        named = {t for t in query.terms if t.startswith("@")}
        stated = self.index.strong[best.fact]
        if named - stated and any(t.startswith("@") for t in stated):
            return None
        if not self._particular(best, query):
            return None
        return best

    def _particular(self, hit: Hit, query: Query) -> bool:
        """Whether the question names something particular to the fact, not only the
        country every fact is about, nor only a spelling of its answer ("the area of X" is not
        about "training areas")."""
        particular = self.index.distinctive(list(query.terms))
        if particular:
            return bool(set(particular) & self.index.strong[hit.fact])
        return bool(query.cues) and hit.coverage >= 0.99

    def _card_for(self, query: Query) -> str | None:
        """The card a broad question is about: its facts' best scores, its title's words."""
        hits = self.index.rank(query, limit=CANDIDATES)
        if not hits or hits[0].coverage < MIN_COVERAGE * 0.6:
            return None
        per_card: dict[str, list[float]] = {}
        for h in hits:  # best first, so each card's list is sorted
            per_card.setdefault(h.card, []).append(h.score)
        asked = set(query.terms)
        best_card, best = None, 0.0
        for card_id, scores in per_card.items():
            card = self.index.card(card_id)
            score = sum(s * w for s, w in zip(scores, CARD_WEIGHTS, strict=False))
            named = asked & set(self.index.analyse(f"{card.title} {card.section or ''}"))
            score += TITLE_BONUS * sum(self.index.idf[t] for t in named) / self.index.avg_idf
            if score > best:
                best_card, best = card_id, score
        return best_card


def _answers(fact_cues: set[str]) -> set[str]:
    """The typed cues a fact can answer: any number answers "how far" or "how long" roughly."""
    return fact_cues | ({"far", "long"} if "count" in fact_cues else set())


def _plural_focus(question: str) -> bool:
    """ "What are the strategies": several things (not "how many strategies": a number)."""
    match = _FOCUS.match(fold(question).lower().strip())
    word = match.group(1) if match else None
    return bool(word and len(word) > 3 and word.endswith("s") and not word.endswith("ss"))


def _restate(question: str) -> str:
    """The question as the object of "the article does not say ..."."""
    q = fold(question).strip().rstrip("?!. ")
    if not q:
        return ""
    lowered = q[0].lower() + q[1:]
    if re.match(r"(what|which|who|whom|whose|when|where|why|how)\b", lowered, re.I):
        return lowered
    return f"anything about “{q}”"


def _with_reading(text: str, understood: str | None) -> str:
    return f"(Taking this as: {understood}) {text}" if understood else text
