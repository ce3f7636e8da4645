"""The overview: the briefing's bottom line, assessments, sources and places, on one page.

The events an assessment rests on can be opened: Tab and Shift+Tab go from one to the
next, Enter (or a click) shows the event's detail, and closing that comes back here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalGroup, VerticalScroll
from textual.content import Content
from textual.events import Click
from textual.widget import Widget
from textual.widgets import Static

from briefing.model import Briefing, Event
from briefing.tui import keys
from briefing.tui.describe import Part, basis_links, overview
from briefing.tui.screens.scrolling import ReadingScreen
from briefing.tui.styling import chip
from briefing.tui.widgets.key_bar import KeyBar


class BasisLink(Static, can_focus=True):
    """An event an assessment rests on, by its date and title: focused, it reads reversed."""

    DEFAULT_CSS = """
    BasisLink:focus {
        text-style: bold reverse;  /* reads in every palette and under NO_COLOR */
    }
    """

    def __init__(self, event: Event, content: Content) -> None:
        super().__init__(content, classes="detail-basis")
        self.event = event

    def on_click(self, event: Click) -> None:
        event.stop()
        self.focus()
        if isinstance(self.screen, OverviewScreen):
            self.screen.action_open_event()


class OverviewScreen(ReadingScreen[Event | None]):
    """Dismissed with an event when the reader asks, from its detail, for its quotes in Source."""

    BODY = "detail-body"
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("overview")
    DEFAULT_CSS = """
    OverviewScreen .-found { border-left: thick $accent; }  /* the part a search result opened at */
    """

    def __init__(self, briefing: Briefing, *, at: str | None = None) -> None:
        """``at``: the part to open at, as search results name it ("summary", "assessment:2",
        "source:1", "places"), marked."""
        super().__init__()
        self.briefing = briefing
        self.at = at

    def compose(self) -> ComposeResult:
        yield Static(chip("Overview", "bold reverse"), id="detail-kind", classes="reading-title")
        with VerticalScroll(id="detail-body", classes="reading-body"):
            parts = overview(self.briefing)
            names = _part_names(parts)
            found = names.index(self.at) if self.at is not None and self.at in names else None
            yield from _widgets(parts, iter(basis_links(self.briefing)), found)
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        if found := self.query(".-found"):
            self.call_after_refresh(self.body.scroll_to_widget, found.first(), top=True, animate=False)

    # -- the events assessments rest on -------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_event":
            return isinstance(self.focused, BasisLink)
        if action == "focus_event":
            return bool(self.query(BasisLink))
        return True

    def action_focus_event(self, step: int) -> None:
        """Go to the next (``step`` 1) or previous (-1) event listed; from the page, the first in view."""
        links = list(self.query(BasisLink))
        if not links:
            return
        if isinstance(self.focused, BasisLink):
            target = links[(links.index(self.focused) + step) % len(links)]
        else:
            view = self.body.content_region
            if step > 0:
                target = next((link for link in links if link.region.y >= view.y), links[0])
            else:
                target = next((link for link in reversed(links) if link.region.y < view.bottom), links[-1])
        # At once, not after a refresh (as Widget.focus does): a Tab typed straight after
        # this one moves on from here. Scrolls it into view.
        self.set_focus(target)

    def action_open_event(self) -> None:
        from briefing.tui.screens.detail import DetailScreen

        link = self.focused
        if isinstance(link, BasisLink):
            event = link.event
            self.app.push_screen(
                DetailScreen(self.briefing, event), lambda result: self._after(result, event)
            )

    def _after(self, result: str | None, event: Event) -> None:
        if result == "evidence":  # the detail's "s": to the panes, at the event's quotes
            self.dismiss(event)


def _part_names(parts: list[Part]) -> list[str | None]:
    """What each part of the overview is, as search results name it (None: not one of those)."""
    names: list[str | None] = []
    section, number = "", 0
    for kind, content in parts:
        if kind == "heading":
            section, number = content.plain.split(" (")[0], 0
            names.append(None)
        elif section == "Summary":
            names.append("summary")
        elif section in ("Assessments", "Sources") and kind == "entry":
            number += 1
            names.append(f"{section[:-1].lower()}:{number}")
        elif section == "Places":
            names.append("places")
        else:
            names.append(None)
    return names


def _widgets(parts: Iterable[Part], links: Iterator[Event], found: int | None) -> Iterator[Widget]:
    """A Static for each part (the ``found`` one marked); an assessment's basis set apart as one
    indented group of links."""
    group: list[Widget] = []
    for index, (kind, content) in enumerate(parts):
        if kind == "basis":
            group.append(BasisLink(next(links), content))
            continue
        if kind == "basis-label":
            group.append(Static(content))
            continue
        if group:
            yield VerticalGroup(*group, classes="detail-quote")
            group = []
        yield Static(content, classes=f"detail-{kind}" + (" -found" if index == found else ""))
    if group:
        yield VerticalGroup(*group, classes="detail-quote")
