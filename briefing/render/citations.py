"""Numbered evidence citations, shared by the terminal, Markdown and HTML outputs.

Renderers ask for a number as they write a record, so numbers follow the order
in which a reader meets the quotes. Two records that cite the same passage of
the same source share one number.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefing.model import Evidence


@dataclass(frozen=True)
class Citation:
    number: int
    evidence: Evidence


class Citations:
    def __init__(self) -> None:
        self._numbers: dict[tuple[str, int, int], Citation] = {}

    def cite(self, evidence: Evidence) -> int:
        key = (evidence.source, evidence.start, evidence.end)
        if key not in self._numbers:
            self._numbers[key] = Citation(len(self._numbers) + 1, evidence)
        return self._numbers[key].number

    def cite_all(self, evidence: Iterable[Evidence]) -> list[int]:
        """Numbers for several quotes, without repeats, in order."""
        numbers: list[int] = []
        for item in evidence:
            number = self.cite(item)
            if number not in numbers:
                numbers.append(number)
        return numbers

    def __iter__(self) -> Iterator[Citation]:
        return iter(self._numbers.values())

    def __len__(self) -> int:
        return len(self._numbers)
