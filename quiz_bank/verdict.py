"""The verdict on one typed answer: right or not, a score, what matched, and why."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Verdict(BaseModel):
    model_config = ConfigDict(frozen=True)

    correct: bool
    # 0..1: matched / required for lists, 1 or 0 otherwise.
    score: float
    # Item keys credited; for a one-answer question, [question id] when correct, else [].
    matched: list[str] = []
    # Item keys not named (lists only).
    missed: list[str] = []
    # Parts of the answer that matched nothing or matched a known wrong answer.
    wrong: list[str] = []
    # One or two short sentences saying why.
    feedback: str = ""
    # True when the answer was right as written (no typo, no variant needed).
    exact: bool = False
