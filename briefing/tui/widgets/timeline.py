"""The Timeline pane: one line per event, in date order, maybe filtered to actors and places."""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from textual.content import Content

from briefing.model import Actor, Briefing, Event
from briefing.tui.filters import NO_FILTERS, Filters
from briefing.tui.styling import Run
from briefing.tui.widgets.item_list import ItemList
from briefing.tui.wrapping import truncate

DATE_SHARE = 3  # the date column is as wide as the widest date shown, up to a third of the row...
DATE_MIN = 12  # ...(but at least this), so a long range of date-times is cut rather than squeezing titles
# A status other than "reported" is a mark before the title: one cell, in a column of its own
# only when an event shown has one. The Timeline's border says what the marks shown mean.
STATUS_MARKS = {"confirmed": "✓", "claimed": "?", "disputed": "≠", "denied": "✗", "planned": "→"}


class TimelineView(ItemList):
    """Events with their display dates, status and actors."""

    FIXED_HEIGHT = 1
    ROW_WEIGHT = 2.0  # the timeline is read first: when every list is cut, it gets the most rows

    # $status-* come from the theme (themes/*.yaml) or are derived from its main colours.
    DEFAULT_CSS = """
    TimelineView {
        & > .timeline--status-confirmed { color: $status-confirmed; }
        & > .timeline--status-claimed { color: $status-claimed; }
        & > .timeline--status-disputed { color: $status-disputed; }
        & > .timeline--status-denied { color: $status-denied; text-style: italic; }
        & > .timeline--status-planned { color: $status-planned; text-style: italic; }
    }
    """

    COMPONENT_CLASSES = ItemList.COMPONENT_CLASSES | {
        "timeline--status-confirmed",
        "timeline--status-claimed",
        "timeline--status-disputed",
        "timeline--status-denied",
        "timeline--status-planned",
    }

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.events: tuple[Event, ...] = briefing.events
        self.filters = NO_FILTERS
        self._names = {actor.id: actor.name for actor in briefing.actors}
        self._widest_date = 0
        self._statuses: list[str] = []  # the statuses of the events shown, in STATUS_MARKS order
        self._measure_columns()

    @property
    def count(self) -> int:
        return len(self.events)

    def item_id(self, index: int) -> str:
        return self.events[index].id

    @property
    def positions(self) -> Mapping[str, int]:
        if self.events is self.briefing.events:  # every event: the model has their positions
            return self.briefing.event_positions()
        return super().positions

    @property
    def only_actor(self) -> Actor | None:
        """The actor the events are filtered to, when it is one."""
        if len(self.filters.actors) != 1:
            return None
        (actor_id,) = self.filters.actors
        return self.briefing.actor(actor_id) if actor_id in self.briefing.actor_positions() else None

    @property
    def selected(self) -> Event | None:
        return self.events[self.cursor] if self.events else None

    def item_lines(self, index: int, width: int) -> list[list[Run]]:
        event = self.events[index]
        date_width = min(self._widest_date, max(DATE_MIN, width // DATE_SHARE))
        date = event.date.display
        if len(date) > date_width:
            date = date[: date_width - 1] + "…"
        row: list[Run] = [(date.ljust(date_width), self.style_of("muted")), (" ", None)]
        if self._statuses:
            mark = STATUS_MARKS.get(event.status)
            if mark is None:
                row.append(("  ", None))
            else:
                status = self.component_style(f"timeline--status-{event.status}") + Style(bold=True)
                row += [(mark, status), (" ", None)]
        row.append((event.title, self.style_of("label")))
        names = [self._names[actor_id] for actor_id in event.actors]
        if names:
            row += [(" ", None), ("— " + ", ".join(names), self.style_of("muted"))]
        return [truncate(row, width)]

    def filter_to(self, filters: Filters) -> None:
        """Show only the events ``filters`` keep (NO_FILTERS: every event)."""
        keep = self.cursor_id
        self.filters = filters
        self.events = filters.events(self.briefing)
        self._measure_columns()
        self.items_changed()
        if keep is not None and self.index_of(keep) is not None:
            self.select_id(keep, notify=False)
        if filters.day is not None:
            self.select_index(0, notify=False)  # the day's own events come first
        self.refresh_title()
        self.post_message(self.Moved(self, self.cursor_id))

    def _measure_columns(self) -> None:
        """The widest date and the statuses among the events shown: the columns they need."""
        events = self.events
        self._widest_date = max((len(e.date.display) for e in events), default=0)
        shown = {e.status for e in events}
        self._statuses = [status for status in STATUS_MARKS if status in shown]

    def refresh_title(self) -> None:
        title = Content.assemble(("1 ", "bold"), "Timeline")
        if not self.filters.on:
            title += Content(f" ({len(self.events)})")
        else:
            title += Content.assemble(
                " · only ",
                (" + ".join(self.filters.names(self.briefing)) + " ", "bold"),
                f"({len(self.events)} of {len(self.briefing.events)})",
            )
        self.border_title = title
        legend = "  ".join(f"{STATUS_MARKS[status]} {status}" for status in self._statuses)
        if self.filters.on:
            show_all = "f: show all" if self.filters.day is None else "Esc: show all"
            legend = f"{legend} · {show_all}" if legend else show_all
        self.border_subtitle = legend or None

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_title()
