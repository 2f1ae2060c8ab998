"""Grading rules that generalise: number-word slips, scripts and spacing, word families,
contradicting qualifiers, months in other languages, bounds, and keys nobody curated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_data.loader import builtin_briefing, load_briefing
from quiz_bank.dates import read_dates
from quiz_bank.grading import grade_fact
from quiz_bank.kinds.implied import abbreviations
from quiz_bank.lexicon import countries_in, country_of
from quiz_bank.marking import grade_question
from quiz_bank.normalize import normalize, tokens
from quiz_bank.questions import find_question

DATA = Path(__file__).parents[1] / "data"
BRIEFING = builtin_briefing()
UNCURATED = load_briefing(DATA / "uncurated" / "uncurated.yaml")


def ok(fact_id: str, typed: str) -> bool:
    return grade_fact(BRIEFING.fact(fact_id), typed, briefing=BRIEFING).correct


def ok_uncurated(fact_id: str, typed: str) -> bool:
    return grade_fact(UNCURATED.fact(fact_id), typed, briefing=UNCURATED).correct


# -- number words ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("sixten", ["16"]),
        ("thre", ["3"]),
        ("fourty", ["40"]),
        ("twentytwo", ["22"]),
        ("twnety two years", ["22", "year"]),
        ("sevn hundred seventeen", ["717"]),
        ("sevenhundredseventeen", ["717"]),
        ("2 thousand km", ["2000", "km"]),
        ("1.5 million", ["1500000"]),
    ],
)
def test_number_words_are_read_through_honest_slips(typed: str, expected: list[str]) -> None:
    assert tokens(typed) == expected


@pytest.mark.parametrize("word", ["tree", "none", "seen", "often", "someone", "attention"])
def test_real_words_near_a_number_word_stay_words(word: str) -> None:
    assert tokens(word) == [word]


def test_number_word_slips_grade_as_the_number() -> None:
    assert ok("china-docs-count", "sixten")
    assert ok("strategies-count", "thre")
    assert ok("rail-partisans-sentence", "twentytwo")
    assert not ok("china-docs-count", "sixty")  # another number word, not a slip


# -- scripts and spacing -----------------------------------------------------------------------


def test_han_characters_are_read_syllable_by_syllable() -> None:
    assert tokens("习近平") == ["xi", "jin", "ping"]
    assert normalize(normalize("习近平")) == normalize("习近平")


@pytest.mark.parametrize("typed", ["习近平", "xijinping", "Xi Jin-ping", "xi jin ping"])
def test_a_name_is_right_however_its_syllables_are_spaced(typed: str) -> None:
    assert ok("china-docs-signatory", typed)


def test_respacing_does_not_make_a_wrong_name_right() -> None:
    assert not ok("china-docs-signatory", "li qiang")
    assert not ok("china-docs-signatory", "xi jin ping and li qiang")


def test_hyphenated_concept_is_the_concept() -> None:
    assert ok("strategy-second", "circular-exchange mechanism")


# -- word families and contradicting qualifiers ------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "localizing production in Belarus",
        "localising weapons production in Belarus",
        "localization in Belarus using Chinese technology",
    ],
)
def test_a_word_family_states_the_concept(typed: str) -> None:
    assert ok("strategy-most-likely", typed)


@pytest.mark.parametrize(
    "typed",
    ["localization in Russia", "Russian localization", "localization in China", "globalisation"],
)
def test_another_place_contradicts_the_key(typed: str) -> None:
    assert not ok("strategy-most-likely", typed)


def test_country_names_and_demonyms() -> None:
    assert country_of("belarusian") == country_of("belarus") == "BY"
    assert country_of("chinese") == "CN"
    assert country_of("peruvian") == "PE"
    assert country_of("indian") == "IN"
    assert country_of("korea") is None  # two countries
    assert country_of("republic") is None  # part of many names
    assert [c for _, _, c in countries_in(["north", "korea", "and", "china"])] == ["KP", "CN"]


# -- dates and bounds --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["1 марта 2023", "1. März 2023", "1 mars 2023", "1 de marzo de 2023"]
)
def test_month_names_in_other_languages(typed: str) -> None:
    assert read_dates(typed).months == {3}
    assert ok("china-docs-date", typed)


def test_words_that_only_abbreviate_a_month_elsewhere_are_no_month() -> None:
    assert read_dates("two years ago").months == set()
    assert not ok("china-docs-date", "1 April 2023")


@pytest.mark.parametrize(
    ("fact_id", "typed", "right"),
    [
        ("kinzhal-range", "up to 2000 km", True),
        ("kinzhal-range", "2000 km or more", False),
        ("kinzhal-range", "2000+ km", False),
        ("missiles-2022", "717 or more", True),
        ("missiles-2022", "up to 717", False),
        ("china-docs-count", "at least 16", False),
    ],
)
def test_a_bound_contradicts_the_other_bound_and_an_exact_figure(
    fact_id: str, typed: str, right: bool
) -> None:
    assert ok(fact_id, typed) is right


# -- keys nobody curated -----------------------------------------------------------------------


def test_a_person_is_named_as_the_article_names_them_alone() -> None:
    assert ok_uncurated("council-head", "Delgado")  # "Delgado said ..."
    assert not ok_uncurated("council-head", "Maria")  # never alone in the article
    assert not ok_uncurated("council-head", "Alvarez")  # another person
    assert not ok_uncurated("envoy", "Pedro")


def test_a_term_without_its_country_qualifier_and_with_another() -> None:
    assert ok_uncurated("council", "Water Council")
    assert ok_uncurated("council", "the water council of Chile")
    assert not ok_uncurated("council", "Peruvian Water Council")
    assert not ok_uncurated("council", "water council in Peru")


def test_uncurated_numbers_and_dates_keep_their_rules() -> None:
    assert ok_uncurated("rivers", "fourten")
    assert not ok_uncurated("rivers", "at least 14")
    assert ok_uncurated("talks-start", "3 marzo")
    assert not ok_uncurated("talks-start", "4 March")


def test_abbreviations_the_article_defines(tmp_path: Path) -> None:
    article = "The Nordic Water Agency (NWA) met on Monday. The NWA said rivers were low.\n"
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        """id: abbr
title: Abbreviations
source: {file: a.txt, title: Abbreviations}
cards:
  - id: c
    title: C
    summary: S.
    facts:
      - id: agency
        kind: text
        question: Which agency met on Monday?
        statement: The Nordic Water Agency met on Monday.
        evidence: "The Nordic Water Agency (NWA) met on Monday."
        answer: {canonical: Nordic Water Agency, type: organisation}
