"""Finding text across a briefing: events, actors, reactions and source texts.

Pure functions over the model, no Textual. Matching is a case- and
accent-insensitive substring search: "erdogan" finds "Erdoğan", "finance"
finds "ﬁnance", "..." finds "…", and a typed apostrophe, quote mark or hyphen
finds its typographic forms ("it's" finds "it’s"). One fold, fold(), decides
what matches and what is highlighted. It may change a text's length, so the
span to highlight is mapped back to the original by Folded: for the records
drawn, and once per source text.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress, repeat
from operator import contains
from typing import Any, overload

from briefing.model import Actor, Briefing, Event, Evidence, Reaction

# Matches listed per source text: for the count and for n/N. Source highlights those past
# the last listed as it draws them. Listing 10,000 in a 15 MB text cost a key 6-46 ms.
MAX_SPANS_PER_SOURCE = 1_000


# Typographic apostrophes, quote marks and dashes, read as the ASCII ones a keyboard types.
# It also keeps most folded texts ASCII, and `in` on a text wider than an ASCII needle
# copies the needle first: once for every record checked. Replaced before NFKD, which
# would make a double prime two primes, and with the few that NFKD makes one of these.
_PUNCTUATION = (
    dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bb\u02bc", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2034\u2057", '"')
    | dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u207b\u208b\ufe31\ufe32\ufe58", "-")
    | {"\u0149": "'n"}
)


# With the whitespace of str.isspace() that NFKD does not make a space: all read in one pass.
_PLAIN = _PUNCTUATION | dict.fromkeys("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u1680\u2028\u2029", " ")
_UNPLAIN = re.compile("[" + re.escape("".join(_PLAIN)) + "]")
_SPACES = re.compile("[\t\n\x0b-\x0d\x1c-\x1f]")  # those of an ASCII text


def _plain_punctuation(text: str) -> str:
    # Found by one regex, replaced in C: not str.translate, which looks up every character
    # (1.4 s at 100,000 events), nor a search for each character (0.2 s).
    for char in set(_UNPLAIN.findall(text)):
        text = text.replace(char, _PLAIN[char])
    return text


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """``text`` as search compares it: case, accents and typographic forms set aside.

    Full case folding ("Straße" is "strasse"), compatibility forms read as
    plain ones ("ﬁ" is "fi", "…" is "...", "Ｆ" is "f", "²" is "2"), accents
    dropped, typographic apostrophes, quote marks and dashes read as ASCII,
    and any whitespace as a space. The one fold for what matches and for what
    is highlighted. The result may be longer or shorter than ``text``; each
    character folds on its own (all but the order of some combining marks), so
    Folded can tell which characters of ``text`` a folded span came from.
    Whole-text calls into C: this runs on every record of the index.
    """
    if text.isascii():
        return _SPACES.sub(" ", text.lower())
    if len(text) > _PART:
        # A source text: NFKD of all of it at once takes 8 bytes a character (112 MB for a
        # 15 MB text) on the way. Cut after a newline, which folds with nothing around it.
        return "".join(map(_fold_part, _parts(text)))
    return _fold_part(text)


_PART = 1 << 16


def _fold_part(text: str) -> str:
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", _plain_punctuation(text)))
    # Most texts are ASCII by now, and lower() is quicker than casefold(), the same on ASCII.
    if text.isascii():
        return text.lower()
    # NFC puts back together what NFKD took apart and is still there: a Hangul syllable, a
    # kana and its voicing mark. One character each again, so Folded need not look at them.
    return unicodedata.normalize("NFC", text.casefold())


def _parts(text: str) -> Iterator[str]:
    start = 0
    while start < len(text):
        end = text.find("\n", start + _PART)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


_FOLDED_LENGTHS: dict[str, int] = {}  # by character, each worked out once


def _folded_length(char: str) -> int:
    length = _FOLDED_LENGTHS.get(char)
    if length is None:
        length = _FOLDED_LENGTHS[char] = len(fold(char))
    return length


class Folded:
    """A text's fold, and which characters of the text each folded span came from.

    Built for a source text once, and for a record's line only when it is
    highlighted: it looks in Python at each character that does not fold to
    exactly one ("ﬁ", "…", "ß", a combining accent), and at no other.
    """

    __slots__ = ("_folded_at", "_length", "_original_at", "_run", "text")

    def __init__(self, text: str, folded: str | None = None) -> None:
        self.text = fold(text) if folded is None else folded
        self._length = len(text)
        # Segments of the folded text, in order: where each starts in the folded text and in
        # the original, and whether it is a run of characters that fold one to one (else one
        # character folded to several). Characters folded to nothing start no segment.
        self._folded_at: list[int] = []
        self._original_at: list[int] = []
        self._run: list[bool] = []
        uneven = "" if text.isascii() else "".join(sorted(c for c in set(text) if _folded_length(c) != 1))
        if not uneven:
            return  # one to one throughout: the same offsets
        folded_at = original_at = 0
        for found in re.finditer("[" + re.escape(uneven) + "]", text):
            at = found.start()
            if at > original_at:
                self._segment(folded_at, original_at, run=True)
                folded_at += at - original_at
            if size := _folded_length(text[at]):
                self._segment(folded_at, at, run=False)
                folded_at += size
            original_at = at + 1
        if original_at < len(text):
            self._segment(folded_at, original_at, run=True)

    def _segment(self, folded_at: int, original_at: int, *, run: bool) -> None:
        self._folded_at.append(folded_at)
        self._original_at.append(original_at)
        self._run.append(run)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that folded span (start, end) came from.

        Every character a part of which is in the span, and the combining marks
        after the last of them (a highlight does not split a letter from its accent).
        """
        if not self._folded_at or end <= start:
            return start, end
        # Clamped: NFC can join two characters the text has apart (a kana and a separate
        # voicing mark), and folded offsets after them then run a little past the original.
        first = bisect_right(self._folded_at, start) - 1
        begin = self._original_at[first] + (start - self._folded_at[first] if self._run[first] else 0)
        last = bisect_right(self._folded_at, end - 1) - 1
        following = last + 1
        folded_end = self._folded_at[following] if following < len(self._folded_at) else len(self.text)
        if self._run[last] and end < folded_end:  # ends inside a run of one-to-one characters
            finish = self._original_at[last] + (end - self._folded_at[last])
        else:
            finish = self._original_at[following] if following < len(self._original_at) else self._length
        return min(begin, self._length), min(finish, self._length)


