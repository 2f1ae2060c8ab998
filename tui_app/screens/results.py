"""Live results for the teacher: leaderboard, hardest questions, and the students' "I was right"
requests to accept or reject; refreshes itself. Only the teacher's sessions may open it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from quiz_bank.results import one_line
from quiz_bank.store import StoreError
from tui_app.screens.base import BriefingScreen
from tui_app.widgets.footer import AppFooter

if TYPE_CHECKING:
    from quiz_bank.classroster import OverrideRequest
    from quiz_bank.store import Attempt

REFRESH_SECONDS = 2.0


class ResultsScreen(BriefingScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="results.back"),
        Binding("a", "decide(True)", "Accept request", id="results.accept"),
        Binding("x", "decide(False)", "Reject request", id="results.reject"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[OverrideRequest] = []
        self.answers: dict[int, Attempt] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="results"):
            yield Static(Content("Loading results…"), id="results-body")
            yield Static(Content(""), id="requests-title", classes="heading")
            yield OptionList(id="requests")
        yield AppFooter()

    def on_mount(self) -> None:
        if not getattr(self.app, "teacher_views", False):
            # Reached by mistake in a student's session: show nothing of anyone.
            self.query_one("#results-body", Static).update(
                Content("Class results are for the teacher.")
            )
            self.query_one("#requests", OptionList).display = False
            return
        self.load()
        self.set_interval(REFRESH_SECONDS, self.load)

    @work(thread=True, exclusive=True, group="results")
    def load(self) -> None:
        store = self.app.store
        if store is None:
            content = Content("No database: there are no results to show.")
            self.app.call_from_thread(self.query_one("#results-body", Static).update, content)
            return
        try:
            attempts = store.attempts()
            roster = self.app.roster
            pending = roster.override_requests(pending_only=True) if roster is not None else []
        except StoreError as exc:  # the server is away: say so, try again next refresh
            content = Content(f"Results unavailable: {exc}")
            self.app.call_from_thread(self.query_one("#results-body", Static).update, content)
            return
        self.app.call_from_thread(self._show, render_results(attempts), pending, attempts)

    def _show(
        self, content: Content, pending: list[OverrideRequest], attempts: list[Attempt]
    ) -> None:
        self.query_one("#results-body", Static).update(content)
        self.answers = {a.id: a for a in attempts}
        title = f"“I was right” requests to decide ({len(pending)})"
        if pending:
            title += ": a accepts, x rejects the highlighted one"
        self.query_one("#requests-title", Static).update(Content(title))
        requests = self.query_one("#requests", OptionList)
        if [r.attempt_id for r in pending] == [r.attempt_id for r in self.requests]:
            return
        self.requests = pending
        keep = requests.highlighted
        requests.clear_options()
        requests.add_options(
            [Option(Content(self._describe(r)), id=str(r.attempt_id)) for r in pending]
        )
        requests.display = bool(pending)
        if pending:
            requests.highlighted = min(keep or 0, len(pending) - 1)

    def _describe(self, request: OverrideRequest) -> str:
        attempt = self.answers.get(request.attempt_id)
        answer = one_line(attempt.answer)[:40] if attempt else "?"
        feedback = one_line(attempt.feedback)[:60] if attempt else ""
        return f"{one_line(request.learner)[:20]:<20} {request.question[:30]:<30} “{answer}”" + (
            f"\n    grader: {feedback}" if feedback else ""
        )

    def action_decide(self, accept: bool) -> None:
        requests = self.query_one("#requests", OptionList)
        if not self.requests or requests.highlighted is None:
            self.notify("No request to decide.")
            return
        request = self.requests[requests.highlighted]
        self.decide(request, accept)

    @work(thread=True, exclusive=True, group="decide")
    def decide(self, request: OverrideRequest, accept: bool) -> None:
        roster = self.app.roster
        if roster is None:
            return
        try:
            roster.decide_override(request.attempt_id, accept)
        except (KeyError, StoreError) as exc:
            self.app.call_from_thread(self.notify, f"Not decided: {exc}", markup=False)
            return
        verb = "Accepted" if accept else "Rejected"
        self.app.call_from_thread(
            self.notify, f"{verb}: {one_line(request.learner)}, {request.question}", markup=False
        )
        self.app.call_from_thread(self.load)

    @on(OptionList.OptionSelected, "#requests")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.notify("a accepts the request, x rejects it.")


def render_results(attempts: list[Attempt]) -> Content:
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
        name = one_line(s.student)[:28]
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
    parts.append(("\nLatest answers\n", "bold"))
    for a in attempts[-10:]:
        mark = "✓" if a.correct else ("→" if a.skipped else "✗")
        parts.append(
            f"  {mark} {one_line(a.learner)[:20]:<20} {a.question[:30]:<30}"
            f" “{one_line(a.answer)[:40]}”\n"
        )
    flagged = overrides(attempts)
    parts.append((f"\nCounted by override ({len(flagged)})\n", "bold"))
    for a in flagged[-15:]:
        answer = one_line(a.answer)[:40]
        parts.append(f"  {one_line(a.learner)[:20]:<20} {a.question[:30]:<30} “{answer}”\n")
    if not flagged:
        parts.append("  none\n")
    return Content.assemble(*parts)
