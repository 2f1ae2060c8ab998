"""The grader: lenient to honest slips, strict on facts (issue 3's classes, case by case)."""

from __future__ import annotations

import time

import pytest

from briefing_data.loader import builtin_briefing
from quiz_bank.grading import grade_fact
from quiz_bank.verdict import Verdict

BRIEFING = builtin_briefing()


def grade(fact_id: str, typed: str) -> Verdict:
    return grade_fact(BRIEFING.fact(fact_id), typed, briefing=BRIEFING)


ACCEPT = [
    # case, accents, punctuation, quotes and dashes
    ("iran-visit-country", "IRAN"),
    ("iran-visit-country", "Irán"),
    ("iran-visit-country", "  iran. "),
    ("strategy-second", "“circular exchange”"),
    # scripts and transliterations
    ("belarus-leader", "Лукашенко"),
    ("belarus-leader", "Lukashenko"),
    ("belarus-leader", "Aliaksandr Lukashenka"),
    ("belarus-leader", "Alexander Lukashenko"),
    ("mig31k-kinzhal", "Кинжал"),
    ("mig31k-kinzhal", "Kindzhal"),
    # typos scaled to word length; a swap counts as one
    ("belarus-leader", "lukashneko"),
    ("mig31k-kinzhal", "kinzal"),
    ("strategy-second", "circuler exchange"),
    ("strategy-most-likely", "localizaton"),
    ("machulishchy-airfield", "machulishchi"),
    # word order, filler, possessives, plural, British spelling, designations
    ("strategy-most-likely", "localisation in Belarus"),
    ("strategy-most-likely", "Belarus's localization"),
    ("strategy-third", "the transfer of industrial facility"),
    ("sectoral-sanctions-by", "the G-7"),
    ("sectoral-sanctions-by", "G 7"),
    ("sectoral-sanctions-by", "Group of Seven"),
    ("airfields", "air-fields"),
    ("airfields", "airbases"),
    # numbers in words, separators, qualifiers, units
    ("missiles-2022", "seven hundred and seventeen"),
    ("missiles-2022", "at least 717 missiles"),
    ("kinzhal-range", "2,000 km"),
    ("kinzhal-range", "2 000 kilometres"),
    ("kinzhal-range", "two thousand kilometers"),
    ("kinzhal-range", "2000km"),
    ("springboard-since", "twenty twenty"),
    ("strategy-third", "transferring industrial facilities"),
    ("rail-partisans-sentence", "twenty-two years"),
    ("china-docs-count", "sixteen"),
    ("strategies-count", "three strategies"),
    ("springboard-since", "since the year 2020"),
    # dates and ranges in the formats people write
    ("china-docs-date", "1 March 2023"),
    ("china-docs-date", "March 1st 2023"),
    ("china-docs-date", "1st of March 2023"),
    ("china-docs-date", "2023-03-01"),
    ("china-docs-date", "01.03.2023"),
    ("china-docs-date", "1/3/2023"),
    ("iran-visit-dates", "March 12-13"),
    ("iran-visit-dates", "12–13 March 2023"),
    ("iran-visit-dates", "March 12 to 13"),
    ("iran-visit-dates", "12th and 13th of March"),
    ("repairs-since", "autumn 2022"),
    ("repairs-since", "since the fall of 2022"),
    # ruling the wrong one out is not a shotgun
    ("belarus-role", "logistics, not troops"),
    ("belarus-role", "logistical assistance rather than direct military force"),
    ("iran-visit-country", "Iran, not Iraq"),
]

REJECT = [
    ("missiles-2022", "71"),
    ("missiles-2022", "771"),
    ("missiles-2022", "7170"),
    ("missiles-2022", "at most 717"),
    ("rail-partisans-sentence", "22 months"),
    ("kinzhal-range", "2,000 miles"),
    ("kinzhal-range", "2000mi"),
    ("china-docs-date", "1 March 2022"),
    ("china-docs-date", "2 March 2023"),
    ("iran-visit-dates", "March 11-12"),
    ("repairs-since", "autumn 2021"),
    ("repairs-since", "spring 2022"),
    ("sectoral-sanctions-by", "G6"),
    ("sectoral-sanctions-by", "G20"),
    ("iran-visit-country", "Iraq"),
    ("iran-visit-country", "Iran, Iraq, Syria"),
    ("strategy-most-likely", "globalization"),
    ("strategy-second", "currency exchange"),
    ("missiles-2022", "700 or 717"),
    ("china-docs-signatory", "Putin or Xi"),
    ("fortified-oblast", "Rivne or Lviv"),
    ("belarus-role", "troops, not logistics"),
    ("belarus-leader", "Medvedev"),
    ("mig31k-kinzhal", "Kh-101"),
    ("strategy-third", "transfer of troops"),
]


