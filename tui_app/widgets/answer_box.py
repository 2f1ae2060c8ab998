"""An input that cuts a paste over its limit with a visible note instead of dropping it."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input


class AnswerBox(Input):
    """Textual's Input refuses a paste that would pass `max_length`; this one keeps what fits."""

    class Cut(Message):
        """A paste was cut to fit: `kept` characters of `pasted` were kept."""

        def __init__(self, box: AnswerBox, kept: int, pasted: int) -> None:
            super().__init__()
            self.box = box
            self.kept = kept
            self.pasted = pasted

        @property
        def control(self) -> AnswerBox:
            return self.box

    def _on_paste(self, event: events.Paste) -> None:
        if event.text and self.max_length:
            line = event.text.splitlines()[0]
            start, end = sorted(self.selection)
            room = self.max_length - (len(self.value) - (end - start))
            if len(line) > room:
                self.replace(line[: max(room, 0)], start, end)
                self.post_message(self.Cut(self, max(room, 0), len(line)))
                event.stop()
                return
        super()._on_paste(event)
