"""Stepping through search matches with n / N, pane by pane, in reading order."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.search import SearchResult

PANES = ("timeline", "actors", "reactions", "source")


@dataclass(frozen=True, order=True)
class Match:
    """One place the query matched: an item in a list pane, or a span of a source text."""

    rank: tuple[int, int, int]  # pane, position in pane, offset in text: the reading order
    pane: str
    item_id: str  # the event, actor or reaction id; the source id for text matches
    span: tuple[int, int] | None = None


class MatchList:
    """Every match of one search, in order, and which one the reader is on."""

    def __init__(
        self,
        result: SearchResult,
        *,
        timeline: Sequence[str],
        actors: Sequence[str],
        reactions: Sequence[str],
        sources: Sequence[str],
    ) -> None:
        self.result = result
        matches: list[Match] = []
        for pane, order, found in (
            ("timeline", timeline, set(result.events)),
            ("actors", actors, set(result.actors)),
            ("reactions", reactions, set(result.reactions)),
        ):
            rank = PANES.index(pane)
            matches += [
                Match((rank, i, 0), pane, item_id) for i, item_id in enumerate(order) if item_id in found
            ]
        rank = PANES.index("source")
        for i, source_id in enumerate(sources):
            for span in result.source_spans.get(source_id, ()):
                matches.append(Match((rank, i, span[0]), "source", source_id, span))
        self.matches = sorted(matches)
        self.position: int | None = None  # index of the match on screen

    def __len__(self) -> int:
        return len(self.matches)

    @property
    def current(self) -> Match | None:
        return None if self.position is None else self.matches[self.position]

    def first_from(self, pane: str, index: int, offset: int = 0) -> Match | None:
        """The first match at or after a place (pane, item index, text offset), wrapping round."""
        if not self.matches:
            return None
        where = (PANES.index(pane), index, offset)
        position = bisect_left([m.rank for m in self.matches], where)
        self.position = position % len(self.matches)
        return self.matches[self.position]

    def step(self, step: int) -> Match | None:
        """The next (step 1) or previous (step -1) match, wrapping round."""
        if not self.matches:
            return None
        if self.position is None:
            self.position = 0 if step > 0 else len(self.matches) - 1
        else:
            self.position = (self.position + step) % len(self.matches)
        return self.matches[self.position]
