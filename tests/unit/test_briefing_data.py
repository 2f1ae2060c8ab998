"""The built-in briefing: inventory ids, evidence, answer keys, display cleaning."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from briefing_data.article import clean_text, fix_mixed_script, split_sections
from briefing_data.loader import builtin_briefing, builtin_path
from briefing_data.models import ListAnswer
from briefing_data.textfold import fold_typography
from tests.inventory import CARDS, FACTS, ITEMS

SHARED_SOURCE = Path(__file__).parents[3] / "shared" / "source" / "belarus-rear-base.txt"
ARTICLE = builtin_path().with_name("belarus-rear-base.txt")


def test_cards_are_the_inventory_in_order() -> None:
    assert [card.id for card in builtin_briefing().cards] == CARDS


def test_facts_have_inventory_ids_cards_and_kinds() -> None:
    briefing = builtin_briefing()
    got = {fact.id: (briefing.card_of(fact.id).id, fact.kind) for fact in briefing.facts()}
    assert got == FACTS


def test_list_items_have_inventory_keys() -> None:
    briefing = builtin_briefing()
    for fact_id, keys in ITEMS.items():
        answer = briefing.fact(fact_id).answer
        assert isinstance(answer, ListAnswer)
        assert [item.key for item in answer.items] == keys


def test_every_evidence_is_in_the_article() -> None:
    briefing = builtin_briefing()
    article = fold_typography(clean_text(briefing.article))
    for fact in briefing.facts():
        assert fold_typography(fact.evidence) in article, fact.id


def test_summaries_attribute_claims_to_the_article() -> None:
    for card in builtin_briefing().cards:
        assert card.summary.startswith("According to the"), card.id


def test_shipped_article_is_the_source_verbatim() -> None:
    shipped = ARTICLE.read_bytes()
    assert "supportinп" in shipped.decode("utf-8")  # never edited, typo included
    if SHARED_SOURCE.exists():
        assert (
            hashlib.sha256(shipped).digest() == hashlib.sha256(SHARED_SOURCE.read_bytes()).digest()
        )


@pytest.fixture(scope="module")
def cleaned() -> str:
    return clean_text(ARTICLE.read_text(encoding="utf-8"))


def test_cleaning_drops_furniture_and_keeps_related_as_title(cleaned: str) -> None:
    assert "Trending Now" not in cleaned
    assert "Related:" in cleaned


def test_cleaning_restores_spaces_and_bullets(cleaned: str) -> None:
    assert "with Ukraine. Russian troops" in cleaned
    assert "Ukraine.Russian" not in cleaned
    assert "circumvent sanctions.\n- The most likely option" in cleaned
    assert "2,000 kilometers" in cleaned  # a thousands separator is not a sentence end
    assert "2023-2024" in cleaned


def test_cleaning_fixes_keyboard_layout_slip(cleaned: str) -> None:
    assert "supporting Russia's war" in cleaned
    assert "supportinп" not in cleaned


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("supportinп", "supporting"),
        ("Сhina", "China"),
        ("Лукашенко", "Лукашенко"),
        ("Iran", "Iran"),
    ],
)
def test_fix_mixed_script(word: str, expected: str) -> None:
    assert fix_mixed_script(word) == expected


def test_sections_follow_cards() -> None:
    briefing = builtin_briefing()
    headings = [card.section for card in briefing.cards if card.section]
    sections = split_sections(briefing.article, headings)
    assert [s.title for s in sections] == [None, *headings]
    assert sections[-1].paragraphs[-1].startswith("- Rivne Oblast")
    assert all(section.paragraphs for section in sections)
