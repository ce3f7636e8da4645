"""The scrollbar each pane draws beside its lines: where its thumb is, and what the mouse does on it."""

from __future__ import annotations

import pytest
from textual.events import MouseScrollDown, MouseScrollUp

from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.pane import BAR, Pane

SIZE = (80, 24)  # the Timeline fills the screen: 17 of the sample's 22 events fit


def main(app) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def bar_column(pane: Pane) -> int:
    """The x of the bar's first cell, as an offset into the pane's region (inside its border)."""
    return 1 + pane.line_width


def thumb_rows(pane: Pane) -> list[int]:
    """The lines on which the bar shows its thumb (drawn in the bar's colour, not the track's)."""
    rows = []
    for y in range(pane.scrollable_content_region.height):
        cells = list(pane.render_line(y))[-1]  # the bar is the last segment of a line
        style = cells.style
        if style is not None and (style.reverse or cells.text.strip()):
            rows.append(y)
    return rows


async def test_the_thumb_follows_the_scroll_and_text_keeps_clear_of_the_bar(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=SIZE) as pilot:
        timeline = main(app).timeline
        await pilot.press("g")  # at the top (the reader opens on the newest event, at the end)
        await pilot.pause()
        height = timeline.scrollable_content_region.height
        assert timeline.line_width == timeline.scrollable_content_region.width - BAR
        assert thumb_rows(timeline)[0] == 0  # at the top
        await pilot.press("G")
        await pilot.pause()
        assert thumb_rows(timeline)[-1] == height - 1  # at the end
        for y in range(height):
            assert timeline.render_line(y).cell_length == timeline.scrollable_content_region.width


async def test_a_pane_with_nothing_to_scroll_keeps_the_room_blank(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        actors = main(app).actors
        await pilot.pause()
        assert actors.virtual_size.height <= actors.scrollable_content_region.height
        assert thumb_rows(actors) == []
        assert all(list(actors.render_line(y))[-1].text == " " * BAR for y in range(3))


async def test_clicking_the_track_pages_and_does_not_pick_an_item(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=SIZE) as pilot:
        timeline = main(app).timeline
        await pilot.press("g")  # at the top (the reader opens on the newest event, at the end)
        await pilot.pause()
        bottom = timeline.scrollable_content_region.height  # the last line, inside the border
        await pilot.click(timeline, offset=(bar_column(timeline), bottom))
        await pilot.pause()
        assert timeline.scroll_y == timeline.max_scroll_y  # a page down: to the end, here
        assert timeline.cursor == 0  # the cursor stays where it was
        await pilot.click(timeline, offset=(bar_column(timeline), 1))
        await pilot.pause()
        assert timeline.scroll_y == 0


async def test_dragging_the_thumb_scrolls_the_pane(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=SIZE) as pilot:
        timeline = main(app).timeline
        await pilot.press("g")  # at the top (the reader opens on the newest event, at the end)
        await pilot.pause()
        x = bar_column(timeline)
        await pilot.mouse_down(timeline, offset=(x, 2))  # on the thumb (top rows)
        await pilot.hover(timeline, offset=(x, 5))  # three rows down
        await pilot.mouse_up(timeline, offset=(x, 5))
        await pilot.pause()
        # Each row of the bar stands for 22 / 17 lines of the timeline, as in Textual's bar
        # (17 rows: the header's third line is the summary's first).
        assert timeline.scrollable_content_region.height == 17
        assert timeline.scroll_y == pytest.approx(3 * 22 / 17)
        assert timeline.cursor == 0


async def test_the_mouse_wheel_scrolls_a_pane(sample, make_app):
    """Panes keep Textual's own scrollbar on (and drawn nowhere): the wheel, which scrolls
    only what Textual thinks has a scrollbar, must still move the Timeline."""
    app = make_app(sample)
    async with app.run_test(size=SIZE) as pilot:
        timeline = main(app).timeline
        await pilot.press("g")  # at the top (the reader opens on the newest event, at the end)
        await pilot.pause()
        assert timeline.max_scroll_y > 2
        for _ in range(2):
            timeline.post_message(MouseScrollDown(timeline, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        down = timeline.scroll_y
        assert down > 0
        timeline.post_message(MouseScrollUp(timeline, 5, 5, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert timeline.scroll_y < down
