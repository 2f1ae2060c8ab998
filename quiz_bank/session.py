"""Quiz sessions: choose questions, ask, grade, hint, skip, "I was right", score and summary.

Every answer is graded by the grading engine, recorded in the progress store (when there is
one) the moment it is given, and fed to the scheduler.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from briefing_data.models import Briefing, ListAnswer, NumberAnswer, TextAnswer
from quiz_bank.grading import MAX_ANSWER_CHARS
from quiz_bank.questions import (
    BLANK,
    Question,
    _answer_spellings,
    _find,
    find_question,
    grade_question,
    question_bank,
)
from quiz_bank.store import ProgressStore, utcnow
from quiz_bank.verdict import Verdict

# A hinted answer earns this share of its score.
HINT_FACTOR = 0.5
DEFAULT_FORMS = ("recall", "list", "mcq", "tf", "cloze")


def select_questions(
    briefing: Briefing,
    *,
    card: str | None = None,
    tag: str | None = None,
    count: int | None = None,
    seed: int | None = None,
    ids: list[str] | None = None,
    forms: tuple[str, ...] | list[str] | None = None,
) -> list[Question]:
    """The questions of a quiz.

    `ids` gives exactly those questions in that order (KeyError naming an unknown one).
    Otherwise one question per fact of the chosen card or tag, its form drawn at random
    among `forms`, in a shuffled order; the same seed gives the same quiz.
    """
    if ids:
        return [find_question(briefing, qid) for qid in ids]
    if card is not None:
        briefing.card(card)  # KeyError for an unknown card
    rng = random.Random(seed)
    wanted = set(forms or DEFAULT_FORMS)
    by_fact: dict[str, list[Question]] = {}
    for q in question_bank(briefing):
        if q.form not in wanted or (card is not None and q.card != card):
            continue
        if tag is not None:
            fact = briefing.fact(q.fact)
            if tag not in fact.tags and tag not in briefing.card(q.card).tags:
                continue
        by_fact.setdefault(q.fact, []).append(q)
    chosen = [rng.choice(options) for options in by_fact.values()]
    rng.shuffle(chosen)
    return chosen[:count] if count else chosen


@dataclass
class Outcome:
    question: Question
    typed: str
    verdict: Verdict
    hinted: bool = False
    skipped: bool = False
    overridden: bool = False
    score: float = 0.0
    attempt_id: int | None = None
    # The schedule before this answer, so "I was right" can redo the review.
    previous_state: str | None = None

    @property
    def full_credit(self) -> bool:
        return (self.verdict.correct or self.overridden) and not self.hinted and not self.skipped


@dataclass
class Summary:
    total: int
    answered: int
    correct: int
    skipped: int
    score: float
    # (question, fact id, card id) of each question not answered right, in quiz order.
    missed: list[tuple[Question, str, str]] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.answered if self.answered else 0.0


class QuizSession:
    def __init__(
        self,
        briefing: Briefing,
        questions: list[Question],
        *,
        store: ProgressStore | None = None,
        learner: str = "me",
        clock: Callable[[], dt.datetime] = utcnow,
        time_limit: float | None = None,
    ) -> None:
        self.briefing = briefing
        # Seconds per question (a class quiz may set one); a later answer scores nothing.
        self.time_limit = time_limit
        self.questions = list(questions)
        self.store = store
        self.learner = learner
        self.clock = clock
        self.index = 0
        self.outcomes: list[Outcome] = []
        self._hints: dict[int, int] = {}

    # -- where we are ----------------------------------------------------------------------

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @property
    def done(self) -> bool:
        return self.index >= len(self.questions)

    @property
    def position(self) -> int:
        return min(self.index + 1, len(self.questions))

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def answered(self) -> int:
        return sum(not o.skipped for o in self.outcomes)

    @property
    def correct(self) -> int:
        return sum(o.full_credit for o in self.outcomes)

    @property
    def score(self) -> float:
        return sum(o.score for o in self.outcomes)

    @property
    def hints_used(self) -> int:
        return self._hints.get(self.index, 0)

    # -- actions ---------------------------------------------------------------------------

    def hint(self) -> str:
        """A hint for the current question; each call gives a little more."""
        question = self._require_current()
        level = self._hints.get(self.index, 0) + 1
        self._hints[self.index] = level
        return hint_text(self.briefing, question, level)

    def answer(self, typed: str, duration: float | None = None) -> Outcome:
        question = self._require_current()
        if self.time_limit and duration is not None and duration > self.time_limit:
            verdict = Verdict(
                correct=False,
                score=0.0,
                wrong=[typed[:80]],
                feedback=f"Time was up ({self.time_limit:g} s). The answer is {question.answer}.",
            )
        else:
            verdict = grade_question(self.briefing, question, typed)
        hinted = self.hints_used > 0
        score = verdict.score * (HINT_FACTOR if hinted else 1.0)
        outcome = Outcome(question, typed, verdict, hinted=hinted, score=round(score, 4))
        self._record(outcome, duration, exact=verdict.exact)
        return outcome

    def skip(self) -> Outcome:
        question = self._require_current()
        verdict = Verdict(
            correct=False, score=0.0, feedback=f"Skipped. The answer is {question.answer}."
        )
        outcome = Outcome(question, "", verdict, hinted=self.hints_used > 0, skipped=True)
        self._record(outcome, None, exact=False)
        return outcome

    def override(self) -> Outcome:
        """ "I was right": the last rejected answer counts, flagged as an override."""
        last = next((o for o in reversed(self.outcomes) if not o.skipped), None)
        if last is None or last.verdict.correct or last.overridden:
            raise ValueError("there is no rejected answer to override")
        if last.question.choices:
            # A choice is marked exactly: the grader cannot be wrong there.
            raise ValueError("a choice question cannot be overridden")
        last.overridden = True
        last.score = HINT_FACTOR if last.hinted else 1.0
        if self.store is not None and last.attempt_id is not None:
            schedule = self._review(last.question.id, last.previous_state, True, last, None)
            self.store.mark_override(last.attempt_id, last.score, schedule)
        return last

    def summary(self) -> Summary:
        missed = [
            (o.question, o.question.fact, o.question.card)
            for o in self.outcomes
            if not (o.verdict.correct or o.overridden)
        ]
        return Summary(
            total=self.total,
            answered=self.answered,
            correct=self.correct,
            skipped=sum(o.skipped for o in self.outcomes),
            score=round(self.score, 4),
            missed=missed,
        )

    # -- internals -------------------------------------------------------------------------

    def _require_current(self) -> Question:
        question = self.current
        if question is None:
            raise ValueError("the quiz is over")
        return question

    def _review(
        self,
        question_id: str,
        state: str | None,
        correct: bool,
        outcome: Outcome,
        duration: float | None,
        exact: bool = False,
    ) -> tuple[str, dt.datetime]:
        from quiz_bank.scheduler import rating, review

        grade = rating(
            correct=correct,
            hinted=outcome.hinted,
            exact=exact,
            first_try=True,
            duration=duration,
        )
        return review(state, self.learner, question_id, grade, self.clock())

    def _record(self, outcome: Outcome, duration: float | None, *, exact: bool) -> None:
        question = outcome.question
        if self.store is not None:
            previous = self.store.schedule_state(self.learner, question.id)
            outcome.previous_state = previous
            schedule = self._review(
                question.id, previous, outcome.verdict.correct, outcome, duration, exact
            )
            outcome.attempt_id = self.store.add_attempt(
                learner=self.learner,
                question=question.id,
                fact=question.fact,
                card=question.card,
                # What the grader reads, no more: a longer answer is refused, not kept.
                answer=outcome.typed[:MAX_ANSWER_CHARS],
                correct=outcome.verdict.correct,
                score=outcome.score,
                feedback=outcome.verdict.feedback,
                hint=outcome.hinted,
                skipped=outcome.skipped,
                duration=duration,
                schedule=schedule,
            )
        self.outcomes.append(outcome)
        self.index += 1


def hint_text(briefing: Briefing, question: Question, level: int) -> str:
    """Hints that give a little more each time: a first letter or item, then the card sentence."""
    fact = briefing.fact(question.fact)
    a = fact.answer
    if question.form in ("mcq", "tf") and question.correct_choice is not None:
        wrong = [c for i, c in enumerate(question.choices) if i != question.correct_choice]
        if question.form == "mcq" and level <= len(wrong) - 1:
            return f"It is not “{wrong[level - 1]}”."
        return _blanked_statement(briefing, question) or f"Reread the card: {fact.statement}"
    if isinstance(a, ListAnswer):
        items = a.items
        if level <= len(items) - 1:
            shown = ", ".join(item.answer for item in items[:level])
            return (
                f"{len(items)} in all. {'One of them is' if level == 1 else 'Some are'}: {shown}."
            )
        return _blanked_statement(briefing, question) or f"{len(items)} in all."
    if level == 1:
        if isinstance(a, NumberAnswer):
            digits = len(str(int(a.value)))
            return f"A number of {digits} digit{'s' if digits > 1 else ''}" + (
                f", in {a.unit}." if a.unit else "."
            )
        if isinstance(a, TextAnswer):
            words = a.canonical.split()
            plural = "s" if len(words) > 1 else ""
            return f"{len(words)} word{plural}, starting with “{a.canonical[0]}”."
        years = re.findall(r"\d{4}", fact.answer_text)
        return f"The year is {years[0]}." if years else "Think of the season and the year."
    return _blanked_statement(briefing, question) or f"It starts with “{fact.answer_text[:2]}”."


def _blanked_statement(briefing: Briefing, question: Question) -> str | None:
    fact = briefing.fact(question.fact)
    a = fact.answer
    spellings = (
        [s for item in a.items for s in [item.answer, *item.variants]]
        if isinstance(a, ListAnswer)
        else _answer_spellings(fact)
    )
    where = _find(fact.statement, spellings)
    if where is None:
        return None
    return "From the card: " + fact.statement[: where[0]] + BLANK + fact.statement[where[1] :]
