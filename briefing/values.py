"""A base for the frozen dataclasses made before the reader's first screen.

dataclass() compiles each method it writes, for each class: 0.2-0.3 ms per
class for equality, hash and repr alone. Classes declared
``@dataclass(frozen=True, eq=False, repr=False)`` on this base share one of
each instead, with the same meaning: equality and hash by the fields compared,
a repr of the fields shown. Every such class also has a docstring, or
dataclass() would work one out from its signature.
"""

from __future__ import annotations

from dataclasses import fields


class Value:
    """Equality, hash and repr as dataclass() would write them, for any dataclass."""

    __slots__ = ()

    def _compared(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in fields(self) if f.compare)  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared() == other._compared()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)  # type: ignore[arg-type]
        return f"{type(self).__name__}({shown})"