""",
        encoding="utf-8",
    )
    briefing = load_briefing(tmp_path / "b.yaml")
    assert abbreviations(briefing) == [(("nordic", "water", "agency"), ("nwa",))]
    fact = briefing.fact("agency")
    assert grade_fact(fact, "the NWA", briefing=briefing).correct
    assert not grade_fact(fact, "the NWO", briefing=briefing).correct


# -- the own dev set stays right ---------------------------------------------------------------


def test_own_dev_answers_all_agree() -> None:
    """Every answer of the own dev set (written for tuning, tests/data) is graded as marked."""
    lines = (DATA / "grading_dev_own.jsonl").read_text(encoding="utf-8").splitlines()
    wrong = []
    for case in map(json.loads, lines):
        v = grade_question(BRIEFING, find_question(BRIEFING, case["question"]), case["answer"])
        expect = case["expect"]
        got = v.correct if isinstance(expect, bool) else len(set(v.matched))
        if got != expect:
            wrong.append((case["question"], case["answer"], expect, got))
    assert len(lines) >= 150
    assert wrong == []


def test_a_country_by_any_of_its_names_and_not_with_another() -> None:
    assert ok_uncurated("partner", "the Republic of Peru")
    assert not ok_uncurated("partner", "Chile")
    assert not ok_uncurated("partner", "Peru and Chile")


@pytest.mark.parametrize(
    ("typed", "right"),
    [
        ("Viktor Lukashenko", False),  # another given name: another person
        ("Aleksandr Grigoryevich Lukashenko", True),  # a patronymic is no other name
        ("President Lukashenko", True),
    ],
)
def test_another_given_name_names_another_person(typed: str, right: bool) -> None:
    assert ok("belarus-leader", typed) is right


def test_a_second_country_as_a_part_of_its_own_is_a_second_answer() -> None:
    assert not ok("strategy-most-likely", "localization in Belarus and Russia")
    assert ok("strategy-most-likely", "localization in Belarus, with Chinese help")


def test_an_initial_stands_for_a_word_of_a_persons_name_only() -> None:
    assert ok("china-docs-signatory", "X. Jinping")
    assert not ok("fortified-oblast", "R. Oblast")
    assert not ok("machulishchy-airfield", "M. airfield")


@pytest.mark.parametrize(
    ("fact_id", "typed", "right"),
    [
        ("missiles-2022", "717 missiles in 2022", True),  # the question's year restated
        ("missiles-2022", "2022", False),  # ... is no answer on its own
        ("rail-partisans-sentence", "22 years for two of them", True),
        ("missiles-2022", "<717", False),
        ("missiles-2022", "≥717", True),
        ("kinzhal-range", ">2000 km", False),
    ],
)
def test_figures_of_the_question_are_context_and_signs_are_bounds(
    fact_id: str, typed: str, right: bool
) -> None:
    assert ok(fact_id, typed) is right


def test_a_rank_by_its_figure_and_words_spaced_as_the_key(tmp_path: Path) -> None:
    article = "Cloud computing fell to number five. Teams focus on problem-solving and reuse.\n"
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        """id: ranks
title: Ranks
source: {file: a.txt, title: Ranks}
cards:
  - id: c
    title: C
    summary: S.
    facts:
      - id: rank
        kind: text
        question: Where did cloud computing fall to?
        statement: Cloud computing fell to number five.
        evidence: "Cloud computing fell to number five."
        answer: {canonical: number five}
      - id: focus
        kind: list
        question: What do teams focus on?
        statement: Teams focus on problem-solving and reuse.
        evidence: "Teams focus on problem-solving and reuse."
        answer:
          items:
            - {key: problem-solving, answer: problem-solving}
            - {key: reuse, answer: reuse}
