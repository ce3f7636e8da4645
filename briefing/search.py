"""Finding text across a briefing: events, actors, reactions and source texts.

Pure functions over the model, no Textual. What matches is decided by one fold
(briefing.folding); where a needle occurs in a source text, by
briefing.source_search. This module holds the index: the folded text of every
record, narrowed key by key as a query is typed on.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import contains
from typing import Any

from briefing.folding import Folded, fold
from briefing.folding import find_spans as find_spans  # (the widgets import it from here, with the search)
from briefing.model import Actor, Briefing, Event, Evidence, Reaction
from briefing.source_search import SourceMatches, Spans, source_matches

# Matches listed per source text: for the count and for n/N. Source highlights those past
# the last listed as it draws them. Listing 10,000 in a 15 MB text cost a key 6-46 ms.
MAX_SPANS_PER_SOURCE = 1_000


# What splits the folded texts into words: whitespace, and any ASCII character but a
# letter or digit. Other characters stay inside words, which does no harm: the words
# are only for telling when typing on within a word can drop no record.
_SEPARATORS = str.maketrans(dict.fromkeys((c for c in range(128) if not chr(c).isalnum()), " "))


def _one_word(needle: str) -> bool:
    return needle.translate(_SEPARATORS).split() == [needle]


class _Vocabulary:
    """Every word in the folded texts of one pane's records."""

    def __init__(self, texts: Sequence[str]) -> None:
        words: set[str] = set()
        # In chunks: the words of 100,000 texts at once are hundreds of MB, and splitting
        # a chunk holds the interpreter, which the reader needs (this runs in a thread).
        for start in range(0, len(texts), 500):
            words.update(" ".join(texts[start : start + 500]).translate(_SEPARATORS).split())
        self._joined = "\n".join(words)  # one string, searched in C, not a set of 100,000

    def holding(self, needle: str, limit: int = 2_000) -> tuple[str, ...] | None:
        """The words that hold ``needle``, a single word; None past ``limit`` of them."""
        joined, found = self._joined, []
        at = joined.find(needle)
        while at >= 0 and len(found) < limit:
            start, end = joined.rfind("\n", 0, at) + 1, joined.find("\n", at)
            end = len(joined) if end < 0 else end
            found.append(joined[start:end])
            at = joined.find(needle, end)
        return tuple(found) if at < 0 else None


@dataclass(frozen=True)
class _Found:
    """The records of one pane whose folded text holds a needle, in the model's order."""

    ids: tuple[str, ...]
    texts: tuple[str, ...]  # tuples, not lists: the collector stops tracking a tuple of strings
    # The pane's words that hold the needle, when it is one word and they are known. A
    # record holds such a needle only inside one of those words.
    words: tuple[str, ...] | None = None

    def narrowed(self, needle: str, vocabulary: _Vocabulary | None) -> _Found:
        """The records that hold ``needle``, which contains the needle found here.

        A filter run in C (map, compress), not a Python loop: at 100,000 events
        it is run on every key typed. Skipped when every word that holds the
        needle found here also holds the new one: then so does every record.
        """
        words = None
        if _one_word(needle):
            if self.words is not None:
                words = tuple(compress(self.words, map(contains, self.words, repeat(needle))))
                if len(words) == len(self.words):
                    return self
            elif vocabulary is not None:
                words = vocabulary.holding(needle)
        found = list(map(contains, self.texts, repeat(needle)))
        if all(found):  # the same records: the same ids, so the reader can keep its counts of them
            return self if words == self.words else _Found(self.ids, self.texts, words)
        return _Found(tuple(compress(self.ids, found)), tuple(compress(self.texts, found)), words)

    @classmethod
    def every(cls, records: list[tuple[str, str]] | None) -> _Found:
        """Every record: where a needle found nowhere yet is looked for."""
        pairs = records or []
        return cls(tuple(item_id for item_id, _ in pairs), tuple(text for _, text in pairs))


