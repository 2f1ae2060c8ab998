"""The `briefing` command. Commands that do not open the UI never import Textual."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from briefing_data.models import Briefing
    from quiz_bank.questions import Question
    from quiz_bank.session import QuizSession
    from quiz_bank.store import ProgressStore


class UserError(click.ClickException):
    """A mistake the user can fix: one line on stderr, exit 2."""

    exit_code = 2


@dataclass
class Context:
    briefing_path: Path | None
    db_option: str | None
    ask_name: bool = False
    _briefing: Briefing | None = None

    @property
    def briefing(self) -> Briefing:
        # Imported here: opening the app must not wait for pydantic before its first paint.
        from briefing_data.loader import BriefingError, builtin_path, load_briefing

        if self._briefing is None:
            try:
                self._briefing = load_briefing(self.briefing_path or builtin_path())
            except BriefingError as exc:
                raise UserError(str(exc)) from None
        return self._briefing

    @property
    def db_path(self) -> Path:
        from quiz_bank.locations import resolve_db_path

        return resolve_db_path(self.db_option)


pass_context = click.make_pass_decorator(Context)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    metavar="PATH",
    help="Progress database (SQLite). Default: $BRIEFING_DB, else the user data directory.",
)
@click.option(
    "--briefing",
    "briefing_path",
    metavar="PATH",
    type=click.Path(path_type=Path),
    help="Load this briefing file instead of the built-in one.",
)
@click.option("--ask-name", is_flag=True, hidden=True, help="Ask the student's name first.")
@click.version_option(package_name="briefing")
@click.pass_context
def cli(ctx: click.Context, db: str | None, briefing_path: Path | None, ask_name: bool) -> None:
    """Briefing cards, quizzes and a tutor built from a news article.

    With no command, opens the terminal app.
    """
    ctx.obj = Context(briefing_path=briefing_path, db_option=db, ask_name=ask_name)
    if ctx.invoked_subcommand is None:
        _open_app(ctx.obj)


def _open_app(
    context: Context,
    start: tuple[str, list[str], str] | None = None,
    time_limit: float | None = None,
) -> None:
    """Open the app; the briefing loads after the first paint unless a quiz needs it first."""
    from tui_app.app import BriefingApp

    app = BriefingApp(
        briefing=context._briefing,
        briefing_path=context.briefing_path,
        db_path=context.db_path,
        start=start,
        ask_name=context.ask_name,
        time_limit=time_limit,
    )
    app.run()
    if app.load_error:
        raise UserError(app.load_error)


@cli.command()
@click.option("--card", "card_id", metavar="ID", help="Only this card.")
@pass_context
def cards(context: Context, card_id: str | None) -> None:
    """Print the briefing cards as plain text."""
    from briefing_data.plain import briefing_text

    briefing = context.briefing
    if card_id is not None:
        known = [card.id for card in briefing.cards]
        if card_id not in known:
            raise UserError(f"unknown card id {card_id!r} (known: {', '.join(known)})")
    click.echo(briefing_text(briefing, card_id), nl=False)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "anki", "gift", "quizlet", "csv", "markdown"]),
    default="json",
    show_default=True,
    help="json (contract), anki (.apkg), gift (Moodle), quizlet, csv, markdown (handout).",
)
@click.option("-o", "--output", metavar="PATH", type=click.Path(path_type=Path), help="Write here.")
@pass_context
def export(context: Context, fmt: str, output: Path | None) -> None:
    """Export the briefing and its question bank."""
    from quiz_bank.exports import BINARY, export_text, to_anki

    briefing = context.briefing
    if output is not None and output.is_dir():
        raise UserError(f"{output}: is a directory; give a file name")
    if fmt in BINARY:
        if output is None:
            raise UserError("--format anki writes a file: add -o PATH.apkg")
        try:
            notes = to_anki(briefing, output)
        except OSError as exc:
            raise UserError(f"{output}: cannot write ({exc.strerror})") from None
        click.echo(f"Wrote {output} ({notes} notes)", err=True)
        return
    text = export_text(briefing, fmt)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror})") from None
    click.echo(f"Wrote {output}", err=True)


# --- grading commands ---


def _grade_jsonl(briefing: Briefing) -> None:
    """The contract's `grade --jsonl`: one JSON line out per line in, flushed as it goes."""
    import json

    from quiz_bank.questions import find_question, grade_question

    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("expected a JSON object")
            qid, answer = request.get("question"), request.get("answer")
            if not isinstance(qid, str):
                raise ValueError('"question" must be a question id')
            if not isinstance(answer, str):
                raise ValueError('"answer" must be a string')
            question = find_question(briefing, qid)
        except KeyError as exc:
            out: dict[str, object] = {"error": f"unknown question id {exc.args[0]!r}"}
        except ValueError as exc:
            out = {"error": f"bad input line: {exc}"}
        else:
            verdict = grade_question(briefing, question, answer)
            out = {"question": qid, "answer": answer, **verdict.model_dump(exclude={"exact"})}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()


