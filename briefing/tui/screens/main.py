"""The reader: four panes, cross-linked, with actor and place filters and a search (tui/search_mode.py).

The screen owns the links between panes. Each list pane reports when its
cursor moves; the screen then highlights, in the other panes, everything tied
to the *active item* (the selection of the list pane used last): its quotes in
Source, its actors in Actors, an actor's events in Timeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.events import DescendantFocus, Resize, ScreenResume
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from briefing.model import Briefing
from briefing.tui import keys
from briefing.tui.filters import NO_FILTERS, Filters
from briefing.tui.links import NOTHING, links_of
from briefing.tui.pane_layout import PaneArea, PaneColumn, arrange, has_palette_key, mode_for
from briefing.tui.place import PANES, ViewState
from briefing.tui.screens.item_views import ItemViews
from briefing.tui.search_mode import SearchMode, leave_behind
from briefing.tui.widgets.actors import ActorsView
from briefing.tui.widgets.header import BriefingHeader
from briefing.tui.widgets.item_list import ItemList
from briefing.tui.widgets.key_bar import KeyBar
from briefing.tui.widgets.map_beside import MapBeside
from briefing.tui.widgets.pane_tabs import PaneTabs
from briefing.tui.widgets.reactions import ReactionsView
from briefing.tui.widgets.search_bar import SearchBar
from briefing.tui.widgets.source import SourceView
from briefing.tui.widgets.timeline import TimelineView

if TYPE_CHECKING:
    from briefing.tui.matches import MatchList

LIST_PANES = ("timeline", "actors", "reactions")


class MainScreen(ItemViews, Screen[None], inherit_bindings=False):
    # Carries one of -wide, -split or -single, from the terminal size (pane_layout.mode_for):
    # from the constructor on, and again on every resize. pane_layout sizes the panes.
    DEFAULT_CSS = """
    MainScreen {
        layers: default search;  /* the search bar over the panes (widgets/search_bar.py) */
        #panes {
            layout: horizontal;
            height: 1fr;
        }
        #lists {
            layout: vertical;
        }
        #source {
            width: 1fr;
            height: 1fr;
        }
        &.-split #panes {
            layout: vertical;
        }
        &.-wide PaneTabs {
            display: none;
        }
        /* The pane with focus: a heavy frame, its title reversed (which reads without colour). */
        #panes Pane:focus {
            border: heavy $border;
            border-title-style: bold reverse;
        }
    }
    """
    AUTO_FOCUS = ""  # none: restore() focuses the pane the reader was in
    BINDINGS: list[BindingType] = keys.bindings_for("reader")
    # Screen's own declaration repaints the whole screen on every change of focus (about
    # 24 KB to the terminal at 120x40); the widgets focused and blurred repaint themselves.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, briefing: Briefing, *, state: ViewState | None = None) -> None:
        # Start in the layout the terminal has room for: the screen and its panes are then
        # styled once as they mount, not again when the class changes.
        super().__init__(classes=f"-{mode_for(self.app.size)}")
        self.briefing = briefing
        self.initial_state = state or ViewState()
        self.current_pane = "timeline"  # the pane with focus (or last with focus)
        self.active_pane = "timeline"  # the list pane whose selection is linked
        self.searching = SearchMode(self)
        self._events_of: dict[str, frozenset[str]] = {}
        self._keys_state: tuple[object, ...] = ()
        self._shown = False
        self._on_screen: set[str] = set(PANES)  # the panes the layout shows (see _stage)

    def compose(self) -> ComposeResult:
        # The screen keeps its own widgets rather than finding them with query_one: Textual's
        # cache of query_one answers keeps every widget it returned until 1,024 newer ones push
        # it out, so after each reload it kept the old panes, and the old briefing with them.
        self._widgets = _Widgets(
            TimelineView(self.briefing, id="timeline"),
            ActorsView(self.briefing, id="actors"),
            ReactionsView(self.briefing, id="reactions"),
            SourceView(self.briefing, id="source"),
            PaneTabs(),
            self.searching.make_bar(),
            KeyBar(show_command_palette=has_palette_key(self.app.size)),
            PaneArea(self._area_resized, id="panes"),
            PaneColumn(id="lists"),
        )
        self._header = BriefingHeader(self.briefing, self.app.size)  # kept, as the panes are (above)
        yield self._header
        yield (beside := MapBeside(self.briefing, id="map-beside"))
        self._map_beside = beside  # shown in wide terminals (widgets/map_beside.py)
        yield self._widgets.tabs
        with self._widgets.area:
            # Reading order, as numbered: the lists down a column (1-3), Source beside or under it (4).
            with self._widgets.lists:
                yield self._widgets.timeline
                yield self._widgets.actors
                yield self._widgets.reactions
            yield self._widgets.source
        yield self._widgets.search_bar
        yield self._widgets.search_bar.results  # (over the panes, under the bar: see SearchBar)
        yield self._widgets.key_bar
        self.size_panes()  # before the first layout, from the terminal's size: laid out once

    # -- panes ----------------------------------------------------------------------

    @property
    def timeline(self) -> TimelineView:
        return self._widgets.timeline

    @property
    def actors(self) -> ActorsView:
        return self._widgets.actors

    @property
    def reactions(self) -> ReactionsView:
        return self._widgets.reactions

    @property
    def source(self) -> SourceView:
        return self._widgets.source

    def pane(self, name: str) -> ItemList | SourceView:
        return getattr(self._widgets, name)  # type: ignore[no-any-return]

    # -- the briefing shown ---------------------------------------------------------

    def on_mount(self) -> None:
        self.restore(self.initial_state)
        self.searching.prepare_index()

    def on_unmount(self) -> None:
        leave_behind(self.app)  # closed (another briefing opened from the library): collect it

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, ScreenResume) and not self._shown:
            # Shown for the first time: every widget was styled as it mounted, a moment ago,
            # and restyled itself on any change since. Textual would style them all again.
            self._shown = True
            event.refresh_styles = False
        await super().on_event(event)

    async def show_briefing(self, briefing: Briefing, state: ViewState | None = None) -> None:
        """Show another briefing, or a new version of this one, on the same screen.

        Without ``state`` the reader stays where they are: the same pane and the
        same items, wherever their ids still exist. The search is cleared.
        """
        state = state or self.view_state()
        leave_behind(self.app)  # the widgets of the briefing shown until now
        self.briefing = briefing
        self.searching.forget()
        self._events_of = {}
        self._keys_state = ()
        for widget in self.query("*"):
            # Repainting empties each widget's cache of drawn lines, which Textual keeps
            # reachable after the widget is gone (a cache of up to 1,024 of them).
            widget.refresh()
        await self.recompose()
        self.restore(state)
        self.searching.prepare_index()

    # -- where the reader is --------------------------------------------------------

    def restore(self, state: ViewState) -> None:
        """Put the reader where ``state`` says (by default on the newest event), ignoring ids it lacks."""
        self.timeline.select_index(self.timeline.count - 1 if state.event is None else 0, notify=False)
        for name, item_id in (
            ("actors", state.actor),
            ("reactions", state.reaction),
            ("timeline", state.event),
        ):
            if item_id is not None:
                self.pane(name).select_id(item_id, notify=False)
        actors = () if state.filter_actor is None else (state.filter_actor,)
        if actors:  # the filter follows the Actors cursor: put it there
            self.actors.select_id(actors[0], notify=False)
        filters = Filters(frozenset(actors), frozenset((state.filter_places or "").split()))
        if (filters := filters.known(self.briefing)).on:
            self._filter_timeline(filters)
            if state.event is not None:
                self.timeline.select_id(state.event, notify=False)
        pane = state.pane if state.pane in PANES else "timeline"
        self.active_pane = pane if pane in LIST_PANES else "timeline"
        self._link()
        if state.source is not None and state.source in {s.id for s in self.briefing.sources}:
            self.source.show_source(state.source)
        self._apply_layout(self.app.size)
        if self.search_bar.is_open:  # `/` was typed before the screen was ready: keep typing there
            self._enter_pane(pane)
            self.searching.return_pane = pane
        else:
            self.action_focus_pane(pane)

    def view_state(self) -> ViewState:
        only, places = self.timeline.only_actor, self.timeline.filters.places
        return ViewState(
            pane=self.current_pane,
            event=self.timeline.cursor_id,
            actor=self.actors.cursor_id,
            reaction=self.reactions.cursor_id,
            source=self.source.source.id,
            filter_actor=only.id if only is not None else None,
            filter_places=" ".join(sorted(places)) or None,
        )

    def action_focus_pane(self, name: str) -> None:
        self._enter_pane(name)
        # At once, not after a refresh: keys typed right after this one go to the new pane.
        self.set_focus(self.pane(name), scroll_visible=False)

    def action_cycle_pane(self, step: int) -> None:
        position = PANES.index(self.current_pane)
        self.action_focus_pane(PANES[(position + step) % len(PANES)])

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if event.widget.id in PANES:  # also when a pane is clicked
            self._enter_pane(event.widget.id)

    def _enter_pane(self, name: str) -> None:
        """Make ``name`` the current pane; a list pane's selection becomes the linked item."""
        changed = name in LIST_PANES and name != self.active_pane
        self.current_pane = name
        if name in LIST_PANES:
            self.active_pane = name
        self._stage()
        if changed:
            self._link()
        self.refresh_keys()

    # -- layout ---------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._apply_layout(event.size)

    def _apply_layout(self, size: Size) -> None:
        for mode in ("wide", "split", "single"):
            self.set_class(mode == mode_for(size), f"-{mode}")
        self._widgets.key_bar.show_command_palette = has_palette_key(size)
        self._header.fit(size)  # the summary wraps to the width, more lines when tall
        self._map_beside.fit(size)
        self._stage()

    @property
    def layout_mode(self) -> str:
        return next(m for m in ("wide", "split", "single") if self.has_class(f"-{m}"))

    def _stage(self) -> None:
        """Show the panes the layout has room for: all, list pane + Source, or one."""
        if not self.is_mounted:
            return
        mode = self.layout_mode
        shown = {
            "wide": set(PANES),
            "split": {self.active_pane, "source"},
            "single": {self.current_pane},
        }[mode]
        for name in PANES:
            self.pane(name).set_class(name not in shown, "-offstage")
        self._widgets.tabs.show(self.current_pane, shown)
        self._on_screen = shown
        self.size_panes()

    def size_panes(self) -> None:
        """Size the panes to their content in the room the panes' area has (tui/pane_layout.py).

        (The search bar is drawn over them, and takes none: widgets/search_bar.py.)"""
        area = self._widgets.area.room(self.layout_mode, self.app.size, self.briefing)
        lists = (self.timeline, self.actors, self.reactions)
        arrange(self.layout_mode, area, self._widgets.lists, lists, self._on_screen)

    def _area_resized(self) -> None:
        self.size_panes()

    # -- links between panes --------------------------------------------------------

    def on_item_list_moved(self, message: ItemList.Moved) -> None:
        name = message.item_list.id
        if name == "actors" and self.timeline.filters.actors and (actor := self.actors.selected):
            self._filter_timeline(self.timeline.filters.with_actors(actor.id))
        if name == "reactions":
            self.size_panes()  # the country opened is taller or shorter than the one closed
        if name == self.active_pane:
            self._link()

    def _link(self) -> None:
        """Highlight, in the other panes, what the active item is tied to."""
        links = links_of(self.pane(self.active_pane).selected, self.events_of)
        self.timeline.set_linked(links.events)
        self.actors.set_linked(links.actors)
        self.reactions.set_linked(NOTHING)
        self.source.show_evidence(links.evidence, note=links.note)
        self._map_beside.show_event(self.timeline.selected)
        self.refresh_keys()

    def events_of(self, actor_id: str) -> frozenset[str]:
        if actor_id not in self._events_of:
            self._events_of[actor_id] = frozenset(e.id for e in self.briefing.events_of(actor_id))
        return self._events_of[actor_id]

    # -- which keys work ------------------------------------------------------------

    def refresh_keys(self) -> None:
        """Redraw the footer, but only when the keys that work have changed: it is slow."""
        key = (
            self.current_pane,
            bool(self.source.evidence),
            self.timeline.filters,
            self.searching.found_any,
        )
        if key != self._keys_state:
            self._keys_state = key
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_match":
            return self.searching.found_any
        if action == "toggle_filter":
            return self.current_pane == "actors" or self.timeline.filters.on
        if action == "show_evidence":
            return bool(self.source.evidence)
        if action == "clear":  # Esc: something to clear, or the search bar to close
            return self.matches is not None or self.timeline.filters.on or self.search_bar.is_open
        return True

    # -- the filters (tui/filters.py) ----------------------------------------------

    def _filter_timeline(self, filters: Filters) -> None:
        """Show only the events ``filters`` keep; a search is counted again over them."""
        self.timeline.filter_to(filters)
        self._header.show_filters(filters.names(self.briefing))
        self.size_panes()  # fewer events: rows for the other lists
        self.searching.recount()  # its count and n/N were for the events shown before
        self.refresh_keys()

    def action_toggle_filter(self) -> None:
        """f: in Actors, with no actor on, add the selected actor; otherwise show every event."""
        filters = self.timeline.filters
        if self.current_pane == "actors" and not filters.actors and (actor := self.actors.selected):
            self._filter_timeline(filters.with_actors(actor.id))
        elif filters.on:
            self._filter_timeline(NO_FILTERS)

    def filter_place(self, place_id: str) -> None:
        """Show only the events at this place (with any actor filter); again: lift it."""
        filters = self.timeline.filters
        places = () if filters.places == {place_id} else (place_id,)
        self._filter_timeline(filters.with_places(*places))

    # -- quotes (the views beyond the panes: screens/item_views.py) ------------------

    def action_show_evidence(self) -> None:
        if self.current_pane == "source":
            self.source.next_evidence()
        else:
            self._link()  # back to the first quote, even if the reader scrolled away
            self.action_focus_pane("source")

    def jump_to(self, pane: str, item_id: str) -> None:
        """Select an item and focus its pane (used by the command palette)."""
        if pane == "timeline" and self.timeline.index_of(item_id) is None:
            self._filter_timeline(NO_FILTERS)  # the event is hidden by the filters
        self.action_focus_pane(pane)
        target = self.pane(pane)
        if isinstance(target, ItemList):
            target.select_id(item_id)

    # -- search (tui/search_mode.py) ------------------------------------------------

    @property
    def search_bar(self) -> SearchBar:
        return self._widgets.search_bar

    @property
    def matches(self) -> MatchList | None:
        """What the search found; None while nothing is searched."""
        return self.searching.matches

    async def action_start_search(self) -> None:
        await self.searching.start()

    def action_next_match(self, step: int) -> None:
        self.searching.step(step)

    def action_clear(self) -> None:
        """Esc: clear the search; with none, the filters."""
        if not self.searching.clear() and self.timeline.filters.on:
            self._filter_timeline(NO_FILTERS)


class _Widgets(NamedTuple):
    timeline: TimelineView
    actors: ActorsView
    reactions: ReactionsView
    source: SourceView
    tabs: PaneTabs
    search_bar: SearchBar
    key_bar: KeyBar
    area: PaneArea
    lists: PaneColumn
