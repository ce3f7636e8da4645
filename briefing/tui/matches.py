"""Stepping through search matches with n / N, pane by pane, in reading order.

A search in a long timeline can match a hundred thousand rows on every key
typed, so matches are kept as sorted positions per pane (and per source) and a
Match object is only made for the one the reader goes to.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from briefing.search import SearchResult

PANES = ("timeline", "actors", "reactions", "source")


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
    ) -> None:
        """Each list pane is given as its ids in order, or as each id's position in it."""
        self.result = result
        groups: list[_Group] = []
        for pane, order, found in (
            ("timeline", timeline, result.events),
            ("actors", actors, result.actors),
            ("reactions", reactions, result.reactions),
        ):
            positions, ids = _placed(order, found)
            groups.append(_Group(pane, (PANES.index(pane), 0), positions, ids))
        for number, source_id in enumerate(sources):
            spans = result.source_spans.get(source_id, [])  # found left to right
            groups.append(
                _Group("source", (3, number), [start for start, _ in spans], [source_id] * len(spans), spans)
            )
        self._groups = [group for group in groups if group.keys]
        self._ends = list(accumulate(len(group.keys) for group in self._groups))
        self.position: int | None = None  # index of the match on screen

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def __getitem__(self, position: int) -> Match:
        number = bisect_right(self._ends, position)
        group = self._groups[number]
        within = position - (self._ends[number - 1] if number else 0)
        span = group.spans[within] if group.spans is not None else None
        return Match(group.pane, group.ids[within], span)

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
        for group, end in zip(self._groups, self._ends, strict=True):
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
