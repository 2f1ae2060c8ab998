"""The screens' common base: a typed `app`, so screens reach the BriefingApp without casts."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual import getters
from textual.screen import ModalScreen, Screen

from tui_app.app import BriefingApp

if TYPE_CHECKING:
    # pydantic's import waits until after the first paint (the briefing loads in a worker).
    from briefing_data.models import Briefing

ResultT = TypeVar("ResultT")


class BriefingScreen(Screen[ResultT]):
    """A full screen of the briefing app."""

    app = getters.app(BriefingApp)

    # Keys handled by widgets rather than bindings, for the help: (key, what it does).
    HELP_KEYS: tuple[tuple[str, str], ...] = ()

    @property
    def briefing(self) -> Briefing:
        return self.app.loaded_briefing


class BriefingModal(ModalScreen[ResultT]):
    """A modal of the briefing app (help, name)."""

    app = getters.app(BriefingApp)
