"""One record's keys checked against its declaration, and each value converted by its key's kind.

Unknown keys get a "did you mean"; numbers are taken only as a briefing writes
them (YAML 1.1 also reads octal, hex, base-60 and tagged numbers: each gets
its own message); text is cleaned once, here.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import yaml

from briefing import model
from briefing.format import spec
from briefing.format.dates import DateError, parse_date
from briefing.format.nodes import NodeWalker
from briefing.format.reading import YAML_TAG, kind_of, suggest
from briefing.format.records import RECORDS
from briefing.format.text import clean, excerpt

_ID = re.compile(spec.ID_PATTERN)
# Numbers as a briefing writes them: ASCII decimal digits, "_" only between digits.
# YAML 1.1 also resolves octal (017), hex, binary and base-60 (1:30) numbers, and an
# explicit !!int / !!float tag can sit on any text: each of those gets its own message.
_DIGITS = r"[0-9](?:_?[0-9])*"
_WHOLE = re.compile(rf"[-+]?{_DIGITS}", re.ASCII)
_DECIMAL = re.compile(
    rf"[-+]?(?:{_DIGITS}(?:\.(?:{_DIGITS})?)?|\.{_DIGITS})(?:[eE][-+]?[0-9]{{1,4}})?", re.ASCII
)
_OCTAL = re.compile(r"[-+]?0[0-9_]+", re.ASCII)
_PREFIXED = re.compile(r"[-+]?0[xXbBoO]")
_NOT_FINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
MAX_DIGITS = 30  # far past any count or coordinate; Python refuses int() past 4,300 digits
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))

# A key's converted value; a list of records is kept as its node and key, built later in declared order.
Values = dict[str, Any]
Extensions = dict[str, object]
Checked = tuple[yaml.Node, str, Values, Extensions]  # a record's node, its path, its values and x- keys


class ValueReader(NodeWalker):
    """Checks records' keys and converts their values; collects references and dates on the way."""

    def __init__(self, shown: str, budget: int) -> None:
        super().__init__(shown, budget)
        self.refs: list[tuple[str, str, yaml.Node | None, str]] = []  # (target, id, node, key path)
        self.dates: dict[str, model.DateSpec] = {}

    def record(self, node: yaml.Node, name: str, path: str) -> tuple[Values, Extensions] | None:
        """Check a mapping against the record's keys; return converted values and x- extensions."""
        self.spend(node)
        if not isinstance(node, yaml.MappingNode):
            self.report(node, path, f"expected a mapping of keys for this {name}, found {kind_of(node)}")
            return None
        declared = RECORDS[name]
        fields = declared.fields
        values: Values = {}
        seen: dict[str, yaml.Node] = {}
        extensions: Extensions = {}
        for key_node, value_node in node.value:
            self.spend(key_node)
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key_node.tag == YAML_TAG + "merge":
                self.report(key_node, path, "merge keys (<<) are not supported", hint="write the keys out")
                continue
            if not isinstance(key, str):
                self.report(key_node, path, f"keys must be plain text, not {kind_of(key_node)}")
                continue
            where = f"{path}.{excerpt(key)}" if path else excerpt(key)
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.report(key_node, where, f"duplicate key '{excerpt(key)}' (first given on line {first})")
                continue
            seen[key] = key_node
            if key.startswith("x-"):
                extensions[clean(key)] = self.plain(value_node, where, depth=0, active=set())
            elif key not in fields:
                self.report(
                    key_node, where, f"unknown key '{excerpt(key)}' in {name}", hint=suggest(key, fields)
                )
            else:
                values[key] = self.value(value_node, fields[key], where)
        for required in declared.required:
            if required not in seen:
                self.report(node, path, f"{name} is missing required key '{required}'")
        return values, extensions

    def records(self, node: yaml.Node, field: spec.Field, path: str) -> Iterable[Checked]:
        """Each entry of a list of records, checked.

        Located, all are checked before the first is built (reports come in that order).
        Over a lean tree, nothing is reported: each entry is handed on as soon as it is
        checked and let go once built, so the tree shrinks as the model grows.
        """
        items = self.sequence(node, path)
        if items is None:
            return []
        if len(items) < field.min_items:
            self.report(node, path, f"'{field.name}' needs at least {field.min_items} entry")
        return list(self._each(items, field, path)) if self.located else self._each(items, field, path)

    def _each(self, items: list[yaml.Node], field: spec.Field, path: str) -> Iterator[Checked]:
        for index, item in enumerate(items):
            where = f"{path}[{index}]"
            checked = self.record(item, field.record, where)
            if checked is not None:
                yield (item, where, *checked)
            if not self.located:
                items[index] = None  # type: ignore[call-overload]  # a lean node is walked once: no aliases

    def value(self, node: yaml.Node, field: spec.Field, path: str) -> Any:
        kind = field.kind
        if kind == "records":
            return (node, field)  # built later by the record's builder, in declared order
        if kind in ("refs", "strings"):
            items = self.sequence(node, path)
            if items is None:
                return ()
            single = spec.Field(field.name, "ref" if kind == "refs" else "line", "", target=field.target)
            converted = (self.value(item, single, f"{path}[{i}]") for i, item in enumerate(items))
            return tuple(v for v in converted if v is not None)
        self.spend(node)
        if not isinstance(node, yaml.ScalarNode):
            self.report(node, path, f"expected {expected(field)}, found {kind_of(node)}")
            return None
        tag = node.tag.removeprefix(YAML_TAG)
        if tag in ("seq", "map") or (tag == "null" and node.value not in _NULLS):
            # `!!null "x"` or `!!seq "x"`: an explicit tag that contradicts the value itself.
            message = f"the tag '!!{tag}' does not fit the value '{excerpt(node.value)}'"
            self.report(node, path, message, hint="remove the tag")
            return None
        if kind == "version":
            return self.version(node, path, tag)
        if kind in ("int", "number"):
            return self.number(node, field, path, tag)
        if tag == "null":
            self.report(
                node, path, f"'{field.name}' is empty", hint=f"give {expected(field)} or remove the key"
            )
            return None
        if kind == "date" and tag in ("str", "timestamp"):
            # An unquoted 2024-12-05 is a YAML timestamp: accepted as the day it names.
            try:
                return self.date(clean(node.value))
            except DateError as error:
                self.report(node, path, f"bad date: {error}", hint=error.hint)
                return None
        if tag != "str":
            self.report(
                node,
                path,
                f"expected {expected(field)}, found {kind_of(node)} ({excerpt(node.value)})",
                hint=f'quote it: "{excerpt(node.value)}"',
            )
            return None
        return self.text(node, field, path)

    def text(self, node: yaml.ScalarNode, field: spec.Field, path: str) -> str | None:
        kind = field.kind
        text = clean(node.value)
        if kind != "text" or field.name != "text":
            text = text.strip()  # source texts stay as written: spans index into them
        if not text:
            self.report(node, path, f"'{field.name}' is empty")
            return None
        if kind == "text":
            return text
        if "\n" in text:
            self.report(node, path, f"'{field.name}' must be one line", hint="use `>-` to fold long lines")
            return None
        if kind == "enum" and text not in field.choices:
            hint = suggest(text, field.choices) or f"choose one of: {', '.join(field.choices)}"
            self.report(node, path, f"'{excerpt(text)}' is not a valid {field.name}", hint=hint)
            return None
        if kind in ("id", "ref") and not _ID.match(text):
            slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
            self.report(
                node,
                path,
                f"'{excerpt(text)}' is not a valid id: use lowercase letters, digits and '-'",
                hint=f"for example '{excerpt(slug)}'" if slug else None,
            )
            return None
        if kind in ("id", "ref", "enum"):
            # The same few strings recur across thousands of records: keep one copy of each.
            text = sys.intern(text)
        if kind == "ref":
            # A lean pass reports nothing, so it keeps neither the node nor the path.
            kept = (node, path) if self.located else (None, "")
            self.refs.append((field.target, text, *kept))
        return text

    def version(self, node: yaml.ScalarNode, path: str, tag: str) -> int | None:
        version = parse_number(node.value, whole=True) if tag == "int" else None
        if not isinstance(version, int):
            self.report(node, path, f"the format version must be the integer {spec.FORMAT_VERSION}")
            return None
        if version != spec.FORMAT_VERSION:
            self.report(
                node,
                path,
                f"unsupported format version {version}; this briefing understands version "
                f"{spec.FORMAT_VERSION}",
                hint="upgrade briefing, or write `briefing: 1`",
            )
            return None
        return spec.FORMAT_VERSION

    def date(self, text: str) -> model.DateSpec:
        """Parse a date; dates are immutable and recur, so records share one object per spelling."""
        found = self.dates.get(text)
        if found is None:
            found = self.dates[text] = parse_date(text)
        return found

    def number(self, node: yaml.ScalarNode, field: spec.Field, path: str, tag: str) -> float | int | None:
        allowed = ("int",) if field.kind == "int" else ("int", "float")
        if tag not in allowed:
            found = f"{kind_of(node)} '{excerpt(node.value)}'"
            self.report(node, path, f"expected {expected(field)}, found {found}")
            return None
        number = parse_number(node.value, whole=field.kind == "int")
        if isinstance(number, str):
            hint = f"write {expected(field)} in decimal digits"
            self.report(node, path, f"'{field.name}' {number}", hint=hint)
            return None
        if number != number or number in (float("inf"), float("-inf")):
            self.report(node, path, f"'{field.name}' must be a finite number")
            return None
        if field.minimum is not None and number < field.minimum:
            self.report(node, path, f"'{field.name}' must be at least {field.minimum:g}, not {number}")
            return None
        if field.maximum is not None and number > field.maximum:
            self.report(node, path, f"'{field.name}' must be at most {field.maximum:g}, not {number}")
            return None
        return number


