"""Fixtures of real storage (PostgreSQL, a small disk) for the unit tests."""

from tests.storage import db_target, pg_server, pg_uri, small_disk

__all__ = ["db_target", "pg_server", "pg_uri", "small_disk"]
