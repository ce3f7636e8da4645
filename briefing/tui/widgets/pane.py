"""What every pane shares: a focusable, scrolling view in a rounded border."""

from __future__ import annotations

from textual.scroll_view import ScrollView


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