def parse_number(text: str, *, whole: bool) -> int | float | str:
    """A number as a briefing writes it, or what is wrong with it (a message to finish).

    Never raises: YAML resolves and tags far more spellings than int() and float() take.
    """
    text = text.strip()
    shown = excerpt(text)
    if _NOT_FINITE.fullmatch(text):
        return float("nan")  # the caller reports it as not finite
    if len(text) > MAX_DIGITS + 10 or sum(c.isdigit() for c in text) > MAX_DIGITS:
        return f"is too long a number ({len(text)} characters)"
    if _PREFIXED.match(text):
        return f"must be written in decimal, not '{shown}'"
    if ":" in text:
        return f"must be written in decimal: YAML 1.1 reads '{shown}' as a base-60 number"
    if _OCTAL.fullmatch(text):
        return f"must not start with 0: YAML 1.1 reads '{shown}' as an octal number"
    if _WHOLE.fullmatch(text):
        return int(text)
    if not whole and _DECIMAL.fullmatch(text):
        return float(text)
    return f"must be {'a whole number' if whole else 'a number'}, not '{shown}'"


def expected(field: spec.Field) -> str:
    """What a key's value should be, in a reader's words."""
    return {
        "line": "one line of text",
        "text": "text",
        "id": "an id",
        "ref": "an id",
        "enum": f"one of {', '.join(field.choices)}",
        "date": 'a date such as "2024-12-05"',
        "int": "a whole number",
        "number": "a number",
        "version": "the integer 1",
    }.get(field.kind, field.kind)
