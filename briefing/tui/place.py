"""Where the reader is: a plain value the app can hand out and be given back.

Saving it between runs (and where) is for the caller; the app only builds a
ViewState from what is on screen and restores one, ignoring ids a changed
briefing no longer has.
"""

from __future__ import annotations

from typing import NamedTuple

PANES = ("timeline", "actors", "reactions", "source")  # in reading order: Tab and n go this way


class ViewState(NamedTuple):
    """The focused pane, the selected item of each pane, the source shown, the filters."""

    pane: str = "timeline"  # timeline | actors | reactions | source
    event: str | None = None
    actor: str | None = None
    reaction: str | None = None
    source: str | None = None
    filter_actor: str | None = None  # the actor the timeline is filtered to, if any
    filter_places: str | None = None  # the places it is filtered to: ids, space-separated (saved as text)
