"""The map beside the panes (issue 27), in terminals from 180x40: it follows the Timeline."""

from __future__ import annotations

from briefing.tui.widgets.map_beside import MapBeside


async def test_moving_through_the_timeline_highlights_each_event_s_places(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(200, 45)) as pilot:
        main = app.screen
        beside = main.query_one(MapBeside)
        assert beside.display and beside.canvas is not None
        await pilot.press("g")  # the first event: North-western Syria
        assert beside.highlighted == ("northwestern-syria",)
        for _ in range(30):
            if main.timeline.cursor_id == "aleppo-advance":
                break
            await pilot.press("j")
        assert beside.highlighted == ("aleppo",)
        assert "Aleppo" in str(beside.query_one("#map-beside-title").render())
        pieces = [p for row in beside.canvas.draw().rows for p in row if p.place == "aleppo"]
        assert [p.kind for p in pieces] == ["marker", "label"]
        assert all(beside.canvas.piece_style(p).reverse for p in pieces)
        await pilot.press("j")
        assert beside.highlighted != ("aleppo",)


async def test_no_map_beside_in_narrower_terminals_nor_without_coordinates(sample, mirna, make_app):
    app = make_app(sample)
    async with app.run_test(size=(160, 50)) as pilot:
        beside = app.screen.query_one(MapBeside)
        assert not beside.display
        assert beside.canvas is None  # not even built
        await pilot.resize_terminal(200, 45)
        await pilot.pause()
        assert beside.display  # the terminal grew: there is room now
    app = make_app(mirna)  # its places have no coordinates
    async with app.run_test(size=(200, 45)):
        assert not app.screen.query_one(MapBeside).display
