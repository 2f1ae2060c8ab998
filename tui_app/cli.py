"""The `briefing` command. Commands that do not open the UI never import Textual."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from briefing_data.errors import UserError

if TYPE_CHECKING:
    from briefing_data.models import Briefing
    from quiz_bank.questions import Question
    from quiz_bank.store import ProgressStore


@dataclass
class Context:
    briefing_path: Path | None
    db_option: str | None
    ask_name: bool = False
    _briefing: Briefing | None = None

    @property
    def briefing(self) -> Briefing:
        # Imported here: opening the app must not wait for pydantic before its first paint.
        from briefing_data.loader import builtin_path, load_briefing

        if self._briefing is None:
            self._briefing = load_briefing(self.briefing_path or builtin_path())
        return self._briefing

    @property
    def db_path(self) -> Path | str:
        """A Path for SQLite, a postgresql:// URI (str) for PostgreSQL."""
        from quiz_bank.locations import resolve_db_path

        return resolve_db_path(self.db_option)


pass_context = click.make_pass_decorator(Context)


class _ShownError(click.ClickException):
    exit_code = 2


class _Group(click.Group):
    """The command group: a user error raised anywhere in a command is caught here, once."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            raise _ShownError(str(exc).replace("\n", " ")) from None


@click.group(
    cls=_Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "db",
    metavar="PATH|URI",
    help="Progress database: a file (SQLite) or postgresql://user:pass@host:port/dbname. "
    "Default: $BRIEFING_DB, else the user data directory.",
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
    type=click.Choice(["json", "anki", "gift", "quizlet", "csv", "markdown", "html"]),
    default="json",
    show_default=True,
    help="json (contract), anki (.apkg), gift (Moodle), quizlet, csv, markdown or html (a "
    "printable handout).",
)
@click.option("-o", "--output", metavar="PATH", type=click.Path(path_type=Path), help="Write here.")
@pass_context
def export(context: Context, fmt: str, output: Path | None) -> None:
    """Export the briefing and its question bank."""
    from quiz_bank.exports import BINARY, export_text, to_anki
    from tui_app.reports import write_out

    briefing = context.briefing
    if fmt in BINARY:
        if output is None:
            raise UserError("--format anki writes a file: add -o PATH.apkg")
        if output.is_dir():
            raise UserError(f"{output}: is a directory; give a file name")
        try:
            notes = to_anki(briefing, output)
        except OSError as exc:
            raise UserError(f"{output}: cannot write ({exc.strerror})") from None
        click.echo(f"Wrote {output} ({notes} notes)", err=True)
        return
    write_out(export_text(briefing, fmt), output)


# --- grading commands ---


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
        from tui_app.jsonlines import grader, serve_lines

        serve_lines(grader(briefing))
        return
    if target is None:
        raise UserError('give QUESTION_ID "answer", a CSV file, or --jsonl')
    if answer is None and target.lower().endswith(".csv"):
        _grade_csv(briefing, Path(target), output)
        return
    if answer is None:
        raise UserError(f'give the answer to grade: briefing grade {target} "your answer"')
    from quiz_bank.marking import grade_question
    from quiz_bank.questions import find_question
    from quiz_bank.scoring import describe, standing

    try:
        question = find_question(briefing, target)
    except KeyError:
        raise UserError(f"unknown question id {target!r}") from None
    verdict = grade_question(briefing, question, answer)
    state = standing(
        correct=verdict.correct, score=verdict.score, hinted=False, overridden=False, skipped=False
    )
    head = describe(state, score=verdict.score, hinted=False, overridden=False)
    click.echo(f"{head}: {verdict.feedback}")


def _grade_csv(briefing: Briefing, path: Path, output: Path | None) -> None:
    from quiz_bank.classgrading import grade_csv

    try:
        report = grade_csv(briefing, path, output)
    except OSError as exc:
        raise UserError(f"{exc.filename or path}: {exc.strerror or exc}") from None
    for problem in report.problems:
        click.echo(problem, err=True)
    click.echo(report.summary_text())


# --- quiz commands ---


def _open_store(context: Context) -> ProgressStore:
    from quiz_bank.store import ProgressStore

    return ProgressStore(context.db_path)


def _learner(name: str | None) -> str:
    from quiz_bank.learners import validate_learner_name

    return "me" if name is None else validate_learner_name(name)


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
    from quiz_bank.classquiz import ClassQuiz, load_class_quiz, save_class_quiz
    from quiz_bank.session import QuizSession

    if save_path is not None and from_path is not None:
        raise UserError("--save and --from cannot be used together")
    time_limit = None
    if from_path is not None:
        if questions or count or card_id:
            raise UserError("--from fixes the questions: drop --questions, --count and --card")
        class_quiz = load_class_quiz(from_path)
        chosen = class_quiz.resolve(context.briefing)
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
        from tui_app.linemode import ask_name as ask_for_name

        student = ask_for_name()
        if student is None:
            return
    learner = _learner(student)
    if not plain:
        context.ask_name = context.ask_name or (from_path is not None and student is None)
        _open_app(context, start=("quiz", [q.id for q in chosen], learner), time_limit=time_limit)
        return
    with _open_store(context) as store:
        session = QuizSession(
            context.briefing, chosen, store=store, learner=learner, time_limit=time_limit
        )
        from tui_app.linemode import run_plain

        run_plain(session)


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
            click.echo(f"Nothing is due for {learner}: nothing to review.{when}")
            return
        from tui_app.linemode import run_plain

        run_plain(QuizSession(context.briefing, due, store=store, learner=learner))


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
    from tui_app.reports import stats_text

    click.echo(stats_text(data, student), nl=False)


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
    from quiz_bank.results import results_csv, results_table
    from tui_app.reports import write_out

    with _open_store(context) as store:
        attempts = store.attempts(student)
    text = results_csv(attempts) if fmt == "csv" else results_table(attempts)
    write_out(text, output, f"{len(attempts)} rows")


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
@click.option(
    "--public-url",
    "proxy_url",
    metavar="URL",
    help="The address browsers use when a reverse proxy is in front (https://quiz.example.org).",
)
@click.option(
    "--join-code",
    metavar="CODE",
    help="The class's join code, the same on every serving host (default: a new one at each "
    "start on a network address). The teacher link's token comes from BRIEFING_TEACHER_TOKEN "
    "when set.",
)
@click.option(
    "--max-sessions",
    default=40,
    show_default=True,
    type=click.IntRange(1, 500),
    help="Browser sessions at once (each runs the app: about 60 MB).",
)
@pass_context
def serve(
    context: Context,
    host: str,
    port: int,
    quiz_path: Path | None,
    proxy_url: str | None,
    join_code: str | None,
    max_sessions: int,
) -> None:
    """Serve the app to browsers (each its own session, one shared database)."""
    import os

    from quiz_bank.classquiz import load_class_quiz
    from tui_app.serve import make_server, public_url

    title = context.briefing.title
    if quiz_path is not None:
        class_quiz = load_class_quiz(quiz_path)
        class_quiz.resolve(context.briefing)
        title = class_quiz.title
    _open_store(context).close()  # a bad database fails here, not in every browser
    server = make_server(
        host=host,
        port=port,
        db=context.db_path,
        briefing=context.briefing_path,
        quiz=quiz_path,
        title=title,
        url=proxy_url,
        max_sessions=max_sessions,
        join_code=join_code,
        teacher_token=os.environ.get("BRIEFING_TEACHER_TOKEN"),
    )
    url = (proxy_url or public_url(host, port)).rstrip("/")
    where = "this computer only" if host in ("127.0.0.1", "localhost", "::1") else "the network"
    from quiz_bank.store import redact

    click.echo(f"Serving {title!r} on {url} ({where}); answers go to {redact(context.db_path)}")
    if server.join_code:
        click.echo(f"Join code for the board: {server.join_code}")
    click.echo(f"Teacher's view (keep it private): {url}/?teacher={server.teacher_token}")
    click.echo(f"At most {max_sessions} sessions at once. Press Ctrl+C to stop.")
    sys.stdout.flush()
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
    if jsonl:
        from tui_app.jsonlines import serve_lines, tutor

        serve_lines(tutor(context.briefing))
        return
    if not question:
        raise UserError('give a question: briefing ask "which systems are deployed?"')
    from quiz_bank.tutor import Tutor

    reply = Tutor(context.briefing).reply(question)
    click.echo(reply.text)
    if reply.evidence:
        click.echo(f'Source: "{reply.evidence}"')
    for suggestion in reply.suggestions if reply.kind in ("answer", "decline") else []:
        click.echo(f"See also: {suggestion}")


# --- database commands: `briefing db migrate`, `briefing db copy SRC DST` ---


@cli.group()
def db() -> None:
    """The progress database: bring it up to date, or move a class to another database."""


@db.command()
@pass_context
def migrate(context: Context) -> None:
    """Bring the --db database to this version's schema (refusing what is not ours)."""
    from quiz_bank.store import SCHEMA_VERSION, redact

    with _open_store(context) as store:
        was, count = store.found_version, store.count_attempts()
    change = f"schema {was} -> {SCHEMA_VERSION}" if was < SCHEMA_VERSION else "schema up to date"
    click.echo(f"{redact(context.db_path)}: {change} ({SCHEMA_VERSION}); {count} attempts")


