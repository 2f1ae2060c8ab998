"""Who sits a served class: each name claimed once, a personal code to come back, rounds of the
quiz, and the "I was right" requests a teacher accepts or rejects.

The roster lives in the class's progress database (its tables `class_seats` and
`override_requests`, schema 2 of the store), SQLite or PostgreSQL, so every session process and
the server see the same claims. Codes and seat tokens are stored as hashes only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
import unicodedata
from dataclasses import dataclass

from quiz_bank.learners import validate_learner_name
from quiz_bank.scoring import credited
from quiz_bank.store import Attempt, ProgressStore, utcnow

# No 0/O, 1/I/L: a code is read off paper or a board.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
ACCEPTED, REJECTED = "accepted", "rejected"


class SeatRefused(ValueError):
    """A name that cannot be taken now; str() is the one line shown to the student."""


@dataclass(frozen=True)
class Seat:
    name: str
    # The personal code, shown once when the name is first claimed (None when reclaimed).
    code: str | None
    # The browser's secret for this seat (kept in a cookie).
    token: str


@dataclass(frozen=True)
class OverrideRequest:
    attempt_id: int
    learner: str
    question: str
    requested_at: dt.datetime
    decision: str | None


def new_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def same_code(typed: str, code: str) -> bool:
    """Codes compare without case, spaces or dashes, in constant time."""
    return hmac.compare_digest(_code_hash(typed), _code_hash(code))


def name_key(name: str) -> str:
    """One key per person: "Ana  Lima" and "ana lima" are the same seat."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _code_hash(code: str) -> str:
    clean = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(b"code:" + clean.encode()).hexdigest()


def _token_hash(token: str) -> str:
    return hashlib.sha256(b"seat:" + token.encode()).hexdigest()


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


class Roster:
    """The seats of served classes and the override requests, in one progress database."""

    def __init__(self, target: str | os.PathLike[str]) -> None:
        # The store brings the database to its schema (the roster's tables included).
        self.store = ProgressStore(target)

    # -- seats -------------------------------------------------------------------------------

    def claim(self, quiz: str, raw_name: str, code: str = "") -> Seat:
        """Take a name for this quiz, or take it back with the code its first session got."""
        name = validate_learner_name(raw_name)
        key = name_key(name)
        token = secrets.token_urlsafe(24)
        now = _iso(utcnow())
        with self.store.transaction() as execute:
            rows = execute(
                "SELECT name, code_hash FROM class_seats WHERE quiz = ? AND name_key = ?",
                (quiz, key),
            )
            if not rows:
                fresh = new_code()
                execute(
                    "INSERT INTO class_seats (quiz, name_key, name, code_hash, seat_hash,"
                    " claimed_at, round_started_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (quiz, key, name, _code_hash(fresh), _token_hash(token), now, now),
                )
                return Seat(name, fresh, token)
            taken, code_hash = str(rows[0][0]), str(rows[0][1])
            if not code.strip():
                raise SeatRefused(
                    f"the name {taken!r} is already taken in this class: type the code "
                    "its first session was given, or ask your teacher"
                )
            if not hmac.compare_digest(_code_hash(code), code_hash):
                raise SeatRefused(f"that is not the code of {taken!r}")
            execute(
                "UPDATE class_seats SET seat_hash = ? WHERE quiz = ? AND name_key = ?",
                (_token_hash(token), quiz, key),
            )
            return Seat(taken, None, token)

    def seat(self, quiz: str, token: str) -> str | None:
        """The name a browser's seat token belongs to (None: unknown or replaced)."""
        if not token or len(token) > 100:
            return None
        rows = self.store.rows(
            "SELECT name FROM class_seats WHERE quiz = ? AND seat_hash = ?",
            (quiz, _token_hash(token)),
        )
        return None if not rows else str(rows[0][0])

    def round_started(self, quiz: str, name: str) -> dt.datetime:
        rows = self.store.rows(
            "SELECT round_started_at FROM class_seats WHERE quiz = ? AND name_key = ?",
            (quiz, name_key(name)),
        )
        if not rows:
            raise KeyError(name)
        return dt.datetime.fromisoformat(str(rows[0][0]))

    def new_round(self, quiz: str, name: str) -> dt.datetime:
        """A retake: answers before now no longer count as this round's."""
        now = utcnow()
        with self.store.transaction() as execute:
            execute(
                "UPDATE class_seats SET round_started_at = ? WHERE quiz = ? AND name_key = ?",
                (_iso(now), quiz, name_key(name)),
            )
        return now

    def names(self, quiz: str) -> list[str]:
        rows = self.store.rows(
            "SELECT name FROM class_seats WHERE quiz = ? ORDER BY name_key", (quiz,)
        )
        return [str(r[0]) for r in rows]

    # -- "I was right" requests ------------------------------------------------------------

    def request_override(self, attempt_id: int, learner: str, question: str) -> None:
        with self.store.transaction() as execute:
            execute(
                "INSERT INTO override_requests (attempt_id, learner, question, requested_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (attempt_id) DO NOTHING",
                (attempt_id, learner, question, _iso(utcnow())),
            )

    def override_requests(self, *, pending_only: bool = False) -> list[OverrideRequest]:
        sql = "SELECT attempt_id, learner, question, requested_at, decision FROM override_requests"
        if pending_only:
            sql += " WHERE decision IS NULL"
        return [
            OverrideRequest(
                int(r[0]),
                str(r[1]),
                str(r[2]),
                dt.datetime.fromisoformat(str(r[3])),
                None if r[4] is None else str(r[4]),
            )
            for r in self.store.rows(sql + " ORDER BY requested_at, attempt_id")
        ]

    def decide_override(self, attempt_id: int, accept: bool) -> None:
        """The teacher's decision: an accepted request counts the answer (flagged an override)."""
        found = self.store.rows(
            "SELECT r.decision, a.hint FROM override_requests r"
            " JOIN attempts a ON a.id = r.attempt_id WHERE r.attempt_id = ?",
            (attempt_id,),
        )
        if not found:
            raise KeyError(attempt_id)
        if accept:
            self.store.mark_override(attempt_id, credited(1.0, hinted=bool(found[0][1])))
        with self.store.transaction() as execute:
            execute(
                "UPDATE override_requests SET decision = ? WHERE attempt_id = ?",
                (ACCEPTED if accept else REJECTED, attempt_id),
            )

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Roster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def round_attempts(
    question_ids: list[str], attempts: list[Attempt], since: dt.datetime
) -> list[Attempt]:
    """This round's answers, in quiz order: the k-th answer since the round began is the k-th
    question's (a session asks them in order), and the first mismatch ends the run."""
    out: list[Attempt] = []
    for attempt in attempts:
        if attempt.answered_at < since:
            continue
        if len(out) >= len(question_ids) or attempt.question != question_ids[len(out)]:
            break
        out.append(attempt)
    return out
