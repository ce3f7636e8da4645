"""Frozen dataclasses that cost next to nothing to declare: ``@value_class``.

The reader imports some twenty dataclasses before its first screen, and
``dataclass(frozen=True)`` compiles five methods for each (``__init__``,
``__setattr__``, ``__delattr__``, ``__eq__``, ``__hash__``), about 1 ms a class
on a slow machine. Most are never constructed there: a second open unpickles
the model, which calls no ``__init__``. So a ``@value_class`` shares one
equality, hash, repr and frozen ``__setattr__`` through :class:`Value`, and
compiles its ``__init__`` the first time an instance is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)
_FACTORY = object()  # an argument left out, whose field has a default_factory


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
    """The ``__init__`` that ``dataclass(frozen=True)`` would have written for ``cls``.

    Written and compiled alone: ``make_dataclass`` would also build a class and
    four more methods (1.1-1.9 ms a class here, against 0.2-0.5 ms), and the
    reader constructs seven kinds of value before its first screen.
    """
    params, keywords, body = ["self"], [], []
    namespace: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    for f in fields(cls):
        default = f"_default_{f.name}"
        if f.default_factory is not MISSING:
            namespace[default] = f.default_factory
            value = f"{default}() if {f.name} is _FACTORY else {f.name}" if f.init else f"{default}()"
            param = f"{f.name}=_FACTORY"
        elif f.default is not MISSING:
            namespace[default] = f.default
            value = f.name if f.init else default
            param = f"{f.name}={default}"
        elif f.init:
            value = param = f.name
        else:
            continue  # set by __post_init__
        if f.init:
            (keywords if f.kw_only else params).append(param)
        body.append(f"_set(self, {f.name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    signature = ", ".join([*params, *(["*", *keywords] if keywords else [])])
    exec(f"def __init__({signature}):\n" + "".join(f"    {line}\n" for line in body or ["pass"]), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init  # type: ignore[no-any-return]
