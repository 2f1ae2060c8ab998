"""The `briefing` command. Commands that do not open the UI never import Textual."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import click

from briefing_data.loader import BriefingError, builtin_path, load_briefing
from briefing_data.models import Briefing


class UserError(click.ClickException):
    """A mistake the user can fix: one line on stderr, exit 2."""

    exit_code = 2


@dataclass
class Context:
    briefing_path: Path | None
    db_option: str | None
    _briefing: Briefing | None = None

    @property
    def briefing(self) -> Briefing:
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
@click.version_option(package_name="briefing")
@click.pass_context
def cli(ctx: click.Context, db: str | None, briefing_path: Path | None) -> None:
    """Briefing cards, quizzes and a tutor built from a news article.

    With no command, opens the terminal app.
    """
    ctx.obj = Context(briefing_path=briefing_path, db_option=db)
    if ctx.invoked_subcommand is None:
        _open_app(ctx.obj)


def _open_app(context: Context) -> None:
    briefing = context.briefing  # fail on a bad file before the screen is taken over
    from tui_app.app import BriefingApp

    BriefingApp(briefing=briefing, db_path=context.db_path).run()


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
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    help="Export format.",
)
@click.option("-o", "--output", metavar="PATH", type=click.Path(path_type=Path), help="Write here.")
@pass_context
def export(context: Context, fmt: str, output: Path | None) -> None:
    """Export the briefing and its question bank."""
    from quiz_bank.export import to_json

    text = to_json(context.briefing)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror})") from None
    click.echo(f"Wrote {output}", err=True)


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
