"""What the tutor says: plain data that a screen or the CLI renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ReplyKind = Literal["answer", "decline", "smalltalk", "quiz", "verdict", "summary"]


@dataclass
class Reply:
    kind: ReplyKind
    text: str
    # Facts the answer rests on, best first; empty on a decline.
    facts: list[str] = field(default_factory=list)
    card: str | None = None
    evidence: str | None = None
    # Other questions the learner may want to ask next (related facts, examples).
    suggestions: list[str] = field(default_factory=list)
    # On a decline: neighbouring facts the reply mentions instead.
    related: list[str] = field(default_factory=list)
    # How the tutor read a follow-up ("who signed it?" -> who signed the 16 documents).
    understood: str | None = None
