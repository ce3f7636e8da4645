"""`briefing export --format json`: the validated model for other tools.

The layout is documented in docs/export-json.md; change it only together with
that page. A key added to the format is added to the export (new keys may come
within a version); removing or renaming one changes ``EXPORT_VERSION``. Keys come
out in a fixed order and every key is always present (``null`` or empty when the
briefing does not give it), so a consumer never has to guess which keys exist.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from json.encoder import encode_basestring
from typing import Any

from briefing.model import Action, Briefing, DatePoint, DateSpec, Event, Source

EXPORT_FORMAT = "briefing-export"
EXPORT_VERSION = 1
_PRECISION_RANK = {"minute": 0, "day": 1, "month": 2, "year": 3}

# Every record is exported attribute by attribute, in the order briefing.model declares
# them, so a key added to the format is exported too. Where docs/export-json.md names or
# places a key otherwise, it says so here: that layout is a contract with other tools.
_RENAMED = {(Briefing, "version"): "format_version", (Event, "order"): "file_order"}
# The file it was loaded from is no part of the briefing.
_LEFT_OUT = {(Briefing, "path")}
_MOVED_BEFORE = {(Source, "text_file"): "text", (Event, "status"): "detail", (Action, "title"): "date"}


def export_json(briefing: Briefing) -> str:
    document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "briefing": record_dict(briefing)}
    return indented(document) + "\n"


def indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for values whose keys are all strings.

    With ``indent``, Python 3.11 encodes in Python, through a generator per nested
    value: most of the time of exporting 10,000 events. This writes the same text
    into one list, and leaves strings (in C) and numbers to the json module.
    """
    out: list[str] = []
    _write(value, "\n", out)
    return "".join(out)


def _write(value: Any, newline: str, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            out.append(separator)
            out.append(encode_basestring(key))
            out.append(": ")
            _write(item, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _write(item, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    else:
        out.append(json.dumps(value))  # a number, as the json module writes it


def record_dict(record: object) -> dict[str, Any]:
    """A record of the model (a briefing, an event, a piece of evidence...) as JSON values."""
    return {key: _value(getattr(record, attribute)) for attribute, key in _layout(type(record))}


@functools.cache
def _layout(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, exported key) of a record class, in the exported order."""
    names = [f.name for f in fields(cls) if f.init and (cls, f.name) not in _LEFT_OUT]
    for (owner, name), before in _MOVED_BEFORE.items():
        if owner is cls:
            names.remove(name)
            names.insert(names.index(before), name)
    return tuple((name, _RENAMED.get((cls, name), name)) for name in names)


def _value(value: object) -> Any:
    if isinstance(value, DateSpec):
        return date_dict(value)
    if is_dataclass(value):
        return record_dict(value)
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    if isinstance(value, Mapping):
        return _plain(value)  # x- extensions
    return value


def date_dict(spec: DateSpec | None) -> dict[str, Any] | None:
    if spec is None:
        return None
    ends = [spec.start] if spec.end is None else [spec.start, spec.end]
    return {
        "text": spec.text,
        "display": spec.display,
        "earliest": spec.earliest.isoformat(),
        "latest": spec.latest.isoformat(),
        # A range is as precise as its coarser end.
        "precision": max((p.precision for p in ends), key=_PRECISION_RANK.__getitem__),
        "approximate": any(p.approximate for p in ends),
        "uncertain": any(p.uncertain for p in ends),
        "start": _point(spec.start),
        "end": _point(spec.end) if spec.end is not None else None,
    }


def _point(point: DatePoint) -> dict[str, Any]:
    return {
        "text": point.text,
        "precision": point.precision,
        "earliest": point.earliest.isoformat(),
        "latest": point.latest.isoformat(),
        "approximate": point.approximate,
        "uncertain": point.uncertain,
        "moment": point.moment.isoformat() if point.moment is not None else None,
    }


def _plain(value: object) -> Any:
    """x- extension values (read-only mappings and tuples of strings) as JSON values."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
