"""Moving in a list pane repaints only the rows that change: the two items the cursor
left and reached, the linked items in the other panes, the quotes in Source. What stays
on screen must be what a full repaint would draw."""

from __future__ import annotations

from .test_search_repaint import press_and_compare


async def test_moving_in_each_list_pane_leaves_nothing_stale_on_screen(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await press_and_compare(pilot, "j", "j", "k")  # no scrolling: Actors and Source follow
        await press_and_compare(pilot, *["j"] * 20, "G", "g")  # scrolling the Timeline
        await press_and_compare(pilot, "2", "j", "j", "k", "pagedown")  # Actors: Timeline follows
        await press_and_compare(pilot, "3", "j", "k", "s", "s")  # Reactions, then its quotes


async def test_moving_at_80_columns_leaves_nothing_stale_on_screen(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(80, 24)) as pilot:
        await press_and_compare(pilot, "j", "j", "k", "tab", "j", "tab", "j", "k")
