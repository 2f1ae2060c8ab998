"""The `briefing` commands on both backends, `briefing db migrate|copy`, and PostgreSQL errors."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from quiz_bank.store import SCHEMA_VERSION, ProgressStore
from tui_app.serve import app_command

Target = Path | str


def briefing(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui_app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def with_password(uri: str, password: str) -> str:
    """pgserver's URI with a password added (its trust authentication ignores it)."""
    return uri.replace("postgresql://postgres:@", f"postgresql://postgres:{password}@")


def test_a_class_quiz_review_stats_and_results_on_both_backends(
    db_target: Target, tmp_path: Path
) -> None:
    quiz = tmp_path / "q.toml"
    quiz.write_text('briefing = "belarus-rear-base"\nquestions = ["missiles-2022", "airfields"]\n')
    db = str(db_target)
    for student, answers in (("ana", "71\n:right\nairfields\n"), ("ben", "no idea\n:skip\n")):
        done = briefing(
            "--db", db, "quiz", "--from", str(quiz), "--plain", "--student", student, stdin=answers
        )
        assert done.returncode == 0 and "Score: " in done.stdout, done.stderr
    stats = json.loads(briefing("--db", db, "stats", "--json").stdout)
    assert (stats["attempts"], stats["correct"], stats["skipped"]) == (3, 2, 1)
    rows = list(
        csv.DictReader(io.StringIO(briefing("--db", db, "results", "--format", "csv").stdout))
    )
    assert [(r["student"], r["question"], r["correct"]) for r in rows] == [
        ("ana", "missiles-2022", "true"),
        ("ana", "airfields", "true"),
        ("ben", "missiles-2022", "false"),
        ("ben", "airfields", "false"),
    ]
    # BRIEFING_DB selects the database as --db does; ben's wrong answer is due again soon.
    review = briefing("review", "--plain", "--student", "ana", env={"BRIEFING_DB": db})
    assert review.returncode == 0 and "Nothing is due for ana" in review.stdout
    migrated = briefing("db", "migrate", env={"BRIEFING_DB": db})
    assert (
        migrated.returncode == 0
        and f"schema up to date ({SCHEMA_VERSION}); 4 attempts" in migrated.stdout
    )


def test_db_copy_moves_a_class_to_postgresql_and_back(pg_uri: str, tmp_path: Path) -> None:
    laptop = tmp_path / "class.db"
    with ProgressStore(laptop) as store:
        for i, name in enumerate(["ana", "ben", "cal"]):
            store.add_attempt(
                learner=name,
                question="airfields",
                fact="airfields",
                card="rear-base",
                answer=f"answer {i}",
                correct=bool(i % 2),
                score=0.5 * i,
                hint=i == 2,
                duration=1.5,
            )
        store.mark_override(1, 1.0)
    fresh = briefing("--db", pg_uri, "db", "migrate")
    v = SCHEMA_VERSION
    assert fresh.returncode == 0 and f"schema 0 -> {v} ({v}); 0 attempts" in fresh.stdout
    first = briefing("db", "copy", str(laptop), pg_uri)
    assert first.returncode == 0, first.stderr
    assert "Copied 3 of 3 attempts (0 already there) and 3 learners" in first.stdout
    again = briefing("db", "copy", str(laptop), pg_uri)
    assert "Copied 0 of 3 attempts (3 already there)" in again.stdout
    back = tmp_path / "back.db"
    assert briefing("db", "copy", pg_uri, str(back)).returncode == 0

    def content(target: Target) -> list[tuple[Any, ...]]:
        with ProgressStore(target) as store:
            return [
                (
                    a.learner,
                    a.answer,
                    a.correct,
                    a.score,
                    a.override,
                    a.hint,
                    a.answered_at,
                    a.duration,
                )
                for a in store.attempts()
            ]

    assert content(laptop) == content(pg_uri) == content(back)
    missing = briefing("db", "copy", str(tmp_path / "nope.db"), pg_uri)
    assert missing.returncode == 2 and "no such progress database" in missing.stderr
    assert not (tmp_path / "nope.db").exists()
    same = briefing("db", "copy", str(laptop), str(laptop))
    assert same.returncode == 2 and "same database" in same.stderr


