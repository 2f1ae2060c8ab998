"""Live results for the teacher: leaderboard, hardest questions, overrides; refreshes itself."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

REFRESH_SECONDS = 2.0


class ResultsScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="results.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(Static(Content("Loading results…"), id="results-body"), id="results")
        yield Footer()

    def on_mount(self) -> None:
        self.load()
        self.set_interval(REFRESH_SECONDS, self.load)

    @work(thread=True, exclusive=True, group="results")
    def load(self) -> None:
        from quiz_bank.store import StoreError

        store = self.app.store  # type: ignore[attr-defined]
        if store is None:
            content = Content("No database: there are no results to show.")
        else:
            try:
                content = render_results(store.attempts())
            except StoreError as exc:  # the server is away: say so, try again next refresh
                content = Content(f"Results unavailable: {exc}")
        self.app.call_from_thread(self.query_one("#results-body", Static).update, content)


def render_results(attempts: list) -> Content:  # type: ignore[type-arg]
    from quiz_bank.results import hardest_questions, leaderboard, overrides

    if not attempts:
        return Content("No answers yet. This screen refreshes as students answer.")
    parts: list[str | tuple[str, str]] = [
        (
            f"Results: {len(attempts)} answers from {len({a.learner for a in attempts})} students",
            "bold",
        ),
        f"  (refreshes every {REFRESH_SECONDS:g} s)\n",
        ("\nLeaderboard\n", "bold"),
    ]
    for rank, s in enumerate(leaderboard(attempts), 1):
        name = s.student[:28]
        parts.append(
            f"{rank:>3}. {name:<28} {s.score:>6g} points  {s.correct}/{s.answered} right\n"
        )
    parts.append(("\nHardest questions first (share answered right)\n", "bold"))
    for q in hardest_questions(attempts)[:15]:
        filled = round(q.share * 16)
        parts.append(
            f"  {q.question[:34]:<34} {'█' * filled}{'░' * (16 - filled)} {q.share:>4.0%}"
            f"  {q.correct}/{q.answered}\n"
        )
    flagged = overrides(attempts)
    parts.append((f"\nOverrides to review ({len(flagged)})\n", "bold"))
    for a in flagged[-15:]:
        answer = " ".join(a.answer.split())[:40]
        parts.append(f"  {a.learner[:20]:<20} {a.question[:30]:<30} “{answer}”\n")
    if not flagged:
        parts.append("  none: no student has overridden the grader\n")
    return Content.assemble(*parts)
