"""A focusable, scrolling list of items drawn with the Line API.

Only the lines on screen are rendered, so a list of a hundred thousand rows
costs no more to draw than a list of ten. Subclasses say how many items there
are and how one item looks; this class owns the cursor, scrolling, keys,
the "linked" marks set by other panes and search highlighting.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Container, Mapping
from itertools import accumulate

from rich.style import Style
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from briefing.tui import keys
from briefing.tui.highlights import highlighted, row_changes
from briefing.tui.styling import FRESH_MARKS, MARGIN, Run, as_layers, layered, line_segments
from briefing.tui.widgets.pane import Pane
from briefing.tui.wrapping import wrap_offsets

GUTTER = 2  # cursor mark and link/match mark
Paragraph = tuple[int, list[tuple[str, str | None]]]  # indent, runs of (text, component)
RowTest = Callable[[int, int, str], bool]  # (item index, row in the item, item id): true of the row
FIRST_ROW: RowTest = lambda _index, row, _item_id: row == 0  # noqa: E731 (where an item's marks are: _gutter)


class ItemList(Pane):
    """Base of the Timeline, Actors and Reactions panes."""

    DEFAULT_CSS = """
    ItemList {
        & > .item-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        /* The terminal's own colours: a reversed bar reads on light and dark schemes alike
           (on blue, dates in a light scheme's dark text did not); without colour, reversed too. */
        &:ansi > .item-list--cursor {
            background: ansi_default;
            color: ansi_default;
            text-style: bold reverse;
        }
        &:nocolor > .item-list--cursor {
            text-style: bold reverse;
        }
        & > .item-list--cursor-blurred {
            background: $block-cursor-blurred-background;
        }
        & > .item-list--linked {
            color: $accent;
            text-style: bold;
        }
        & > .item-list--match {
            background: $match-background;
            color: $match-foreground;
            text-style: bold underline;
        }
        & > .item-list--muted {
            color: $text-muted;
        }
        & > .item-list--label {
            text-style: bold;
        }
        & > .item-list--tag {
            color: $text-secondary;
        }
        & > .item-list--fresh {
            color: $warning;
            text-style: bold;
        }
    }
    """

    COMPONENT_CLASSES = {
        "item-list--cursor",  # the selected item while the pane has focus
        "item-list--cursor-blurred",  # the selected item while another pane has focus
        "item-list--linked",  # the mark of items linked to the active item
        "item-list--match",  # text matching the search
        "item-list--muted",  # secondary text: dates, roles, counts
        "item-list--label",  # names and titles
        "item-list--tag",  # status and stance words
        "item-list--fresh",  # the mark of items new or changed since last read
    }

    BINDINGS: list[BindingType] = keys.bindings_for("list")

    FIXED_HEIGHT: int | None = None  # lines per item when every item has the same height
    OPENS_SELECTED = False  # the selected item is drawn taller (open) than the others
    MEASURED_MAX = 2_000  # items measured for the layout's wanted_rows; past it, "all it can get"
    ROW_WEIGHT = 1.0  # a cut list's share of the rows, against the other cut lists (see pane_layout)

    class Moved(Message):
        """The cursor moved to another item (or the items changed under it)."""

        def __init__(self, item_list: ItemList, item_id: str | None) -> None:
            super().__init__()
            self.item_list = item_list
            self.item_id = item_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.cursor = 0
        self.linked: frozenset[str] = frozenset()
        self.matched: Container[str] = frozenset()  # ids the search finds (asked row by row)
        self.fresh: Mapping[str, str] = {}  # id -> "new" or "changed" since last read (tui/news.py)
        self.search_query = ""  # not `query`: that is a DOM method
        self._starts: list[int] = []  # first line of each item, for variable heights
        self._heights: list[int] = []  # lines of each item
        self._lines_cache: LRUCache[tuple[int, int], list[list[Run]]] = LRUCache(2048)
        self._positions: dict[str, int] | None = None
        self._heights_at: dict[int, list[int]] = {}  # each item's lines by text width, for the items of now

    # -- what subclasses provide ------------------------------------------------

    @property
    def count(self) -> int:
        raise NotImplementedError

    def item_id(self, index: int) -> str:
        raise NotImplementedError

    def index_of(self, item_id: str) -> int | None:
        return self.positions.get(item_id)

    @property
    def positions(self) -> Mapping[str, int]:
        """Each item's index, by id; worked out once per set of items (see items_changed)."""
        if self._positions is None:
            self._positions = {self.item_id(index): index for index in range(self.count)}
        return self._positions

    def item_paragraphs(self, index: int) -> list[Paragraph]:
        """The item as paragraphs, each wrapped on its own: (indent, runs of (text, component)).

        A run's component names the stylesheet component that styles it (or None).
        Plain strings, so an item can be measured without being drawn.
        """
        raise NotImplementedError

    def item_lines(self, index: int, width: int) -> list[list[Run]]:
        """The item as lines of at most ``width`` cells, each a list of styled runs."""
        return self.lines_of(self.item_paragraphs(index), width)

    def lines_of(self, paragraphs: list[Paragraph], width: int, hang: int = 0) -> list[list[Run]]:
        """``paragraphs`` wrapped to ``width`` cells, each at its indent, its later lines ``hang`` more."""
        lines: list[list[Run]] = []
        for indent, runs in paragraphs:
            styled = ((text, self.component_style(name) if name else None) for text, name in runs)
            plain, layers = as_layers(styled)
            first: list[Run] = [(" " * indent, MARGIN)] if indent else []
            later: list[Run] = [(" " * (indent + hang), MARGIN)] if indent + hang else []
            spans = wrap_offsets(plain, max(width - indent - hang, 1))
            for number, (start, end) in enumerate(spans):
                shifted = [(a - start, b - start, style) for a, b, style in layers]
                lines.append((later if number else first) + layered(plain[start:end], shifted))
        return lines

    def item_height(self, index: int, width: int) -> int:
        """How many lines ``item_lines`` gives, worked out from the plain text alone."""
        return sum(
            len(wrap_offsets("".join(run for run, _name in runs), max(width - indent, 1)))
            for indent, runs in self.item_paragraphs(index)
        )

    def wanted_rows(self, width: int) -> int:
        """Lines every item takes at ``width`` (a line of the pane): what the layout gives it if it can."""
        if self.FIXED_HEIGHT is not None:
            return self.count * self.FIXED_HEIGHT
        if self.count > self.MEASURED_MAX:
            return self.count  # more than any screen has rows: measuring them would only cost
        return sum(self.item_heights(max(width - GUTTER, 1)))

    def item_heights(self, text_width: int) -> list[int]:
        """Each item's lines at ``text_width``, once per width: the layout and the scrolling both ask."""
        heights = self._heights_at.get(text_width)
        if heights is None:
            heights = [self.item_height(i, text_width) for i in range(self.count)]
            if not self.OPENS_SELECTED:  # (the selected item is taller, and the cursor moves)
                self._heights_at[text_width] = heights
        return heights

    def floor_rows(self) -> int:
        """Lines this list keeps however many the others want."""
        return 3

    # -- state ------------------------------------------------------------------

    @property
    def cursor_id(self) -> str | None:
        return self.item_id(self.cursor) if self.count else None

    def select_index(self, index: int, *, notify: bool = True) -> None:
        if not self.count:
            self.cursor = 0
            return
        index = min(max(index, 0), self.count - 1)
        old = self.cursor
        self.cursor = index
        if self.OPENS_SELECTED and old != index:
            # The item left closes and the one moved to opens: the heights change.
            self._lines_cache.clear()
            self._measure()
            self.scroll_to_cursor()
            self.refresh_lines_shown()
        elif not self._scrolls(self.scroll_to_cursor):
            # (a scroll repaints the pane) only the two items' rows change
            for changed in {old, index}:
                if changed < self.count:
                    self.refresh_lines(*self.item_span(changed))
        if notify and old != index:
            self.post_message(self.Moved(self, self.cursor_id))

    def select_id(self, item_id: str, *, notify: bool = True) -> bool:
        index = self.index_of(item_id)
        if index is None:
            return False
        self.select_index(index, notify=notify)
        return True

    def set_linked(self, ids: frozenset[str]) -> None:
        """Mark the items tied to the item the reader is on, scrolling one into view if none is."""
        if ids != self.linked:
            before, self.linked = self.linked, ids
            if not self._scrolls(self._reveal_linked):
                # The mark is on an item's first row, and only items linked before or now but
                # not both change (a move in Timeline repainted all three rows of each actor).
                self._repaint_rows_of(before ^ ids, where=FIRST_ROW)

    def set_fresh(self, marks: Mapping[str, str]) -> None:
        """Mark the items new or changed since the reader last read the briefing."""
        before, self.fresh = self.fresh, dict(marks)
        self._repaint_rows_of(before, self.fresh, where=FIRST_ROW)

    def _scrolls(self, move: Callable[[], None]) -> bool:
        """Run ``move``; whether it scrolled the pane (which then repaints it all)."""
        offset = self.scroll_offset
        move()
        return self.scroll_offset != offset

    def _repaint_rows_of(self, *id_sets: Container[str], where: RowTest | None = None) -> None:
        """Repaint the rows on screen of the items in any of ``id_sets`` (``where`` is true of), not
        the whole pane: after a key most rows of the other panes look just as before, and each
        row drawn again costs Textual's share on top of ours (see benchmarks/README.md).
        """
        top = round(self.scroll_y)
        for line in range(top, top + self.scrollable_content_region.height):
            located = self._locate(line)
            if located is not None:
                item_id = self.item_id(located[0])
                if any(item_id in ids for ids in id_sets) and (where is None or where(*located, item_id)):
                    self.refresh_line(line)

    def _reveal_linked(self) -> None:
        if not self.linked or not self.count or not self.size.height:
            return
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        first_shown = self._locate(top)
        last_shown = self._locate(top + height - 1)
        shown_from = first_shown[0] if first_shown else 0
        shown_to = last_shown[0] if last_shown else self.count - 1
        if any(self.item_id(i) in self.linked for i in range(shown_from, shown_to + 1)):
            return
        first = next((i for i in range(self.count) if self.item_id(i) in self.linked), None)
        if first is not None:  # linked items may be hidden, by the actor filter
            self.scroll_to(y=self.item_span(first)[0], animate=False, force=True)

    def set_search(self, query: str, matched: Container[str]) -> None:
        old_query, before = self.search_query, self.matched if self.search_query else frozenset()
        self.search_query, self.matched = query, matched
        now = matched if query else frozenset()

        def changes(index: int, row: int, item_id: str) -> bool:
            was, is_ = item_id in before, item_id in now  # (the ◆ mark: on the first row)
            old, new = (old_query if was else None), (query if is_ else None)
            return (row == 0 and was != is_) or row_changes(self._lines(index)[row], old, new)

        # Every pane gets a new search on every key typed into the search field: repaint only
        # the rows that look different, of the items matched before or now.
        self._repaint_rows_of(before, now, where=changes)

    def items_changed(self) -> None:
        """Call after the items change: re-measures, keeps the cursor in range."""
        self._positions = None
        self._heights_at.clear()
        self._lines_cache.clear()
        self._measure()
        self.cursor = min(self.cursor, max(self.count - 1, 0))
        self.scroll_to_cursor()
        self.refresh_lines_shown()

    # -- geometry ---------------------------------------------------------------

    def _measure(self) -> None:
        width = self.line_width
        self.fitted_width = width
        if width <= GUTTER:  # not laid out yet (or hidden): measure when it has a size
            self._starts, self._heights = [], []
            self.virtual_size = Size(width, 0)
            return
        if self.FIXED_HEIGHT is not None:
            total = self.count * self.FIXED_HEIGHT
        else:
            self._heights = self.item_heights(self._text_width)
            self._starts = [0, *accumulate(self._heights)][:-1]
            total = sum(self._heights)
        self.virtual_size = Size(width, total)

    @property
    def _text_width(self) -> int:
        """The cells an item's text has beside the gutter, at the width last measured."""
        return max(self.fitted_width - GUTTER, 1)

    def _lines(self, index: int) -> list[list[Run]]:
        key = (index, self._text_width)
        lines = self._lines_cache.get(key)
        if lines is None:
            lines = self._lines_cache[key] = self.item_lines(index, self._text_width) or [[]]
        return lines

    def item_span(self, index: int) -> tuple[int, int]:
        """First line and line count of an item."""
        if self.FIXED_HEIGHT is not None:
            return index * self.FIXED_HEIGHT, self.FIXED_HEIGHT
        if index >= len(self._starts):
            return 0, 1
        return self._starts[index], self._heights[index]

    def _locate(self, line: int) -> tuple[int, int] | None:
        """The item on a virtual line and the line's number within that item."""
        if line < 0:
            return None
        if self.FIXED_HEIGHT is not None:
            index, row = divmod(line, self.FIXED_HEIGHT)
            return (index, row) if index < self.count else None
        index = bisect_right(self._starts, line) - 1
        if index < 0 or index >= self.count:
            return None
        row = line - self._starts[index]
        return (index, row) if row < self._heights[index] else None

    def scroll_to_cursor(self) -> None:
        if not self.count or not self.size.height:
            return
        first, height = self.item_span(self.cursor)
        top, visible = round(self.scroll_y), self.scrollable_content_region.height
        if first < top or height > visible:
            self.scroll_to(y=first, animate=False, force=True)
        elif first + height > top + visible:
            self.scroll_to(y=first + height - visible, animate=False, force=True)

    def _fit(self) -> None:
        self._lines_cache.clear()
        self._measure()
        # Items linked to another pane's are what this one shows, as when that pane's cursor
        # moved (set_linked): also on a first open, where they were set before any layout.
        if self.linked:
            self._reveal_linked()
        else:
            self.scroll_to_cursor()

    def on_mount(self) -> None:
        self._measure()

    def notify_style_update(self) -> None:
        # Cached lines carry colours from the stylesheet (which change with focus and theme).
        self._lines_cache.clear()
        super().notify_style_update()

    def on_focus(self) -> None:
        # Linked items may have scrolled the selection away (set_linked): show it again.
        self.scroll_to_cursor()
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- drawing ----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        base = self.base_style
        located = self._locate(round(self.scroll_y) + y)
        if located is None:
            return self.blank_line(y)
        index, row = located
        item_id = self.item_id(index)
        style = base
        if index == self.cursor:
            style = base + self.style_of("cursor" if self.has_focus else "cursor-blurred")
        runs = self._lines(index)[row]
        if self.search_query and item_id in self.matched:
            runs = highlighted(runs, self.search_query, self.style_of("match"))
        gutter = self._gutter(index, row, item_id)
        return self.line(line_segments([*gutter, *runs], self.drawn_width, style), y)

    def _gutter(self, index: int, row: int, item_id: str) -> list[Run]:
        if index != self.cursor or row:
            cursor: Run = (" ", MARGIN)
        else:  # strong where the keys go, quiet in the other panes
            cursor = ("▶", None) if self.has_focus else ("›", self.style_of("muted"))
        if row:
            mark = (" ", MARGIN)
        elif item_id in self.fresh:  # before the links: it clears once the reader is on it
            mark = (FRESH_MARKS[self.fresh[item_id]], self.style_of("fresh"))
        elif item_id in self.linked:
            mark = ("●", self.style_of("linked"))
        elif self.search_query and item_id in self.matched:
            mark = ("◆", self.style_of("match"))
        else:
            mark = (" ", MARGIN)
        return [cursor, mark]

    def style_of(self, component: str) -> Style:
        return self.component_style(f"item-list--{component}")

    # -- keys and mouse ---------------------------------------------------------

    def action_move(self, items: int) -> None:
        self.select_index(self.cursor + items)

    def action_move_to(self, index: int) -> None:
        """To the item at ``index``; -1 is the last."""
        self.select_index(index if index >= 0 else self.count + index)

    def action_page(self, pages: int) -> None:
        self._move_by_lines(pages * self.scrollable_content_region.height)

    def _move_by_lines(self, lines: int) -> None:
        if not self.count:
            return
        first, _height = self.item_span(self.cursor)
        target = min(max(first + lines, 0), self.virtual_size.height - 1)
        located = self._locate(target)
        self.select_index(located[0] if located else self.count - 1)

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.x >= self.line_width:  # (not on the scrollbar)
            return
        located = self._locate(round(self.scroll_y) + offset.y)
        if located is not None:
            self.select_index(located[0])
