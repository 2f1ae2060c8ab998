"""A quiz inside the chat: asks, grades, hints, explains the current quiz's answers, and tells
a question typed mid-quiz from an answer."""

from __future__ import annotations

import re

from briefing_data.models import Briefing
from quiz_bank.normalize import fold
from quiz_bank.session import Outcome, QuizSession
from quiz_bank.tutor.reply import Reply

_STOP = {"stop", "quit", "end", "stop the quiz", "end the quiz", "enough", "stop quiz"}
_WHY = {"why", "why not", "explain", "why is that", "how come", "why?"}
_INTERROGATIVE = re.compile(
    r"^(what|who|whom|whose|when|where|why|how|which|is|are|was|were|do|does|did|can|could|"
    r"would|will|should|has|have|had|tell me|explain|describe)\b"
)
_CONFIRM = {"answer", "my answer", "grade it", "grade", "it is my answer", "yes", "the answer"}


def kind_of_input(text: str) -> str:
    """ "question" (a question for the tutor), "unsure" (could be either) or "answer"."""
    lowered = fold(text).lower().strip()
    n_words = len(lowered.split())
    if _INTERROGATIVE.match(lowered) and n_words >= 3:
        return "question"
    if lowered.endswith("?") and n_words >= 2:
        return "unsure"
    return "answer"


class ChatQuiz:
    """One quiz in a conversation; `why` refers to its own answers only."""

    def __init__(self, briefing: Briefing, session: QuizSession, label: str) -> None:
        self.briefing = briefing
        self.session = session
        self.label = label
        self.last_outcome: Outcome | None = None
        # A line that may be an answer or a question, waiting for the learner to say which.
        self.pending: str | None = None

    @property
    def over(self) -> bool:
        return self.session.current is None

    def start(self) -> Reply:
        intro = (
            f"Quiz on {self.label}: {self.session.total} questions. "
            "Say hint, skip, why, score or stop; ask me a question any time."
        )
        return self.ask(intro)

    def ask(self, before: str = "") -> Reply:
        q = self.session.current
        if q is None:
            return self.finish(before)
        lines = [before] if before else []
        lines.append(f"Question {self.session.position} of {self.session.total}: {q.prompt}")
        for i, choice in enumerate(q.choices):
            lines.append(f"  {'abcdefgh'[i]}) {choice}")
        return Reply(kind="quiz", text="\n".join(lines), facts=[q.fact], card=q.card)

    def reminder(self) -> str:
        q = self.session.current
        if q is None:
            return ""
        s = self.session
        return f"(Back to the quiz, question {s.position} of {s.total}: {q.prompt})"

    def command(self, text: str) -> Reply | None:
        """The reply to a quiz command or an answer; None when `text` is a question for the
        tutor (the caller answers it)."""
        lowered = fold(text).lower().strip()
        command = lowered.strip(" ?!.")
        if self.pending is not None:
            pending, self.pending = self.pending, None
            if command in _CONFIRM:
                return self.grade(pending)
        if command in _STOP:
            return self.finish("Quiz stopped.")
        if command == "hint":
            q = self.session.current
            return Reply(
                kind="quiz", text=f"Hint: {self.session.hint()}", card=q.card if q else None
            )
        if command in ("score", "my score"):
            s = self.session
            return Reply(
                kind="quiz",
                text=f"Score so far: {s.tally.text()}; question {s.position} of {s.total}.",
            )
        if command in _WHY or lowered in _WHY:
            return self.explain()
        if command == "skip":
            return self.grade(text, skip=True)
        kind = kind_of_input(text)
        if kind == "question":
            return None
        if kind == "unsure":
            self.pending = text
            return Reply(
                kind="quiz",
                text=f"Is “{text.strip()}” your answer to question {self.session.position}, "
                "or a question for me? Say “answer” to have it graded, or ask it as a question "
                "(what, who, when...).",
            )
        return self.grade(text)

    def grade(self, text: str, skip: bool = False) -> Reply:
        outcome = self.session.skip() if skip else self.session.answer(text)
        self.last_outcome = outcome
        verdict = outcome.verdict
        if outcome.skipped:
            head = "- Skipped."
        else:
            mark = "✓ Right." if verdict.correct else "✗ Not quite."
            head = f"{mark} {verdict.feedback}"
        return self.ask(head)

    def explain(self) -> Reply:
        last = self.last_outcome
        if last is None:
            return Reply(kind="quiz", text="Answer a question of this quiz first; then ask why.")
        fact = self.briefing.fact(last.question.fact)
        card = self.briefing.card(last.question.card)
        return Reply(
            kind="verdict",
            text=f"{last.verdict.feedback} {fact.explanation} (card: {card.title})".strip(),
            facts=[fact.id],
            card=card.id,
            evidence=fact.evidence,
        )

    def finish(self, before: str) -> Reply:
        summary = self.session.summary()
        lines = [before] if before else []
        lines.append(f"Done: {summary.tally.text()}.")
        if summary.missed:
            cards: list[str] = []
            for _q, _fact, card_id in summary.missed:
                title = self.briefing.card(card_id).title
                if title not in cards:
                    cards.append(title)
            lines.append("Worth rereading: " + "; ".join(cards) + ".")
        return Reply(kind="summary", text="\n".join(lines), facts=[f for _, f, _ in summary.missed])
