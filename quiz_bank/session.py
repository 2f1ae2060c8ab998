"""Quiz sessions: choose questions, ask, grade, hint, skip, "I was right", score and summary.

Every answer is graded by the grading engine, recorded in the progress store (when there is
one) the moment it is given, and fed to the scheduler.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from briefing_data.models import Briefing
from quiz_bank.grading import MAX_ANSWER_CHARS
from quiz_bank.hints import hint_text
from quiz_bank.marking import answered_text, grade_question
from quiz_bank.questions import Question
from quiz_bank.scoring import Standing, Tally, credited, standing, tally
from quiz_bank.selection import DEFAULT_FORMS, select_questions
from quiz_bank.store import ProgressStore, utcnow
from quiz_bank.verdict import Verdict

__all__ = ["DEFAULT_FORMS", "Outcome", "QuizSession", "Summary", "select_questions"]


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
    # When the question comes back for review (None without a store).
    due: dt.datetime | None = None

    @property
    def standing(self) -> Standing:
        return standing(
            correct=self.verdict.correct,
            score=self.score,
            hinted=self.hinted,
            overridden=self.overridden,
            skipped=self.skipped,
        )

    @property
    def full_credit(self) -> bool:
        return self.standing is Standing.RIGHT

    @property
    def answered_text(self) -> str:
        """What was answered, as shown back ("" when skipped)."""
        return "" if self.skipped else answered_text(self.question, self.typed)


@dataclass
class Summary:
    """The end of a quiz: its tally (the score model) and the facts to reread."""

    total: int
    tally: Tally
    # (question, fact id, card id) of each fact not answered right, in quiz order, once each.
    missed: list[tuple[Question, str, str]] = field(default_factory=list)
    # Every answer in order, for the recap.
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return len(self.outcomes) >= self.total

    def title(self, what: str = "Quiz") -> str:
        """What happened, in a few words: "Quiz finished", "Left after 8 of 10"."""
        if self.finished:
            return f"{what} finished"
        return f"Left after {len(self.outcomes)} of {self.total}"


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
    def tally(self) -> Tally:
        answered = [o for o in self.outcomes if not o.skipped]
        return tally(
            ((o.standing, o.score) for o in self.outcomes),
            hinted=sum(o.hinted for o in answered),
            overridden=sum(o.overridden for o in answered),
        )

    @property
    def answered(self) -> int:
        return self.tally.answered

    @property
    def correct(self) -> int:
        return self.tally.right

    @property
    def score(self) -> float:
        return self.tally.points

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
        score = credited(verdict.score, hinted=hinted)
        outcome = Outcome(question, typed, verdict, hinted=hinted, score=score)
        self._record(outcome, duration, exact=verdict.exact)
        return outcome

    def skip(self) -> Outcome:
        question = self._require_current()
        verdict = Verdict(correct=False, score=0.0, feedback=f"The answer is {question.answer}.")
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
        last.score = credited(1.0, hinted=last.hinted)
        if self.store is not None and last.attempt_id is not None:
            schedule = self._review(last.question.id, last.previous_state, True, last, None)
            self.store.mark_override(last.attempt_id, last.score, schedule)
            last.due = schedule[1]
        return last

    def summary(self) -> Summary:
        missed: dict[str, tuple[Question, str, str]] = {}
        for o in self.outcomes:
            if not (o.verdict.correct or o.overridden):
                missed.setdefault(o.question.fact, (o.question, o.question.fact, o.question.card))
        return Summary(
            total=self.total,
            tally=self.tally,
            missed=list(missed.values()),
            outcomes=list(self.outcomes),
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
            outcome.due = schedule[1]
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
