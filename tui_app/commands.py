"""Command palette: open any card, or start a quiz on any card."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui_app.app import BriefingApp


class BriefingCommands(Provider):
    def _choices(self) -> list[tuple[str, str, object]]:
        app: BriefingApp = self.app  # type: ignore[assignment]
        out: list[tuple[str, str, object]] = []
        for card in app.briefing.cards:
            out.append((f"Open card: {card.title}", card.summary, partial(app.open_cards, card.id)))
            out.append(
                (
                    f"Quiz me on: {card.title}",
                    "A quiz on this card",
                    partial(app.open_quiz, card=card.id),
                )
            )
        out += [
            ("Review what is due", "Spaced repetition", partial(app.open_quiz, review=True)),
            ("Show progress", "Mastery per card and accuracy over time", app.open_progress),
            ("Ask the tutor", "Questions about the briefing in your own words", app.open_chat),
            ("Import an article…", "Turn an article into a draft to review", app.open_import),
        ]
        return out

    async def discover(self) -> Hits:
        for text, help_text, command in self._choices():
            yield DiscoveryHit(text, command, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, command in self._choices():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)  # type: ignore[arg-type]
