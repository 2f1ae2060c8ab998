"""The contract's JSON-lines loops: one JSON line out per line in, in order, flushed."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from briefing_data.models import Briefing

Handler = Callable[[dict[str, Any]], dict[str, Any]]


def serve_lines(handle: Handler) -> None:
    """Answer each non-blank stdin line; a bad line gets {"error": ...} and the run goes on."""
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("expected a JSON object")
            out = handle(request)
        except KeyError as exc:
            out = {"error": f"unknown question id {exc.args[0]!r}"}
        except ValueError as exc:
            out = {"error": f"bad input line: {exc}"}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
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
        }

    return handle
