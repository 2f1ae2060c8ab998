"""A printable Markdown handout: the cards, the quiz, then the answer key on its own page."""

from __future__ import annotations

import re

from briefing_data.models import Briefing
from quiz_bank.questions import LETTERS, Question, question_bank

PAGE_BREAK = '<div style="page-break-before: always"></div>'
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|{}])")


def md(text: str) -> str:
    """Text from the briefing shown literally: Markdown and HTML characters escaped, one line."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def handout_questions(briefing: Briefing) -> list[Question]:
    """The handout's quiz: every recall and multiple-choice question, in card order."""
    return [q for q in question_bank(briefing) if q.form in ("recall", "mcq")]


def to_markdown(briefing: Briefing, questions: list[Question] | None = None) -> str:
    chosen = handout_questions(briefing) if questions is None else questions
    out = [f"# {md(briefing.title)}", ""]
    source = briefing.source
    out += [f"*Source: {md(source.title)} ({md(source.kind)})*", "", "## The cards", ""]
    for card in briefing.cards:
        out += [f"### {md(card.title)}", "", md(card.summary), ""]
        out += [f"- {md(fact.statement)}" for fact in card.facts]
        out.append("")
    out += [PAGE_BREAK, "", "## Quiz", "", "Name: ______________________", ""]
    for n, q in enumerate(chosen, 1):
        out.append(f"{n}. {md(q.prompt)}")
        if q.choices:
            out += [f"   - {LETTERS[i]}) {md(choice)}" for i, choice in enumerate(q.choices)]
        else:
            out.append("   ")
            out.append("   Answer: ______________________________")
        out.append("")
    out += [PAGE_BREAK, "", "## Answer key", ""]
    for n, q in enumerate(chosen, 1):
        answer = md(q.answer)
        if q.correct_choice is not None and q.choices:
            answer = f"{LETTERS[q.correct_choice]}) {answer}"
        out.append(f"{n}. {answer} — *{md(briefing.fact(q.fact).evidence)}* (`{q.id}`)")
    out.append("")
    return "\n".join(out)