@pytest.mark.parametrize(("fact_id", "typed"), ACCEPT)
def test_accepts_honest_slips(fact_id: str, typed: str) -> None:
    verdict = grade(fact_id, typed)
    assert verdict.correct, verdict.feedback
    assert verdict.score == 1.0
    assert verdict.matched == [fact_id]


@pytest.mark.parametrize(("fact_id", "typed"), REJECT)
def test_rejects_wrong_facts_however_close(fact_id: str, typed: str) -> None:
    verdict = grade(fact_id, typed)
    assert not verdict.correct, verdict.feedback
    assert verdict.matched == []
    assert verdict.feedback


@pytest.mark.parametrize(
    ("typed", "keys"),
    [
        (
            "s400 iskander torm2 fighter jets mig31k",
            ["s-400", "iskander", "tor-m2", "fighter-jets", "mig-31k"],
        ),
        ("С-400 Искандер", ["s-400", "iskander"]),
        ("TorM2, MiG-31Ks", ["tor-m2", "mig-31k"]),
        ("S 400, S-400 and S400", ["s-400"]),
        ("Tor M3", []),
        ("S-500", []),
        ("MiG-29", []),
    ],
)
def test_list_items_found_anywhere_and_credited_once(typed: str, keys: list[str]) -> None:
    verdict = grade("systems-deployed", typed)
    assert verdict.matched == keys
    assert verdict.score == pytest.approx(len(keys) / 5)


def test_list_feedback_names_missing_and_wrong() -> None:
    verdict = grade("systems-deployed", "S-400, Iskandr, S-300")
    assert not verdict.correct
    assert verdict.matched == ["s-400", "iskander"]
    assert verdict.missed == ["tor-m2", "fighter-jets", "mig-31k"]
    assert verdict.wrong == ["S-300"]
    assert "You named 2 of 5" in verdict.feedback
    assert "S-300 is not one of them" in verdict.feedback


def test_list_full_answer_with_a_wrong_item_is_not_correct() -> None:
    verdict = grade("scheme-partners", "Iran, China, Iraq")
    assert verdict.matched == ["iran", "china"]
    assert not verdict.correct
    assert verdict.wrong == ["Iraq"]


def test_list_at_least_k() -> None:
    fact = BRIEFING.fact("exchange-recipients")
    verdict = grade_fact(fact, "Syria and North Korea", briefing=BRIEFING, required=2)
    assert verdict.correct
    assert verdict.score == 1.0


def test_country_typo_that_lands_on_another_country_is_wrong() -> None:
    assert not grade("exchange-recipients", "Serbia").matched
    assert grade("exchange-recipients", "Sirya").matched == ["syria"]


def test_typo_feedback_says_how_it_is_spelled() -> None:
    verdict = grade("mig31k-kinzhal", "Kinzahl")
    assert verdict.correct
    assert verdict.feedback == "Accepted (spelled Kinzhal)."
    assert not verdict.exact


def test_close_number_feedback() -> None:
    assert (
        grade("missiles-2022", "727").feedback == "Close, but the figure is at least 717 missiles."
    )


def test_exact_answer_is_marked_exact() -> None:
    assert grade("mig31k-kinzhal", "Kinzhal").exact
    assert not grade("belarus-leader", "Lukashenko").exact


def test_year_missing_is_not_full_credit_but_said_kindly() -> None:
    verdict = grade("china-docs-date", "1 March")
    assert not verdict.correct
    assert "which year" in verdict.feedback


@pytest.mark.parametrize("typed", ["", "   ", "the", "not", "?!"])
def test_empty_answers(typed: str) -> None:
    verdict = grade("iran-visit-country", typed)
    assert not verdict.correct


def test_one_megabyte_answer_is_refused_quickly() -> None:
    started = time.perf_counter()
    verdict = grade("systems-deployed", "S-400 " * 180_000)
    assert time.perf_counter() - started < 1.0
    assert not verdict.correct
    assert "too long" in verdict.feedback


def test_word_families_are_safe_across_threads() -> None:
    """Graders in several threads at once (a served class) stem words without mixing them up."""
    import threading

    from quiz_bank.wordmatch import family_stem

    family_stem.cache_clear()
    words = [
        f"{stem}{end}"
        for stem in ("local", "logist", "transfer", "produc")
        for end in ("ize", "ization", "izing", "ical", "ically", "ing", "ed", "tion")
    ]
    expected = {w: None for w in words}
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(50):
                for w in words:
                    family_stem.cache_clear()
                    family_stem(w)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and expected