def find_spans(text: str, query: str, *, limit: int | None = None) -> list[tuple[int, int]]:
    """Every non-overlapping occurrence of ``query`` in ``text``, as (start, end) spans of ``text``."""
    needle = fold(query)
    if not needle:
        return []
    folded = fold(text)
    spans = _spans_in_folded(folded, needle, limit)
    if not spans or text.isascii():
        return spans
    positions = Folded(text, folded)
    return [positions.original(start, end) for start, end in spans]


def _spans_in_folded(haystack: str, needle: str, limit: int | None) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        if limit is not None and len(spans) >= limit:
            break
        start = haystack.find(needle, start + len(needle))
    return spans


def _overlaps_itself(needle: str) -> bool:
    """Whether two occurrences of ``needle`` can overlap ("aa" in "aaa", "ana" in "anana")."""
    return any(needle[:size] == needle[-size:] for size in range(1, len(needle)))


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


@dataclass(frozen=True)
class SourceMatches:
    """The non-overlapping occurrences of a needle in a folded source text, left to right.

    At most ``limit`` of them; ``complete`` says whether they are all there are.
    """

    needle: str
    starts: list[int]
    complete: bool

    @cached_property
    def spans(self) -> Spans:
        return Spans(self.starts, len(self.needle))


class Spans(Sequence[tuple[int, int]]):
    """The (start, end) spans of matches of one length, each made when it is asked for.

    Up to MAX_SPANS_PER_SOURCE of them on every key typed into the search; the
    reader looks at the few on screen, and at one when stepping to it.
    """

    __slots__ = ("length", "positions", "starts")

    def __init__(self, starts: Sequence[int], length: int, positions: Folded | None = None) -> None:
        """Matches at ``starts`` in a folded text; ``positions`` maps them back to its original."""
        self.starts, self.length, self.positions = starts, length, positions

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(index, slice):
            return [self._span(start) for start in self.starts[index]]
        return self._span(self.starts[index])

    def _span(self, start: int) -> tuple[int, int]:
        if self.positions is None:
            return start, start + self.length
        return self.positions.original(start, start + self.length)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # (equal to lists, like a list)

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"


def source_matches(
    haystack: str, needle: str, limit: int, typed_from: SourceMatches | None = None
) -> SourceMatches:
    """The occurrences of ``needle`` in ``haystack``, from those of a shorter needle if given.

    ``typed_from`` holds the occurrences of a needle that ``needle`` starts with.
    Each occurrence of ``needle`` is one of those, so up to the last of them
    only those places need a look; the text after it is read as before. That
    holds only if they are all the occurrences, not just the non-overlapping
    ones: so not for a needle that can overlap itself.
    """
    if typed_from is None or not needle.startswith(typed_from.needle) or _overlaps_itself(typed_from.needle):
        return _scan(haystack, needle, 0, [], limit)
    starts = list(compress(typed_from.starts, map(haystack.startswith, repeat(needle), typed_from.starts)))
    if _overlaps_itself(needle):
        starts = _non_overlapping(starts, len(needle))
    if len(starts) >= limit:
        return SourceMatches(needle, starts[:limit], complete=False)
    if typed_from.complete:
        return SourceMatches(needle, starts, complete=True)
    # The shorter needle's listing stopped at its limit: read on from its last occurrence.
    resume = typed_from.starts[-1] + 1
    if starts:
        resume = max(resume, starts[-1] + len(needle))
    return _scan(haystack, needle, resume, starts, limit)


def _scan(haystack: str, needle: str, start: int, starts: list[int], limit: int) -> SourceMatches:
    """Add to ``starts`` the occurrences of ``needle`` from ``start`` on, up to ``limit`` in all."""
    while len(starts) < limit:
        at = haystack.find(needle, start)
        if at < 0:
            return SourceMatches(needle, starts, complete=True)
        starts.append(at)
        start = at + len(needle)
    return SourceMatches(needle, starts, complete=False)


def _non_overlapping(starts: list[int], length: int) -> list[int]:
    """Of every occurrence, those a scan from the left lists: each after the last one kept."""
    kept: list[int] = []
    end = 0
    for start in starts:
        if start >= end:
            kept.append(start)
            end = start + length
    return kept


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
