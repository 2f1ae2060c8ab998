"""The class quiz file: one quiz, fixed once by the teacher, taken by every student.

A small TOML file (`briefing quiz --save class-quiz.toml ...`) names the briefing, the
questions in their order, the seed they were drawn with and an optional time per question.
`load_class_quiz` checks it against the briefing and says in one line what is wrong.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from briefing_data.models import Briefing
from quiz_bank.questions import Question, find_question

FORMAT_VERSION = 1
MAX_FILE_BYTES = 256 * 1024
MAX_QUESTIONS = 500


class ClassQuizError(ValueError):
    """A class quiz file that cannot be used; str() is the one line shown."""


class ClassQuiz(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = FORMAT_VERSION
    # The id of the briefing the questions come from.
    briefing: str = Field(min_length=1, max_length=200)
    title: str = Field(default="", max_length=200)
    questions: list[str] = Field(min_length=1, max_length=MAX_QUESTIONS)
    seed: int | None = None
    # Seconds a student has for each question; None for no limit.
    time_per_question: int | None = Field(default=None, ge=5, le=3600)

    def select(self, briefing: Briefing) -> list[Question]:
        """The quiz's questions, in order (ClassQuizError for a mismatch with `briefing`)."""
        if self.briefing != briefing.id:
            raise ClassQuizError(
                f"this quiz is for the briefing {self.briefing!r}, not {briefing.id!r} "
                "(pass --briefing with the right file)"
            )
        out = []
        for qid in self.questions:
            try:
                out.append(find_question(briefing, qid))
            except KeyError:
                raise ClassQuizError(f"unknown question id {qid!r}") from None
        return out


def make_class_quiz(
    briefing: Briefing,
    questions: list[Question],
    *,
    seed: int | None = None,
    time_per_question: int | None = None,
    title: str = "",
) -> ClassQuiz:
    try:
        return ClassQuiz(
            briefing=briefing.id,
            title=title or briefing.title,
            questions=[q.id for q in questions],
            seed=seed,
            time_per_question=time_per_question,
        )
    except ValidationError as exc:
        raise ClassQuizError(_first_error(exc)) from None


def dumps_class_quiz(quiz: ClassQuiz) -> str:
    data = quiz.model_dump(exclude_none=True)
    header = (
        "# A class quiz for briefing: every student takes exactly these questions in this order.\n"
        "# Take it with: briefing quiz --from THIS-FILE (add --plain for line mode).\n"
    )
    return header + tomli_w.dumps(data)


def save_class_quiz(path: Path, quiz: ClassQuiz) -> None:
    try:
        path.write_text(dumps_class_quiz(quiz), encoding="utf-8")
    except OSError as exc:
        raise ClassQuizError(f"{path}: cannot write ({exc.strerror})") from None


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(part) for part in err["loc"]) or "file"
    message = err["msg"]
    if err["type"] == "extra_forbidden":
        message = "unknown key"
    return f"{where}: {message}"


def parse_class_quiz(text: str, source: str = "class quiz") -> ClassQuiz:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ClassQuizError(f"{source}: not valid TOML ({exc})") from None
    version = data.get("version", FORMAT_VERSION)
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise ClassQuizError(
            f"{source}: made by a newer briefing (format {version}, this one reads "
            f"{FORMAT_VERSION})"
        )
    try:
        return ClassQuiz.model_validate(data)
    except ValidationError as exc:
        raise ClassQuizError(f"{source}: {_first_error(exc)}") from None


def load_class_quiz(path: Path, briefing: Briefing | None = None) -> ClassQuiz:
    """Read and check a class quiz file; with `briefing`, also check every question id."""
    try:
        if path.is_dir():
            raise ClassQuizError(f"{path}: is a directory, not a class quiz file")
        raw = path.read_bytes()[: MAX_FILE_BYTES + 1]
    except FileNotFoundError:
        raise ClassQuizError(f"{path}: no such class quiz file") from None
    except OSError as exc:
        raise ClassQuizError(f"{path}: cannot read ({exc.strerror})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ClassQuizError(f"{path}: too large for a class quiz file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ClassQuizError(f"{path}: not UTF-8 text") from None
    quiz = parse_class_quiz(text, str(path))
    if briefing is not None:
        try:
            quiz.select(briefing)
        except ClassQuizError as exc:
            raise ClassQuizError(f"{path}: {exc}") from None
    return quiz
