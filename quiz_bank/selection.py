"""Choosing the questions of a quiz: exactly some ids, one question per fact in a balanced mix
of forms, or a review where a missed fact comes back harder."""

from __future__ import annotations

import random
from collections.abc import Iterable

from briefing_data.models import Briefing
from quiz_bank.questions import Question, find_question, question_bank
from quiz_bank.scoring import Standing, attempt_standing
from quiz_bank.store import Attempt

DEFAULT_FORMS = ("recall", "list", "mcq", "tf", "cloze")


def select_questions(
    briefing: Briefing,
    *,
    card: str | None = None,
    count: int | None = None,
    seed: int | None = None,
    ids: list[str] | None = None,
    forms: tuple[str, ...] | list[str] | None = None,
) -> list[Question]:
    """The questions of a quiz.

    `ids` gives exactly those questions in that order (KeyError naming an unknown one).
    Otherwise one question per fact (of the chosen card), its form drawn at random
    among `forms` (at most about one in five true/false), in a shuffled order; the same seed
    gives the same quiz.
    """
    if ids:
        return [find_question(briefing, qid) for qid in ids]
    if card is not None:
        briefing.card(card)  # KeyError for an unknown card
    rng = random.Random(seed)
    wanted = set(forms or DEFAULT_FORMS)
    by_fact: dict[str, list[Question]] = {}
    for q in question_bank(briefing):
        if q.form not in wanted or (card is not None and q.card != card):
            continue
        by_fact.setdefault(q.fact, []).append(q)
    facts = list(by_fact.values())
    rng.shuffle(facts)
    if count:
        facts = facts[:count]
    return balanced_forms(facts, rng)


# At most about one true/false question in five: (n + 2) // 5 of n questions.
def _tf_quota(n: int) -> int:
    return (n + 2) // 5


def balanced_forms(questions: list[list[Question]], rng: random.Random) -> list[Question]:
    """One question per fact from each fact's options, at most about one in five true/false."""
    quota = _tf_quota(len(questions))
    chosen = []
    for options in questions:
        pick = rng.choice(options)
        if pick.form == "tf":
            others = [q for q in options if q.form != "tf"]
            if quota <= 0 and others:
                pick = rng.choice(others)
            elif quota > 0:
                quota -= 1
        chosen.append(pick)
    return chosen


# A missed fact comes back one step harder: recognising, then choosing, then recalling.
HARDER = {"tf": "mcq", "cloze": "mcq", "mcq": "recall"}


def harder_question(briefing: Briefing, question: Question) -> Question:
    """The next harder form of the question's fact (true/false → multiple choice → typed)."""
    form = HARDER.get(question.form)
    while form is not None:
        # A fact's typed question has the fact's own id; its multiple choice, "FACT/mcq".
        wanted = question.fact if form == "recall" else f"{question.fact}/{form}"
        try:
            return find_question(briefing, wanted)
        except KeyError:
            form = HARDER.get(form)
    return question


def review_questions(
    briefing: Briefing, due: list[Question], latest_missed: dict[str, Question]
) -> list[Question]:
    """The review of `due` questions: one per fact, and a fact whose latest answer was missed
    (`latest_missed`: fact id -> the question missed) comes back in a harder form than that."""
    out: list[Question] = []
    seen: set[str] = set()
    for question in due:
        if question.fact in seen:
            continue
        seen.add(question.fact)
        missed = latest_missed.get(question.fact)
        out.append(harder_question(briefing, missed) if missed is not None else question)
    return out


def missed_last(briefing: Briefing, attempts: Iterable[Attempt]) -> dict[str, Question]:
    """Fact id -> the question of its latest answered attempt, when that answer was missed."""
    latest: dict[str, Attempt] = {}
    for a in attempts:
        if not a.skipped:
            latest[a.fact] = a
    out = {}
    for fact, a in latest.items():
        if attempt_standing(a) is not Standing.RIGHT:
            try:
                out[fact] = find_question(briefing, a.question)
            except KeyError:
                continue  # a question of another briefing
    return out
