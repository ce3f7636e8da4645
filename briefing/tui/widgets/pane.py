"""What every pane shares: a focusable, scrolling view in a rounded border."""

from __future__ import annotations

from rich.style import Style
from textual.events import Resize
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.tui.styling import layer_style


class Pane(ScrollView, can_focus=True, inherit_bindings=False):
    """Base of the list panes (in the reader and the library) and of Source.

    Panes draw their lines themselves (the Line API), scroll only up and down,
    and keep a scrollbar's room so that text does not move when one appears.
    A pane with the class -offstage is hidden (the layout has no room for it).
    """

    DEFAULT_CSS = """
    Pane {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        border: round $border-blurred;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        background: $surface;
        &:focus {
            border: round $border;
            border-title-color: $text;
            background-tint: $foreground 3%;
        }
        &.-offstage {
            display: none;
        }
    }
    """

    base_style = Style()  # the pane's own style while its lines are drawn (see render_lines)
    fitted_width = -1  # the content width the pane's lines were last laid out for (see _fit)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._layer_styles: dict[str, Style] = {}

    def component_style(self, component: str) -> Style:
        """What the stylesheet sets for a component (see layer_style), until it changes."""
        style = self._layer_styles.get(component)
        if style is None:
            style = self._layer_styles[component] = layer_style(self, component)
        return style

    def notify_style_update(self) -> None:
        self._layer_styles.clear()  # focus and theme change them
        super().notify_style_update()

    def _fit(self) -> None:
        """Lay the lines out for the pane's width now, and set ``fitted_width`` to it."""
        raise NotImplementedError

    def on_resize(self, _event: Resize) -> None:
        self._fit()

    def render_lines(self, crop: Region) -> list[Strip]:
        # The first frame is drawn before the Resize event is handled: fit the lines to the
        # width drawn at now, rather than draw placeholders and then draw again.
        if self.scrollable_content_region.width != self.fitted_width:
            self._fit()
        # The pane's own style is the same for every line of one pass: work it out once,
        # not in each render_line (it walks the pane's ancestors).
        self.base_style = self.rich_style
        return super().render_lines(crop)
