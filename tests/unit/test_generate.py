"""`briefing import`'s generator: the invariants a teacher relies on, on articles of our own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_data.loader import load_briefing
from briefing_data.models import Briefing, ListAnswer, TextAnswer
from briefing_data.textfold import fold_typography
from quiz_bank.generate import ArticleError, import_article, read_article
from quiz_bank.generate.keys import AliasIndex
from quiz_bank.generate.rank import FACTS_PER_1000_WORDS
from quiz_bank.generate.sections import split_sentences
from quiz_bank.normalize import normalize
from quiz_bank.questions import grade_question, question_bank

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
ALL = sorted(p.name for p in ARTICLES.iterdir())


@pytest.fixture(scope="module", params=ALL)
def imported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Briefing:
    out = tmp_path_factory.mktemp("gen") / "briefing.yaml"
    import_article(ARTICLES / request.param, out)
    return load_briefing(out)  # the loader accepts the file as written


def test_evidence_is_verbatim(imported: Briefing) -> None:
    article = fold_typography(imported.article)
    for fact in imported.facts():
        assert fold_typography(fact.evidence) in article, fact.id


def test_answers_are_spans_of_their_evidence(imported: Briefing) -> None:
    for fact in imported.facts():
        evidence = fold_typography(fact.evidence).lower()
        a = fact.answer
        if isinstance(a, TextAnswer):
            assert fold_typography(a.canonical).lower() in evidence, fact.id
        elif isinstance(a, ListAnswer):
            for item in a.items:
                assert fold_typography(item.answer).lower() in evidence, (fact.id, item.answer)
        else:
            # Figures and dates: some spelling the grader accepts is in the evidence.
            spellings = re.findall(r"[\w.,$%-]+", fact.evidence)
            assert any(grade_question(imported, _recall(imported, fact.id), s).correct
                       for s in [*spellings, fact.evidence]), fact.id  # fmt: skip


def _recall(briefing: Briefing, fact_id: str):  # type: ignore[no-untyped-def]
    return next(q for q in question_bank(briefing) if q.id == fact_id)


def test_answer_is_not_in_its_own_question(imported: Briefing) -> None:
    for fact in imported.facts():
        for spelling in (s for group in fact.spelling_groups() for s in group):
            assert not re.search(
                r"(?<!\w)" + re.escape(normalize(spelling)) + r"(?!\w)", normalize(fact.question)
            ), (fact.id, spelling, fact.question)


def test_every_question_grades_its_own_answer_right(imported: Briefing) -> None:
    bank = question_bank(imported)
    assert bank
    for q in bank:
        if q.form in ("recall", "cloze", "list"):
            assert grade_question(imported, q, q.answer).correct, q.id


def test_distractors_and_false_swaps_are_graded_wrong(imported: Briefing) -> None:
    for q in question_bank(imported):
        if q.form not in ("mcq", "tf"):
            continue
        normals = [normalize(c) for c in q.choices]
        assert len(set(normals)) == len(normals), q.id  # no duplicate options
        for i, choice in enumerate(q.choices):
            assert grade_question(imported, q, choice).correct == (i == q.correct_choice), q.id


def test_density_and_every_section_has_facts(imported: Briefing) -> None:
    words = len(imported.article.split())
    facts = imported.facts()
    assert facts
    assert len(facts) <= max(3, words * FACTS_PER_1000_WORDS // 1000)
    assert all(card.facts for card in imported.cards if len(card.summary.split()) > 20)


def test_markdown_sections_become_cards(tmp_path: Path) -> None:
    result = import_article(ARTICLES / "school-garden.md", tmp_path / "g.yaml")
    titles = [card.title for card in result.draft.briefing.cards]
    assert titles[1:] == ["Who runs it", "What grows there", "What comes next"]
    lists = [f for f in result.draft.briefing.facts() if isinstance(f.answer, ListAnswer)]
    assert any(
        [i.answer for i in f.answer.items] == ["potatoes", "runner beans", "kale", "pumpkins"]
        for f in lists
        if isinstance(f.answer, ListAnswer)
    )


def test_html_goes_through_extraction_and_furniture_is_dropped() -> None:
    article = read_article(ARTICLES / "night-train.html")
    assert article.title == "Night train returns to the northern line"
    assert "Nordrail chief executive Jonas Wik" in article.text
    for furniture in ("Trending Now", "Related", "Share this", "All rights reserved", "Photo by"):
        assert furniture not in article.text


def test_furniture_lines_are_dropped_from_text(tmp_path: Path) -> None:
    body = (ARTICLES / "harbour-ferry.txt").read_text(encoding="utf-8")
    noisy = body.replace("\n\nNot everyone", "\n\nTrending Now\n\nContinue reading\n\nNot everyone")
    path = tmp_path / "noisy.txt"
    path.write_text(noisy, encoding="utf-8")
    text = read_article(path).text
    assert "Trending Now" not in text and "Continue reading" not in text
    assert "Not everyone is pleased." in text


def test_acronym_and_expansion_are_variants() -> None:
    aliases = AliasIndex((ARTICLES / "harbour-ferry.txt").read_text(encoding="utf-8"))
    assert "KMW" in aliases.variants("Kessel Marine Works", "organisation")
    assert "Kessel Marine Works" in aliases.variants("KMW", "organisation")


def test_glued_and_abbreviated_sentences_split_well() -> None:
    parts = [
        s
        for _, s in split_sentences(
            "Troops left Ukraine.Russian units stayed. The U.S. Army did not."
        )
    ]
    assert parts == ["Troops left Ukraine.", "Russian units stayed.", "The U.S. Army did not."]


def test_the_generator_never_reads_the_builtin_briefing() -> None:
    engine = Path(__file__).resolve().parents[2] / "quiz_bank" / "generate"
    for module in engine.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert "belarus" not in source.lower() and "builtin" not in source, module.name
        assert "briefing_data.loader" not in source, module.name


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00" * 100, "binary"),
        (b"a,b,c\n1,2,3\n4,5,6\n" * 50, "article"),
        (b"Too short.", "short"),
    ],
)
def test_bad_input_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message):
        read_article(path)
