"""Moving around: pane focus keys, cursor keys in the lists, scrolling Source, layouts by size."""

from __future__ import annotations

from briefing.tui.screens.main import MainScreen

MIRNA_TIMELINE = ["sign", "injunction", "walkout", "offer", "rejected", "mediator", "second-walkout"]


def main(app) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def test_opens_on_the_newest_event_and_g_goes_to_the_first(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        assert app.focused is screen.timeline
        assert [e.id for e in screen.timeline.events] == MIRNA_TIMELINE
        assert screen.timeline.cursor_id == "second-walkout"  # the timeline is by date: the last
        await pilot.press("g")
        assert screen.timeline.cursor_id == "sign"


async def test_j_k_and_arrows_move_the_cursor_and_stop_at_the_ends(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        timeline = main(app).timeline
        await pilot.press("j")
        assert timeline.cursor_id == "second-walkout"  # opened on the last event: j stops there
        await pilot.press("g", "j")
        assert timeline.cursor_id == "injunction"
        await pilot.press("down")
        assert timeline.cursor_id == "walkout"
        await pilot.press("k")
        assert timeline.cursor_id == "injunction"
        await pilot.press("up", "up", "k")
        assert timeline.cursor_id == "sign"


async def test_g_and_shift_g_go_to_first_and_last(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        timeline = main(app).timeline
        await pilot.press("G")
        assert timeline.cursor_id == "second-walkout"
        await pilot.press("g")
        assert timeline.cursor_id == "sign"
        await pilot.press("end")
        assert timeline.cursor_id == "second-walkout"
        await pilot.press("home")
        assert timeline.cursor_id == "sign"


async def test_page_down_and_up_move_by_a_screenful(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        timeline = main(app).timeline
        # 24 rows - 3 header (one line of summary) - 1 pane tabs - 1 footer - 2 border = 17 rows.
        assert timeline.scrollable_content_region.height == 17
        await pilot.press("g")  # from the top (the reader opens on the newest event)
        await pilot.press("pagedown")
        assert timeline.cursor == 17
        assert timeline.scroll_y > 0  # the new row is on screen
        await pilot.press("pageup")
        assert timeline.cursor == 0
        assert timeline.scroll_y == 0


async def test_tab_and_shift_tab_cycle_the_four_panes(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(app.focused.id)
        assert seen == ["actors", "reactions", "source", "timeline"]
        await pilot.press("shift+tab")
        assert app.focused.id == "source"
        assert main(app).current_pane == "source"


async def test_number_keys_focus_a_pane(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        for key, pane in (("2", "actors"), ("3", "reactions"), ("4", "source"), ("1", "timeline")):
            await pilot.press(key)
            assert app.focused.id == pane


async def test_each_list_pane_keeps_its_own_cursor(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("g", "j", "2", "j", "j", "3", "j", "1")
        assert screen.timeline.cursor_id == "injunction"
        assert screen.actors.cursor_id == "brandt"
        assert screen.reactions.cursor_id == "velmar"


def visible_panes(screen: MainScreen) -> set[str]:
    return {name for name in ("timeline", "actors", "reactions", "source") if screen.pane(name).display}


async def test_all_four_panes_show_at_120x40(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)):
        screen = main(app)
        assert screen.layout_mode == "wide"
        assert visible_panes(screen) == {"timeline", "actors", "reactions", "source"}
        # Each list shows all of its items when they fit (Port Mirna's do), Source is a readable
        # column beside them, and the lists are wide enough for a title.
        for name in ("timeline", "actors", "reactions"):
            pane = screen.pane(name)
            assert pane.virtual_size.height <= pane.scrollable_content_region.height, name
            assert pane.size.width >= 80, (name, pane.size)
        assert screen.source.size.width >= 30 and screen.source.size.height >= 30


async def test_one_pane_at_a_time_at_80x24_and_number_keys_switch(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main(app)
        assert screen.layout_mode == "single"
        assert visible_panes(screen) == {"timeline"}
        assert screen.timeline.outer_size.width == 80
        await pilot.press("4")
        assert visible_panes(screen) == {"source"}
        assert app.focused is screen.source
        await pilot.press("tab")
        assert visible_panes(screen) == {"timeline"}


async def test_one_list_pane_and_source_when_wide_but_short(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 24)) as pilot:
        screen = main(app)
        assert screen.layout_mode == "split"
        assert visible_panes(screen) == {"timeline", "source"}
        await pilot.press("3")
        assert visible_panes(screen) == {"reactions", "source"}
        await pilot.press("4")  # Source keeps the list pane used last beside it
        assert visible_panes(screen) == {"reactions", "source"}


async def test_resizing_relays_out_live(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("2")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.layout_mode == "single"
        assert visible_panes(screen) == {"actors"}
        assert screen.actors.outer_size.width == 80
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert screen.layout_mode == "wide"
        assert visible_panes(screen) == {"timeline", "actors", "reactions", "source"}
        assert app.focused is screen.actors


async def test_source_scrolls_with_the_same_keys(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        source = main(app).source
        await pilot.press("4", "g")
        assert source.scroll_y == 0
        await pilot.press("j", "j")
        assert source.scroll_y == 2
        await pilot.press("k")
        assert source.scroll_y == 1
        await pilot.press("pagedown")
        assert source.scroll_y == 1 + source.scrollable_content_region.height
        await pilot.press("G")
        assert source.scroll_y == source.max_scroll_y > 0
        await pilot.press("pageup", "g")
        assert source.scroll_y == 0


async def test_brackets_switch_between_several_sources(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        source = main(app).source
        await pilot.press("4")
        assert source.source.id == "local"
        await pilot.press("right_square_bracket")
        assert source.source.id == "wire"
        await pilot.press("right_square_bracket")
        assert source.source.id == "local"
        await pilot.press("left_square_bracket")
        assert source.source.id == "wire"
