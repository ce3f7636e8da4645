"""Two revisions of a briefing compared by id, kind by kind: what was added, removed and changed.

Plain values only (no Rich, no Textual): `briefing diff` renders the result
(briefing.render.diff_view), the JSON form is ``document()`` (docs/diff.md),
and the reader keeps a digest of each item (``digests()``) to tell what is new
since it was last read.

Fields are compared by walking the model's one declaration of records
(briefing.format.records): every attribute that holds a key of the format,
and the ``x-`` extensions, so a key added to the format is compared without
new code here. Values are compared as readers see them: a date by its display
("c. 20 Mar 2025"), a quote by its words and source (not where it was found in
the source text). Order is no change: items are matched by id, and lists
inside an item (refs, aliases, statements, actions, quotes) are compared as
collections.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from briefing.format.records import RECORDS
from briefing.format.spec import keys_of
from briefing.format.text import REPLACEMENT, one_line
from briefing.model import Briefing, DateSpec

DIFF_FORMAT = "briefing-diff"
DIFF_VERSION = 1
# The kinds of item a briefing lists, in the order the format declares them.
KINDS: tuple[str, ...] = tuple(attribute for attribute, _field in RECORDS["briefing"].lists)
# Read first in a change: a reaction's stance says more than any other field of it.
FIRST: dict[str, tuple[str, ...]] = {"reaction": ("stance",)}
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class FieldChange:
    """One field's old and new value; for a list, also the entries only one side has."""

    old: Any
    new: Any
    added: tuple[Any, ...] | None = None  # None unless the field is a list
    removed: tuple[Any, ...] | None = None


@dataclass(frozen=True)
class Item:
    """An item named in a diff: its id and a short label for readers (a title, a name)."""

    id: str
    label: str


@dataclass(frozen=True)
class Changed:
    item: Item
    fields: dict[str, FieldChange]


@dataclass(frozen=True)
class KindDiff:
    added: tuple[Item, ...] = ()
    removed: tuple[Item, ...] = ()
    changed: tuple[Changed, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True)
class Side:
    id: str
    as_of: str  # as readers see it
    path: str | None


@dataclass(frozen=True)
class BriefingDiff:
    old: Side
    new: Side
    briefing: dict[str, FieldChange]  # the briefing's own fields: as_of, title, summary, status...
    changes: dict[str, KindDiff]  # every kind of KINDS, always

    @property
    def same(self) -> bool:
        return not self.briefing and all(k.empty for k in self.changes.values())


def compare(old: Briefing, new: Briefing) -> BriefingDiff:
    """What changed from ``old`` to ``new``; items are matched by id within each kind."""
    changes = {kind: _compare_kind(getattr(old, kind), getattr(new, kind)) for kind in KINDS}
    return BriefingDiff(
        old=_side(old),
        new=_side(new),
        briefing=_compare_fields(values(old, skip=KINDS), values(new, skip=KINDS), "briefing"),
        changes=changes,
    )


def _side(briefing: Briefing) -> Side:
    # A file name is untrusted: through the terminal gate, and a name that is not UTF-8
    # (lone surrogates, which no output can encode) shows U+FFFD where its bad bytes are.
    path = None if briefing.path is None else _SURROGATES.sub(REPLACEMENT, one_line(briefing.path))
    return Side(id=briefing.id, as_of=briefing.as_of.display, path=path)


def _compare_kind(old: tuple[Any, ...], new: tuple[Any, ...]) -> KindDiff:
    before = {item.id: item for item in old}
    after = {item.id: item for item in new}
    changed = []
    for item_id, item in after.items():
        if item_id in before:
            found = changed_fields(before[item_id], item)
            if found:
                changed.append(Changed(Item(item_id, label(item)), found))
    return KindDiff(
        added=tuple(Item(i, label(x)) for i, x in after.items() if i not in before),
        removed=tuple(Item(i, label(x)) for i, x in before.items() if i not in after),
        changed=tuple(changed),
    )


def changed_fields(old: object, new: object) -> dict[str, FieldChange]:
    """The fields that differ between two records of one kind, as readers see them."""
    return _compare_fields(values(old), values(new), type(new).__name__.lower())