@db.command(name="copy")
@click.argument("source", metavar="SRC")
@click.argument("destination", metavar="DST")
def copy_db(source: str, destination: str) -> None:
    """Copy every learner, answer and schedule from SRC into DST (a path or a postgresql:// URI).

    Answers already in DST are not copied twice; every answer of SRC is checked to be in DST.
    """
    from quiz_bank.store import as_target
    from quiz_bank.store.transfer import copy_store

    click.echo(copy_store(as_target(source), as_target(destination)).text())


@cli.command("import")
@click.argument("article", type=click.Path(path_type=Path))
@click.option("-o", "--output", metavar="BRIEFING.yaml", type=click.Path(path_type=Path))
@click.option("--title", metavar="TEXT", help="The briefing's title (default: the article's).")
@click.option("--review", is_flag=True, help="Then open the teacher's review of the draft.")
@pass_context
def import_(
    context: Context, article: Path, output: Path | None, title: str | None, review: bool
) -> None:
    """Turn an article (text, Markdown or saved HTML) into a briefing file."""
    from quiz_bank.generate import import_article

    result = import_article(article, output, title)
    draft = result.draft
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(draft.kinds().items()))
    click.echo(
        f"Wrote {result.yaml_path} (article text: {result.text_path.name}): "
        f"{len(draft.briefing.cards)} cards, {len(draft.briefing.facts())} facts ({kinds}), "
        f"{draft.questions} questions, {result.seconds:.2f} s"
    )
    if review:
        from quiz_bank.generate.review import DraftReview
        from tui_app.app import BriefingApp

        app = BriefingApp(draft.briefing, context.db_path, briefing_path=result.yaml_path)
        text = result.text_path.read_text(encoding="utf-8")
        app.pending_review = DraftReview(draft, text, result.yaml_path, result.text_path)
        app.run()


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
    except Exception as exc:
        from quiz_bank.store import StoreError

        if not isinstance(exc, StoreError):
            raise
        # The database failed mid-command (disk full, read-only, connection lost).
        _fail(str(exc), 2)
