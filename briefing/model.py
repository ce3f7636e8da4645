"""The briefing model: plain, immutable values built by the loader.

Nothing here knows about YAML, Textual or Rich. Every string has already been
sanitised (control characters and bidi overrides replaced) by the loader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

EMPTY: Mapping[str, object] = MappingProxyType({})

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


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote located in a source text.

    ``start``/``end`` index the source's ``text`` as stored on the model
    (``source.text[start:end]`` is the passage the quote matched).
    """

    source: str  # source id
    quote: str
    start: int
    end: int
    occurrence: int = 1


@dataclass(frozen=True)
class Source:
    """A source text (article, report) that quotes are located in."""

    id: str
    title: str
    text: str
    publisher: str | None = None
    author: str | None = None
    dateline: str | None = None
    published: DateSpec | None = None
    url: str | None = None
    reliability: str | None = None  # Admiralty grade A-F
    text_file: str | None = None  # as written in the file, when the text came from one
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class Affiliation:
    """An actor's tie to another actor, such as "leads" or "backed by"."""

    actor: str  # actor id
    relation: str


@dataclass(frozen=True)
class Actor:
    """A person, group, state or organisation taking part in events."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    role: str | None = None
    affiliations: tuple[Affiliation, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class Place:
    """A place events happen in."""

    id: str
    name: str
    kind: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class Event:
    """One entry of the timeline, with the quotes it rests on."""

    id: str
    title: str
    date: DateSpec
    evidence: tuple[Evidence, ...]
    detail: str | None = None
    actors: tuple[str, ...] = ()  # actor ids
    places: tuple[str, ...] = ()  # place ids
    status: str = "reported"
    order: int = 0  # position in the file, the tie-breaker after the date
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class Statement:
    """What a speaker said in a reaction, with where the quote was found."""

    speaker: str  # actor id
    quote: str
    evidence: Evidence  # where the quote was found
    date: DateSpec | None = None
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class Action:
    """Something a country did in reaction: a move, not words."""

    title: str
    date: DateSpec | None = None
    evidence: tuple[Evidence, ...] = ()
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class Reaction:
    """How one country reacted: its stance, headline, statements and actions."""

    id: str
    country: str
    stance: str
    headline: str
    code: str | None = None
    actors: tuple[str, ...] = ()
    statements: tuple[Statement, ...] = ()
    actions: tuple[Action, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)

    @property
    def all_evidence(self) -> tuple[Evidence, ...]:
        """Every located quote behind this reaction: its own, its statements', its actions'."""
        quotes = [s.evidence for s in self.statements]
        quotes += [e for a in self.actions for e in a.evidence]
        return tuple(self.evidence) + tuple(quotes)


@dataclass(frozen=True)
class Assessment:
    """An analyst's judgement, with its likelihood and the events it rests on."""

    id: str
    text: str
    likelihood: str | None = None
    confidence: str | None = None
    basis: tuple[str, ...] = ()  # event ids
    author: str | None = None  # None: the briefing's analyst
    extensions: Mapping[str, object] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class Briefing:
    """A whole briefing: its sources, actors, places, timeline, reactions and assessments."""

    version: int
    id: str
    title: str
    as_of: DateSpec
    sources: tuple[Source, ...]
    status: str = "current"
    summary: str | None = None
    tags: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()  # the timeline: sorted by date, then file order
    reactions: tuple[Reaction, ...] = ()
    assessments: tuple[Assessment, ...] = ()
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
        return tuple(e for e in self.events if actor_id in e.actors)
