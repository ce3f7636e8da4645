"""A lean node tree for the loader's first, unlocated pass: libyaml's events, composed without positions.

libyaml's own composer keeps two position marks and a dict-backed object per
node: 13–15 KB per event of a briefing, most of a big file's first open. This
tree holds each node's tag and value only, the tag resolved exactly as
yaml.compose resolves it (the same resolver, on the same events), so the
loader's checks see the same values and tags. It has no positions, so the
pass that walks it cannot place a problem: a report, or asking a node where
it is, raises Relocate, and the loader walks libyaml's located tree instead
(loader.py); only a warning about a listed record waits, its place to be
found by find_places once the briefing is known to be valid. Anything unusual
falls back the same way before the walk: an anchor or alias, a second
document, nesting past MAX_DEPTH, a syntax error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from briefing.format.reading import MAX_DEPTH, _loader

# Scalars up to this long are shared: a lean node is only ever read, never placed, so one
# object can stand for every "id:" key or "actor-7" reference of a file.
SHARED_LENGTH = 32


_NODE_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)


class Relocate(Exception):
    """The lean pass met something it cannot place or compose: the located pass must run."""


class _Lean:
    """Where a lean node is: nowhere known, so whoever asks must take the located pass."""

    __slots__ = ()

    @property
    def start_mark(self) -> yaml.Mark:
        raise Relocate


# Subclasses of PyYAML's nodes, so the loader's isinstance checks and types hold as they are.
class LeanScalar(_Lean, yaml.ScalarNode):
    def __init__(self, tag: str, value: str) -> None:
        self.tag = tag
        self.value = value


class LeanSequence(_Lean, yaml.SequenceNode):
    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.value: list[yaml.Node] = []


class Pairs(list):  # type: ignore[type-arg]
    """A lean mapping's keys and values in one flat list, read as (key, value) pairs.

    A tuple per pair was the tree's most common object, and the one whose freed
    memory Python could least give back (its size class is the model's ids').
    """

    __slots__ = ()

    def __iter__(self) -> Iterator[tuple[yaml.Node, yaml.Node]]:  # type: ignore[override]
        items = super().__iter__()
        return zip(items, items, strict=True)


class LeanMapping(_Lean, yaml.MappingNode):
    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.value = Pairs()


class LeanPlace(_Lean, yaml.Node):
    """A record's id known by its key path only ("events[3].id"): what a warning is about."""

    def __init__(self, path: str, record_id: str) -> None:
        self.path = path
        self.record_id = record_id  # what must be found there, or the located pass runs


def find_places(text: str | bytes, paths: set[str]) -> dict[str, tuple[int, int, str | None]]:
    """The line, column (from 1) and text (of a scalar) of the nodes at these key paths
    ("events[3].id", no deeper).

    One more pass over libyaml's events, with their positions but without a tree:
    the warnings of a valid briefing are placed without composing it again.
    """
    found: dict[str, tuple[int, int, str | None]] = {}
    loader = _loader()(text)
    try:
        # Open collections: [key path (None past the depth wanted), mapping?, awaited key or index].
        frames: list[list[Any]] = []
        while len(found) < len(paths):
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frames.pop()
                continue
            if kind is yaml.StreamEndEvent:
                break
            if kind not in _NODE_EVENTS:
                continue
            path: str | None = ""
            if frames:
                frame = frames[-1]
                if frame[0] is None or len(frames) > 3:
                    path = None
                elif frame[1] and frame[2] is None:  # a key
                    frame[2] = event.value if kind is yaml.ScalarEvent else ""
                    path = None
                elif frame[1]:
                    path = f"{frame[0]}.{frame[2]}" if frame[0] else frame[2]
                    frame[2] = None
                else:
                    path = f"{frame[0]}[{frame[2]}]"
                    frame[2] += 1
            if path in paths and path not in found:
                value = event.value if kind is yaml.ScalarEvent else None
                found[path] = (event.start_mark.line + 1, event.start_mark.column + 1, value)
            if kind is not yaml.ScalarEvent:
                frames.append(
                    [path, kind is yaml.MappingStartEvent, None if kind is yaml.MappingStartEvent else 0]
                )
    finally:
        loader.dispose()
    return found


def line_of_id(text: str, item_id: str) -> int | None:
    """The line (from 1) of the record whose `id:` is ``item_id``; None if there is none.

    Asked when the reader opens the file in an editor (`e`): one pass over libyaml's
    events, so a load keeps no positions for it.
    """
    loader = _loader()(text)
    try:
        keys: list[str | None] = []  # per open collection: a mapping's awaited key (None: a sequence's)
        expecting_key: list[bool] = []
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.StreamEndEvent:
                return None
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                keys.pop()
                expecting_key.pop()
            elif kind in _NODE_EVENTS:
                is_key = bool(expecting_key) and expecting_key[-1] and keys[-1] is None
                if is_key:
                    keys[-1] = event.value if kind is yaml.ScalarEvent else ""
                    continue
                if expecting_key and expecting_key[-1]:  # a value: the next node is a key again
                    if kind is yaml.ScalarEvent and keys[-1] == "id" and event.value == item_id:
                        return int(event.start_mark.line) + 1
                    keys[-1] = None
                if kind is not yaml.ScalarEvent:
                    keys.append(None)
                    expecting_key.append(kind is yaml.MappingStartEvent)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def compose_lean(text: str | bytes) -> yaml.Node:
    """The document as a lean tree; Relocate for anything the located compose must see (or an empty file)."""
    loader = _loader()(text)
    try:
        return _compose(loader)
    except yaml.YAMLError:
        raise Relocate from None  # compose() reports it, located
    finally:
        loader.dispose()


def _compose(loader: yaml.SafeLoader) -> yaml.Node:
    get = loader.get_event
    resolve = loader.resolve
    plain_str = loader.DEFAULT_SCALAR_TAG
    get()  # StreamStartEvent
    if not isinstance(get(), yaml.DocumentStartEvent):
        raise Relocate  # an empty file
    # Open collections, innermost last: a mapping's keys and values go into it in turn.
    stack: list[yaml.Node] = []
    root: yaml.Node | None = None
    shared: dict[str, dict[str, yaml.Node]] = {}  # short scalars by tag and value
    node: yaml.Node
    while root is None:
        event = get()
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None:
                raise Relocate
            tag = event.tag
            if tag is None or tag == "!":
                implicit = event.implicit
                # A quoted scalar is text: what resolve() answers without its regular expressions.
                tag = resolve(yaml.ScalarNode, event.value, implicit) if implicit[0] else plain_str
            value = event.value
            if len(value) <= SHARED_LENGTH:
                # Keys, references, dates and kinds recur by the thousand: one node each.
                same = shared.setdefault(tag, {})
                node = same.get(value) or same.setdefault(value, LeanScalar(tag, value))
            else:
                node = LeanScalar(tag, value)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or len(stack) >= MAX_DEPTH:
                raise Relocate
            tag = event.tag
            mapping = kind is yaml.MappingStartEvent
            if tag is None or tag == "!":
                tag = resolve(yaml.MappingNode if mapping else yaml.SequenceNode, None, event.implicit)
            stack.append(LeanMapping(tag) if mapping else LeanSequence(tag))
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            node = stack.pop()
        else:  # an alias, or anything else libyaml's composer would be needed for
            raise Relocate
        if stack:
            stack[-1].value.append(node)
        else:
            root = node
    get()  # DocumentEndEvent
    if not isinstance(get(), yaml.StreamEndEvent):
        raise Relocate  # a second document
    return root
