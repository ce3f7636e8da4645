"""A key typed into the search repaints only the rows and lines whose look changes.

What stays on screen must be what a full repaint would draw: after typing,
deleting, a new word, stepping with n and clearing.
"""

from __future__ import annotations

from briefing.tui.screens.main import MainScreen

PANES = ("timeline", "actors", "reactions", "source")


async def press_and_compare(pilot, *keys: str) -> None:
    """Press each key; after each, every pane must show what a full repaint would draw."""
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
        for name in PANES:
            pane = screen.pane(name)
            painted = [list(strip) for strip in pane.render_lines(pane.size.region)]
            pane.refresh()  # forget every line drawn so far
            fresh = [list(strip) for strip in pane.render_lines(pane.size.region)]
            assert painted == fresh, f"{name} after {key!r} (query {screen.search_bar.input.value!r})"


async def test_typing_deleting_and_clearing_leave_nothing_stale_on_screen(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await press_and_compare(pilot, *"union")  # typed on: the same rows, highlights growing
        await press_and_compare(pilot, *["backspace"] * 5)  # more rows, then none at all
        await press_and_compare(pilot, *"walk")  # other rows than before
        await press_and_compare(pilot, "enter", "n", "n", "n")  # the current match is drawn apart
        await press_and_compare(pilot, "slash", "e")  # typed on after stepping: "walke"
        await press_and_compare(pilot, "escape")