@dataclass(frozen=True, eq=False)  # (equal only to itself: no comparing 100,000 texts)
class Matching:
    """Whether a record holds a needle, asked of one record id at a time.

    What a pane needs to draw the rows on screen; a set of every id found would
    cost several milliseconds at 100,000 events, on every key typed.
    """

    needle: str
    texts: dict[str, str]  # each record's folded text, by id

    def __contains__(self, item_id: object) -> bool:
        text = self.texts.get(item_id) if isinstance(item_id, str) else None
        return bool(self.needle) and text is not None and self.needle in text


@dataclass(frozen=True)
class SearchResult:
    """What one query matched, by pane. Ids keep the model's order."""

    query: str
    events: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    reactions: tuple[str, ...] = ()
    source_spans: dict[str, Sequence[tuple[int, int]]] = field(default_factory=dict)
    capped: frozenset[str] = frozenset()  # sources with more matches than MAX_SPANS_PER_SOURCE lists

    @property
    def total(self) -> int:
        return (
            len(self.events)
            + len(self.actors)
            + len(self.reactions)
            + sum(len(spans) for spans in self.source_spans.values())
        )

    def __bool__(self) -> bool:
        return self.total > 0


RECENT = 16  # queries whose matches are kept: typing on narrows them, deleting finds them again


def _forget_oldest(recent: dict[Any, Any]) -> None:
    while len(recent) > RECENT:
        del recent[next(iter(recent))]