@cli.command()
@click.argument("target", required=False)
@click.argument("answer", required=False)
@click.option("--jsonl", is_flag=True, help="Read JSON lines on stdin, write verdicts (contract).")
@click.option(
    "-o", "--output", metavar="PATH", type=click.Path(path_type=Path), help="Graded CSV here."
)
@pass_context
def grade(
    context: Context, target: str | None, answer: str | None, jsonl: bool, output: Path | None
) -> None:
    """Grade answers: QUESTION_ID "answer", a CSV of a class's answers, or --jsonl."""
    briefing = context.briefing
    if jsonl:
        if target is not None:
            raise UserError("grade --jsonl reads stdin and takes no arguments")
        _grade_jsonl(briefing)
        return
    if target is None:
        raise UserError('give QUESTION_ID "answer", a CSV file, or --jsonl')
    if answer is None and target.lower().endswith(".csv"):
        _grade_csv(briefing, Path(target), output)
        return
    if answer is None:
        raise UserError(f'give the answer to grade: briefing grade {target} "your answer"')
    from quiz_bank.questions import find_question, grade_question

    try:
        question = find_question(briefing, target)
    except KeyError:
        raise UserError(f"unknown question id {target!r}") from None
    verdict = grade_question(briefing, question, answer)
    mark = "✓ Right" if verdict.correct else ("½ Partly right" if verdict.score else "✗ Wrong")
    click.echo(f"{mark} ({verdict.score:.0%}): {verdict.feedback}")


