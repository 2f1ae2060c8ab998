"""The printable handout, in Markdown or HTML: the cards, a quiz with one question per fact, and
the answer key on its own page. Everything that came from a file is escaped, on one line."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from briefing_data.models import Briefing
from quiz_bank.questions import LETTERS, Question, question_bank
from quiz_bank.results import one_line

# The forms a printed quiz uses, taken in turn fact by fact (one form per fact: a later form
# would give an earlier one's answer away).
HANDOUT_FORMS = ("mcq", "recall", "tf")
PAGE_BREAK = '<div style="page-break-after: always; break-after: page"></div>'
_MD_ANYWHERE = re.compile(r"([\\`*_{}\[\]<>()#|~$^@&!])")
_MD_LINE_START = re.compile(r"^(?:([-+=:])|(\d+)(\.))")


def md(text: str) -> str:
    """Text shown literally in Markdown (CommonMark and pandoc's reader): one line, every
    character that could start markup escaped, and a line start that could open a block."""
    escaped = _MD_ANYWHERE.sub(r"\\\1", one_line(text))
    return _MD_LINE_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\.", escaped
    )


@dataclass(frozen=True)
class HandoutItem:
    number: int
    question: Question
    key: str  # the answer as the key prints it


def handout_questions(briefing: Briefing) -> list[HandoutItem]:
    """One question per fact, in card order, the form taken in turn from HANDOUT_FORMS."""
    by_fact: dict[str, dict[str, Question]] = {}
    for q in question_bank(briefing):
        by_fact.setdefault(q.fact, {}).setdefault(q.form, q)
    items: list[HandoutItem] = []
    for n, fact in enumerate((f for card in briefing.cards for f in card.facts), 1):
        forms = by_fact.get(fact.id, {})
        preferred = HANDOUT_FORMS[(n - 1) % len(HANDOUT_FORMS)]
        question = forms.get(preferred) or forms.get("recall") or next(iter(forms.values()))
        key = question.answer
        if question.choices and question.correct_choice is not None:
            key = (
                f"({LETTERS[question.correct_choice]}) {question.choices[question.correct_choice]}"
            )
        items.append(HandoutItem(n, question, key))
    return items


def to_markdown(briefing: Briefing) -> str:
    source = briefing.source
    out = [f"# {md(briefing.title)}", "", f"Source: *{md(source.title)}* ({md(source.kind)})", ""]
    for n, card in enumerate(briefing.cards, 1):
        out += [f"## {n}\\. {md(card.title)}", "", md(card.summary), ""]
        for fact in card.facts:
            # A blank line and the item's indent: the quote is a blockquote inside the item.
            out += [f"- {md(fact.statement)}", "", f"  > “{md(fact.evidence)}”", ""]
    items = handout_questions(briefing)
    out += [
        PAGE_BREAK,
        "",
        "# Quiz",
        "",
        "Name: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_",
        "",
    ]
    for item in items:
        q = item.question
        out += [f"**{item.number}\\.** {md(q.prompt)}", ""]
        if q.choices:
            lines = [f"\\({LETTERS[i]}\\) {md(c)}" for i, c in enumerate(q.choices)]
            # A hard line break (backslash) between options: one paragraph, no nested list.
            out += ["\\\n".join(lines), ""]
        else:
            out += ["Answer: " + "\\_" * 30, ""]
    out += [PAGE_BREAK, "", "# Answer key", ""]
    for item in items:
        card = briefing.card(item.question.card)
        out += [f"**{item.number}\\.** {md(item.key)} — card: {md(card.title)}", ""]
    return "\n".join(out)


_CSS = """
body { font: 12pt/1.45 Georgia, serif; max-width: 42em; margin: 2em auto; color: #111; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 1.4em; }
blockquote { margin: .3em 0 .8em 1.2em; color: #444; font-style: italic; }
.page { break-before: page; page-break-before: always; }
ol.quiz > li { margin-bottom: 1.1em; break-inside: avoid; }
ol.options { list-style-type: lower-alpha; margin-top: .3em; }
.blank { display: inline-block; width: 20em; border-bottom: 1px solid #000; }
@media print { body { margin: 0; } }
"""


def to_html(briefing: Briefing) -> str:
    """The same handout as one printable HTML page (a browser prints it, page breaks and all)."""

    def e(text: str) -> str:
        return html.escape(one_line(text))

    source = briefing.source
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(briefing.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(briefing.title)}</h1>",
        f"<p>Source: <cite>{e(source.title)}</cite> ({e(source.kind)})</p>",
    ]
    for n, card in enumerate(briefing.cards, 1):
        out += [f"<h2>{n}. {e(card.title)}</h2>", f"<p>{e(card.summary)}</p>", "<ul>"]
        for fact in card.facts:
            out.append(f"<li>{e(fact.statement)}<blockquote>“{e(fact.evidence)}”</blockquote></li>")
        out.append("</ul>")
    items = handout_questions(briefing)
    out += ['<section class="page"><h1>Quiz</h1>', '<p>Name: <span class="blank"></span></p>']
    out.append('<ol class="quiz">')
    for item in items:
        q = item.question
        out.append(f'<li value="{item.number}"><p>{e(q.prompt)}</p>')
        if q.choices:
            options = "".join(f"<li>{e(c)}</li>" for c in q.choices)
            out.append(f'<ol class="options">{options}</ol>')
        else:
            out.append('<p>Answer: <span class="blank"></span></p>')
        out.append("</li>")
    out += ["</ol></section>", '<section class="page"><h1>Answer key</h1><ol>']
    for item in items:
        card = briefing.card(item.question.card)
        out.append(f'<li value="{item.number}">{e(item.key)} — card: {e(card.title)}</li>')
    out += ["</ol></section>", "</body></html>", ""]
    return "\n".join(out)
