"""`briefing cards` and `briefing export --format json` as the contract says."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefing_data.loader import builtin_briefing
from briefing_data.textfold import fold_typography
from tests.inventory import CARDS, FACTS, ITEMS
from tui_app.cli import cli


def test_cards_prints_every_card() -> None:
    result = CliRunner().invoke(cli, ["cards"])
    assert result.exit_code == 0
    for card in builtin_briefing().cards:
        assert card.title in result.output


def test_cards_one_card() -> None:
    result = CliRunner().invoke(cli, ["cards", "--card", "china-aid"])
    assert result.exit_code == 0
    assert "Xi Jinping" in result.output
    assert "Kinzhal" not in result.output


def test_cards_unknown_card_is_a_user_error() -> None:
    result = CliRunner().invoke(cli, ["cards", "--card", "nope"])
    assert result.exit_code == 2
    assert "unknown card id 'nope'" in result.output


def test_export_json_carries_every_inventory_id(tmp_path: Path) -> None:
    out = tmp_path / "bank.json"
    result = CliRunner().invoke(cli, ["export", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    briefing = data["briefing"]
    assert {"id", "title", "source", "cards"} <= set(briefing)
    assert [c["id"] for c in briefing["cards"]] == CARDS
    article = fold_typography(builtin_briefing().article)
    facts = {f["id"]: f for c in briefing["cards"] for f in c["facts"]}
    assert set(facts) == set(FACTS)
    for fact_id, fact in facts.items():
        assert fact["kind"] == FACTS[fact_id][1]
        assert fold_typography(fact["evidence"]) in article
    for fact_id, keys in ITEMS.items():
        assert [i["key"] for i in facts[fact_id]["items"]] == keys
        assert all("answer" in i for i in facts[fact_id]["items"])
    recall = {q["id"]: q for q in data["questions"] if q["form"] == "recall"}
    assert set(recall) == set(FACTS)
    for q in data["questions"]:
        assert {"id", "fact", "form", "prompt"} <= set(q)


def test_export_to_stdout_is_json() -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["briefing"]["id"] == "belarus-rear-base"


def test_export_bad_format_is_a_user_error() -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "pdf"])
    assert result.exit_code == 2
