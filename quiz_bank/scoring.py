"""What an answer counts as, defined once for every screen, report and export.

- skipped: not an attempt; it counts nowhere but in "skipped".
- right: full credit, i.e. graded right (or overridden: "I was right") with no hint.
- partly right: some credit but not full (a list with items missing or a wrong one added,
  a right answer given after a hint, which earns half its points).
- wrong: no credit.
- overridden answers count as right and stay visible as overrides to a teacher.

A fact is mastered when its latest answered attempt was right; a card's mastery is the share
of its facts mastered, and a card with no answered attempt is "not studied" rather than 0%.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

# A hinted answer earns this share of its score.
HINT_FACTOR = 0.5


class Standing(StrEnum):
    RIGHT = "right"
    PARTLY = "partly"
    WRONG = "wrong"
    SKIPPED = "skipped"


def standing(
    *, correct: bool, score: float, hinted: bool, overridden: bool, skipped: bool
) -> Standing:
    """The one rule that says what an answer counts as."""
    if skipped:
        return Standing.SKIPPED
    if (correct or overridden) and not hinted:
        return Standing.RIGHT
    if score > 0:
        return Standing.PARTLY
    return Standing.WRONG


def credited(verdict_score: float, *, hinted: bool) -> float:
    """Points an answer earns: its score, halved by a hint."""
    return round(verdict_score * (HINT_FACTOR if hinted else 1.0), 4)


class StoredAttempt(Protocol):
    """The fields of a stored attempt the score model reads."""

    @property
    def correct(self) -> bool: ...
    @property
    def score(self) -> float: ...
    @property
    def hint(self) -> bool: ...
    @property
    def override(self) -> bool: ...
    @property
    def skipped(self) -> bool: ...


def attempt_standing(a: StoredAttempt) -> Standing:
    return standing(
        correct=a.correct, score=a.score, hinted=a.hint, overridden=a.override, skipped=a.skipped
    )


@dataclass(frozen=True)
class Tally:
    right: int = 0
    partly: int = 0
    wrong: int = 0
    skipped: int = 0
    hinted: int = 0
    overridden: int = 0
    points: float = 0.0

    @property
    def answered(self) -> int:
        return self.right + self.partly + self.wrong

    @property
    def attempts(self) -> int:
        """Attempts are answers: skipped questions are not attempts."""
        return self.answered

    def text(self) -> str:
        """'3 right of 4 answered (3.5 points, 1 skipped)': the same words on every screen."""
        if not self.answered:
            head = "No answers yet"
        else:
            head = f"{self.right} right of {self.answered} answered"
        extras = []
        if self.answered:
            extras.append(f"{self.points:g} point{'' if self.points == 1 else 's'}")
        if self.partly:
            extras.append(f"{self.partly} partly right")
        if self.skipped:
            extras.append(f"{self.skipped} skipped")
        return head + (f" ({', '.join(extras)})" if extras else "")

    def score_line(self) -> str:
        """The machine-read line of `quiz --plain`: full-credit answers of answers."""
        return f"Score: {self.right}/{self.answered}"


def tally(
    records: Iterable[tuple[Standing, float]], *, hinted: int = 0, overridden: int = 0
) -> Tally:
    """Counts of (standing, points) pairs."""
    counts = {s: 0 for s in Standing}
    points = 0.0
    for state, earned in records:
        counts[state] += 1
        points += 0.0 if state is Standing.SKIPPED else earned
    return Tally(
        right=counts[Standing.RIGHT],
        partly=counts[Standing.PARTLY],
        wrong=counts[Standing.WRONG],
        skipped=counts[Standing.SKIPPED],
        hinted=hinted,
        overridden=overridden,
        points=round(points, 4),
    )


def tally_attempts(attempts: Iterable[StoredAttempt]) -> Tally:
    rows = list(attempts)
    answered = [a for a in rows if not a.skipped]
    return tally(
        ((attempt_standing(a), a.score) for a in rows),
        hinted=sum(a.hint for a in answered),
        overridden=sum(a.override for a in answered),
    )


def mastered_facts(records: Iterable[tuple[str, str, Standing]]) -> dict[tuple[str, str], bool]:
    """(learner, fact) -> whether the latest answered attempt was right. Input in time order."""
    latest: dict[tuple[str, str], bool] = {}
    for learner, fact, state in records:
        if state is not Standing.SKIPPED:
            latest[(learner, fact)] = state is Standing.RIGHT
    return latest


@dataclass(frozen=True)
class VerdictWords:
    """How a standing is shown: its mark, its word, and a style name front ends map to colours."""

    mark: str
    word: str
    style: str

    def label(self) -> str:
        return f"{self.mark} {self.word}"


# The one vocabulary for verdicts: the CLI, the screens and the tutor all use these words.
WORDS: dict[Standing, VerdictWords] = {
    Standing.RIGHT: VerdictWords("✓", "Right", "right"),
    Standing.PARTLY: VerdictWords("◐", "Partly right", "partial"),
    Standing.WRONG: VerdictWords("✗", "Not right", "wrong"),
    Standing.SKIPPED: VerdictWords("→", "Skipped", "skipped"),
}


def describe(state: Standing, *, score: float, hinted: bool, overridden: bool) -> str:
    """The verdict line's head: "✓ Right", "◐ Partly right (40%)", "✓ Right (with a hint: half
    credit)", "✓ Right (you said so: counted, shown to a teacher)"."""
    words = WORDS[state]
    if overridden:
        return f"{WORDS[Standing.RIGHT].label()} (you said so: counted, flagged for a teacher)"
    if state is Standing.PARTLY and hinted and score >= HINT_FACTOR:
        return f"{WORDS[Standing.RIGHT].mark} Right, with a hint (half credit)"
    if state is Standing.PARTLY:
        return f"{words.label()} ({score:.0%})"
    return words.label()