def _compare_fields(old: dict[str, Any], new: dict[str, Any], record: str) -> dict[str, FieldChange]:
    names = [n for n in FIRST.get(record, ()) if n in new or n in old]
    names += [n for n in {**old, **new} if n not in names]
    found: dict[str, FieldChange] = {}
    for name in names:
        before, after = old.get(name), new.get(name)
        # Entry by entry only list to list (or to none): an x- key may turn text into a list.
        if isinstance(before, list | None) and isinstance(after, list | None):
            change = _compare_lists(before or [], after or [])
            if change is not None:
                found[name] = change
        elif canonical(before) != canonical(after):
            found[name] = FieldChange(before, after)
    return found


def _compare_lists(old: list[Any], new: list[Any]) -> FieldChange | None:
    before, after = Counter(map(canonical, old)), Counter(map(canonical, new))
    if before == after:
        return None  # reordered at most
    gone, came = before - after, after - before
    removed = [v for v in old if _take(gone, v)]
    added = [v for v in new if _take(came, v)]
    return FieldChange(old, new, tuple(added), tuple(removed))


def _take(counts: Counter[str], value: Any) -> bool:
    key = canonical(value)
    if counts[key] <= 0:
        return False
    counts[key] -= 1
    return True


def values(record: object, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record's format keys as plain values (and its x- keys), in declared order.

    Derived attributes (an event's file order, where a quote was found) are left
    out; an attribute the loader builds from several keys (a statement's source
    and occurrence) gives each of those keys. ``skip`` leaves out attributes by name.
    """
    found: dict[str, Any] = {}
    for attribute, held in _layout(type(record)):
        if attribute in skip:
            continue
        value = getattr(record, attribute)
        if len(held) == 1:
            found[held[0]] = plain(value)
        else:
            for key in held:
                found[key] = plain(getattr(value, key))
    for name, value in getattr(record, "extensions", {}).items():
        found[name] = plain(value)
    return found


@functools.cache
def _layout(cls: type) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(attribute, the format keys it holds) of a record class, for the attributes that hold any."""
    found = ((a.name, tuple(k.name for k in keys_of(a))) for a in dataclasses.fields(cls))
    return tuple((name, held) for name, held in found if held)


def plain(value: object) -> Any:
    """A value as readers see it, in JSON's terms: dates by their display, records as mappings."""
    if value is None or isinstance(value, (str, int, float, bool)):  # the most, first
        return value
    if isinstance(value, DateSpec):
        return value.display
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if dataclasses.is_dataclass(value):
        return values(value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    return str(value)


def canonical(value: Any) -> str:
    """One string for equal values; lists compare as collections, so order is no change."""
    return json.dumps(_unordered(value), sort_keys=True, ensure_ascii=False)


def _unordered(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list):
        items = [_unordered(v) for v in value]
        if all(isinstance(v, str) for v in items):  # refs, aliases, tags: the common case, and quick
            return sorted(items)
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, dict):
        return {k: _unordered(v) for k, v in value.items()}
    return value


def label(item: object) -> str:
    """A short name for an item: its first required one-line key (title, name, country), else its text."""
    record = RECORDS[type(item).__name__.lower()]
    lines = [f.name for f in record.keys if f.kind in ("line", "text") and f.required]
    text = str(getattr(item, lines[0], "")) if lines else ""
    return text or str(getattr(item, "id", ""))


def digests(briefing: Briefing) -> dict[str, dict[str, str]]:
    """A short digest of each item, by kind and id: equal exactly when the diff sees no change."""
    return {kind: {item.id: digest(item) for item in getattr(briefing, kind)} for kind in KINDS}


def digest(item: object) -> str:
    text = canonical(values(item))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def document(diff: BriefingDiff) -> dict[str, Any]:
    """The JSON form, as docs/diff.md describes it."""
    return {
        "format": DIFF_FORMAT,
        "version": DIFF_VERSION,
        "old": dataclasses.asdict(diff.old),
        "new": dataclasses.asdict(diff.new),
        "briefing": {name: _change_dict(c) for name, c in diff.briefing.items()},
        "changes": {
            kind: {
                "added": [i.id for i in found.added],
                "removed": [i.id for i in found.removed],
                "changed": [
                    {"id": c.item.id, "fields": {n: _change_dict(f) for n, f in c.fields.items()}}
                    for c in found.changed
                ],
            }
            for kind, found in diff.changes.items()
        },
    }


def _change_dict(change: FieldChange) -> dict[str, Any]:
    found: dict[str, Any] = {"old": change.old, "new": change.new}
    if change.added is not None:
        found["added"] = list(change.added)
        found["removed"] = list(change.removed or ())
    return found
