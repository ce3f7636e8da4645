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
    """``indented(document(briefing)) + "\\n"``, written from the model without building the dicts."""
    writer = _ModelWriter()
    writer.out.append(f'{{\n  "format": "{EXPORT_FORMAT}",\n  "version": {EXPORT_VERSION},\n  "briefing": ')
    writer.record(briefing, "\n  ")
    writer.out.append("\n}\n")
    return "".join(writer.out)


def document(briefing: Briefing) -> dict[str, Any]:
    """The exported document as JSON values (what export_json writes, indented by two)."""
    return {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "briefing": record_dict(briefing)}


def indented(value: Any, newline: str = "\n") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for values whose keys are all strings.

    With ``indent``, Python 3.11 encodes in Python, through a generator per nested
    value: most of the time of exporting 10,000 events. This writes the same text
    into one list, and leaves strings (in C) and numbers to the json module.
    ``newline`` starts each line of a value written that deep into a document.
    """
    out: list[str] = []
    _write(value, newline, out)
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


class _ModelWriter:
    """The model written out as record_dict and _write would write it, without the dicts.

    Strings, None, whole numbers, tuples and records are written here; a date is
    written once per distinct date and depth (events share days); booleans,
    floats and extensions go through record_dict's way.
    """

    def __init__(self) -> None:
        self.out: list[str] = []
        self.dates: dict[tuple[DateSpec, str], str] = {}

    def record(self, record: object, newline: str) -> None:
        out = self.out
        inner = newline + "  "
        separator = "{" + inner
        for attribute, key in _encoded_layout(type(record)):
            value = getattr(record, attribute)
            if type(value) is str:
                out.append(separator + key + encode_basestring(value))
            elif value is None:
                out.append(separator + key + "null")
            else:
                out.append(separator + key)
                self.value(value, inner)
            separator = "," + inner
        out.append(newline + "}")

    def value(self, value: object, newline: str) -> None:
        kind = type(value)
        out = self.out
        if kind is str:
            out.append(encode_basestring(value))
        elif value is None:
            out.append("null")
        elif kind is int:
            out.append(int.__repr__(value))  # what json.dumps writes for an int
        elif kind is tuple:
            if not value:
                out.append("[]")
                return
            inner = newline + "  "
            separator = "[" + inner
            for item in value:
                if type(item) is str:
                    out.append(separator + encode_basestring(item))
                else:
                    out.append(separator)
                    self.value(item, inner)
                separator = "," + inner
            out.append(newline + "]")
        elif kind is DateSpec:
            key = (value, newline)
            written = self.dates.get(key)
            if written is None:
                written = self.dates[key] = indented(date_dict(value), newline)
            out.append(written)
        elif _is_record(kind):
            self.record(value, newline)
        elif not value and isinstance(value, Mapping):
            out.append("{}")  # no x- extensions: most records
        else:
            _write(_value(value), newline, out)


@functools.cache
def _is_record(cls: type) -> bool:
    """A record of the model written key by key (a date is written as date_dict gives it)."""
    return is_dataclass(cls) and not issubclass(cls, DateSpec)


@functools.cache
def _encoded_layout(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, the key as JSON with its colon) of a record class, in the exported order."""
    return tuple((attribute, encode_basestring(key) + ": ") for attribute, key in _layout(cls))


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
