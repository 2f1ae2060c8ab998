"""Moodle's GIFT format: a `$CATEGORY` per card, each question named `::question-id::`.

Recall of a word answer and cloze: short answer with every accepted spelling; a number:
numerical (`{#717:0}`); a list: multiple answer (each item an equal share, known wrong answers
a penalty); multiple choice with the generated distractors; true/false. Feedback per answer and
general feedback (the article's evidence). "Name at least K" questions are left out: GIFT has
no way to credit K of N typed items.
"""

from __future__ import annotations

from briefing_data.models import Briefing
from quiz_bank.exports.answers import accepted_answers, list_items, list_wrong, numeric_value
from quiz_bank.questions import Question, question_bank

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """GIFT's escapes: a backslash before ~ = # { } : (and the backslash); one line."""
    flat = " ".join(text.split())
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in flat)


def _weight(share: float) -> str:
    text = f"{share:.5f}".rstrip("0").rstrip(".")
    return f"%{text}%"


def _general_feedback(briefing: Briefing, question: Question) -> str:
    fact = briefing.fact(question.fact)
    text = f"Answer: {question.answer}. The article: “{fact.evidence}”"
    if fact.explanation:
        text += f" {fact.explanation}"
    return escape(text)


def gift_answers(briefing: Briefing, question: Question) -> str | None:
    """The text between the braces, or None for a question GIFT cannot carry."""
    if question.form == "list":
        return None
    if question.form == "tf":
        return "T" if question.correct_choice == 0 else "F"
    if question.form == "mcq":
        parts = []
        for i, choice in enumerate(question.choices):
            if i == question.correct_choice:
                parts.append(f"={escape(choice)}#{escape('Correct.')}")
            else:
                parts.append(f"~{escape(choice)}#{escape(f'No: {question.answer}.')}")
        return " ".join(parts)
    number = numeric_value(briefing, question)
    if number is not None:
        shown = str(int(number)) if number == int(number) else str(number)
        return f"#{shown}:0"
    items = list_items(briefing, question)
    if items:
        share = 100 / len(items)
        parts = [f"~{_weight(share)}{escape(spellings[0])}" for spellings in items]
        parts += [f"~{_weight(-share)}{escape(wrong)}" for wrong in list_wrong(briefing, question)]
        return " ".join(parts)
    return " ".join(f"={escape(answer)}" for answer in accepted_answers(briefing, question))


def gift_question(briefing: Briefing, question: Question) -> str | None:
    answers = gift_answers(briefing, question)
    if answers is None:
        return None
    prompt = question.prompt
    if list_items(briefing, question):
        prompt += " (choose every right answer)"
    feedback = _general_feedback(briefing, question)
    return f"::{escape(question.id)}::[plain]{escape(prompt)} {{{answers} ####{feedback}}}"


def to_gift(briefing: Briefing, questions: list[Question] | None = None) -> str:
    chosen = question_bank(briefing) if questions is None else questions
    lines = [
        f"// {' '.join(briefing.title.split())}",
        "// Made by briefing: import in Moodle with Question bank > Import > GIFT format.",
        "",
    ]
    for card in briefing.cards:
        block = [
            text
            for q in chosen
            if q.card == card.id and (text := gift_question(briefing, q)) is not None
        ]
        if not block:
            continue
        lines += [f"$CATEGORY: $course$/top/{briefing.id}/{card.id}", ""]
        for text in block:
            lines += [text, ""]
    return "\n".join(lines)
