"""Where a needle occurs in a folded source text, found again quickly as the query is typed on.

The search index (briefing.search) keeps these per source text; the Source pane
draws the spans of the few on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, repeat
from typing import overload

from briefing.folding import Folded


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

    Up to search.MAX_SPANS_PER_SOURCE of them on every key typed into the search; the
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


def _overlaps_itself(needle: str) -> bool:
    """Whether two occurrences of ``needle`` can overlap ("aa" in "aaa", "ana" in "anana")."""
    return any(needle[:size] == needle[-size:] for size in range(1, len(needle)))
