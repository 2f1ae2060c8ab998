"""The progress store: learners, attempts and scheduler state, in SQLite or PostgreSQL.

A file path selects SQLite (the embedded default); a `postgresql://` URI selects PostgreSQL.
"""

from quiz_bank.store.api import ProgressStore
from quiz_bank.store.schema import SCHEMA_VERSION, Attempt, StoreError, utcnow
from quiz_bank.store.target import DbTarget, as_target, is_postgres, redact

__all__ = [
    "SCHEMA_VERSION",
    "Attempt",
    "DbTarget",
    "ProgressStore",
    "StoreError",
    "as_target",
    "is_postgres",
    "redact",
    "utcnow",
]
