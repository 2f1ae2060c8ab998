"""Progress: mastery per card as bars, accuracy by day, with the numbers beside every bar."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

BAR = 16


def bar(share: float, width: int = BAR) -> str:
    filled = round(max(0.0, min(1.0, share)) * width)
    return "█" * filled + "░" * (width - filled)


class ProgressScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="progress.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(Static(Content("Loading…"), id="progress-body"), id="progress")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        app = self.app
        store = app.store  # type: ignore[attr-defined]
        if store is None:
            text = Content("Progress is not being saved, so there is nothing to show.")
        else:
            from quiz_bank.progress import progress_stats

            stats = progress_stats(app.briefing, store, app.learner)  # type: ignore[attr-defined]
            text = render_progress(stats)
        app.call_from_thread(self.query_one("#progress-body", Static).update, text)


def render_progress(stats: dict) -> Content:  # type: ignore[type-arg]
    learner = stats["student"] or "everyone"
    parts: list[str | tuple[str, str]] = [
        (f"Progress of {learner}", "bold"),
        f"\n{stats['summary']}" if stats["attempts"] else "\nNo answers yet.",
        ("\n\nMastery per card", "bold"),
        "  (share of its facts you last answered right)\n",
    ]
    for card in stats["cards"]:
        title = f"{card['title'][:30]:<30}"
        if not card["studied"]:
            parts.append(f"{title} {'':<{BAR}} not studied\n")
            continue
        parts.append(
            f"{title} {bar(card['mastery'])} {card['mastery']:>4.0%}"
            f"  {card['correct']}/{card['attempts']} right\n"
        )
    parts.append(("\nAccuracy by day\n", "bold"))
    if not stats["by_day"]:
        parts.append("No answers yet: take a quiz with q from the home screen.\n")
    for day in stats["by_day"][-14:]:
        parts.append(
            f"{day['day']}  {bar(day['accuracy'])} {day['accuracy']:>4.0%}"
            f"  {day['correct']}/{day['answered']}\n"
        )
    return Content.assemble(*parts)
