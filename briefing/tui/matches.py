"""Stepping through search matches with n / N, pane by pane, in reading order.

A search in a long timeline can match a hundred thousand rows on every key
typed, so matches are kept as sorted positions per pane (and per source) and a
Match object is only made for the one the reader goes to.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, islice

from briefing.search import SearchResult
from briefing.tui.place import PANES


@dataclass(frozen=True)
class Match:
    """One place the query matched: an item in a list pane, or a span of a source text."""

    pane: str
    item_id: str  # the event, actor or reaction id; the source id for text matches
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Group:
    """The matches in one list pane, or in one source text, in order."""

    pane: str
    rank: tuple[int, int]  # (pane, source index): the order of groups
    keys: list[int]  # item positions in the pane, or span starts in the text
    ids: Sequence[str]  # the item ids; for a source, its id once per span
    spans: Sequence[tuple[int, int]] | None = None


class MatchList:
    """Every match of one search, in reading order, and which one the reader is on."""

    def __init__(
        self,
        result: SearchResult,
        *,
        timeline: Sequence[str] | Mapping[str, int],
        actors: Sequence[str] | Mapping[str, int],
        reactions: Sequence[str] | Mapping[str, int],
        sources: Sequence[str],
        previous: MatchList | None = None,
        showing_all: Collection[str] = (),
    ) -> None:
        """Each list pane is given as its ids in order, or as each id's position in it.

        Only the count is worked out here, on every key typed into the search;
        the matches are put in order when the reader first steps through them.
        ``previous`` is the last key's: a pane given the same order and the same
        ids (the same objects: typing on often drops no record) keeps its count.
        A pane in ``showing_all`` shows every record of its kind, so every id found
        is in it: its count is how many were found, with no look-up.
        """
        self.result = result
        self._panes = (
            ("timeline", timeline, result.events),
            ("actors", actors, result.actors),
            ("reactions", reactions, result.reactions),
        )
        self._sources = sources
        self._showing_all = frozenset(showing_all)
        self._placed = tuple(
            known
            if previous is not None and (known := previous._counted(order, found)) is not None
            else len(found)
            if pane in showing_all
            else _count_placed(order, found)
            for pane, order, found in self._panes
        )
        self._count = sum(self._placed) + sum(
            len(result.source_spans.get(source_id, [])) for source_id in sources
        )
        self._arranged: tuple[list[_Group], list[int]] | None = None
        self.position: int | None = None  # index of the match on screen

    def _counted(self, order: object, found: object) -> int | None:
        """How many of ``found`` a pane given as ``order`` showed, if counted here."""
        for (_pane, known_order, known_found), placed in zip(self._panes, self._placed, strict=True):
            if known_order is order and known_found is found:
                return placed
        return None

    def _arrange(self) -> tuple[list[_Group], list[int]]:
        """The groups of matches in reading order, and where each group ends in the whole list."""
        if self._arranged is None:
            groups: list[_Group] = []
            for pane, order, found in self._panes:
                positions, ids = _placed(order, found)
                groups.append(_Group(pane, (PANES.index(pane), 0), positions, ids))
            for number, source_id in enumerate(self._sources):
                spans = self.result.source_spans.get(source_id, [])  # found left to right
                groups.append(
                    _Group(
                        "source", (3, number), [start for start, _ in spans], [source_id] * len(spans), spans
                    )
                )
            kept = [group for group in groups if group.keys]
            self._arranged = kept, list(accumulate(len(group.keys) for group in kept))
        return self._arranged

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, position: int) -> Match:
        groups, ends = self._arrange()
        number = bisect_right(ends, position)
        group = groups[number]
        within = position - (ends[number - 1] if number else 0)
        span = group.spans[within] if group.spans is not None else None
        return Match(group.pane, group.ids[within], span)

    def head(self, limit: int) -> list[Match]:
        """The first ``limit`` matches, in reading order: what the list of results shows.

        Without putting every match in order, which costs tens of milliseconds at
        100,000 matches: a pane that shows every record of its kind lists them in
        the model's order, as the index finds them. A pane that shows some (the
        Timeline filtered, maybe to a day's events in an order of their own) is put
        in order: it holds fewer.
        """
        if self._arranged is not None:
            return [self[i] for i in range(min(limit, len(self)))]
        found: list[Match] = []
        for pane, order, ids in self._panes:
            room = max(0, limit - len(found))
            if pane in self._showing_all and isinstance(order, Mapping):
                shown: Iterable[str] = islice(filter(order.__contains__, ids), room)
            else:
                shown = _placed(order, ids)[1][:room]
            found += (Match(pane, item_id) for item_id in shown)
        for source_id in self._sources:
            spans = self.result.source_spans.get(source_id, [])
            found += (Match("source", source_id, tuple(s)) for s in islice(spans, max(0, limit - len(found))))
        return found

    @property
    def current(self) -> Match | None:
        return None if self.position is None else self[self.position]

    def first_from(self, pane: str, index: int, offset: int = 0) -> Match | None:
        """The first match at or after a place (pane, item index, text offset), wrapping round.

        In Source, ``index`` is the source's number and ``offset`` a place in its text.
        """
        if not len(self):
            return None
        where = (PANES.index(pane), index if pane == "source" else 0)
        key = offset if pane == "source" else index
        before = 0
        self.position = 0  # nothing after the place: round to the first match
        for group, end in zip(*self._arrange(), strict=True):
            if group.rank > where:
                self.position = before
                break
            if group.rank == where and (within := bisect_left(group.keys, key)) < len(group.keys):
                self.position = before + within
                break
            before = end
        return self[self.position]

    def step(self, step: int) -> Match | None:
        """The next (step 1) or previous (step -1) match, wrapping round."""
        if not len(self):
            return None
        if self.position is None:
            self.position = 0 if step > 0 else len(self) - 1
        else:
            self.position = (self.position + step) % len(self)
        return self[self.position]


def _placed(order: Sequence[str] | Mapping[str, int], found: Sequence[str]) -> tuple[list[int], list[str]]:
    """The positions in a pane of the ids found there, in pane order, and the ids in that order.

    With positions by id this costs as much as the matches, not the pane: a
    search at 100,000 events rebuilds this on every key typed.
    """
    if isinstance(order, Mapping):
        placed = sorted((at, item_id) for item_id in found if (at := order.get(item_id)) is not None)
        return [at for at, _id in placed], [item_id for _at, item_id in placed]
    wanted = set(found)
    positions = [i for i, item_id in enumerate(order) if item_id in wanted]
    return positions, [order[i] for i in positions]


def _count_placed(order: Sequence[str] | Mapping[str, int], found: Sequence[str]) -> int:
    if isinstance(order, Mapping):
        return sum(map(order.__contains__, found))
    return len(set(found).intersection(order))
