"""The tutor's side of a conversation: small talk, questions, follow-ups on the last answer
("why?", "tell me more", "and Iran?", "who signed it?"), and quizzes in chat."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from briefing_data.models import Briefing
from quiz_bank.gazetteer import fold_countries
from quiz_bank.normalize import fold
from quiz_bank.retrieval import FactIndex
from quiz_bank.session import QuizSession, select_questions
from quiz_bank.store import ProgressStore
from quiz_bank.terms import PRONOUNS, cues, words
from quiz_bank.tutor.answers import MIN_COVERAGE, Answerer
from quiz_bank.tutor.chatquiz import ChatQuiz
from quiz_bank.tutor.examples import examples
from quiz_bank.tutor.reply import Reply

# Longer questions are cut here: a question is a sentence or two.
MAX_QUESTION_CHARS = 500

_GREETING = re.compile(r"^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings|yo)\b")
_THANKS = re.compile(
    r"^((ok|okay|great|cool|nice|perfect|got it|thanks|thank you|thx|cheers|so much|a lot|"
    r"very much)[\s,!.]*)+$"
)
_HELP = re.compile(r"^\s*(help|\?|what can you do|how does this work|commands)\s*[?!.]*\s*$")
_BYE = re.compile(r"^\s*(bye|goodbye|see you|quit|exit)\b")
_QUIZ = re.compile(r"\b(quiz|test|drill|ask) me\b(?:\s+(?:on|about|in)\s+(?P<topic>.+))?")
_WHY = re.compile(r"^(but )?(why|how come|why is that|why so|explain( that| this| it)?)$")
_MORE = re.compile(
    r"^(tell me more|more|go on|continue|keep going|more please|say more|elaborate|"
    r"(more|any more|other) (details|facts)|what else|anything else|and what else|what more)$"
)
# "and why?", "ok, tell me more": the lead-in changes nothing.
_LEAD_IN = re.compile(
    r"^(and|but|so|ok|okay|then|hmm|right)\b[\s,]*"
    r"(?=(why|how come|tell|more|what else|anything|go on|explain)\b)"
)
_SWAP = re.compile(r"^(and|what about|how about|and what about|what of|same for)\s+(?P<rest>.+)$")


@dataclass
class Context:
    """The last answer: what follow-ups refer to."""

    fact: str
    card: str
    question: str
    shown: set[str] = field(default_factory=set)


class Tutor:
    def __init__(
        self,
        briefing: Briefing,
        *,
        store: ProgressStore | None = None,
        learner: str = "me",
        index: FactIndex | None = None,
    ) -> None:
        self.briefing = briefing
        self.index = index or FactIndex(briefing)
        self.answerer = Answerer(briefing, self.index)
        self.store = store
        self.learner = learner
        self.quiz: ChatQuiz | None = None
        self.context: Context | None = None

    @functools.cached_property
    def examples(self) -> list[str]:
        """Example questions made from this briefing (help, greetings, the chat's list)."""
        return examples(self.briefing)

    # -- conversation ----------------------------------------------------------------------

    def reply(self, text: str) -> Reply:
        text = text[:MAX_QUESTION_CHARS]
        lowered = fold(text).strip().lower()
        if self.quiz is not None:
            return self._quiz_turn(text)
        started = _QUIZ.search(lowered)
        if started:
            return self._start_quiz(started.group("topic"))
        small = self._smalltalk(lowered)
        if small is not None:
            return small
        return self.answer(text)

    def answer(self, question: str) -> Reply:
        """Answer one question from the briefing (a follow-up of the last answer, if it is
        one), or decline plainly."""
        question = question[:MAX_QUESTION_CHARS]
        bare = _LEAD_IN.sub("", fold(question).lower().strip(" ?!."))
        if self.context is not None:
            follow = self._follow_up(question, bare)
            if follow is not None:
                return follow
        elif _MORE.match(bare) or _WHY.match(bare):  # nothing to follow yet: the big picture
            return self.answerer.overview(understood="what the briefing is about")
        query = self.index.read(question)
        understood = None
        context = self.context
        if context is not None and self._refers_back(question, query.terms):
            fact = self.index.fact(context.fact)
            topic = self.index.distinctive(self.index.analyse(fact.statement))
            query = self.index.read(question, extra=topic)
            understood = f"“{question.strip()}”, following on from “{fact.statement}”"
        reply = self.answerer.answer(query, understood)
        self._remember(reply, question)
        return reply

    def _refers_back(self, question: str, terms: dict[str, float]) -> bool:
        said = set(re.findall(r"[a-z]+", fold(question).lower()))
        vague = bool(terms) and not self.index.distinctive(list(terms))
        return bool(said & PRONOUNS) or vague

    def _remember(self, reply: Reply, question: str) -> None:
        if reply.kind == "answer" and reply.facts and reply.card:
            shown = set(reply.facts if reply.text.count("•") else reply.facts[:1])
            self.context = Context(reply.facts[0], reply.card, question, shown)
        elif reply.kind == "decline" and reply.related:  # "and Iran?" may still follow
            fact = reply.related[0]
            self.context = Context(fact, self.index.card_of[fact], question, {fact})

    def _follow_up(self, question: str, bare: str) -> Reply | None:
        context = self.context
        assert context is not None
        fact = self.index.fact(context.fact)
        card = self.index.card(context.card)
        if _WHY.match(bare):
            reason = fact.explanation or card.summary
            return Reply(
                kind="answer",
                text=f"(Taking this as: why “{fact.statement}”) {reason} (card: {card.title})",
                facts=[fact.id],
                card=card.id,
                evidence=fact.evidence,
                understood=f"why {fact.statement}",
            )
        if _MORE.match(bare):
            return self._more(context)
        swap = _SWAP.match(bare)
        if swap and len(swap.group("rest").split()) <= 4:
            rest = swap.group("rest")
            asked = _swap_subject(context.question, rest)
            query = self.index.read(asked)
            if asked == rest:  # "and the island?": asked the way the last question asked
                query.cues |= cues(context.question)
                asked = f"{rest} (asked like “{context.question.strip()}”)"
            reply = self.answerer.answer(query, understood=f"“{asked}”")
            self._remember(reply, asked)
            return reply
        return None

    def _more(self, context: Context) -> Reply:
        card = self.index.card(context.card)
        unseen = [f for f in card.facts if f.id not in context.shown]
        head = f"More from card “{card.title}”"
        if not unseen:  # this card is done: the next card that has facts
            later = self.briefing.cards[self.briefing.cards.index(card) + 1 :] + self.briefing.cards
            card = next((c for c in later if c.facts and c.id != context.card), card)
            unseen = list(card.facts)
            done = self.index.card(context.card).title
            head = f"That is all on “{done}”. Next, card “{card.title}”"
            context = Context(unseen[0].id, card.id, context.question, set())
        nxt = unseen[:2]
        context.shown.update(f.id for f in nxt)
        self.context = Context(nxt[0].id, card.id, context.question, context.shown)
        text = head + ":\n" + "\n".join(f"  • {f.statement}" for f in nxt)
        return Reply(
            kind="answer",
            text=f"(Taking this as: tell me more about “{card.title}”) {text}",
            facts=[f.id for f in nxt],
            card=card.id,
            evidence=nxt[0].evidence,
            understood=f"more about {card.title}",
        )

    def _smalltalk(self, lowered: str) -> Reply | None:
        listed = "\n".join(f"  • {e}" for e in self.examples)
        if _HELP.match(lowered):
            return Reply(
                kind="smalltalk",
                text=f"Ask me anything about “{self.briefing.title}” in your own words, or say "
                "“quiz me” (or “quiz me on” a topic). After an answer: why?, tell me more, "
                "what else?, and ...? In a quiz: hint, skip, why, score, stop. "
                f"For example:\n{listed}",
                suggestions=self.examples,
            )
        if _GREETING.match(lowered) and len(lowered.split()) <= 4:
            return Reply(
                kind="smalltalk",
                text=f"Hello! Ask me about “{self.briefing.title}”, for example:\n{listed}",
                suggestions=self.examples,
            )
        if _THANKS.match(lowered):
            return Reply(
                kind="smalltalk",
                text="You're welcome. Anything else?",
                suggestions=self.examples[:3],
            )
        if _BYE.match(lowered):
            return Reply(kind="smalltalk", text="Goodbye, and good luck with your briefing.")
        return None

    # -- quizzing in conversation ----------------------------------------------------------

    def _start_quiz(self, topic: str | None) -> Reply:
        questions = []
        label = "the whole briefing"
        if topic:
            hits = [h for h in self.index.search(topic, limit=8) if h.coverage >= MIN_COVERAGE]
            if hits:
                best = hits[0].score
                facts = [h.fact for h in hits if h.score >= 0.4 * best][:5]
                questions = [q for f in facts for q in select_questions(self.briefing, ids=[f])]
                label = topic.strip(" ?.!")
        if not questions:
            if topic:
                return Reply(
                    kind="decline",
                    text=f"The briefing has nothing on “{topic.strip()}” to quiz you on. "
                    f"Try “quiz me” or “{self.examples[-1]}”.",
                    suggestions=["quiz me", self.examples[-1]],
                )
            questions = select_questions(self.briefing, count=5, forms=["recall", "mcq", "tf"])
        session = QuizSession(self.briefing, questions, store=self.store, learner=self.learner)
        self.quiz = ChatQuiz(self.briefing, session, label)
        return self._after_quiz_turn(self.quiz.start())

    def _quiz_turn(self, text: str) -> Reply:
        quiz = self.quiz
        assert quiz is not None
        reply = quiz.command(text)
        if reply is None:  # a question for the tutor, asked mid-quiz
            answered = self.answerer.answer(self.index.read(text))
            answered.text = f"{answered.text}\n{quiz.reminder()}"
            answered.suggestions = []
            return answered
        return self._after_quiz_turn(reply)

    def _after_quiz_turn(self, reply: Reply) -> Reply:
        if reply.kind == "summary" and self.quiz is not None:
            last = self.quiz.last_outcome
            if last is not None:  # "why?" after the quiz is about its last question
                q = last.question
                self.context = Context(q.fact, q.card, q.prompt, {q.fact})
            self.quiz = None
        return reply


def _swap_subject(question: str, rest: str) -> str:
    """The last question about something else: a country for a country ("and Iran?"), else
    the new words alone."""
    rest = rest.strip(" ?!.")
    new = words(rest)
    if any(w.startswith("@") for w in new):
        out, replaced = [], False
        for token in question.strip(" ?!.").split():
            bare = re.sub(r"'s$", "", fold(token).lower().strip(",.;:!?"))
            if not replaced and fold_countries([bare])[0].startswith("@"):
                out.append(rest)
                replaced = True
            else:
                out.append(token)
        if replaced:
            return " ".join(out)
    return rest
