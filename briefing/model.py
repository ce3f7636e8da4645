"""The briefing model: plain, immutable values built by the loader, and the format's declaration.

Each record of the format is declared once, here: an attribute made with
``key()`` is a key of the YAML format, with its kind, description and limits
(briefing.format.spec). The loader's checks, the JSON Schema and the JSON
export all read these declarations; attributes without one are derived by the
loader (an event's file order, where a quote was found, lookups by id).

Nothing here knows about YAML, Textual or Rich. Every string has already been
sanitised (control characters and bidi overrides replaced) by the loader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from types import MappingProxyType

from briefing.format.spec import (
    ACTOR_KINDS,
    CONFIDENCES,
    EVENT_STATUSES,
    LIKELIHOODS,
    OCCURRENCE,
    PLACE_KINDS,
    RELIABILITY,
    STANCES,
    STATUSES,
    Field,
    holding,
    key,
)

EMPTY: Mapping[str, object] = MappingProxyType({})

# The records are kw_only: their attributes come in the format's key order (the order of the
# JSON Schema and docs/format.md), where required and optional keys mix.
# Not slots=True: a frozen slotted dataclass unpickles through a __setstate__ written in
# Python, and the model cache loaded 10,000 events 1.8 times slower that way (85 -> 150 ms).


@dataclass(frozen=True)
class DatePoint:
    """One end of a date: a year, month, day or minute, maybe approximate or uncertain."""

    text: str
    precision: str  # "year" | "month" | "day" | "minute"
    earliest: date  # first day the point could be
    latest: date  # last day the point could be
    approximate: bool = False  # written with "~": "around"
    uncertain: bool = False  # written with "?": "possibly"
    moment: datetime | None = None  # only for precision "minute"


@dataclass(frozen=True)
class DateSpec:
    """A date as written in a briefing: a single point or a range of two points."""

    text: str  # exactly as written, e.g. "2024-12-02/2024-12-07"
    start: DatePoint
    end: DatePoint | None  # None unless a range
    display: str  # for readers: "c. 7 Dec 2024", "2–7 Dec 2024", "Dec 2024"

    @property
    def earliest(self) -> date:
        return self.start.earliest

    @property
    def latest(self) -> date:
        return (self.end or self.start).latest

    @property
    def precision(self) -> str:
        return self.start.precision

    @property
    def is_range(self) -> bool:
        return self.end is not None

    @property
    def sort_key(self) -> tuple[date, date]:
        return (self.earliest, self.latest)


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """A verbatim quote located in a source text.

    ``start``/``end`` index the source's ``text`` as stored on the model
    (``source.text[start:end]`` is the passage the quote matched).
    """

    # Resolved by the loader: a briefing with one source may leave it out.
    source: str = key(
        "ref", "Id of the source the quote is from; optional with one source.", target="sources"
    )
    quote: str = key("text", "Verbatim text found in the source.", required=True)
    start: int
    end: int
    occurrence: int = holding(OCCURRENCE, default=1)


@dataclass(frozen=True, kw_only=True)
class Source:
    """A source text (article, report) that quotes are located in."""

    id: str = key("id", "Stable id.", required=True)
    title: str = key("line", "Headline of the article or report.", required=True)
    publisher: str | None = key("line", "Outlet or organisation.", default=None)
    author: str | None = key("line", "Author.", default=None)
    dateline: str | None = key("line", "Place the piece was filed from.", default=None)
    published: DateSpec | None = key("date", "Publication date.", default=None)
    url: str | None = key("line", "Address of the original.", default=None)
    reliability: str | None = key(  # Admiralty grade A-F
        "enum",
        "Admiralty source grade, A (reliable) to E, F cannot be judged.",
        choices=RELIABILITY,
        default=None,
    )
    # Always filled in: given, or read from text_file.
    text: str = key("text", "The verbatim text (give text or text_file).")
    text_file: str | None = key(  # as written in the file, when the text came from one
        "line", "Path of a UTF-8 text file, relative to the briefing, inside its folder.", default=None
    )
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, kw_only=True)
class Affiliation:
    """An actor's tie to another actor, such as "leads" or "backed by"."""

    actor: str = key("ref", "Id of the other actor.", required=True, target="actors")
    relation: str = key("line", "How they are linked, e.g. leads.", required=True)


