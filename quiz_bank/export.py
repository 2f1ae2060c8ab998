"""Exports of a briefing and its question bank (the JSON of the CLI contract)."""

from __future__ import annotations

import json
from typing import Any

from briefing_data.models import Briefing
from quiz_bank.questions import question_bank


def briefing_data(briefing: Briefing) -> dict[str, Any]:
    """The briefing as JSON data; list facts also carry their items at the top (the contract)."""
    data = briefing.model_dump(mode="json")
    for card in data["cards"]:
        for fact in card["facts"]:
            if fact["kind"] == "list":
                fact["items"] = fact["answer"]["items"]
    return data


def to_json_data(briefing: Briefing) -> dict[str, Any]:
    return {
        "briefing": briefing_data(briefing),
        "questions": [q.model_dump(mode="json") for q in question_bank(briefing)],
    }


def to_json(briefing: Briefing) -> str:
    return json.dumps(to_json_data(briefing), ensure_ascii=False, indent=2) + "\n"
