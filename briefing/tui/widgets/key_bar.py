"""The footer: the keys that work where the reader is, on one line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.events import Click, Leave, MouseMove
from textual.reactive import reactive
from textual.widget import Widget

from briefing.tui.styling import MARGIN, layer_style

if TYPE_CHECKING:
    from textual.binding import ActiveBinding
    from textual.screen import Screen

SEPARATOR = "▏"  # before the command palette's key, at the right end


class _Key(NamedTuple):
    """One key as the bar draws it, and where."""

    key: str  # what pressing it sends, as Textual names keys
    shown: str  # as the footer shows it: "⏎", "^p"
    description: str
    tooltip: str
    enabled: bool
    start: int  # cells from the left of the bar
    end: int
    palette: bool = False  # the command palette's key, at the right end after a separator


class KeyBar(Widget, can_focus=False):
    """What Textual's Footer shows, in the same colours, drawn as one line.

    The Footer is a widget per key, all mounted again whenever the keys
    change, which is on every change of focus: about 40 ms of each Tab.
    This bar repaints its one line instead. Keys can be clicked, show their
    tooltip under the mouse, and are dimmed while they do nothing.
    """

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--item {
            background: $footer-item-background;
        }
        & > .key-bar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .key-bar--separator {
            color: $foreground 20%;
        }
    }
    """
    COMPONENT_CLASSES = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--item",  # the cells of one key and its description
        "key-bar--hover",  # the key under the mouse
        "key-bar--separator",
    }

    show_command_palette = reactive(True)
    """Show the command palette's key at the right end."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__()
        self.set_reactive(KeyBar.show_command_palette, show_command_palette)
        self._hover: int | None = None  # the x the mouse is at, while it is over the bar
        self._drawn: list[_Key] | None = None  # the keys last drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys_changed(self, _screen: Screen) -> None:
        # The bindings change on every key typed into the search, and every change of focus,
        # mostly to the same keys: draw the bar again only when what it shows changes.
        if self.shown_keys() != self._drawn:
            self.refresh()

    def shown_keys(self) -> list[_Key]:
        """The keys shown, left to right, where each is drawn; the palette's, at the right end, last.

        One key per action, in the order Textual lists the active bindings, as
        the Footer shows them; keys that do not fit before the palette's are cut.
        """
        active = self.screen.active_bindings
        palette = self._palette_key(active)
        limit = palette.start - len(SEPARATOR) if palette is not None else self.size.width
        keys: list[_Key] = []
        actions: set[str] = set()
        x = 0
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            if x >= limit:
                break
            shown = self.app.get_key_display(binding)
            end = x + cell_len(shown) + 1 + cell_len(binding.description)
            tip = tooltip or binding.description
            keys.append(_Key(binding.key, shown, binding.description, tip, enabled, x, min(end, limit)))
            x = end + 1  # a blank cell between keys
        if palette is not None:
            keys.append(palette)
        return keys

    def _palette_key(self, active: Mapping[str, ActiveBinding]) -> _Key | None:
        found = active.get(self.app.COMMAND_PALETTE_BINDING)
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and found is not None):
            return None
        _node, binding, enabled, _tooltip = found
        shown = self.app.get_key_display(binding)
        end = self.size.width
        start = end - (cell_len(shown) + 1 + cell_len(binding.description))
        if start < len(SEPARATOR):
            return None
        tip = binding.tooltip or binding.description
        return _Key(binding.key, shown, binding.description, tip, enabled, start, end, palette=True)

    def _key_at(self, x: int) -> _Key | None:
        return next((k for k in self.shown_keys() if k.start <= x < k.end), None)

    def render(self) -> Text:
        line = Text(no_wrap=True, end="")
        # The same for every key: worked out once for each time the bar is drawn.
        key_style = layer_style(self, "key-bar--key")
        description_style = layer_style(self, "key-bar--description")
        item_style = self.get_component_rich_style("key-bar--item")
        hover_style = self.get_component_rich_style("key-bar--hover")
        self._drawn = self.shown_keys()
        for key in self._drawn:
            if key.palette:
                line.append(" " * (key.start - len(SEPARATOR) - line.cell_len))
                line.append(SEPARATOR, self.get_component_rich_style("key-bar--separator"))
            line.append(" " * (key.start - line.cell_len))
            hover = self._hover is not None and key.start <= self._hover < key.end
            # The space between them a run of its own (see MARGIN), not the start of the description's.
            item = Text.assemble((key.shown, key_style), (" ", MARGIN), (key.description, description_style))
            item.truncate(key.end - key.start)
            base = hover_style if hover else item_style
            item.stylize_before(base + Style(dim=True) if not key.enabled else base)
            line.append_text(item)
        return line

    def on_mouse_move(self, event: MouseMove) -> None:
        key = self._key_at(event.x)
        self.tooltip = key.tooltip if key is not None else None
        if event.x != self._hover:
            self._hover = event.x
            self.refresh()

    def on_leave(self, _event: Leave) -> None:
        self._hover = None
        self.refresh()

    def on_click(self, event: Click) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
