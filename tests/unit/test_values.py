"""@value_class: a frozen dataclass in all but cost, whose __init__ is compiled on first use."""

from __future__ import annotations

import pickle
import subprocess
import sys
from dataclasses import FrozenInstanceError, field, replace

import pytest

from briefing.values import Value, value_class


@value_class
class Point(Value):
    """A test value with every kind of field the model uses."""

    x: int
    label: str = "origin"
    tags: tuple[str, ...] = field(default_factory=tuple)
    note: str = field(default="", compare=False, repr=False)
    doubled: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "doubled", 2 * self.x)


def test_it_is_constructed_as_a_dataclass_would_be():
    p = Point(3, tags=("a",))
    assert (p.x, p.label, p.tags, p.note, p.doubled) == (3, "origin", ("a",), "", 6)
    assert Point(4, "four").label == "four"
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, doubled=2)  # type: ignore[call-arg]


def test_it_is_frozen():
    p = Point(1)
    with pytest.raises(FrozenInstanceError):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del p.label  # type: ignore[misc]


def test_equality_hash_repr_replace_and_pickle_follow_the_fields():
    p = Point(1, "a", note="ignored")
    assert p == Point(1, "a") and hash(p) == hash(Point(1, "a"))
    assert p != Point(2, "a")
    assert repr(p) == "Point(x=1, label='a', tags=())"
    moved = replace(p, x=5)
    assert (moved.x, moved.doubled, moved.label) == (5, 10, "a")
    assert pickle.loads(pickle.dumps(p)) == p


def test_importing_the_model_compiles_no_init_until_one_is_made():
    """What keeps the reader's start cheap: a second open unpickles the model and never
    constructs most of its classes, so their __init__ must not be compiled at import."""
    code = (
        "from briefing import model\n"
        "lazy = lambda c: c.__init__.__qualname__ == 'value_class.<locals>.__init__'\n"
        "before = all(lazy(c) for c in (model.Event, model.Actor, model.Briefing))\n"
        "model.Affiliation('a', 'b')\n"
        "print(before, lazy(model.Affiliation), lazy(model.Event))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False", "True"]


@value_class
class Settled(Value):
    """A test value with keyword-only fields and fields the caller cannot set."""

    name: str
    size: int = field(default=1, kw_only=True)
    marks: list[str] = field(default_factory=list, kw_only=True)
    fixed: str = field(default="always", init=False)
    fresh: list[str] = field(default_factory=list, init=False, compare=False)


def test_keyword_only_and_uninitialised_fields_behave_as_in_a_dataclass():
    s = Settled("a", size=3)
    assert (s.name, s.size, s.marks, s.fixed, s.fresh) == ("a", 3, [], "always", [])
    assert Settled("b").marks is not Settled("b").marks  # a new list each time
    with pytest.raises(TypeError):
        Settled("a", 3)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Settled("a", fixed="never")  # type: ignore[call-arg]