def _grade_csv(briefing: Briefing, path: Path, output: Path | None) -> None:
    from quiz_bank.classgrading import grade_csv

    try:
        report = grade_csv(briefing, path, output)
    except OSError as exc:
        raise UserError(f"{exc.filename or path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UserError(str(exc)) from None
    for problem in report.problems:
        click.echo(problem, err=True)
    click.echo(report.summary_text())


# --- quiz commands ---


def _open_store(context: Context) -> ProgressStore:
    from quiz_bank.store import ProgressStore, StoreError

    try:
        return ProgressStore(context.db_path)
    except StoreError as exc:
        raise UserError(str(exc)) from None


def _learner(name: str | None) -> str:
    from quiz_bank.learners import LearnerNameError, validate_learner_name

    if name is None:
        return "me"
    try:
        return validate_learner_name(name)
    except LearnerNameError as exc:
        raise UserError(str(exc)) from None


def _ask_name() -> str | None:
    """A class quiz in line mode: the student types a name first (None at end of input)."""
    from quiz_bank.learners import LearnerNameError, validate_learner_name

    while True:
        click.echo("Your name, so your teacher sees your answers: ", nl=False)
        line = sys.stdin.readline()
        if not line:
            click.echo("")
            return None
        try:
            return validate_learner_name(line)
        except LearnerNameError as exc:
            click.echo(f"{str(exc).capitalize()}.")


def _select(
    context: Context,
    questions: str | None,
    count: int | None,
    card: str | None,
    seed: int | None,
) -> list[Question]:
    from quiz_bank.session import select_questions

    briefing = context.briefing
    ids = [q.strip() for q in questions.split(",") if q.strip()] if questions else None
    try:
        return select_questions(briefing, ids=ids, count=count, card=card, seed=seed)
    except KeyError as exc:
        what = "card" if card is not None and not ids else "question"
        raise UserError(f"unknown {what} id {exc.args[0]!r}") from None


def _run_plain(session: QuizSession) -> None:
    """The line-mode quiz: a prompt, one answer line, the verdict; `Score: X/Y` at the end."""
    import time

    from quiz_bank.questions import LETTERS, choice_index

    click.echo(
        f"{session.total} question{'s' if session.total != 1 else ''}. "
        "Type your answer and press Enter. Commands: "
        ":hint, :skip, :right (I was right), :quit"
    )
    while not session.done:
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
            line = sys.stdin.readline()
            if not line:
                click.echo("")
                _plain_summary(session)
                return
            typed = line.rstrip("\n")
            command = typed.strip().lower()
            if command == ":hint":
                click.echo(f"Hint: {session.hint()}")
                continue
            if command == ":right":
                try:
                    outcome = session.override()
                except ValueError as exc:
                    click.echo(f"Nothing to override: {exc}.")
                    continue
                click.echo(f"Counted as right (override): {outcome.question.answer}.")
                continue
            if command == ":quit":
                _plain_summary(session)
                return
            if command == ":skip":
                outcome = session.skip()
            elif question.choices and choice_index(question, typed) is None:
                click.echo(f"Answer with a letter (a-{LETTERS[len(question.choices) - 1]}).")
                continue
            else:
                outcome = session.answer(typed, duration=time.monotonic() - started)
            break
        verdict = outcome.verdict
        if outcome.skipped:
            mark = "-"
        elif verdict.correct:
            mark = "✓ Right" + (" (with a hint: half credit)" if outcome.hinted else "")
        elif verdict.score:
            mark = f"½ Partly right ({verdict.score:.0%})"
        else:
            mark = "✗ Wrong"
        click.echo(f"{mark}. {verdict.feedback}")
        fact = session.briefing.fact(question.fact)
        click.echo(f'Source: "{fact.evidence}"')
    _plain_summary(session)


def _plain_summary(session: QuizSession) -> None:
    summary = session.summary()
    click.echo(f"\nScore: {summary.correct}/{summary.answered}")
    if summary.missed:
        click.echo("To reread:")
        for _question, fact_id, card_id in summary.missed:
            card = session.briefing.card(card_id)
            statement = session.briefing.fact(fact_id).statement
            click.echo(f"- {statement} (card: {card.title}; briefing cards --card {card_id})")


_QUIZ_OPTIONS = [
    click.option(
        "--plain", is_flag=True, help="Line mode on stdin/stdout (scripts, screen readers)."
    ),
    click.option("--student", metavar="NAME", help="Whose progress this is (default: me)."),
]


def _quiz_options(func: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(_QUIZ_OPTIONS):
        func = option(func)
    return func


@cli.command()
@click.option("--questions", metavar="ID,ID,...", help="Exactly these questions, in this order.")
@click.option("--count", type=click.IntRange(min=1), help="How many questions.")
@click.option("--card", "card_id", metavar="ID", help="Only this card.")
@click.option("--seed", type=int, help="The same seed gives the same quiz.")
@click.option(
    "--save",
    "save_path",
    metavar="FILE.toml",
    type=click.Path(path_type=Path),
    help="Fix this quiz for a class in a file, and stop.",
)
@click.option(
    "--from",
    "from_path",
    metavar="FILE.toml",
    type=click.Path(path_type=Path),
    help="Take the class quiz fixed in this file.",
)
@click.option(
    "--time-per-question",
    type=click.IntRange(min=5, max=3600),
    metavar="SECONDS",
    help="With --save: seconds allowed per question.",
)
@click.option("--title", help="With --save: the quiz's title.")
@_quiz_options
@pass_context
def quiz(
    context: Context,
    questions: str | None,
    count: int | None,
    card_id: str | None,
    seed: int | None,
    save_path: Path | None,
    from_path: Path | None,
    time_per_question: int | None,
    title: str | None,
    plain: bool,
    student: str | None,
) -> None:
    """Take a quiz (the app's quiz screen, or --plain for line mode)."""
    from quiz_bank.classquiz import ClassQuiz, ClassQuizError, load_class_quiz, save_class_quiz
    from quiz_bank.session import QuizSession

    if save_path is not None and from_path is not None:
        raise UserError("--save and --from cannot be used together")
    time_limit = None
    if from_path is not None:
        if questions or count or card_id:
            raise UserError("--from fixes the questions: drop --questions, --count and --card")
        try:
            class_quiz = load_class_quiz(from_path)
            chosen = class_quiz.resolve(context.briefing)
        except ClassQuizError as exc:
            raise UserError(str(exc)) from None
        time_limit = class_quiz.time_per_question
    else:
        chosen = _select(context, questions, count, card_id, seed)
    if save_path is not None:
        if save_path.exists():
            raise UserError(f"{save_path}: already exists; choose another name or remove it")
        class_quiz = ClassQuiz(
            title=title or "Class quiz",
            briefing=context.briefing.id,
            questions=[q.id for q in chosen],
            seed=seed,
            time_per_question=time_per_question,
        )
        try:
            save_class_quiz(class_quiz, save_path)
        except OSError as exc:
            raise UserError(f"{save_path}: cannot write ({exc.strerror})") from None
        plural = "s" if len(chosen) != 1 else ""
        click.echo(f"Saved a quiz of {len(chosen)} question{plural} to {save_path}")
        return
    if from_path is not None and student is None and plain:
        student = _ask_name()
        if student is None:
            return
    learner = _learner(student)
    if not plain:
        ask_name = from_path is not None and student is None
        context.ask_name = context.ask_name or ask_name
        _open_app(context, start=("quiz", [q.id for q in chosen], learner), time_limit=time_limit)
        return
    with _open_store(context) as store:
        session = QuizSession(
            context.briefing, chosen, store=store, learner=learner, time_limit=time_limit
        )
        _run_plain(session)


@cli.command()
@_quiz_options
@pass_context
def review(context: Context, plain: bool, student: str | None) -> None:
    """Review the questions that are due (spaced repetition)."""
    from quiz_bank.scheduler import due_questions
    from quiz_bank.session import QuizSession

    learner = _learner(student)
    with _open_store(context) as store:
        due = due_questions(context.briefing, store, learner)
        if not plain:
            store.close()
            _open_app(context, start=("review", [q.id for q in due], learner))
            return
        if not due:
            upcoming = store.next_due(learner)
            when = f" The next is due {upcoming:%Y-%m-%d %H:%M} UTC." if upcoming else ""
            click.echo(f"Nothing is due for {learner}.{when}")
            return
        _run_plain(QuizSession(context.briefing, due, store=store, learner=learner))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable (contract).")
@click.option("--student", metavar="NAME", help="One student (default: everyone).")
@pass_context
def stats(context: Context, as_json: bool, student: str | None) -> None:
    """Attempts, right answers and per-card mastery."""
    import json

    from quiz_bank.progress import progress_stats

    with _open_store(context) as store:
        data = progress_stats(context.briefing, store, student)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    who = student or "all students"
    click.echo(f"Progress of {who}: {data['attempts']} attempts, {data['correct']} right")
    for card in data["cards"]:
        bar = "█" * round(card["mastery"] * 20)
        click.echo(
            f"  {card['title'][:44]:<44} {bar:<20} {card['mastery']:>4.0%} "
            f"({card['correct']}/{card['attempts']})"
        )


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "table"]),
    default="table",
    show_default=True,
    help="csv for a spreadsheet, table for a person.",
)
@click.option("--student", metavar="NAME", help="One student (default: everyone).")
@click.option("-o", "--output", metavar="PATH", type=click.Path(path_type=Path), help="Write here.")
@pass_context
def results(context: Context, fmt: str, student: str | None, output: Path | None) -> None:
    """Every answer in the database, one row per student and question attempt."""
    import csv
    import io

    from quiz_bank.results import (
        RESULT_COLUMNS,
        hardest_questions,
        leaderboard,
        result_rows,
        spreadsheet_safe,
    )

    with _open_store(context) as store:
        attempts = store.attempts(student)
    rows = result_rows(attempts)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=RESULT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            cells = {k: spreadsheet_safe(v) for k, v in row.items()}
            for flag in ("correct", "override", "hint"):
                cells[flag] = str(row[flag]).lower()
            writer.writerow(cells)
        text = buffer.getvalue()
    else:
        lines = [f"{'student':<16} {'question':<30} {'score':>5} {'right':<5} {'time':<19}  answer"]
        for row in rows:
            mark = "yes" if row["correct"] else "no"
            if row["override"]:
                mark += "*"
            answer = " ".join(str(row["answer"]).split())[:40]
            lines.append(
                f"{str(row['student'])[:16]:<16} {str(row['question'])[:30]:<30} "
                f"{row['score']:>5} {mark:<5} {row['time']:<19}  {answer}"
            )
        if rows:
            lines.append("(* = the student overrode the grader)")
            lines.append(
                "\nLeaderboard: "
                + ", ".join(f"{s.student} {s.score:g}" for s in leaderboard(attempts)[:10])
            )
            hard = hardest_questions(attempts)[:5]
            lines.append("Hardest: " + ", ".join(f"{h.question} {h.share:.0%}" for h in hard))
        else:
            lines.append("No answers yet.")
        text = "\n".join(lines) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror})") from None
    click.echo(f"Wrote {output} ({len(rows)} rows)", err=True)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--quiz",
    "quiz_path",
    metavar="FILE.toml",
    type=click.Path(path_type=Path),
    help="Serve this class quiz.",
)
@pass_context
def serve(context: Context, host: str, port: int, quiz_path: Path | None) -> None:
    """Serve the app to browsers (each its own session, one shared database)."""
    from quiz_bank.classquiz import ClassQuizError, load_class_quiz
    from tui_app.serve import make_server, public_url

    title = context.briefing.title
    if quiz_path is not None:
        try:
            title = load_class_quiz(quiz_path).title
            load_class_quiz(quiz_path).resolve(context.briefing)
        except ClassQuizError as exc:
            raise UserError(str(exc)) from None
    _open_store(context).close()  # a bad database fails here, not in every browser
    server = make_server(
        host=host,
        port=port,
        db=context.db_path,
        briefing=context.briefing_path,
        quiz=quiz_path,
        title=title,
    )
    where = "this computer only" if host in ("127.0.0.1", "localhost", "::1") else "the network"
    click.echo(
        f"Serving {title!r} on {public_url(host, port)} ({where}); answers go to {context.db_path}"
    )
    click.echo("Press Ctrl+C to stop.")
    try:
        server.serve()
    except OSError as exc:  # the port is taken, or the address is not this machine's
        raise UserError(f"cannot serve on {host}:{port} ({exc.strerror or exc})") from None


