"""How the reader's panes share the screen: which layout a terminal has room for, and who gets the rows.

Wide (from 120×30): the three lists stacked in a column on the left, in reading
order (1 Timeline, 2 Actors, 3 Reactions), and 4 Source beside them, as tall as
the screen. Split (from 100 columns): one list over Source. Single: one pane.

The rows go where the content is: each list asks for the lines its items take
(``ItemList.wanted_rows``); one that fits gets just that, and the rows it
leaves go to the lists that are cut. Nothing is sized by fixed fractions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Container as Container_
from typing import TYPE_CHECKING

from textual.containers import Container
from textual.css.scalar import Scalar
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget

from briefing.tui.widgets.header import header_rows
from briefing.tui.widgets.pane import BAR

if TYPE_CHECKING:
    from briefing.model import Briefing
    from briefing.tui.widgets.item_list import ItemList

WIDE = Size(120, 30)  # from here on all four panes fit
SPLIT_WIDTH = 100  # from here on a list pane and Source fit, one over the other
FRAME = 2  # a pane's border, top and bottom (or left and right)
LISTS_MIN = 84  # the list column's width at least: at 120 columns a timeline title keeps 55 cells
LISTS_SHARE = 0.6  # ...and this share of wider terminals; Source has the rest
FLOOR = 3  # lines a list keeps however many another wants (fewer if it has fewer)
LIST_SHARE_SPLIT = 0.6  # in split, the list takes up to this share of the rows; Source the rest


def mode_for(size: Size) -> str:
    """The layout a terminal of ``size`` has room for: wide, split or single."""
    if size.width >= WIDE.width and size.height >= WIDE.height:
        return "wide"
    return "split" if size.width >= SPLIT_WIDTH else "single"


def lists_width(width: int) -> int:
    """Cells of the list column in the wide layout, frames included."""
    return max(LISTS_MIN, round(width * LISTS_SHARE))


def share_rows(
    total: int,
    wanted: Sequence[int],
    floors: Sequence[int],
    weights: Sequence[float],
    spare_to: int,
) -> list[int]:
    """Split ``total`` lines between panes that want ``wanted`` lines each.

    Each first gets its floor (or what it wants, if less); then line by line the
    pane furthest below its weighted share, among those still cut, gets the next
    one. A pane that fits gets no more than it wants, so its rows go to the
    panes that are cut; lines nobody wants go to ``spare_to``.
    """
    rows = [min(want, floor) for want, floor in zip(wanted, floors, strict=True)]
    while sum(rows) > total and max(rows) > 1:  # too small even for the floors: shrink the largest
        rows[rows.index(max(rows))] -= 1
    left = total - sum(rows)
    while left > 0:
        cut = [i for i, want in enumerate(wanted) if rows[i] < want]
        if not cut:
            rows[spare_to] += left
            break
        neediest = min(cut, key=lambda i: rows[i] / weights[i])
        rows[neediest] += 1
        left -= 1
    return rows


def split_rows(total: int, wanted: int) -> int:
    """Lines of the list pane over Source in the split layout (Source has the rest)."""
    return max(min(wanted + FRAME, round(total * LIST_SHARE_SPLIT)), min(total, FLOOR + FRAME))


SOURCE_MIN = 30  # Source's width at least, in the wide layout


class PaneColumn(Container):
    """A container of panes that draws nothing of its own: #lists, and PaneArea below.

    Textual repaints a container whose virtual size changes (as its size does when
    the search bar opens or closes): in a frame after the layout's, all the panes in it
    again, 20 KB at 120x40. The layout repaints what moved; each pane repaints itself.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=True, repaint=False)


class PaneArea(PaneColumn):
    """The panes' area (#panes): it lays its panes out again whenever its own size changes.

    Its size, not the terminal's, is what the panes share: a reload notice takes
    rows from it (the search bar does not: it is drawn over the panes).
    """

    def __init__(self, arrange: Callable[[], None], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lay_out = arrange

    def on_resize(self, _event: Resize) -> None:
        self._lay_out()

    def room(self, mode: str, terminal: Size, briefing: Briefing) -> Size:
        """The area's size; before it is laid out, what it will have: the first layout is the last.

        The header above it shows ``briefing``'s summary, more of it in taller terminals.
        """
        if self.size.area:
            return self.size
        # The header, the footer, and in narrower layouts the strip of pane tabs.
        chrome = header_rows(briefing, terminal) + (1 if mode == "wide" else 2)
        return Size(terminal.width, max(terminal.height - chrome, 0))


def arrange(mode: str, area: Size, lists: Widget, panes: Sequence[ItemList], shown: Container_[str]) -> None:
    """Size the list column and the lists in it for ``mode`` in an ``area`` of the screen.

    ``panes`` are the lists in their column's order; ``shown`` names the panes
    on screen. Source (beside or under the column) takes what is left (1fr).
    """
    if not area.area:
        return
    on_screen = [pane for pane in panes if pane.id in shown]
    _set(lists, "display", "block" if on_screen else "none")
    if mode == "wide":
        width = max(min(lists_width(area.width), area.width - SOURCE_MIN), 1)
        _set(lists, "width", Scalar.parse(str(width)))
        _set(lists, "height", _FR)
        total = area.height - FRAME * len(panes)
        line_width = width - FRAME - BAR
        rows = share_rows(
            total,
            [pane.wanted_rows(line_width) for pane in panes],
            [min(pane.floor_rows(), max(total // 2, 1)) for pane in panes],
            [pane.ROW_WEIGHT for pane in panes],
            spare_to=len(panes) - 1,
        )
        for pane, height in zip(panes, rows, strict=True):
            _set(pane, "height", Scalar.parse(str(height + FRAME)))
        return
    _set(lists, "width", _FR)
    if mode == "split" and on_screen:
        wanted = on_screen[0].wanted_rows(area.width - FRAME - BAR)
        _set(lists, "height", Scalar.parse(str(split_rows(area.height, wanted))))
    else:
        _set(lists, "height", _FR)
    for pane in panes:
        _set(pane, "height", _FR)


_FR = Scalar.parse("1fr")


def _set(widget: Widget, rule: str, value: object) -> None:
    """Set a style only when it changes: each change lays the screen out again."""
    if getattr(widget.styles, rule) != value:
        setattr(widget.styles, rule, value)


def has_palette_key(size: Size) -> bool:
    """Whether the footer shows the palette's key: it is in help; a narrow footer needs the room."""
    return size.width >= SPLIT_WIDTH
