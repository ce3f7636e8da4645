"""`d`: ask for a day, then put the Timeline there (or show only the events of that day)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from briefing.day_query import DayError, first_from, on_day, parse_day, say_day
from briefing.tui import keys
from briefing.tui.burst import caught_up
from briefing.tui.widgets.timeline import TimelineView

HINT = "⏎ go · Ctrl+F only that day · Esc cancel · (Ctrl+P finds an event by its date or title)"


class DayPrompt(ModalScreen[bool]):
    """Answers True when the Timeline shows other events than before (the day's filter)."""

    DEFAULT_CSS = """
    DayPrompt {
        align: center bottom;
        background: $background 40%;
        #day-box {
            width: 100%;
            height: auto;
            padding: 0 1;
            background: $panel;
            border-top: solid $border;
        }
        #day-input, #day-input:focus { border: none; height: 1; padding: 0; background: $panel; }
        #day-says { color: $text-muted; }
        #day-says.-error { color: $text-error; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("day-prompt")

    def __init__(self, timeline: TimelineView, as_of: date) -> None:
        super().__init__()
        self.timeline = timeline
        self.as_of = as_of

    @classmethod
    async def ask(cls, timeline: TimelineView, as_of: date, then: Callable[[bool | None], None]) -> None:
        """Show the prompt, its field focused at once: the keys typed after `d` are the day."""
        prompt = cls(timeline, as_of)
        await timeline.app.push_screen(prompt, then)
        prompt.set_focus(prompt.field)

    def compose(self) -> ComposeResult:
        with Vertical(id="day-box"):
            yield Static(Content(f"Go to a day (the briefing is as of {say_day(self.as_of)}):"))
            field = Input(placeholder="5 dec, Dec 5, 2024-12-05, yesterday, friday", id="day-input")
            field.cursor_blink = False  # a blinking cursor would make screenshots differ
            yield field
            yield Static(HINT, id="day-says")

    @property
    def field(self) -> Input:
        return self.query_one("#day-input", Input)

    def _say(self, text: str, *, error: bool = False) -> None:
        says = self.query_one("#day-says", Static)
        says.update(Content(text))  # (Content: what was typed is never read as markup)
        says.set_class(error, "-error")

    def on_input_changed(self, event: Input.Changed) -> None:
        """Say, as the day is typed, which day it is and how many events it has."""
        try:
            day = parse_day(event.value, self.as_of)
        except DayError:
            self._say(HINT)
            return
        around = on_day(self.timeline.briefing.events, day)
        own = sum(1 for e in around if e.date.earliest == e.date.latest)
        events = "1 event" if own == 1 else f"{own} events"
        self._say(f"{say_day(day)}: {events} that day, {len(around) - own} around it · {HINT}")

    def _day(self) -> date | None:
        try:
            return parse_day(self.field.value, self.as_of)
        except DayError as error:
            self._say(str(error), error=True)
            return None

    async def action_go(self) -> None:
        """Enter: the Timeline at the first event that starts on or after the day."""
        await caught_up(self.field)  # (tui/burst.py: `d5 dec⏎j` typed at once)
        if (day := self._day()) is None:
            return
        timeline, changed = self.timeline, self.timeline.filters.day is not None
        if changed:
            timeline.filter_to(timeline.filters.with_day(None))
        at = first_from(timeline.events, day)
        if at is None:
            self.app.notify(f"Nothing starts on or after {say_day(day)}: at the last event.")
        timeline.select_index(timeline.count - 1 if at is None else at)
        self.dismiss(changed)

    async def action_only(self) -> None:
        """Ctrl+F: only the events whose span includes the day, that day's own first."""
        await caught_up(self.field)
        if (day := self._day()) is None:
            return
        if not on_day(self.timeline.events, day):
            self._say(f"No event shown is on {say_day(day)}: ⏎ goes to the next after it.", error=True)
            return
        self.timeline.filter_to(self.timeline.filters.with_day(day))
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
