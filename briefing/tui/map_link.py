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
        if choice.event is not None and choice.event != main.timeline.cursor_id:
            main.jump_to("timeline", choice.event)
        return
    if choice.place is None:
        return
    events = [e for e in main.briefing.events if choice.place in e.places]
    name = main.briefing.place(choice.place).name
    if choice.action == "filter":
        filter_to_place(main, choice.place)
    elif events:
        main.jump_to("timeline", events[0].id)
    else:
        main.notify(f"No event at {name}", markup=False)


def filter_to_place(main: MainScreen, place_id: str) -> None:
    """The Timeline shows only the events at ``place_id``, with the reader's place filter."""
    raise NotImplementedError  # the place filter comes from the branch `cite`
