"""Progress: mastery per card, what falls due in the next days, and answers over time."""

from __future__ import annotations

import datetime as dt

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from quiz_bank.progress import CardProgress, Day, card_progress, days, due_forecast
from quiz_bank.scoring import Tally, tally_attempts
from quiz_bank.store import Attempt
from tui_app.screens.base import BriefingScreen
from tui_app.widgets.footer import AppFooter

BAR = 16


def bar(share: float, width: int = BAR) -> str:
    filled = round(max(0.0, min(1.0, share)) * width)
    return "█" * filled + "░" * (width - filled)


class ProgressScreen(BriefingScreen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="progress.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(Static(Content("Loading…"), id="progress-body"), id="progress")
        yield AppFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        app = self.app
        store = app.store
        if store is None:
            text = Content("Progress is not being saved, so there is nothing to show.")
        else:
            from quiz_bank.store import utcnow

            attempts = store.attempts(app.learner)
            forecast = due_forecast(store, app.learner, utcnow())
            text = render_progress(app.learner, self.briefing_cards(attempts), attempts, forecast)
        app.call_from_thread(self.query_one("#progress-body", Static).update, text)

    def briefing_cards(self, attempts: list[Attempt]) -> list[CardProgress]:
        return card_progress(self.briefing, attempts)


def _card_line(card: CardProgress) -> list[str | tuple[str, str]]:
    head: list[str | tuple[str, str]] = [(f"{card.title}\n", "bold")]
    if card.mastery is None:
        return [*head, ("  " + "·" * BAR + "  not studied\n", "dim")]
    facts = f"{card.mastered} of {card.facts} fact{'s' if card.facts != 1 else ''} mastered"
    return [
        *head,
        f"  {bar(card.mastery)} {card.mastery:>4.0%}  {facts}\n",
        (f"  {card.tally.text()}\n", "dim"),
    ]


def _day_line(day: Day, most: int) -> str:
    answers = "▮" * max(1, round(day.tally.answered / max(most, 1) * 10))
    return (
        f"{day.day:%d %b}  {answers:<10} {day.tally.answered:>3} answered  "
        f"{bar(day.retention, 10)} {day.retention:>4.0%} right\n"
    )


def render_progress(
    learner: str,
    cards: list[CardProgress],
    attempts: list[Attempt],
    forecast: list[tuple[dt.date, int]],
) -> Content:
    everything: Tally = tally_attempts(attempts)
    parts: list[str | tuple[str, str]] = [
        (f"Progress of {learner}", "bold"),
        f"\n{everything.text()}\n",
        ("\nMastery per card", "bold"),
        "  (a fact is mastered when you last answered it right)\n",
    ]
    for card in cards:
        parts += _card_line(card)
    parts.append(("\nDue in the next days\n", "bold"))
    if not any(n for _day, n in forecast):
        parts.append("Nothing is scheduled yet: answers you give are scheduled for review.\n")
    else:
        for i, (date, n) in enumerate(forecast):
            name = "today" if i == 0 else ("tomorrow" if i == 1 else f"{date:%a %d %b}")
            parts.append(f"{name:<12} {'▮' * min(n, 40)} {n}\n")
    parts.append(("\nAnswers and retention by day\n", "bold"))
    history = days(attempts)
    if not history:
        parts.append("No answers yet: take a quiz with q from the home screen.\n")
    most = max((d.tally.answered for d in history), default=1)
    for entry in history[-14:]:
        parts.append(_day_line(entry, most))
    return Content.assemble(*parts)