@dataclass(frozen=True, kw_only=True)
class Actor:
    """A person, group, state or organisation taking part in events."""

    id: str = key("id", "Stable id.", required=True)
    name: str = key("line", "Name.", required=True)
    kind: str = key("enum", "What sort of actor.", required=True, choices=ACTOR_KINDS)
    aliases: tuple[str, ...] = key("strings", "Other names and spellings.", default=())
    country: str | None = key("line", "Country name.", default=None)
    role: str | None = key("line", "Who they are in this story.", default=None)
    affiliations: tuple[Affiliation, ...] = key(
        "records", "Links to other actors.", record=Affiliation, default=()
    )
    evidence: tuple[Evidence, ...] = key("records", "Quotes behind this actor.", record=Evidence, default=())
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, kw_only=True)
class Place:
    """A place events happen in."""

    id: str = key("id", "Stable id.", required=True)
    name: str = key("line", "Name.", required=True)
    kind: str | None = key("enum", "What sort of place.", choices=PLACE_KINDS, default=None)
    country: str | None = key("line", "Country name.", default=None)
    lat: float | None = key(
        "number", "Latitude in decimal degrees (with lon).", minimum=-90, maximum=90, default=None
    )
    lon: float | None = key(
        "number", "Longitude in decimal degrees (with lat).", minimum=-180, maximum=180, default=None
    )
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, kw_only=True)
class Event:
    """One entry of the timeline, with the quotes it rests on."""

    id: str = key("id", "Stable id.", required=True)
    title: str = key("line", "One-line title.", required=True)
    date: DateSpec = key("date", "When it happened, no more precise than the source.", required=True)
    detail: str | None = key("text", "A paragraph.", default=None)
    actors: tuple[str, ...] = key("refs", "Actors involved.", target="actors", default=())
    places: tuple[str, ...] = key("refs", "Places involved.", target="places", default=())
    status: str = key("enum", "Defaults to reported.", choices=EVENT_STATUSES, default="reported")
    order: int = 0  # position in the file, the tie-breaker after the date
    evidence: tuple[Evidence, ...] = key(
        "records", "Quotes behind this event.", required=True, record=Evidence, min_items=1
    )
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, kw_only=True)
class Statement:
    """What a speaker said in a reaction, with where the quote was found."""

    speaker: str = key("ref", "Actor who said it.", required=True, target="actors")
    date: DateSpec | None = key("date", "When it was said.", default=None)
    quote: str = key("text", "Verbatim words, found in the source.", required=True)
    # Where the quote was found: the loader locates quote, source and occurrence.
    evidence: Evidence = holding(
        Field("source", "ref", "Source of the quote; optional with one source.", target="sources"), OCCURRENCE
    )
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, kw_only=True)
class Action:
    """Something a country did in reaction: a move, not words."""

    date: DateSpec | None = key("date", "When it was done.", default=None)
    title: str = key("line", "What was done.", required=True)
    evidence: tuple[Evidence, ...] = key("records", "Quotes behind this action.", record=Evidence, default=())
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, kw_only=True)
class Reaction:
    """How one country reacted: its stance, headline, statements and actions."""

    id: str = key("id", "Stable id.", required=True)
    country: str = key("line", "Country or bloc; once per briefing.", required=True)
    code: str | None = key("line", 'ISO 3166-1 alpha-2 code, quoted ("TR").', default=None)
    stance: str = key("enum", "Overall stance.", required=True, choices=STANCES)
    headline: str = key("line", "One line.", required=True)
    actors: tuple[str, ...] = key(
        "refs", "Actors who speak or act for this country.", target="actors", default=()
    )
    statements: tuple[Statement, ...] = key("records", "What was said.", record=Statement, default=())
    actions: tuple[Action, ...] = key("records", "What was done.", record=Action, default=())
    evidence: tuple[Evidence, ...] = key(
        "records", "Quotes behind this reaction.", record=Evidence, default=()
    )
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)

    @property
    def all_evidence(self) -> tuple[Evidence, ...]:
        """Every located quote behind this reaction: its own, its statements', its actions'."""
        quotes = [s.evidence for s in self.statements]
        quotes += [e for a in self.actions for e in a.evidence]
        return tuple(self.evidence) + tuple(quotes)