# --- tutor commands ---


@cli.command()
@click.argument("question", required=False)
@click.option("--jsonl", is_flag=True, help="Read JSON lines on stdin, write answers (contract).")
@pass_context
def ask(context: Context, question: str | None, jsonl: bool) -> None:
    """Ask the tutor a question about the briefing."""
    import json

    from quiz_bank.retrieval import FactIndex
    from quiz_bank.tutor import Tutor

    index = FactIndex(context.briefing)
    if not jsonl:
        if not question:
            raise UserError('give a question: briefing ask "which systems are deployed?"')
        reply = Tutor(context.briefing, index=index).reply(question)
        click.echo(reply.text)
        if reply.evidence:
            click.echo(f'Source: "{reply.evidence}"')
        for suggestion in reply.suggestions if reply.kind == "answer" else []:
            click.echo(f"See also: {suggestion}")
        return
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            text = request.get("question") if isinstance(request, dict) else None
            if not isinstance(text, str):
                raise ValueError('expected {"question": TEXT}')
        except ValueError as exc:
            out: dict[str, object] = {"error": f"bad input line: {exc}"}
        else:
            # Each line stands alone: a fresh tutor, no memory across lines.
            reply = Tutor(context.briefing, index=index).answer(text)
            answered = reply.kind == "answer"
            out = {
                "question": text,
                "answer": reply.text if answered else None,
                "facts": reply.facts if answered else [],
                "card": reply.card,
                "evidence": reply.evidence,
            }
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()


def _fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"briefing: error: {message}", err=True)
    sys.exit(code)


def main(argv: list[str] | None = None) -> None:
    """Entry point: click's errors become one line on stderr, exit 2."""
    try:
        cli.main(args=argv, prog_name="briefing", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _fail(exc.format_message().replace("\n", " "), 2)
    except click.exceptions.Abort:
        click.echo("", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # A pipe closed early (`briefing cards | head`): not an error for the user.
        sys.stderr.close()
        sys.exit(0)