""",
        encoding="utf-8",
    )
    briefing = load_briefing(tmp_path / "b.yaml")
    rank, focus = briefing.fact("rank"), briefing.fact("focus")
    assert grade_fact(rank, "fifth", briefing=briefing).correct
    assert grade_fact(rank, "5th", briefing=briefing).correct
    assert not grade_fact(rank, "fourth", briefing=briefing).correct
    assert grade_fact(focus, "problem solving and reuse", briefing=briefing).correct


def test_word_families_cover_stems_porter_cuts_short() -> None:
    from quiz_bank.wordmatch import same_family

    assert same_family("producing", "production")
    assert same_family("localizing", "localization")
    assert not same_family("relocation", "location")
    assert not same_family("medical", "medicine")


@pytest.mark.parametrize(
    ("typed", "right"), [("Перу", True), ("秘鲁", True), ("Pérou", True), ("Чили", False)]
)
def test_a_country_in_another_language(typed: str, right: bool) -> None:
    assert ok_uncurated("partner", typed) is right


def test_a_year_with_its_century_left_out() -> None:
    assert tokens("'23") == ["2023"]
    assert ok("china-docs-date", "1 Mar. '23")
    assert ok("repairs-since", "Autumn '22")
    assert not ok("springboard-since", "since '19")


def test_list_items_named_in_another_script() -> None:
    v = grade_question(BRIEFING, find_question(BRIEFING, "exchange-recipients"), "伊朗, 叙利亚")
    assert sorted(v.matched) == ["iran", "syria"]
    assert v.wrong == []
