"""The contract's JSON-lines loops: one JSON line out per line in, in order, flushed."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from typing import IO, Any

from briefing_data.models import Briefing

Handler = Callable[[dict[str, Any]], dict[str, Any]]


def stdin_bytes() -> IO[bytes]:
    """Standard input as bytes, so an undecodable line is an error in its place, not the end."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    return io.BytesIO(sys.stdin.read().encode("utf-8", "surrogateescape"))


def serve_lines(handle: Handler) -> None:
    """Answer each non-blank stdin line; a bad line gets {"error": ...} and the run goes on.

    Lines are bounded and read as bytes (bad UTF-8, overlong or too-deep JSON is an error on
    its own line); output never carries a character that splits a line or cannot be encoded.
    """
    from quiz_bank.lines import LineError, dumps_line, parse_request, text_lines

    for line in text_lines(stdin_bytes()):
        if isinstance(line, str) and not line.strip():
            continue
        try:
            if isinstance(line, LineError):
                raise line
            out = handle(parse_request(line))
        except KeyError as exc:
            out = {"error": f"unknown question id {exc.args[0]!r}"}
        except ValueError as exc:
            out = {"error": f"bad input line: {exc}"}
        sys.stdout.write(dumps_line(out) + "\n")
        sys.stdout.flush()


def grader(briefing: Briefing) -> Handler:
    """`grade --jsonl`: {"question": ID, "answer": TEXT} -> the verdict."""
    from quiz_bank.marking import grade_question
    from quiz_bank.questions import find_question

    def handle(request: dict[str, Any]) -> dict[str, Any]:
        qid, answer = request.get("question"), request.get("answer")
        if not isinstance(qid, str):
            raise ValueError('"question" must be a question id')
        if not isinstance(answer, str):
            raise ValueError('"answer" must be a string')
        verdict = grade_question(briefing, find_question(briefing, qid), answer)
        return {"question": qid, "answer": answer, **verdict.model_dump(exclude={"exact"})}

    return handle


def tutor(briefing: Briefing) -> Handler:
    """`ask --jsonl`: {"question": TEXT} -> the answer and the facts it rests on."""
    from quiz_bank.retrieval import FactIndex
    from quiz_bank.tutor import Tutor

    index = FactIndex(briefing)

    def handle(request: dict[str, Any]) -> dict[str, Any]:
        text = request.get("question")
        if not isinstance(text, str):
            raise ValueError('expected {"question": TEXT}')
        # Each line stands alone: a fresh tutor, no memory across lines.
        reply = Tutor(briefing, index=index).answer(text)
        answered = reply.kind == "answer"
        return {
            "question": text,
            "answer": reply.text if answered else None,
            "facts": reply.facts if answered else [],
            "card": reply.card,
            "evidence": reply.evidence,
            **({"related": reply.related} if reply.related else {}),
        }

    return handle
