"""Frozen dataclasses that cost next to nothing to declare: ``@value_class``.

The reader imports some twenty dataclasses before its first screen, and
``dataclass(frozen=True)`` compiles five methods for each (``__init__``,
``__setattr__``, ``__delattr__``, ``__eq__``, ``__hash__``), about 1 ms a class
on a slow machine. Most are never constructed there: a second open unpickles
the model, which calls no ``__init__``. So a ``@value_class`` shares one
equality, hash, repr and frozen ``__setattr__`` through :class:`Value`, and
compiles its ``__init__`` (with dataclass() itself) the first time an
instance is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass, field, fields, make_dataclass
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)


class Value:
    """Equality, hash and repr as dataclass() would write them, for any dataclass; frozen."""

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

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


@dataclass_transform(frozen_default=True)
def value_class(cls: T) -> T:
    """A frozen dataclass on :class:`Value`, whose ``__init__`` is compiled when first called."""
    # Without a docstring, dataclass() writes one from inspect.signature(): 8 ms the first time.
    cls.__doc__ = cls.__doc__ or cls.__name__
    cls = dataclass(init=False, eq=False, repr=False)(cls)

    def __init__(self: Any, *args: object, **kwargs: object) -> None:
        cls.__init__ = _frozen_init(cls)
        cls.__init__(self, *args, **kwargs)

    cls.__init__ = __init__
    return cls


def _frozen_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` that ``dataclass(frozen=True)`` would have written for ``cls``."""
    specs = [
        (
            f.name,
            f.type,
            field(
                default=f.default,
                default_factory=f.default_factory,
                init=f.init,
                repr=f.repr,
                compare=f.compare,
                metadata=f.metadata,
            ),
        )
        for f in fields(cls)
    ]
    after = {"__post_init__": cls.__post_init__} if hasattr(cls, "__post_init__") else {}
    # Frozen, so that it sets each field with object.__setattr__, past Value's refusal.
    model = make_dataclass(cls.__name__, specs, namespace=after, frozen=True, eq=False, repr=False)
    return model.__init__
