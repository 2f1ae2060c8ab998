"""`briefing db copy`: a class's progress from one database into another, counts checked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quiz_bank.store.api import ProgressStore
from quiz_bank.store.schema import StoreError, iso
from quiz_bank.store.target import DbTarget, redact


@dataclass(frozen=True)
class CopyReport:
    source: str
    destination: str
    in_source: int
    added: int
    learners: int
    in_destination: int

    def text(self) -> str:
        already = self.in_source - self.added
        return (
            f"Copied {self.added} of {self.in_source} attempts ({already} already there) and "
            f"{self.learners} learners from {self.source} to {self.destination}; "
            f"it now holds {self.in_destination} attempts, every one of the source's among them."
        )


def copy_store(source: DbTarget, destination: DbTarget) -> CopyReport:
    """Copy learners, attempts and schedules; re-running adds nothing. Checks every attempt."""
    if isinstance(source, Path) and not source.is_file():
        raise StoreError(f"{source}: no such progress database to copy from")
    if redact(source) == redact(destination) or (
        isinstance(source, Path)
        and isinstance(destination, Path)
        and _same_file(source, destination)
    ):
        raise StoreError("the source and the destination are the same database")
    with ProgressStore(source) as src:
        learners, attempts, schedule = src.learner_rows(), src.attempts(), src.schedule_rows()
    with ProgressStore(destination) as dst:
        before = dst.count_attempts()
        added = dst.import_rows(learners, attempts, schedule)
        after = dst.count_attempts()
        held = {(a.learner, a.question, iso(a.answered_at), a.answer) for a in dst.attempts()}
    missing = [
        a for a in attempts if (a.learner, a.question, iso(a.answered_at), a.answer) not in held
    ]
    if missing or after < before + added:
        raise StoreError(
            f"{redact(destination)}: the copy is incomplete ({len(missing)} attempts missing)"
        )
    return CopyReport(
        redact(source), redact(destination), len(attempts), added, len(learners), after
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
