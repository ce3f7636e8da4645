"""The map and the panes, linked: opened on the selected event's places, back on the place chosen."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from briefing.tui.screens.map_screen import MapChoice, MapScreen

if TYPE_CHECKING:
    from briefing.tui.screens.main import MainScreen


def open_map(main: MainScreen) -> None:
    """The map over the reader, the Timeline's selected event's places highlighted."""
    event = main.timeline.selected
    main.app.push_screen(MapScreen(main.briefing, event=event), partial(apply, main))


def apply(main: MainScreen, choice: MapChoice | None) -> None:
    """Back on the panes: the place chosen's first event, its events only, or the event stepped to."""
    if choice is None:
        return
    if choice.action == "back":
        event = choice.event
        stepped = event is not None and event != main.timeline.cursor_id
        if stepped and event is not None and event in main.briefing.event_positions():
            main.jump_to("timeline", event)
        return
    # The briefing may have been reloaded while the map was open: its ids may have gone.
    if choice.place is None or choice.place not in {p.id for p in main.briefing.places}:
        return
    events = [e for e in main.briefing.events if choice.place in e.places]
    name = main.briefing.place(choice.place).name
    if choice.action == "filter":
        filter_to_place(main, choice.place, choice.event)
    elif events:
        main.jump_to("timeline", events[0].id)
    else:
        main.notify(f"No event at {name}", markup=False)


def filter_to_place(main: MainScreen, place_id: str, event_id: str | None = None) -> None:
    """The Timeline shows only the events at ``place_id`` (the reader's place filter, with any
    actor filter), on the event stepped to if it is one of them."""
    if main.timeline.filters.places != {place_id}:  # filter_place toggles: keep it on
        main.filter_place(place_id)
    main.action_focus_pane("timeline")
    if event_id is not None and main.timeline.index_of(event_id) is not None:
        main.timeline.select_id(event_id)