def test_connection_errors_name_host_and_database_never_the_password(pg_uri: str) -> None:
    port = closed_port()
    refused = briefing("--db", f"postgresql://bob:s3cret@127.0.0.1:{port}/school", "stats")
    missing = briefing("--db", with_password(pg_uri.replace("/t_", "/nodb_"), "s3cret"), "stats")
    for done, where in ((refused, f"127.0.0.1:{port}"), (missing, "nodb_")):
        assert done.returncode == 2, done.stderr
        assert where in done.stderr and "cannot connect to PostgreSQL database" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
        assert "s3cret" not in done.stdout + done.stderr
    assert "'school'" in refused.stderr


def test_serve_behind_a_proxy_keeps_the_password_out_of_output_and_command_lines(
    pg_uri: str,
) -> None:
    uri = with_password(pg_uri, "s3cret")
    assert "s3cret" not in app_command(uri, None, None) and "--db" not in app_command(
        uri, None, None
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = ["--db", uri, "serve", "--port", str(port), "--public-url", "https://quiz.example.org/"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui_app", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    page = join_page = ""
    banner: list[str] = []
    base = f"http://127.0.0.1:{port}"
    # What a browser sends through the proxy: the proxy's host name and origin.
    proxied = {"Host": "quiz.example.org", "Origin": "https://quiz.example.org"}
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/", timeout=5) as answer:
                    join_page = answer.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        form = urllib.parse.urlencode({"name": "Pia Proxy", "class_code": "x"}).encode()
        try:  # behind a proxy the class needs the join code on the board
            urllib.request.urlopen(urllib.request.Request(f"{base}/join", form, proxied))
        except urllib.error.HTTPError as refused:
            assert refused.code == 403
        banner = [proc.stdout.readline() for _ in range(2)]  # type: ignore[union-attr]
        code = banner[1].split(": ", 1)[1].strip()
        form = urllib.parse.urlencode({"name": "Pia Proxy", "class_code": code}).encode()
        with urllib.request.urlopen(urllib.request.Request(f"{base}/join", form, proxied)) as r:
            cookie = r.headers["Set-Cookie"].split(";", 1)[0]
        with urllib.request.urlopen(
            urllib.request.Request(
                f"{base}/", headers={"Host": "quiz.example.org", "Cookie": cookie}
            )
        ) as answer:
            page = answer.read().decode()
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
        out = "".join(banner) + out
    assert banner[1].startswith("Join code") and 'name="class_code"' in join_page
    # The page tells browsers to open their WebSocket through the proxy, not to this host.
    assert 'data-session-websocket-url="wss://quiz.example.org/ws"' in page, out + err
    assert "answers go to postgresql://postgres@" in out, out + err
    assert "s3cret" not in out + err


def test_a_dropped_connection_is_reopened_and_no_answer_is_lost_or_doubled(pg_uri: str) -> None:
    """A PostgreSQL restart or failover between two answers: the next answer still lands once."""
    import psycopg

    def drop_connections() -> None:
        with psycopg.connect(pg_uri, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE application_name = 'briefing' AND pid <> pg_backend_pid()"
            )

    def answer(store: ProgressStore, text: str) -> int:
        return store.add_attempt(
            learner="ana",
            question="airfields",
            fact="airfields",
            card="rear-base",
            answer=text,
            correct=True,
            score=1.0,
        )

    with ProgressStore(pg_uri) as store:
        answer(store, "before")
        drop_connections()
        assert [a.answer for a in store.attempts()] == ["before"]  # a read: read again
        drop_connections()
        answer(store, "after")  # a write that never reached COMMIT: done again, once
        assert [a.answer for a in store.attempts()] == ["before", "after"]
