"""The Textual app: it renders the briefing and routes to screens; the engine does the work."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from briefing_data.models import Briefing
from tui_app.screens.home import HomeScreen


class BriefingApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="quit")]

    def __init__(self, briefing: Briefing, db_path: Path | None = None) -> None:
        super().__init__()
        self.briefing = briefing
        self.db_path = db_path
        self.sub_title = briefing.title

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.briefing))
