"""The briefing tutor: answers questions from the briefing, declines when it is silent, and
quizzes in conversation. Plain data in, plain data out: a screen only renders `Reply`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from briefing_data.models import Briefing
from quiz_bank.retrieval import PRONOUNS, FactIndex, Hit, cues
from quiz_bank.session import Outcome, QuizSession, select_questions
from quiz_bank.store import ProgressStore

ReplyKind = Literal["answer", "decline", "smalltalk", "quiz", "verdict", "summary"]

# Measured on tests/data/tutor_questions.jsonl (see benchmarks/tutor.py): below this share
# of the question explained by the best fact, the tutor declines rather than guess.
MIN_COVERAGE = 0.5
# Longer questions are cut here: a question is a sentence or two.
MAX_QUESTION_CHARS = 500

EXAMPLES = [
    "Which systems are deployed from Belarus?",
    "How far can the Kinzhal fly?",
    "When did Lukashenka sign the documents with Xi?",
    "What is the circular exchange?",
    "quiz me on China",
]

_GREETING = re.compile(r"^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings|yo)\b")
_THANKS = re.compile(r"\b(thanks|thank you|thx|cheers|great|cool|ok|okay)\b")
_HELP = re.compile(r"^\s*(help|\?|what can you do|how does this work|commands)\s*[?!.]*\s*$")
_BYE = re.compile(r"^\s*(bye|goodbye|see you|quit|exit)\b")
_QUIZ = re.compile(r"\b(quiz|test|drill|ask) me\b(?:\s+(?:on|about|in)\s+(?P<topic>.+))?")


@dataclass
class Reply:
    kind: ReplyKind
    text: str
    facts: list[str] = field(default_factory=list)
    card: str | None = None
    evidence: str | None = None
    # Other questions the learner may want to ask next (related facts, examples).
    suggestions: list[str] = field(default_factory=list)


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
        self.store = store
        self.learner = learner
        self.topic: list[str] = []
        self.quiz: QuizSession | None = None
        self.last_outcome: Outcome | None = None

    # -- conversation ----------------------------------------------------------------------

    def reply(self, text: str) -> Reply:
        text = text[:MAX_QUESTION_CHARS]
        lowered = text.strip().lower()
        if self.quiz is not None:
            return self._quiz_turn(text, lowered)
        started = _QUIZ.search(lowered)
        if started:
            return self._start_quiz(started.group("topic"))
        small = self._smalltalk(lowered)
        if small is not None:
            return small
        return self.answer(text)

    def answer(self, question: str) -> Reply:
        """Answer one question from the briefing, or decline plainly."""
        question = question[:MAX_QUESTION_CHARS]
        known, unknown = self.index.terms(question)
        extra = None
        follow_up = bool(set(re.findall(r"[a-z]+", question.lower())) & PRONOUNS)
        vague = bool(known) and not unknown and not self.index.distinctive(known)
        if self.topic and (follow_up or vague):
            extra = self.topic
        hits = self.index.search(question, extra=extra)
        best = self._confident(question, hits, known, extra)
        if best is None:
            return Reply(
                kind="decline",
                text="The article does not say. I can only answer from this briefing; "
                "try one of these:",
                suggestions=EXAMPLES[:3],
            )
        fact = self.briefing.fact(best.fact)
        card = self.briefing.card(best.card)
        self.topic = self.index.distinctive(self.index.terms(fact.statement)[0])
        others = [
            h
            for h in hits[1:4]
            if h.score >= 0.6 * best.score and h.coverage >= MIN_COVERAGE and h.fact != best.fact
        ]
        text = f"{fact.statement} (card: {card.title})"
        return Reply(
            kind="answer",
            text=text,
            facts=[best.fact, *[h.fact for h in others]],
            card=card.id,
            evidence=fact.evidence,
            suggestions=[self.briefing.fact(h.fact).question for h in others],
        )

    def _confident(
        self, question: str, hits: list[Hit], known: list[str], extra: list[str] | None
    ) -> Hit | None:
        if not hits:
            return None
        best = hits[0]
        if best.coverage < MIN_COVERAGE:
            return None
        # The question must name something particular to the facts, not only "Belarus".
        particular = self.index.distinctive(known + (extra or []))
        if not particular and not cues(question):
            return None
        # "the area of Belarus" must not be answered because "training areas" spells an answer.
        if particular and not set(particular) & self.index.strong[best.fact]:
            return None
        if not particular and best.coverage < 0.99:
            return None
        return best

    def _smalltalk(self, lowered: str) -> Reply | None:
        examples = "\n".join(f"  • {e}" for e in EXAMPLES)
        if _HELP.match(lowered):
            return Reply(
                kind="smalltalk",
                text="Ask me anything about the briefing in your own words, or say "
                "“quiz me” (or “quiz me on China”). In a quiz: hint, skip, why, score, stop. "
                f"For example:\n{examples}",
                suggestions=EXAMPLES,
            )
        if _GREETING.match(lowered) and len(lowered.split()) <= 4:
            return Reply(
                kind="smalltalk",
                text=f"Hello! Ask me about the briefing, for example:\n{examples}",
                suggestions=EXAMPLES,
            )
        if _THANKS.search(lowered) and len(lowered.split()) <= 4:
            return Reply(
                kind="smalltalk", text="You're welcome. Anything else?", suggestions=EXAMPLES[:3]
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
                    "Try “quiz me” or “quiz me on the weapons”.",
                    suggestions=["quiz me", "quiz me on the weapons"],
                )
            questions = select_questions(self.briefing, count=5, forms=["recall", "mcq", "tf"])
        self.quiz = QuizSession(self.briefing, questions, store=self.store, learner=self.learner)
        intro = f"Quiz on {label}: {len(questions)} questions. Say hint, skip, why, score or stop."
        return self._ask(intro)

    def _ask(self, before: str = "") -> Reply:
        assert self.quiz is not None
        q = self.quiz.current
        if q is None:
            return self._finish(before)
        lines = [before] if before else []
        lines.append(f"Question {self.quiz.position} of {self.quiz.total}: {q.prompt}")
        for i, choice in enumerate(q.choices):
            lines.append(f"  {'abcdefgh'[i]}) {choice}")
        return Reply(kind="quiz", text="\n".join(lines), facts=[q.fact], card=q.card)

    def _quiz_turn(self, text: str, lowered: str) -> Reply:
        quiz = self.quiz
        assert quiz is not None
        command = lowered.strip(" ?!.")
        if command in ("stop", "quit", "end", "stop the quiz", "enough"):
            return self._finish("Quiz stopped.")
        if command == "hint":
            return Reply(
                kind="quiz",
                text=f"Hint: {quiz.hint()}",
                card=quiz.current.card if quiz.current else None,
            )
        if command in ("score", "my score"):
            return Reply(
                kind="quiz",
                text=f"Score so far: {quiz.correct} right of {quiz.answered} answered "
                f"({quiz.score:g} points); question {quiz.position} of {quiz.total}.",
            )
        if command in ("why", "why not", "explain"):
            return self._explain()
        outcome = quiz.skip() if command == "skip" else quiz.answer(text)
        self.last_outcome = outcome
        verdict = outcome.verdict
        mark = (
            "✓ Right." if verdict.correct else ("- Skipped." if outcome.skipped else "✗ Not quite.")
        )
        head = mark if outcome.skipped else f"{mark} {verdict.feedback}"
        return self._ask(head)

    def _explain(self) -> Reply:
        last = self.last_outcome
        if last is None:
            return Reply(kind="quiz", text="Answer a question first; then ask why.")
        fact = self.briefing.fact(last.question.fact)
        card = self.briefing.card(last.question.card)
        return Reply(
            kind="verdict",
            text=f"{last.verdict.feedback} {fact.explanation} (card: {card.title})".strip(),
            facts=[fact.id],
            card=card.id,
            evidence=fact.evidence,
        )

    def _finish(self, before: str) -> Reply:
        quiz = self.quiz
        assert quiz is not None
        summary = quiz.summary()
        self.quiz = None
        lines = [before] if before else []
        lines.append(f"Done: {summary.correct} right of {summary.answered} answered.")
        if summary.missed:
            cards = []
            for _q, _fact, card_id in summary.missed:
                title = self.briefing.card(card_id).title
                if title not in cards:
                    cards.append(title)
            lines.append("Worth rereading: " + "; ".join(cards) + ".")
        return Reply(kind="summary", text="\n".join(lines), facts=[f for _, f, _ in summary.missed])
