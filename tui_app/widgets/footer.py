"""The footer, with the app's own keys (? Help, ^q Quit) first so a narrow terminal keeps them."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class AppFooter(Footer):
    """Textual's footer, ordered app keys first, then the screen's."""

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings.values()
        shown = [(node, b, on, tip) for node, b, on, tip in active if b.show]
        # The app's keys first, then the screen's, each in their declared order.
        shown.sort(key=lambda item: not isinstance(item[0], App))
        seen: set[str] = set()
        for _node, binding, enabled, tooltip in shown:
            if binding.action in seen:
                continue
            seen.add(binding.action)
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette:
            _node, binding, enabled, tooltip = palette
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )
