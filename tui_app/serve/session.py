"""What a browser session may do, handed by the server to the app process it starts.

The server sets these variables for each session's process only; a browser cannot set them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Role = Literal["class", "student", "teacher"]
ROLES: tuple[Role, ...] = ("class", "student", "teacher")
ENV_ROLE = "BRIEFING_SESSION"
ENV_LEARNER = "BRIEFING_LEARNER"
ENV_ROUND = "BRIEFING_ROUND_SINCE"


@dataclass(frozen=True)
class ServedSession:
    """class: a locked class quiz; student: the app without the teacher's views; teacher: all."""

    role: Role
    learner: str | None = None
    round_since: dt.datetime | None = None

    @property
    def locked(self) -> bool:
        """A class session shows the name's quiz and its own summary, nothing else."""
        return self.role == "class"

    @property
    def teacher(self) -> bool:
        return self.role == "teacher"

    @property
    def overrides_are_requests(self) -> bool:
        """A served student's "I was right" waits for the teacher."""
        return self.role != "teacher"

    def environ(self) -> dict[str, str]:
        env: dict[str, str] = {ENV_ROLE: self.role}
        if self.learner is not None:
            env[ENV_LEARNER] = self.learner
        if self.round_since is not None:
            env[ENV_ROUND] = self.round_since.isoformat()
        return env

    @classmethod
    def from_environ(cls, env: Mapping[str, str] | None = None) -> ServedSession | None:
        env = os.environ if env is None else env
        role = env.get(ENV_ROLE)
        if role is None:
            return None
        if role not in ROLES:
            # Fail closed: an unknown role gets the most locked session.
            role = "class"
        since = env.get(ENV_ROUND)
        try:
            round_since = dt.datetime.fromisoformat(since) if since else None
        except ValueError:
            round_since = None
        return cls(role, env.get(ENV_LEARNER) or None, round_since)  # type: ignore[arg-type]
