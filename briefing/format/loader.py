"""YAML briefing → immutable model, with every problem reported in one pass.

The walk follows briefing.format.spec: each record's keys are checked (unknown keys
get a "did you mean"), each value converted by its field kind, then ids,
references and evidence quotes are resolved. Diagnostics carry the line and
column of the YAML node they are about.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from briefing import collector, model
from briefing.format import spec
from briefing.format.dates import DateError, parse_date
from briefing.format.diagnostics import BriefingError, Diagnostic
from briefing.format.quotes import MAX_MARK_RUN, MarkRunError, SourceIndex, normalise
from briefing.format.reading import (
    PLAIN_TAGS,
    YAML_TAG,
    ReadError,
    Suggester,
    compose,
    kind_of,
    read_text,
    suggest,
)
from briefing.format.text import clean, excerpt

MAX_DIAGNOSTICS = 500  # past this, more reports would only bury the first ones
_ID = re.compile(spec.ID_PATTERN)
_CODE = re.compile(r"^[A-Z]{2}$")
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
# Built once: records are checked against them thousands of times in a big file.
_FIELDS = {name: spec.fields_of(name) for name in spec.RECORDS}
_REQUIRED = {name: [f.name for f in fields if f.required] for name, fields in spec.RECORDS.items()}


def check(path: str | Path, *, max_size: int | None = None) -> tuple[model.Briefing | None, list[Diagnostic]]:
    """Load a briefing file; return the model (None if it has errors) and every diagnostic."""
    path = Path(path)
    shown = str(path)
    try:
        text = read_text(path, shown, max_size, what="briefing file")
    except ReadError as error:
        return None, [error.diagnostic]
    return check_text(text, shown=shown, base_dir=path.parent, max_size=max_size)


def check_text(
    text: str,
    *,
    shown: str = "<string>",
    base_dir: Path | None = None,
    max_size: int | None = None,
    read_file: Callable[[Path, str, int | None, str], str] = read_text,
) -> tuple[model.Briefing | None, list[Diagnostic]]:
    """Like check(), for YAML already in memory; text_file paths resolve against base_dir.

    ``read_file`` reads a text_file as read_text does; briefing.opening passes one that
    hands over the bytes it already read for the cache's key, so each file is read once.
    """
    with collector.paused():
        # The node tree is freed when _walk returns, before the collector is back.
        briefing, diagnostics = _walk(text, shown, base_dir, max_size, read_file)
    diagnostics.sort(key=lambda d: (d.line, d.column))
    if any(d.is_error for d in diagnostics):
        return None, diagnostics
    return briefing, diagnostics


def _walk(
    text: str,
    shown: str,
    base_dir: Path | None,
    max_size: int | None,
    read_file: Callable[[Path, str, int | None, str], str],
) -> tuple[model.Briefing | None, list[Diagnostic]]:
    try:
        root = compose(text, shown)
    except ReadError as error:
        return None, [error.diagnostic]
    if root is None:
        return None, [Diagnostic(shown, 1, 1, "the file is empty", hint="start with `briefing: 1`")]
    walker = _Walker(shown, base_dir or Path.cwd(), budget=len(text) + 100_000, max_size=max_size)
    walker.read_file = read_file
    try:
        briefing = walker.briefing(root)
    except _Stop:
        briefing = None
    return briefing, walker.diagnostics


def load(path: str | Path, *, max_size: int | None = None) -> model.Briefing:
    """Load a valid briefing or raise BriefingError carrying every diagnostic."""
    briefing, diagnostics = check(path, max_size=max_size)
    if briefing is None:
        raise BriefingError(str(path), diagnostics)
    return briefing


class _Stop(Exception):
    """Raised when going on would be unsafe or pointless (alias bomb, too many errors)."""


class _Walker:
    def __init__(self, shown: str, base_dir: Path, budget: int, max_size: int | None) -> None:
        self.shown = shown
        self.base_dir = base_dir
        self.budget = budget
        self.max_size = max_size
        self.diagnostics: list[Diagnostic] = []
        self.sources: dict[str, SourceIndex] = {}
        self.read_file: Callable[[Path, str, int | None, str], str] = read_text
        self.file_texts: dict[Path, str | ReadError] = {}  # text_file by resolved path: read once
        self.file_indexes: dict[Path, SourceIndex | MarkRunError] = {}
        self.ids: dict[str, tuple[str, yaml.Node]] = {}  # id -> (record kind, node)
        self.refs: list[tuple[str, str, yaml.Node, str]] = []  # (target, id, node, key path)
        self.cited: set[str] = set()
        self.dates: dict[str, model.DateSpec] = {}

    # -- reporting ---------------------------------------------------------

    def report(
        self,
        node: yaml.Node | None,
        path: str,
        message: str,
        hint: str | None = None,
        severity: str = "error",
    ) -> None:
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (0, 0)
        self.diagnostics.append(Diagnostic(self.shown, line, column, message, severity, path, hint))
        if len(self.diagnostics) >= MAX_DIAGNOSTICS:
            self.diagnostics.append(
                Diagnostic(self.shown, line, column, f"stopped after {MAX_DIAGNOSTICS} problems")
            )
            raise _Stop

    def spend(self, node: yaml.Node) -> None:
        """Count work per node, so alias expansion ("billion laughs") stops early."""
        cost = 1 + (len(node.value) // 16 if isinstance(node, yaml.ScalarNode) else 0)
        self.budget -= cost
        if self.budget < 0:
            self.report(
                node,
                "",
                "too much alias expansion: the document refers to its anchors too many times",
                hint="this looks like a 'billion laughs' YAML bomb; write the values out instead",
            )
            raise _Stop
        tag = node.tag
        if tag not in PLAIN_TAGS and tag != YAML_TAG + "merge":
            self.report(
                node,
                "",
                f"YAML tag '{excerpt(tag.replace(YAML_TAG, '!!'))}' is not allowed: "
                "a briefing holds plain data only",
                hint="remove the '!' tag",
            )
            raise _Stop

    # -- records -----------------------------------------------------------

    def record(
        self, node: yaml.Node, name: str, path: str
    ) -> tuple[dict[str, Any], dict[str, object]] | None:
        """Check a mapping against the record's fields; return converted values and x- extensions."""
        self.spend(node)
        if not isinstance(node, yaml.MappingNode):
            self.report(node, path, f"expected a mapping of keys for this {name}, found {kind_of(node)}")
            return None
        fields = _FIELDS[name]
        values: dict[str, Any] = {}
        seen: dict[str, yaml.Node] = {}
        extensions: dict[str, object] = {}
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
        for field in fields.values():
            if field.required and field.name not in seen:
                self.report(node, path, f"{name} is missing required key '{field.name}'")
        return values, extensions

    def records(
        self, node: yaml.Node, field: spec.Field, path: str
    ) -> list[tuple[yaml.Node, str, dict[str, Any], dict[str, object]]]:
        items = self.sequence(node, path)
        if items is None:
            return []
        if len(items) < field.min_items:
            self.report(node, path, f"'{field.name}' needs at least {field.min_items} entry")
        out = []
        for index, item in enumerate(items):
            where = f"{path}[{index}]"
            checked = self.record(item, field.record, where)
            if checked is not None:
                out.append((item, where, *checked))
        return out

    def sequence(self, node: yaml.Node, path: str) -> list[yaml.Node] | None:
        self.spend(node)
        if isinstance(node, yaml.SequenceNode):
            return node.value
        if isinstance(node, yaml.ScalarNode) and node.tag == YAML_TAG + "null":
            return []
        self.report(
            node, path, f"expected a list, found {kind_of(node)}", hint="write [a, b] or one '- ' per line"
        )
        return None

    # -- values ------------------------------------------------------------

    def value(self, node: yaml.Node, field: spec.Field, path: str) -> Any:
        kind = field.kind
        if kind == "records":
            return (node, field)  # built later by the record's builder, in spec order
        if kind in ("refs", "strings"):
            items = self.sequence(node, path)
            if items is None:
                return ()
            single = spec.Field(field.name, "ref" if kind == "refs" else "line", "", target=field.target)
            converted = (self.value(item, single, f"{path}[{i}]") for i, item in enumerate(items))
            return tuple(v for v in converted if v is not None)
        self.spend(node)
        if not isinstance(node, yaml.ScalarNode):
            self.report(node, path, f"expected {_expected(field)}, found {kind_of(node)}")
            return None
        tag = node.tag.removeprefix(YAML_TAG)
        if tag in ("seq", "map") or (tag == "null" and node.value not in _NULLS):
            # `!!null "x"` or `!!seq "x"`: an explicit tag that contradicts the value itself.
            message = f"the tag '!!{tag}' does not fit the value '{excerpt(node.value)}'"
            self.report(node, path, message, hint="remove the tag")
            return None
        if kind == "version":
            version = _parse_number(node.value, whole=True) if tag == "int" else None
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
        if kind in ("int", "number"):
            return self.number(node, field, path, tag)
        if tag == "null":
            self.report(
                node, path, f"'{field.name}' is empty", hint=f"give {_expected(field)} or remove the key"
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
                f"expected {_expected(field)}, found {kind_of(node)} ({excerpt(node.value)})",
                hint=f'quote it: "{excerpt(node.value)}"',
            )
            return None
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
            self.refs.append((field.target, text, node, path))
        return text

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
            self.report(node, path, f"expected {_expected(field)}, found {found}")
            return None
        number = _parse_number(node.value, whole=field.kind == "int")
        if isinstance(number, str):
            hint = f"write {_expected(field)} in decimal digits"
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

    def plain(self, node: yaml.Node, path: str, depth: int, active: set[int]) -> object:
        """An x- extension value as plain Python data (kept, not interpreted)."""
        self.spend(node)
        if id(node) in active or depth > 32:
            self.report(node, path, "extension value refers to itself or nests too deeply")
            raise _Stop
        if isinstance(node, yaml.ScalarNode):
            return clean(node.value) if node.tag != YAML_TAG + "null" else None
        active = active | {id(node)}
        if isinstance(node, yaml.SequenceNode):
            return tuple(self.plain(item, path, depth + 1, active) for item in node.value)
        mapping: dict[str, object] = {}
        for key_node, value_node in node.value:
            self.spend(key_node)
            # A complex key (`? [*a, *a]`) would be turned into text by expanding every
            # alias in it, outside the budget: keys are plain scalars or nothing.
            if not isinstance(key_node, yaml.ScalarNode):
                self.report(key_node, path, f"keys must be plain text, not {kind_of(key_node)}")
                continue
            mapping[clean(key_node.value)] = self.plain(value_node, path, depth + 1, active)
        return MappingProxyType(mapping)

    # -- the briefing ------------------------------------------------------

    def briefing(self, root: yaml.Node) -> model.Briefing | None:
        checked = self.record(root, "briefing", "")
        if checked is None:
            self.diagnostics[-1] = Diagnostic(
                self.shown, 1, 1, "a briefing file must be a mapping of keys, starting with `briefing: 1`"
            )
            return None
        top, extensions = checked
        if top.get("id"):
            self.claim_id(top["id"], "briefing", root, "id")
        built: dict[str, list[Any]] = {}
        # Sources first: evidence anywhere else is located in their texts.
        for name in ("sources", "actors", "places", "events", "reactions", "assessments"):
            if name in top and top[name] is not None:
                node, field = top[name]
                builder = getattr(self, f"build_{field.record}")
                built[name] = [b for b in (builder(*r) for r in self.records(node, field, name)) if b]
        self.resolve_references()
        self.check_cross_record(built, top)
        if any(d.is_error for d in self.diagnostics) or not all(
            top.get(k) for k in ("briefing", "id", "title", "as_of")
        ):
            return None
        events = sorted(built.get("events", []), key=lambda e: (e.date.earliest, e.order))
        return model.Briefing(
            version=top["briefing"],
            id=top["id"],
            title=top["title"],
            as_of=top["as_of"],
            status=top.get("status") or "current",
            summary=top.get("summary"),
            tags=top.get("tags", ()),
            sources=tuple(built.get("sources", ())),
            actors=tuple(built.get("actors", ())),
            places=tuple(built.get("places", ())),
            events=tuple(events),
            reactions=tuple(built.get("reactions", ())),
            assessments=tuple(built.get("assessments", ())),
            path=self.shown,
            extensions=_frozen(extensions),
        )

    def claim_id(self, record_id: str, kind: str, node: yaml.Node, path: str) -> None:
        if record_id in self.ids:
            other_kind, other = self.ids[record_id]
            self.report(
                node,
                path,
                f"duplicate id '{excerpt(record_id)}': already used by the {other_kind} "
                f"on line {other.start_mark.line + 1}",
                hint="ids must be unique within the file",
            )
        else:
            self.ids[record_id] = (kind, node)

    def _common(self, kind: str, node: yaml.Node, path: str, values: dict[str, Any]) -> bool:
        """Claim the record's id; False when required values are missing or invalid."""
        if values.get("id"):
            self.claim_id(values["id"], kind, _child(node, "id") or node, f"{path}.id")
        return all(values.get(name) is not None for name in _REQUIRED[kind])

    def build_source(self, node: yaml.Node, path: str, values: dict[str, Any], ext: dict[str, object]) -> Any:
        ok = self._common("source", node, path, values)
        text, text_file = values.get("text"), values.get("text_file")
        if "text" in values and "text_file" in values:
            self.report(node, path, "give either 'text' or 'text_file', not both")
            return None
        if text is None and text_file is None:
            if "text" not in values and "text_file" not in values:
                self.report(node, path, "source needs its verbatim 'text' or a 'text_file'")
            return None
        target = None
        if text_file is not None:
            file_node, where = _child(node, "text_file"), f"{path}.text_file"
            target = self.source_path(text_file, file_node, where)
            text = None if target is None else self.read_source_file(target, text_file, file_node, where)
        if text is None or not ok:
            return None
        text_node = _child(node, "text_file" if target else "text")
        index = self.index_for(text, target, text_node, f"{path}.{'text_file' if target else 'text'}")
        if index is None:
            return None
        self.sources[values["id"]] = index
        return model.Source(
            id=values["id"],
            title=values["title"],
            text=text,
            publisher=values.get("publisher"),
            author=values.get("author"),
            dateline=values.get("dateline"),
            published=values.get("published"),
            url=values.get("url"),
            reliability=values.get("reliability"),
            text_file=text_file,
            extensions=_frozen(ext),
        )

    def index_for(
        self, text: str, target: Path | None, node: yaml.Node | None, where: str
    ) -> SourceIndex | None:
        """The quote index of a source's text; sources naming the same file share one."""
        found = self.file_indexes.get(target) if target else None
        if found is None:
            try:
                found = SourceIndex(text)
            except MarkRunError as error:
                found = error
            if target:
                self.file_indexes[target] = found
        if isinstance(found, MarkRunError):
            self.report(
                node,
                where,
                f"the source text has {found}; no writing system needs more than {MAX_MARK_RUN} in a row",
                hint="remove the extra marks",
            )
            return None
        return found

    def source_path(self, name: str, node: yaml.Node | None, where: str) -> Path | None:
        """The file a text_file names, resolved; None after reporting one outside the folder."""
        relative = Path(name)
        if relative.is_absolute() or name.startswith("~") or re.match(r"^[A-Za-z]:", name):
            self.report(
                node, where, f"text_file '{excerpt(name)}' must be a path relative to the briefing's folder"
            )
            return None
        base = self.base_dir.resolve()
        target = (base / relative).resolve()
        if not target.is_relative_to(base):
            self.report(
                node,
                where,
                f"text_file '{excerpt(name)}' leads outside the briefing's folder",
                hint=("keep source texts in the briefing's folder or below it"),
            )
            return None
        return target

    def read_source_file(self, target: Path, name: str, node: yaml.Node | None, where: str) -> str | None:
        """A text file's cleaned text, read once per load however many sources name it."""
        if target not in self.file_texts:
            try:
                self.file_texts[target] = clean(self.read_file(target, name, self.max_size, "text file"))
            except ReadError as error:
                self.file_texts[target] = error
        found = self.file_texts[target]
        if isinstance(found, ReadError):
            d = found.diagnostic
            located = f" at line {d.line}, column {d.column}" if d.line else ""
            self.report(node, where, f"text_file '{excerpt(name)}': {d.message}{located}", hint=d.hint)
            return None
        return found

    def evidence_list(self, values: dict[str, Any], path: str) -> tuple[model.Evidence, ...]:
        if "evidence" not in values or values["evidence"] is None:
            return ()
        node, field = values["evidence"]
        found = (self.evidence(*r) for r in self.records(node, field, f"{path}.evidence"))
        return tuple(e for e in found if e is not None)

    def evidence(
        self, node: yaml.Node, path: str, values: dict[str, Any], _ext: dict[str, object]
    ) -> model.Evidence | None:
        quote = values.get("quote")
        if quote is None:
            return None
        source_id = self.source_for(node, path, values.get("source"))
        if source_id is None:
            return None
        occurrence = values.get("occurrence") or 1
        index = self.sources[source_id]
        quote_node = _child(node, "quote") or node
        try:
            span = index.locate(quote, occurrence)
            count = index.count(quote) if span is None else 1
        except MarkRunError as error:
            message = f"the quote has {error}; no writing system needs more than {MAX_MARK_RUN} in a row"
            self.report(quote_node, f"{path}.quote", message, hint="remove the extra marks")
            return None
        if span is None:
            if count:
                self.report(
                    quote_node,
                    f"{path}.quote",
                    f"quote occurs {count} time{'s' if count > 1 else ''} in source '{source_id}', "
                    f"so occurrence {occurrence} does not exist",
                )
            else:
                self.report(
                    quote_node,
                    f"{path}.quote",
                    f"quote not found in source '{source_id}'",
                    hint=_near_miss(index, quote),
                )
            return None
        self.cited.add(source_id)
        return model.Evidence(source_id, quote, span[0], span[1], occurrence)

    def source_for(self, node: yaml.Node, path: str, source_id: str | None) -> str | None:
        if source_id is None:
            if len(self.sources) == 1:
                return next(iter(self.sources))
            if len(self.sources) > 1:
                self.report(
                    node,
                    path,
                    f"evidence must name its 'source': this briefing has {len(self.sources)} sources",
                    hint=f"add source: one of {', '.join(sorted(self.sources))}",
                )
            return None
        if source_id not in self.sources:
            return None  # reported as a dangling reference
        return source_id

    def build_actor(self, node: yaml.Node, path: str, values: dict[str, Any], ext: dict[str, object]) -> Any:
        ok = self._common("actor", node, path, values)
        affiliations = []
        if values.get("affiliations") is not None:
            a_node, a_field = values["affiliations"]
            for _n, _p, a_values, _e in self.records(a_node, a_field, f"{path}.affiliations"):
                if a_values.get("actor") and a_values.get("relation"):
                    affiliations.append(model.Affiliation(a_values["actor"], a_values["relation"]))
        evidence = self.evidence_list(values, path)
        if not ok:
            return None
        return model.Actor(
            id=values["id"],
            name=values["name"],
            kind=values["kind"],
            aliases=values.get("aliases", ()),
            country=values.get("country"),
            role=values.get("role"),
            affiliations=tuple(affiliations),
            evidence=evidence,
            extensions=_frozen(ext),
        )

    def build_place(self, node: yaml.Node, path: str, values: dict[str, Any], ext: dict[str, object]) -> Any:
        ok = self._common("place", node, path, values)
        if ("lat" in values) != ("lon" in values):
            self.report(node, path, "give both 'lat' and 'lon', or neither")
            return None
        if not ok:
            return None
        return model.Place(
            id=values["id"],
            name=values["name"],
            kind=values.get("kind"),
            country=values.get("country"),
            lat=values.get("lat"),
            lon=values.get("lon"),
            extensions=_frozen(ext),
        )

    def build_event(self, node: yaml.Node, path: str, values: dict[str, Any], ext: dict[str, object]) -> Any:
        ok = self._common("event", node, path, values)
        evidence = self.evidence_list(values, path)
        if not ok or not evidence:
            return None
        return model.Event(
            id=values["id"],
            title=values["title"],
            date=values["date"],
            evidence=evidence,
            detail=values.get("detail"),
            actors=values.get("actors", ()),
            places=values.get("places", ()),
            status=values.get("status") or "reported",
            order=int(path.rsplit("[", 1)[1].rstrip("]")),
            extensions=_frozen(ext),
        )

    def build_reaction(
        self, node: yaml.Node, path: str, values: dict[str, Any], ext: dict[str, object]
    ) -> Any:
        ok = self._common("reaction", node, path, values)
        code = values.get("code")
        if code is not None and not _CODE.match(code):
            self.report(
                _child(node, "code"),
                f"{path}.code",
                f"code '{excerpt(code)}' is not an ISO 3166-1 alpha-2 code (two capital letters)",
            )
        statements = []
        if values.get("statements") is not None:
            s_node, s_field = values["statements"]
            for item, where, s_values, s_ext in self.records(s_node, s_field, f"{path}.statements"):
                found = self.evidence(item, where, s_values, s_ext)
                if found is not None and s_values.get("speaker"):
                    statements.append(
                        model.Statement(
                            speaker=s_values["speaker"],
                            quote=s_values["quote"],
                            evidence=found,
                            date=s_values.get("date"),
                            extensions=_frozen(s_ext),
                        )
                    )
        actions = []
        if values.get("actions") is not None:
            a_node, a_field = values["actions"]
            for _item, where, a_values, a_ext in self.records(a_node, a_field, f"{path}.actions"):
                evidence = self.evidence_list(a_values, where)
                if a_values.get("title"):
                    actions.append(
                        model.Action(
                            title=a_values["title"],
                            date=a_values.get("date"),
                            evidence=evidence,
                            extensions=_frozen(a_ext),
                        )
                    )
        evidence = self.evidence_list(values, path)
        if not ok:
            return None
        return model.Reaction(
            id=values["id"],
            country=values["country"],
            stance=values["stance"],
            headline=values["headline"],
            code=code,
            actors=values.get("actors", ()),
            statements=tuple(statements),
            actions=tuple(actions),
            evidence=evidence,
            extensions=_frozen(ext),
        )

    def build_assessment(
        self, node: yaml.Node, path: str, values: dict[str, Any], ext: dict[str, object]
    ) -> Any:
        if not self._common("assessment", node, path, values):
            return None
        return model.Assessment(
            id=values["id"],
            text=values["text"],
            likelihood=values.get("likelihood"),
            confidence=values.get("confidence"),
            basis=values.get("basis", ()),
            author=values.get("author"),
            extensions=_frozen(ext),
        )

    # -- whole-file rules --------------------------------------------------

    def resolve_references(self) -> None:
        by_kind: dict[str, list[str]] = {}
        for record_id, (kind, _node) in self.ids.items():
            by_kind.setdefault(kind, []).append(record_id)
        # One suggester per kind and one hint per misspelling: with 100k ids, a fresh
        # search for each of hundreds of bad references would cost minutes.
        suggesters: dict[str, Suggester] = {}
        hints: dict[tuple[str, str], str | None] = {}
        for target, ref, node, path in self.refs:
            kind = spec.TARGETS[target]
            if self.ids.get(ref, ("",))[0] == kind:
                continue
            if (kind, ref) not in hints:
                if kind not in suggesters:
                    suggesters[kind] = Suggester(by_kind.get(kind, []))
                hints[kind, ref] = suggesters[kind](ref)
            hint = hints[kind, ref]
            if ref in self.ids:
                hint = f"'{ref}' is the id of a {self.ids[ref][0]}, not of a {kind}"
            self.report(node, path, f"unknown {kind} id '{excerpt(ref)}'", hint=hint)

    def check_cross_record(self, built: dict[str, list[Any]], top: dict[str, Any]) -> None:
        countries: dict[str, str] = {}
        for reaction in built.get("reactions", []):
            key = reaction.country.casefold()
            node = self.ids[reaction.id][1]
            if key in countries:
                self.report(
                    node,
                    f"reactions.{reaction.id}",
                    f"country '{reaction.country}' already has a reaction ('{countries[key]}')",
                    hint="merge the two: a country appears once, with all its statements and actions",
                )
            else:
                countries[key] = reaction.id
        as_of = top.get("as_of")
        if as_of is not None:
            for event in built.get("events", []):
                if event.date.earliest > as_of.latest and event.status != "planned":
                    self.report(
                        self.ids[event.id][1],
                        f"events.{event.id}.date",
                        f"event '{event.id}' is dated {event.date.display}, after the briefing's "
                        f"as_of ({as_of.display})",
                        hint="mark it `status: planned`, or move as_of",
                        severity="warning",
                    )
        for source in built.get("sources", []):
            if source.id not in self.cited and (built.get("events") or built.get("reactions")):
                self.report(
                    self.ids[source.id][1],
                    f"sources.{source.id}",
                    f"source '{source.id}' is never cited by any evidence",
                    severity="warning",
                )


def _frozen(extensions: dict[str, object]) -> Mapping[str, object]:
    """A read-only view of a record's x- keys; records without any share one empty mapping."""
    return MappingProxyType(extensions) if extensions else model.EMPTY


def _parse_number(text: str, *, whole: bool) -> int | float | str:
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


def _child(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    return None


def _expected(field: spec.Field) -> str:
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


def _near_miss(index: SourceIndex, quote: str) -> str | None:
    """Say how much of a missing quote does match, to point at the typo.

    Bounded: a scan for the folded quote (only when it holds quotation marks) and one
    for its first characters; hundreds of missing quotes in a long text stay cheap.
    """
    if index.has_folded(quote):
        return "the source uses different quotation marks or apostrophes (’ “ ” vs ' \"): copy them exactly"
    low = index.longest_prefix(quote)
    if low >= 8:
        needle = normalise(quote)
        return (
            f"the source matches up to “{needle[:low][-40:]}” "
            f"but not the next characters “{needle[low : low + 20]}”"
        )
    return "copy the sentence from the source text; spacing may differ, words may not"
