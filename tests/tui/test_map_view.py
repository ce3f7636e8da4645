"""The map view (issue 27): `m` and the palette open it; it is linked to the Timeline both ways."""

from __future__ import annotations

from pathlib import Path

from briefing.format.loader import load
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.map_screen import MapScreen
from briefing.tui.widgets.map_canvas import MapCanvas, braille_ok

SAHEL = Path(__file__).resolve().parent / "data" / "sahel-exercise.yaml"


def _map(app) -> MapScreen:
    assert isinstance(app.screen, MapScreen)
    return app.screen


def _label_styles(canvas: MapCanvas, place: str) -> list[bool]:
    """Whether each piece of ``place`` on the map (marker, label) is drawn reversed."""
    return [
        bool(canvas.piece_style(piece).reverse)
        for row in canvas.draw().rows
        for piece in row
        if piece.place == place
    ]


async def test_m_opens_the_map_on_the_selected_event_s_places(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        main.timeline.select_id("aleppo-advance")
        await pilot.press("m")
        screen = _map(app)
        assert screen.highlighted == ("aleppo",)
        assert screen.place == "aleppo"
        text = "\n".join(screen.canvas.draw().lines())
        for city in ("Aleppo", "Hama", "Homs", "Damascus"):
            assert city in text
        assert _label_styles(screen.canvas, "aleppo") == [True, True]  # marker and label reversed
        assert not any(_label_styles(screen.canvas, "hama"))
        await pilot.press("escape")
        assert app.screen is main
        assert main.timeline.cursor_id == "aleppo-advance"  # nothing stepped: where it was


async def test_an_event_at_several_places_highlights_them_all(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.timeline.select_id("erdogan-names-damascus")  # Idlib, Hama, Homs, Damascus
        await pilot.press("m")
        screen = _map(app)
        assert set(screen.highlighted) == {"idlib", "hama", "homs", "damascus"}
        assert all(_label_styles(screen.canvas, "damascus"))


async def test_stepping_through_the_events_in_date_order(sample, make_app):
    """From the first event on, `]` visits every event at a mapped place, dates never going back."""
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        main.timeline.select_index(0)
        await pilot.press("m")
        screen = _map(app)
        seen = [screen.event.id]
        for _ in range(30):
            await pilot.press("right_square_bracket")
            if screen.event.id == seen[-1]:
                break  # the last: stays
            seen.append(screen.event.id)
            assert set(screen.event.places) & set(screen.highlighted)
        expected = [e.id for e in sample.events if e.places]
        assert seen == expected
        starts = [sample.event(e).date.earliest for e in seen]
        assert starts == sorted(starts)
        await pilot.press("left_square_bracket")
        assert screen.event.id == seen[-2]
        assert "Doha Forum" in str(screen.query_one("#map-title").render())
        await pilot.press("escape")  # back on the panes, on the event stepped to
        assert app.screen is main
        assert main.timeline.cursor_id == seen[-2]


async def test_choosing_a_place_selects_its_first_event_in_the_timeline(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        await pilot.press("m")
        screen = _map(app)
        hama = screen.contents.index_of("hama")
        while screen.legend.highlighted != hama:
            await pilot.press("k" if screen.legend.highlighted > hama else "j")
        assert screen.highlighted[0] == "hama"
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert main.timeline.cursor_id == "hama-captured"  # Hama's first event, 5 Dec (then 6 Dec)
        assert app.focused is main.timeline


async def test_the_palette_opens_the_map(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        for key in "map of":
            await pilot.press(key if key != " " else "space")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)


async def test_places_without_coordinates_are_listed_beside_the_map(make_app):
    app = make_app(load(SAHEL))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        screen = _map(app)
        assert "Liptako-Gourma" in str(screen.query_one("#map-unplaced").render())
        assert screen.legend.option_count == 6
        assert "Niamey" in "\n".join(screen.canvas.draw().lines())


async def test_a_briefing_without_coordinates_says_so(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        screen = _map(app)
        said = str(screen.query_one("#map-empty").render())
        assert "no places" in said or "has coordinates" in said
        await pilot.press("right_square_bracket", "j", "enter", "f")  # nothing to do: no error
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_with_lang_c_the_map_is_drawn_in_ascii(sample, make_app, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        lines = _map(app).canvas.draw().lines()
        assert all(line.isascii() for line in lines)
        assert "Aleppo" in "\n".join(lines)


def test_the_locale_decides_braille():
    assert braille_ok({"LANG": "en_GB.UTF-8"})
    assert braille_ok({"LC_ALL": "C.utf8", "LANG": "C"})
    assert not braille_ok({"LC_ALL": "C", "LANG": "en_GB.UTF-8"})  # LC_ALL wins
    assert not braille_ok({"LANG": "POSIX"})
    assert not braille_ok({})


async def test_f_on_the_map_shows_only_the_place_s_events_in_the_timeline(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        main.timeline.select_id("homs-governor-reassures")
        await pilot.press("m")
        assert _map(app).place == "homs"
        await pilot.press("f")
        assert app.screen is main
        homs = [e.id for e in sample.events if "homs" in e.places]
        assert len(homs) == 3
        assert [main.timeline.item_id(n) for n in range(main.timeline.count)] == homs
        assert main.timeline.filters.places == {"homs"}
        assert main.timeline.cursor_id == "homs-governor-reassures"
        assert app.focused is main.timeline
        await pilot.press("m", "f")  # again: the filter stays on (f on the map never lifts it)
        assert main.timeline.count == 3
        await pilot.press("escape")  # Esc on the panes clears it, as for an actor
        assert main.timeline.count == len(sample.events)


async def test_zooming_in_on_a_place_and_back_out(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.timeline.select_id("aleppo-advance")
        await pilot.press("m", "plus", "plus")
        screen = _map(app)
        picture = screen.canvas.draw()
        assert "zoom ×4" in str(screen.query_one("#map-title").render())
        assert picture.spots["doha"].marker is None  # 1,000 km off: not on the map
        row, column = picture.spots["aleppo"].marker
        width, height = screen.canvas.size
        assert abs(column - width / 2) <= 1 and abs(row - height / 2) <= 1  # centred on Aleppo
        await pilot.press("minus", "minus", "minus")  # not below every place in view
        assert screen.zoom == 1
        assert screen.canvas.draw().spots["doha"].marker is not None


async def test_a_choice_about_ids_a_reload_removed_changes_nothing(sample, make_app):
    """The briefing may be reloaded while the map is open: what the map returns may name ids
    the new version lacks."""
    from briefing.tui.map_link import apply
    from briefing.tui.screens.map_screen import MapChoice

    app = make_app(sample)
    async with app.run_test(size=(80, 24)):
        main = app.screen
        before = main.timeline.cursor_id
        apply(main, MapChoice("choose", "atlantis", None))
        apply(main, MapChoice("filter", "atlantis", None))
        apply(main, MapChoice("back", None, "gone-event"))
        assert main.timeline.cursor_id == before
        assert not main.timeline.filters.on


async def test_place_names_are_shown_as_typed_never_as_markup(make_app, tmp_path):
    text = SAHEL.read_text(encoding="utf-8").replace(
        "name: Bamako,", 'name: "[b]Bamako[/b] [@click=app.quit]x",'
    )
    (tmp_path / "sahel.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "sahel-exercise.txt").write_text(
        (SAHEL.parent / "sahel-exercise.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    app = make_app(load(tmp_path / "sahel.yaml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        screen = _map(app)
        prompt = str(screen.legend.get_option_at_index(0).prompt)
        assert "[b]Bamako[/b] [@click=app.quit]x" in prompt
        assert "[b]Bamako" in "\n".join(screen.canvas.draw().lines())
        await pilot.click(MapCanvas)  # a click on the map runs nothing
        assert app.is_running
