"""What every pane shares: a focusable, scrolling view in a rounded border."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.events import MouseDown, MouseMove, MouseUp, Resize
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip

from briefing.tui.styling import layer_style

BAR = 2  # cells of the scrollbar a pane draws beside its lines, as wide as Textual's


class Pane(ScrollView, can_focus=True, inherit_bindings=False):
    """Base of the list panes (in the reader and the library) and of Source.

    Panes draw their lines themselves (the Line API), scroll only up and down,
    and draw their scrollbar themselves, in the last columns of each line, with
    room kept for it so that text does not move when one appears. Textual's
    scrollbar is a widget of its own, redrawn whole on every scroll: at 100,000
    events that was half of the lines drawn for a page down. A pane with the class
    -offstage is hidden (the layout has no room for it).
    """

    DEFAULT_CSS = """
    Pane {
        overflow-x: hidden;
        /* Always "shown", never drawn (size 0): were it on only when the lines overflow,
           Textual would lay out and redraw every pane when it first turns on. */
        overflow-y: scroll;
        scrollbar-size-vertical: 0;
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
    fitted_width = -1  # the line width the pane's lines were last laid out for (see _fit)
    drawn_width = 0  # line_width in the pass being drawn (see render_lines)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._layer_styles: dict[str, Style] = {}
        self._bar: list[Segment] = []  # the scrollbar, a segment a line, for one pass
        self._grab: tuple[int, float] | None = None  # a drag of the thumb: from (screen y, scroll_y)

    @property
    def line_width(self) -> int:
        """The cells of a line of text: the pane's width less its scrollbar."""
        return max(self.scrollable_content_region.width - BAR, 0)

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
        """Lay the lines out for ``line_width``, and set ``fitted_width`` to it."""
        raise NotImplementedError

    def on_resize(self, _event: Resize) -> None:
        self._fit()

    def render_lines(self, crop: Region) -> list[Strip]:
        # The first frame is drawn before the Resize event is handled: fit the lines to the
        # width drawn at now, rather than draw placeholders and then draw again.
        width = self.line_width
        if width != self.fitted_width:
            self._fit()
        # The pane's width, own style and scrollbar are the same for every line of one pass:
        # work them out once, not in each render_line (the width, through Textual's
        # region, was about 1 ms of a page down at 100,000 events).
        self.drawn_width = width
        self.base_style = self.rich_style
        self._bar = self._bar_lines()
        return super().render_lines(crop)

    def refresh_lines_shown(self) -> None:
        """Repaint the lines, not the border: a border, its title included, repaints itself
        when it changes. (Each line of a pane's right border is 40 bytes to the terminal.)"""
        self.refresh(self.size.region)

    def line(self, segments: list[Segment], y: int) -> Strip:
        """A line of the pane: ``segments``, ``drawn_width`` cells of them, then the scrollbar."""
        segments.append(self._bar[y] if y < len(self._bar) else self._no_bar())
        return Strip(segments, self.drawn_width + BAR)

    def blank_line(self, y: int) -> Strip:
        return self.line([Segment(" " * self.drawn_width, self.base_style)], y)

    # -- the scrollbar -----------------------------------------------------------

    @property
    def _overflows(self) -> bool:
        """Whether the lines are taller than the pane: only then is there a bar to draw or press."""
        return self.virtual_size.height > self.scrollable_content_region.height > 0

    def _bar_lines(self) -> list[Segment]:
        """The scrollbar as Textual draws it (ScrollBarRender), a segment a line."""
        height, virtual = self.scrollable_content_region.height, self.virtual_size.height
        if not self._overflows:
            return [self._no_bar()] * max(height, 0)
        styles = self.styles
        if self._grab is not None:
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            background = self.background_colors[0] + background
        color = background + color
        bar = ScrollBarRender.render_bar(
            size=height,
            virtual_size=virtual,
            window_size=height,
            position=self.scroll_y,
            thickness=BAR,
            back_color=background.rich_color,
            bar_color=color.rich_color,
        )
        # Without the bar's mouse actions (meant for Textual's scrollbar widget): the
        # pane handles the mouse on its bar itself (on_mouse_down).
        return [Segment(s.text, s.style and s.style.clear_meta_and_links()) for s in bar.segments]

    def _no_bar(self) -> Segment:
        """The bar's room, blank: nothing to scroll (the text stays where it is)."""
        return Segment(" " * BAR, self.base_style)

    def _thumb(self) -> tuple[float, float]:
        """Where the scrollbar's thumb starts and ends, in lines of the pane (as ScrollBarRender has it)."""
        height, virtual = self.scrollable_content_region.height, self.virtual_size.height
        size = max(1, height * height / virtual)
        top = (height - size) * (self.scroll_y / max(virtual - height, 1))
        return top, top + size

    def on_mouse_down(self, event: MouseDown) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.x < self.line_width or not self._overflows:
            return
        event.stop()  # a press on the bar is not a click on the line beside it
        top, bottom = self._thumb()
        if offset.y + 1 <= top:  # on the track above the thumb: a page up, as Textual's bar does
            self.scroll_page_up(animate=False)
        elif offset.y >= bottom:
            self.scroll_page_down(animate=False)
        else:
            self._grab = (event.screen_y, self.scroll_y)
            self.capture_mouse()
            self.refresh()  # in the bar's active colours

    def on_mouse_move(self, event: MouseMove) -> None:
        if self._grab is not None:
            start_y, start_scroll = self._grab
            height = max(self.scrollable_content_region.height, 1)
            lines_per_cell = self.virtual_size.height / height
            self.scroll_to(y=start_scroll + (event.screen_y - start_y) * lines_per_cell, animate=False)

    def on_mouse_up(self, _event: MouseUp) -> None:
        if self._grab is not None:
            self._grab = None
            self.release_mouse()
            self.refresh()
