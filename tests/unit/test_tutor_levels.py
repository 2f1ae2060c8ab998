"""The tutor on any briefing: answers at the level asked, follow-ups, helpful declines, quizzes
in chat that tell questions from answers, and nothing in the engine about one article."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing_data.loader import builtin_briefing, load_briefing
from quiz_bank.gazetteer import fold_countries
from quiz_bank.retrieval import FactIndex
from quiz_bank.store import ProgressStore
from quiz_bank.terms import defined_acronyms, words
from quiz_bank.tutor import Tutor, examples
from tui_app.cli import cli

ROOT = Path(__file__).parents[2]
BRIEFING = builtin_briefing()
INDEX = FactIndex(BRIEFING)
MINI = load_briefing(ROOT / "tests" / "data" / "mini" / "mini.yaml")


def tutor() -> Tutor:
    return Tutor(BRIEFING, index=INDEX)


def test_engine_names_no_article() -> None:
    engine = [ROOT / "quiz_bank" / n for n in ("retrieval.py", "terms.py", "gazetteer.py")]
    engine += sorted((ROOT / "quiz_bank" / "tutor").glob("*.py"))
    pattern = re.compile(r"belarus|minsk|beijing|kinzhal|lukashen|iskander|machulish", re.I)
    for path in engine:
        assert not pattern.search(path.read_text(encoding="utf-8")), path.name


def test_examples_help_and_greeting_come_from_the_loaded_briefing() -> None:
    t = Tutor(MINI)
    said = " ".join([t.reply("hello").text, t.reply("help").text, *examples(MINI)])
    assert "lighthouse" in said.lower()
    assert not re.search(r"belarus|china|kinzhal|lukashen", said, re.I)
    assert set(t.reply("hello").suggestions) <= {
        *(f.question for f in MINI.facts()),
        *examples(MINI),
    }


def test_countries_by_any_name_and_acronyms_the_text_defines() -> None:
    for name in ("China", "Chinese", "Beijing", "PRC", "People's Republic of China"):
        assert words(name) == ["@cn"]
    assert fold_countries(["are"]) == ["are"]  # not Egypt's ARE
    assert defined_acronyms("two unmanned aerial vehicles (UAVs) flew") == {
        "uav": ["unmanned", "aerial", "vehicle"]
    }


def test_a_broad_question_gets_the_card_summary_and_its_key_facts() -> None:
    reply = tutor().answer("how does Belarus help Russia?")
    card = BRIEFING.card(reply.card or "")
    assert reply.kind == "answer" and card.title in reply.text and card.summary in reply.text
    assert set(reply.facts) == {f.id for f in card.facts}


def test_a_question_for_several_things_gets_all_of_them() -> None:
    reply = tutor().answer("what are the three strategies")
    assert reply.card == "sanctions-strategies"
    for fact in ("strategy-most-likely", "strategy-second", "strategy-third"):
        assert fact in reply.facts
        assert BRIEFING.fact(fact).statement in reply.text


def test_what_is_this_about_gets_the_overview() -> None:
    reply = tutor().answer("what is this article about?")
    assert reply.kind == "answer" and BRIEFING.cards[0].summary in reply.text


def test_one_fact_gets_its_quote_and_card() -> None:
    reply = tutor().answer("how far can the kinzhal fly")
    assert reply.facts[0] == "kinzhal-range" and reply.evidence
    assert BRIEFING.card(reply.card or "").title in reply.text


def test_follow_ups_say_how_they_were_read() -> None:
    t = tutor()
    first = t.reply("when did Lukashenka and Xi sign the documents?")
    assert first.facts[0] == "china-docs-date"
    why = t.reply("why?")
    assert why.understood and why.facts == ["china-docs-date"] and "Taking this as" in why.text
    more = t.reply("tell me more")
    assert more.card == "china-aid" and "china-docs-date" not in more.facts and more.understood
    who = t.reply("who signed it?")
    assert who.facts[0] == "china-docs-signatory" and who.understood


def test_and_another_country_swaps_the_subject() -> None:
    t = tutor()
    t.reply("when did Lukashenka visit China?")
    swapped = t.reply("and Iran?")
    assert swapped.understood and "iran" in swapped.understood.lower()
    assert swapped.facts[0] == "iran-visit-dates"


@pytest.mark.parametrize(
    "question",
    [
        "how many civilians were killed by missiles from belarus",
        "what is the price of a kinzhal",
        "does turkey help belarus",
        "who wrote the article",
    ],
)
def test_out_of_scope_is_declined_even_when_words_match(question: str) -> None:
    reply = tutor().answer(question)
    assert reply.kind == "decline" and reply.facts == []
    assert reply.text.startswith("The article does not say")


def test_a_decline_names_the_neighbouring_fact() -> None:
    reply = tutor().answer("how many civilians were killed by missiles from belarus")
    assert reply.related == ["missiles-2022"]
    assert "717" in reply.text


def test_ask_jsonl_decline_adds_related() -> None:
    line = json.dumps({"question": "how many civilians were killed by missiles from belarus"})
    result = CliRunner().invoke(cli, ["ask", "--jsonl"], input=line + "\n")
    out = json.loads(result.output)
    assert out["facts"] == [] and out["answer"] is None and out["related"] == ["missiles-2022"]


def test_a_question_during_a_chat_quiz_is_answered_not_graded(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "p.db")
    t = Tutor(BRIEFING, index=INDEX, store=store, learner="ana")
    assert t.reply("quiz me").kind == "quiz"
    assert "this quiz first" in t.reply("why").text  # nothing of this quiz answered yet
    asked = t.reply("how far can the kinzhal fly?")
    assert asked.facts[0] == "kinzhal-range" and "Back to the quiz" in asked.text
    assert not asked.suggestions
    unsure = t.reply("Iran and China?")
    assert "or a question for me" in unsure.text
    graded = t.reply("answer")
    assert graded.kind in ("quiz", "summary")
    assert store.count_attempts() == 1
    assert t.reply("why").kind == "verdict"


def test_words_only_index_still_answers() -> None:
    plain = FactIndex(BRIEFING, meaning=False)
    assert Tutor(BRIEFING, index=plain).answer("how far can the kinzhal fly").facts[0] == (
        "kinzhal-range"
    )


def test_follow_ups_on_a_briefing_of_ones_own() -> None:
    t = Tutor(MINI)
    assert t.reply("who were the last keepers").facts == ["keepers"]
    assert t.reply("and why?").understood
    more = t.reply("ok, tell me more")
    assert more.kind == "answer" and "keepers" not in more.facts
    island = t.reply("and the island?")
    assert island.facts[0] == "island" and island.understood
    assert t.reply("thanks!").kind == "smalltalk"
