"""List panes draw their rows in the colours of the moment: focus and theme change them.

Muted text (dates, roles) is blended over the pane's background, and a pane
with focus has a tinted background, so the same row has a slightly different
grey with and without focus. The panes keep drawn rows in a cache; these tests
catch a row drawn for one state being shown in another.
"""

from __future__ import annotations

from rich.color import Color

from briefing.model import Briefing
from briefing.tui.styling import layer_style
from briefing.tui.widgets.item_list import ItemList

from .conftest import MakeApp


def date_colour(pane: ItemList, date: str) -> Color | None:
    """The colour of ``date`` in the pane's first row, as drawn now."""
    for segment in pane.render_line(0):
        if segment.text.strip() == date and segment.style is not None:
            return segment.style.color
    raise AssertionError(f"{date!r} is not in the first row")


async def test_muted_text_follows_focus(make_app: MakeApp, sample: Briefing) -> None:
    app = make_app(sample)
    first_date = "2017–2024"  # the sample's first event
    async with app.run_test(size=(120, 40)) as pilot:
        timeline = app.screen.timeline
        await pilot.press("g")  # the first event on the first row (the reader opens on the newest)
        await pilot.pause()
        focused = date_colour(timeline, first_date)
        await pilot.press("2")  # focus goes to Actors
        await pilot.pause()
        blurred = date_colour(timeline, first_date)
        await pilot.press("1")  # and back
        await pilot.pause()
        again = date_colour(timeline, first_date)
    assert focused != blurred
    assert again == focused


async def test_rows_follow_a_theme_change(make_app: MakeApp, sample: Briefing) -> None:
    app = make_app(sample, theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        timeline = app.screen.timeline
        await pilot.press("g")  # the first event on the first row
        await pilot.pause()
        dark = date_colour(timeline, "2017–2024")
        app.theme = "textual-light"
        await pilot.pause()
        light = date_colour(timeline, "2017–2024")
        expected = layer_style(timeline, "item-list--muted").color
    assert light != dark
    assert light == expected
