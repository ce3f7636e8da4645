"""The footer: the keys that work where the reader is; they can be clicked and explain themselves."""

from __future__ import annotations

from briefing.tui.screens.help import HelpScreen
from briefing.tui.widgets.key_bar import KeyBar


def footer(app) -> KeyBar:
    return app.screen.query_one(KeyBar)


def shown(app) -> str:
    return footer(app).render().plain.rstrip()


async def test_the_footer_lists_the_keys_that_work_and_follows_the_focus(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        line = shown(app)
        assert line.startswith("tab Pane ⏎ Details i Overview s Quote / Search q Quit ? Help ")
        assert line.endswith("▏^p Commands")
        assert len(line) == 120  # the palette's key at the right end
        await pilot.press("2")  # Actors: f filters the timeline to the selected actor
        await pilot.pause()
        assert " f Filter " in shown(app)
        await pilot.press("slash")  # typing a search: only what works in the field, and Esc to leave
        await pilot.pause()
        assert shown(app).startswith("tab Pane / Search esc Clear  ")


async def test_a_narrow_footer_leaves_out_the_palette_key(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app) == "tab Pane ⏎ Details i Overview s Quote / Search q Quit ? Help"


async def test_a_key_that_just_fits_is_not_taken_for_the_palette_key(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(8, 24)) as pilot:
        bar = footer(app)
        bar.show_command_palette = True  # asked for, but "^p Commands" has no room
        await pilot.pause()
        assert shown(app) == "tab Pane"  # exactly as wide as the bar: no separator before it


async def test_keys_that_do_not_fit_stop_short_of_the_palette_key(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.pause()
        bar = footer(app)
        bar.show_command_palette = True
        await pilot.pause()
        assert shown(app) == "tab Pane ⏎ Details i Overvie▏^p Commands"
        assert [(k.shown, k.start, k.end) for k in bar.shown_keys()] == [
            ("tab", 0, 8),
            ("⏎", 9, 18),
            ("i", 19, 28),  # "i Overview" would end at 29: cut before the separator's cell
            ("^p", 29, 40),
        ]


async def test_clicking_a_key_presses_it(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        help_at = shown(app).index("? Help")
        await pilot.click(KeyBar, offset=(help_at + 3, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_key_under_the_mouse_is_lit_and_gives_its_tooltip(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = footer(app)
        quit_at = shown(app).index("q Quit")
        before = bar.render()
        await pilot.hover(KeyBar, offset=(quit_at + 2, 0))
        await pilot.pause()
        assert bar.tooltip == "Quit briefing (in a view: close it)"
        after = bar.render()
        assert after.plain == before.plain
        lit = {span.style for span in after.spans if span.start <= quit_at < span.end}
        unlit = {span.style for span in before.spans if span.start <= quit_at < span.end}
        assert lit != unlit  # the hovered key's cells changed colour
        await pilot.hover(KeyBar, offset=(quit_at - 1, 0))  # between two keys: no tooltip
        await pilot.pause()
        assert bar.tooltip is None