@dataclass(frozen=True, kw_only=True)
class Assessment:
    """An analyst's judgement, with its likelihood and the events it rests on."""

    id: str = key("id", "Stable id.", required=True)
    text: str = key("text", "The judgment.", required=True)
    likelihood: str | None = key("enum", "Probability wording.", choices=LIKELIHOODS, default=None)
    confidence: str | None = key("enum", "Confidence in the judgment.", choices=CONFIDENCES, default=None)
    basis: tuple[str, ...] = key(  # event ids
        "refs", "Events the judgment rests on.", target="events", default=()
    )
    author: str | None = key(  # None: the briefing's analyst
        "line", "Who judged; defaults to the briefing's analyst.", default=None
    )
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, kw_only=True)
class Briefing:
    """A whole briefing: its sources, actors, places, timeline, reactions and assessments."""

    version: int = key("version", "Format version: the integer 1.", name="briefing", required=True)
    id: str = key("id", "The briefing's stable id.", required=True)
    title: str = key("line", "One-line title.", required=True)
    as_of: DateSpec = key("date", "Information cutoff: nothing later is included.", required=True)
    status: str = key("enum", "Defaults to current.", choices=STATUSES, default="current")
    summary: str | None = key("text", "Bottom line up front.", default=None)
    tags: tuple[str, ...] = key("strings", "Short labels.", default=())
    # Sources first: the loader locates the quotes of every later record in their texts.
    sources: tuple[Source, ...] = key(
        "records", "Where the text comes from.", required=True, record=Source, min_items=1
    )
    actors: tuple[Actor, ...] = key(
        "records", "People, groups, governments, media, organisations.", record=Actor, default=()
    )
    places: tuple[Place, ...] = key("records", "Named places.", record=Place, default=())
    events: tuple[Event, ...] = key(  # the timeline: by first day, last day, then file order
        "records", "The timeline.", record=Event, default=()
    )
    reactions: tuple[Reaction, ...] = key(
        "records", "Responses, one entry per country or bloc.", record=Reaction, default=()
    )
    assessments: tuple[Assessment, ...] = key(
        "records", "Analytic judgments about what comes next.", record=Assessment, default=()
    )
    path: str | None = None  # the file it was loaded from
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)
    # Lookups by id, derived from the tuples above. Actors and events by their place in
    # the tuple, which is also what a pane listing all of them needs.
    _sources: dict[str, Source] = field(init=False, repr=False, compare=False)
    _actor_positions: dict[str, int] = field(init=False, repr=False, compare=False)
    _places: dict[str, Place] = field(init=False, repr=False, compare=False)
    _event_positions: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sources", {s.id: s for s in self.sources})
        object.__setattr__(self, "_actor_positions", {a.id: n for n, a in enumerate(self.actors)})
        object.__setattr__(self, "_places", {p.id: p for p in self.places})
        object.__setattr__(self, "_event_positions", {e.id: n for n, e in enumerate(self.events)})

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def actor(self, actor_id: str) -> Actor:
        return self.actors[self._actor_positions[actor_id]]

    def place(self, place_id: str) -> Place:
        return self._places[place_id]

    def event(self, event_id: str) -> Event:
        return self.events[self._event_positions[event_id]]

    def actor_positions(self) -> Mapping[str, int]:
        """Each actor's index in ``actors``, by id."""
        return self._actor_positions

    def event_positions(self) -> Mapping[str, int]:
        """Each event's index in ``events`` (the timeline), by id."""
        return self._event_positions

    def events_of(self, actor_id: str) -> tuple[Event, ...]:
        """The timeline events an actor takes part in, in timeline order."""
        return self._events_by_actor.get(actor_id, ())

    def events_at(self, place_id: str) -> tuple[Event, ...]:
        """The timeline events at a place, in timeline order."""
        return self._events_by_place.get(place_id, ())

    # Built once, on first use, for every actor (place): asked per actor, a scan of the
    # timeline each time made `show` and the Actors pane quadratic (10k events: 18 s).
    @cached_property
    def _events_by_actor(self) -> dict[str, tuple[Event, ...]]:
        return _grouped(self.events, lambda event: event.actors)

    @cached_property
    def _events_by_place(self) -> dict[str, tuple[Event, ...]]:
        return _grouped(self.events, lambda event: event.places)


def _grouped(
    events: tuple[Event, ...], ids: Callable[[Event], tuple[str, ...]]
) -> dict[str, tuple[Event, ...]]:
    """Each id's events, in timeline order; an event naming an id twice is listed once."""
    grouped: dict[str, list[Event]] = {}
    for event in events:
        for item_id in dict.fromkeys(ids(event)):
            grouped.setdefault(item_id, []).append(event)
    return {item_id: tuple(events) for item_id, events in grouped.items()}


def quotes_of(item: object) -> tuple[Evidence, ...]:
    """An item's quotes in the order Source shows them; a reaction's: said, done, then its own."""
    if isinstance(item, Reaction):
        return (
            *(s.evidence for s in item.statements),
            *(e for a in item.actions for e in a.evidence),
            *item.evidence,
        )
    if isinstance(item, Event | Actor):
        return item.evidence
    return ()