class SearchIndex:
    """Lower-cased, accent-folded text of every record, built on first use."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self._events: list[tuple[str, str]] | None = None
        self._actors: list[tuple[str, str]] | None = None
        self._reactions: list[tuple[str, str]] | None = None
        self._sources: dict[str, Folded] = {}
        self._building = threading.Lock()  # a search waits for a build already under way
        # What recent needles matched, by pane, oldest first: a query typed on from one
        # of them can only match those records, and one deleted back to is known.
        self._recent: dict[str, tuple[_Found, ...]] = {}
        self._recent_spans: dict[str, dict[str, SourceMatches]] = {}  # by source id, then needle
        self._every: tuple[_Found, ...] | None = None
        self._vocabularies: tuple[_Vocabulary, ...] | None = None  # by pane, once prepare_words() is done
        self._by_id: dict[str, dict[str, str]] | None = None  # folded texts, by kind, then id

    def prepare(self) -> None:
        """Build the folded text of every record now (the reader does it in a thread at start)."""
        with self._building:
            self._event_texts()
            self._actor_texts()
            self._reaction_texts()
            for source in self.briefing.sources:
                self._folded_source(source.id)
            self._every_record()
            self._texts_by_id()

    def prepare_words(self) -> None:
        """Find every word of every record, so that typing on within a word is quicker.

        Searches until then are right, only slower: the reader runs this in a
        thread after prepare(), and does not wait for it.
        """
        self.prepare()
        if self._vocabularies is None:
            self._vocabularies = tuple(_Vocabulary(found.texts) for found in self._every_record())

    def search(self, query: str) -> SearchResult:
        needle = fold(query.strip())
        if not needle:
            return SearchResult(query)
        self.prepare()
        events, actors, reactions = self._found(needle)
        listed = [(source.id, self._source_matches(source.id, query)) for source in self.briefing.sources]
        return SearchResult(
            query,
            events=events.ids,
            actors=actors.ids,
            reactions=reactions.ids,
            source_spans={
                source_id: Spans(found.starts, len(found.needle), self._folded_source(source_id))
                for source_id, found in listed
                if found.starts
            },
            capped=frozenset(source_id for source_id, found in listed if not found.complete),
        )

    def _found(self, needle: str) -> tuple[_Found, ...]:
        panes = self._recent.pop(needle, None)
        if panes is None:
            # Narrow the longest recent needle this one contains: what holds "corr" holds "cor".
            base = max((known for known in self._recent if known in needle), key=len, default=None)
            bases = self._every_record() if base is None else self._recent[base]
            vocabularies = self._vocabularies or (None,) * len(bases)
            panes = tuple(map(_Found.narrowed, bases, repeat(needle), vocabularies))
        self._recent[needle] = panes  # now the most recent
        _forget_oldest(self._recent)
        return panes

    def matching(self, kind: str, query: str) -> Matching:
        """Which records of ``kind`` ("events", "actors" or "reactions") ``query`` finds."""
        self.prepare()
        return Matching(fold(query.strip()), self._texts_by_id()[kind])

    def _texts_by_id(self) -> dict[str, dict[str, str]]:
        if self._by_id is None:
            texts = (self._event_texts(), self._actor_texts(), self._reaction_texts())
            self._by_id = dict(zip(("events", "actors", "reactions"), map(dict, texts), strict=True))
        return self._by_id

    def _every_record(self) -> tuple[_Found, ...]:
        """Every record, by pane: what a needle not narrowed from a recent one is looked for in."""
        if self._every is None:
            self._every = tuple(
                map(_Found.every, (self._event_texts(), self._actor_texts(), self._reaction_texts()))
            )
        return self._every

    def _source_matches(self, source_id: str, query: str) -> SourceMatches:
        needle = fold(query.strip())
        recent = self._recent_spans.setdefault(source_id, {})
        matches = recent.pop(needle, None)
        if matches is None:
            # Typed on from a recent needle: look only where that one occurs.
            typed_from = max((known for known in recent if needle.startswith(known)), key=len, default=None)
            matches = source_matches(
                self._folded_source(source_id).text,
                needle,
                MAX_SPANS_PER_SOURCE,
                None if typed_from is None else recent[typed_from],
            )
        recent[needle] = matches  # now the most recent
        _forget_oldest(recent)
        return matches

    def _folded_source(self, source_id: str) -> Folded:
        folded = self._sources.get(source_id)
        if folded is None:
            folded = self._sources[source_id] = Folded(self.briefing.source(source_id).text)
        return folded

    def _event_texts(self) -> list[tuple[str, str]]:
        if self._events is None:
            # Actors and places recur in many events: fold their names once.
            names = {a.id: fold(_join(_names(a))) for a in self.briefing.actors}
            places = {p.id: fold(p.name) for p in self.briefing.places}

            def text(event: Event) -> str:
                own = fold(_join(_event_words(event)))
                return _join([own, *(names[a] for a in event.actors), *(places[p] for p in event.places)])

            self._events = [(event.id, text(event)) for event in self.briefing.events]
        return self._events

    def _actor_texts(self) -> list[tuple[str, str]]:
        if self._actors is None:
            self._actors = [(a.id, fold(_join(_actor_words(a)))) for a in self.briefing.actors]
        return self._actors

    def _reaction_texts(self) -> list[tuple[str, str]]:
        if self._reactions is None:
            self._reactions = [(r.id, fold(_join(self._reaction_words(r)))) for r in self.briefing.reactions]
        return self._reactions

    def _reaction_words(self, reaction: Reaction) -> Iterator[str]:
        yield from (reaction.country, reaction.code or "", reaction.stance, reaction.headline)
        for actor_id in reaction.actors:
            yield from _names(self.briefing.actor(actor_id))
        for statement in reaction.statements:
            yield statement.quote
            yield from _names(self.briefing.actor(statement.speaker))
        for action in reaction.actions:
            yield action.title
        yield from _quotes(reaction.all_evidence)


def _event_words(event: Event) -> Iterator[str]:
    """The event's own words; its actors' and places' names are added, folded, by the index."""
    yield from (event.title, event.date.display, event.date.text, event.status, event.detail or "")
    yield from _quotes(event.evidence)


def _names(actor: Actor) -> Iterator[str]:
    yield actor.name
    yield from actor.aliases


def _actor_words(actor: Actor) -> Iterator[str]:
    yield from _names(actor)
    yield from (actor.kind, actor.country or "", actor.role or "")
    yield from (a.relation for a in actor.affiliations)
    yield from _quotes(actor.evidence)


def _quotes(evidence: Iterable[Evidence]) -> Iterator[str]:
    return (e.quote for e in evidence)


def _join(words: Iterable[str]) -> str:
    # A separator no query can contain keeps matches from spanning two fields.
    return "\x00".join(words)
