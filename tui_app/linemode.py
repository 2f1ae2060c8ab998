"""The line-mode quiz (`quiz --plain`, `review --plain`): for scripts, screen readers and
terminals without a TUI. A prompt, one answer line, the verdict; `Score: X/Y` at the end."""

from __future__ import annotations

import time

import click

from quiz_bank.marking import choice_index
from quiz_bank.questions import LETTERS
from quiz_bank.scoring import describe
from quiz_bank.session import Outcome, QuizSession


def read_answer_line() -> str | None:
    """One typed line (None at the end of input).

    Bytes that are not UTF-8 become U+FFFD rather than ending the quiz; an overlong line is
    said to be so, and the next line is read.
    """
    from quiz_bank.lines import LineError, decode_line, read_line
    from tui_app.jsonlines import stdin_bytes

    while True:
        raw = read_line(stdin_bytes())
        if raw is None:
            return None
        if not isinstance(raw, LineError):
            return decode_line(raw, errors="replace")
        click.echo(f"Not read: {raw}; answer in a few words.")


def ask_name() -> str | None:
    """A class quiz in line mode: the student types a name first (None at end of input)."""
    from quiz_bank.learners import LearnerNameError, validate_learner_name

    while True:
        click.echo("Your name, so your teacher sees your answers: ", nl=False)
        line = read_answer_line()
        if line is None:
            click.echo("")
            return None
        try:
            return validate_learner_name(line)
        except LearnerNameError as exc:
            click.echo(f"{str(exc).capitalize()}.")


def verdict_line(outcome: Outcome) -> str:
    head = describe(
        outcome.standing,
        score=outcome.score,
        hinted=outcome.hinted,
        overridden=outcome.overridden,
    )
    return f"{head}. {outcome.verdict.feedback}"


def run_plain(session: QuizSession) -> None:
    """Ask every question of the session on stdin/stdout; end of input ends it cleanly."""
    count = session.total
    click.echo(
        f"{count} question{'s' if count != 1 else ''}. Type your answer and press Enter. "
        "Commands: :hint, :skip, :right (I was right), :quit"
    )
    while not session.done:
        outcome = _ask_current(session)
        if outcome is None:
            break
        click.echo(verdict_line(outcome))
        fact = session.briefing.fact(outcome.question.fact)
        click.echo(f'Source: "{fact.evidence}"')
    print_summary(session)


def _ask_current(session: QuizSession) -> Outcome | None:
    """One question: its answer's outcome, or None when the learner quits or input ends."""
    question = session.current
    assert question is not None
    card = session.briefing.card(question.card).title
    click.echo(f"\nQuestion {session.position} of {session.total} ({card})")
    click.echo(question.prompt)
    for i, choice in enumerate(question.choices):
        click.echo(f"  {LETTERS[i]}) {choice}")
    started = time.monotonic()
    while True:
        click.echo("> ", nl=False)
        typed = read_answer_line()
        if typed is None:
            click.echo("")
            return None
        command = typed.strip().lower()
        if command == ":hint":
            click.echo(f"Hint: {session.hint()}")
        elif command == ":right":
            try:
                overridden = session.override()
            except ValueError as exc:
                click.echo(f"Nothing to override: {exc}.")
            else:
                click.echo(f"Counted as right (override): {overridden.question.answer}.")
        elif command == ":quit":
            return None
        elif command == ":skip":
            return session.skip()
        elif question.choices and choice_index(question, typed) is None:
            click.echo(f"Answer with a letter (a-{LETTERS[len(question.choices) - 1]}).")
        else:
            return session.answer(typed, duration=time.monotonic() - started)


def print_summary(session: QuizSession) -> None:
    summary = session.summary()
    click.echo(f"\n{summary.title()}: {summary.tally.text()}.")
    click.echo(summary.tally.score_line())
    if summary.missed:
        click.echo("To reread:")
        for _question, fact_id, card_id in summary.missed:
            card = session.briefing.card(card_id)
            statement = session.briefing.fact(fact_id).statement
            click.echo(f"- {statement} (card: {card.title}; briefing cards --card {card_id})")
