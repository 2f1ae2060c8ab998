"""A class quiz fixed by a teacher in a small TOML file, so every student takes the same quiz."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from briefing_data.errors import UserError
from briefing_data.models import Briefing
from briefing_data.safeio import TOML_BYTES, UserFileError, read_user_text
from quiz_bank.questions import Question, find_question

if TYPE_CHECKING:
    from quiz_bank.session import QuizSession
    from quiz_bank.store import Attempt


class ClassQuizError(UserError):
    """A class quiz file that cannot be used; str() is the one line shown."""


class ClassQuiz(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(default="Class quiz", min_length=1, max_length=120)
    briefing: str = Field(
        max_length=64, description="The id of the briefing the questions come from."
    )
    questions: list[Annotated[str, Field(max_length=200)]] = Field(min_length=1, max_length=1000)
    seed: int | None = Field(default=None, ge=-(2**63), le=2**63 - 1)
    # Seconds allowed per question; none means no limit.
    time_per_question: int | None = Field(default=None, ge=5, le=3600)
    # A served student who finished sees their summary again on reload, unless retakes are on.
    retakes: bool = False

    @property
    def key(self) -> str:
        """The quiz's identity in a roster: the same briefing, title and questions."""
        text = "\n".join([self.briefing, self.title, *self.questions])
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def resolve(self, briefing: Briefing) -> list[Question]:
        if briefing.id != self.briefing:
            raise ClassQuizError(
                f"this quiz is for the briefing {self.briefing!r}, not {briefing.id!r}"
            )
        try:
            return [find_question(briefing, qid) for qid in self.questions]
        except KeyError as exc:
            raise ClassQuizError(f"unknown question id {exc.args[0]!r}") from None


def save_class_quiz(quiz: ClassQuiz, path: Path) -> None:
    import tomli_w

    data = quiz.model_dump(exclude_none=True)
    header = (
        "# A class quiz: `briefing quiz --from THIS_FILE` or `briefing serve --quiz THIS_FILE`.\n"
        "# Every student gets exactly these questions, in this order.\n"
    )
    path.write_text(header + tomli_w.dumps(data), encoding="utf-8")


def load_class_quiz(path: Path) -> ClassQuiz:
    try:
        text = read_user_text(path, TOML_BYTES)
    except UserFileError as exc:
        if exc.missing:
            raise ClassQuizError(f"{path}: no such class quiz file") from None
        raise ClassQuizError(str(exc)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ClassQuizError(f"{path}: not valid TOML ({exc})") from None
    except RecursionError:
        raise ClassQuizError(f"{path}: not valid TOML (nested too deeply)") from None
    except (ValueError, OverflowError) as exc:  # a 100,000-digit integer, a date out of range
        reason = " ".join(str(exc).split(":")[0].split())[:200]
        raise ClassQuizError(f"{path}: not valid TOML ({reason})") from None
    try:
        return ClassQuiz.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(_shown(p) for p in err["loc"])[:200] or "(top level)"
        raise ClassQuizError(f"{path}: {field}: {err['msg']}") from None


def _shown(part: object) -> str:
    """A field name as typed, or quoted when it holds characters a terminal would act on."""
    text = str(part)
    return text if text.isprintable() else repr(text)


def resume_session(session: QuizSession, attempts: list[Attempt]) -> QuizSession:
    """A session that continues after this round's stored answers (see round_attempts):
    answered questions are not asked again, and the summary counts them."""
    from quiz_bank.session import Outcome
    from quiz_bank.verdict import Verdict

    for question, attempt in zip(session.questions, attempts, strict=False):
        verdict = Verdict(correct=attempt.correct, score=attempt.score, feedback=attempt.feedback)
        session.outcomes.append(
            Outcome(
                question,
                attempt.answer,
                verdict,
                hinted=attempt.hint,
                skipped=attempt.skipped,
                overridden=attempt.override,
                score=attempt.score,
                attempt_id=attempt.id,
            )
        )
    session.index = len(session.outcomes)
    return session
