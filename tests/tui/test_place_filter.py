"""Places as a filter: from the palette, the overview and the detail view; with an actor; Esc clears."""

from __future__ import annotations

from textual.content import Content

from briefing.model import Briefing
from briefing.tui.filters import NO_FILTERS, Filters
from briefing.tui.place import ViewState
from briefing.tui.screens.main import MainScreen

HOMS = ["homs-governor-reassures", "erdogan-names-damascus", "homs-focus"]  # the sample's events at Homs


def main(app) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def shown(screen: MainScreen) -> list[str]:
    return [e.id for e in screen.timeline.events]


def title(screen: MainScreen) -> str:
    return Content.from_markup(screen.timeline.border_title).plain


def header(screen: MainScreen) -> str:
    return str(screen._header.render()).splitlines()[1]


def test_filters_widen_within_a_kind_and_narrow_across_kinds(sample: Briefing) -> None:
    at_homs = Filters(places=frozenset({"homs"}))
    assert [e.id for e in at_homs.events(sample)] == HOMS
    # Homs or Damascus: more events; Homs and HTS: fewer.
    either = at_homs.with_places("homs", "damascus").events(sample)
    assert {e.id for e in either} > set(HOMS)
    assert [e.id for e in at_homs.with_actors("hts").events(sample)] == ["homs-focus"]
    assert NO_FILTERS.events(sample) is sample.events
    assert at_homs.with_actors("hts").names(sample) == [sample.actor("hts").name, "Homs"]


def test_unknown_ids_are_dropped(sample: Briefing) -> None:
    filters = Filters(frozenset({"hts", "gone"}), frozenset({"homs", "atlantis"}))
    assert filters.known(sample) == Filters(frozenset({"hts"}), frozenset({"homs"}))


async def test_a_place_picked_in_the_palette_filters_the_timeline_and_esc_clears(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("ctrl+p")
        await pilot.press(*"place: homs")
        await pilot.pause(0.5)  # the palette searches in the background
        await pilot.press("enter")
        await pilot.pause()
        assert shown(screen) == HOMS
        assert "only Homs (3 of 22)" in title(screen)
        assert header(screen).startswith("Only: Homs · Esc")
        await pilot.press("escape")
        assert len(shown(screen)) == len(sample.events)
        assert "Only" not in header(screen)


async def test_actor_and_place_filters_combine(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("2", "g", "f")  # HTS, the first actor
        assert screen.timeline.only_actor.id == "hts"
        screen.filter_place("homs")
        await pilot.pause()
        assert shown(screen) == ["homs-focus"]
        assert "only Hayat Tahrir al-Sham + Homs (1 of 22)" in title(screen)
        assert "Hayat Tahrir al-Sham + Homs" in header(screen)
        state = app.view_state()
        assert (state.filter_actor, state.filter_places) == ("hts", "homs")
        screen.filter_place("homs")  # the same place again: lifted, the actor stays
        await pilot.pause()
        assert shown(screen) == [e.id for e in sample.events_of("hts")]


async def test_f_in_the_overview_picks_a_place_and_goes_back_to_the_panes(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i", "f")
        await pilot.pause(0.5)
        await pilot.press(*"damascus")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        screen = main(app)
        assert shown(screen) == [e.id for e in sample.events if "damascus" in e.places]


async def test_f_in_an_events_detail_offers_its_places_first(sample, make_app):
    app = make_app(sample, state=ViewState(event="erdogan-names-damascus"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "f")
        await pilot.pause(0.5)
        await pilot.press("enter")  # the first choice: the event's first place, Idlib
        await pilot.pause()
        screen = main(app)
        assert shown(screen) == [e.id for e in sample.events if "idlib" in e.places]
        assert screen.timeline.cursor_id == "erdogan-names-damascus"


async def test_the_place_filter_is_restored(sample, make_app):
    app = make_app(sample, state=ViewState(filter_places="homs atlantis"))
    async with app.run_test(size=(120, 40)):
        assert shown(main(app)) == HOMS
