"""Records built from their declaration (briefing.format.records), and the rules that span records.

Each record is built the same way: its id claimed, its own check (below, for
the rules a field table cannot say), its lists of records built in declared
order, then the model class called with every declared key's value. A record
missing a required value is not built; the problem was reported when its keys
were read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from briefing import model
from briefing.format.diagnostics import Diagnostic
from briefing.format.evidence import Locator, ReadFile
from briefing.format.lean import LeanPlace
from briefing.format.nodes import child
from briefing.format.reading import Suggester, read_text
from briefing.format.records import RECORDS, TARGETS, Record
from briefing.format.text import excerpt
from briefing.format.values import Extensions, Values

_CODE = re.compile(r"^[A-Z]{2}$")


class Builder(Locator):
    """Builds the model of a whole briefing from its root node."""

    def __init__(
        self, shown: str, budget: int, base_dir: Path, max_size: int | None, read_file: ReadFile = read_text
    ) -> None:
        super().__init__(shown, budget, base_dir, max_size, read_file)
        self.ids: dict[str, tuple[str, yaml.Node]] = {}  # id -> (record kind, node)

    # -- any record --------------------------------------------------------

    def build(self, record: Record, node: yaml.Node, path: str, values: Values, ext: Extensions) -> Any:
        """The record's model object, or None when it cannot be built (the reason was reported)."""
        ok = all(values.get(name) is not None for name in record.required)
        if "id" in record.fields and values.get("id"):
            self.claim_id(values["id"], record.name, child(node, "id") or node, f"{path}.id")
        made: dict[str, Any] = {}
        check = _CHECKS.get(record.name)
        if check is not None and not check(self, node, path, values, ok, made):
            return None
        for attribute, field in record.lists:
            made[attribute] = self.build_list(values.get(field.name), f"{path}.{field.name}")
            if field.required and not made[attribute]:
                ok = False  # every one of its entries failed: reported there
        if not ok:
            return None
        return record.type(**_arguments(record, values, made, ext))

    def build_list(self, value: Any, path: str) -> tuple[Any, ...]:
        """A list of records, as value() left it (its node and key), built entry by entry."""
        if value is None:
            return ()
        node, field = value
        record = RECORDS[field.record]
        built = (self.build(record, *checked) for checked in self.records(node, field, path))
        return tuple(b for b in built if b is not None)

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

    def id_node(self, key: str, index: int, record_id: str) -> yaml.Node:
        """The node a listed record's id was claimed at, for a warning about the record.

        Over a lean tree, where it is: the id of entry ``index`` of the list (a valid
        briefing built every entry, in the file's order), found only if a warning needs it.
        """
        return self.ids[record_id][1] if self.located else LeanPlace(f"{key}[{index}].id", record_id)

    # -- each record's own rules -------------------------------------------

    def check_source(
        self, node: yaml.Node, path: str, values: Values, ok: bool, made: dict[str, Any]
    ) -> bool:
        """Text xor text_file; the text read and indexed, so later quotes can be found in it."""
        found = self.source_text(node, path, values)
        if found is None or not ok:
            return False
        text, target = found
        key = "text_file" if target else "text"
        index = self.index_for(text, target, child(node, key), f"{path}.{key}")
        if index is None:
            return False
        self.sources[values["id"]] = index
        made["text"] = text
        return True

    def check_place(
        self, node: yaml.Node, path: str, values: Values, _ok: bool, _made: dict[str, Any]
    ) -> bool:
        if ("lat" in values) != ("lon" in values):
            self.report(node, path, "give both 'lat' and 'lon', or neither")
            return False
        return True

    def check_event(
        self, _node: yaml.Node, path: str, _values: Values, _ok: bool, made: dict[str, Any]
    ) -> bool:
        made["order"] = int(path.rsplit("[", 1)[1].rstrip("]"))  # its place in the file's list
        return True

    def check_reaction(
        self, node: yaml.Node, path: str, values: Values, _ok: bool, _made: dict[str, Any]
    ) -> bool:
        code = values.get("code")
        if code is not None and not _CODE.match(code):
            self.report(
                child(node, "code"),
                f"{path}.code",
                f"code '{excerpt(code)}' is not an ISO 3166-1 alpha-2 code (two capital letters)",
            )
        return True  # reported, and still built: the briefing has an error either way

    def check_statement(
        self, node: yaml.Node, path: str, values: Values, _ok: bool, made: dict[str, Any]
    ) -> bool:
        """A statement's quote, source and occurrence are an evidence record of their own."""
        made["evidence"] = self.build(RECORDS["evidence"], node, path, values, {})
        return made["evidence"] is not None

    def check_evidence(
        self, node: yaml.Node, path: str, values: Values, _ok: bool, made: dict[str, Any]
    ) -> bool:
        found = self.locate(node, path, values)
        if found is None:
            return False
        made["source"], made["start"], made["end"] = found
        return True

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
        record = RECORDS["briefing"]
        # In declared order, sources first: evidence anywhere else is located in their texts.
        made = {
            attribute: self.build_list(top.get(field.name), field.name) for attribute, field in record.lists
        }
        self.resolve_references()
        self.check_cross_record(made, top.get("as_of"))
        if any(d.is_error for d in self.diagnostics) or not all(
            top.get(name) is not None for name in record.required
        ):
            return None
        # By the first day, then the last (the shorter span first), then the file's order.
        made["events"] = tuple(sorted(made["events"], key=lambda e: (*e.date.sort_key, e.order)))
        made["path"] = self.shown
        return model.Briefing(**_arguments(record, top, made, extensions))

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
            kind = TARGETS[target]
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

    def check_cross_record(self, built: dict[str, Any], as_of: model.DateSpec | None) -> None:
        countries: dict[str, str] = {}
        for reaction in built["reactions"]:
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
        if as_of is not None:
            for index, event in enumerate(built["events"]):
                if event.date.earliest > as_of.latest and event.status != "planned":
                    self.report(
                        self.id_node("events", index, event.id),
                        f"events.{event.id}.date",
                        f"event '{event.id}' is dated {event.date.display}, after the briefing's "
                        f"as_of ({as_of.display})",
                        hint="mark it `status: planned`, or move as_of",
                        severity="warning",
                    )
        for index, source in enumerate(built["sources"]):
            if source.id not in self.cited and (built["events"] or built["reactions"]):
                self.report(
                    self.id_node("sources", index, source.id),
                    f"sources.{source.id}",
                    f"source '{source.id}' is never cited by any evidence",
                    severity="warning",
                )


# A record's own check: may add derived values to the record's arguments; False: do not build it.
# Plain functions, not bound methods kept on the builder: those would make it a reference cycle,
# and the node tree it holds would then wait for the garbage collector instead of going at once.
Check = Callable[[Builder, yaml.Node, str, Values, bool, dict[str, Any]], bool]
_CHECKS: dict[str, Check] = {
    "source": Builder.check_source,
    "place": Builder.check_place,
    "event": Builder.check_event,
    "reaction": Builder.check_reaction,
    "statement": Builder.check_statement,
    "evidence": Builder.check_evidence,
}


def _arguments(record: Record, values: Values, made: dict[str, Any], ext: Extensions) -> dict[str, Any]:
    """The model class's arguments: what was built or derived, then each key's value as given."""
    for attribute, name in record.values:
        value = values.get(name)
        if value is not None and attribute not in made:
            made[attribute] = value  # left out: the attribute's declared default
    if record.extensions:
        made["extensions"] = _frozen(ext)
    return made


def _frozen(extensions: Extensions) -> Mapping[str, object]:
    """A read-only view of a record's x- keys; records without any share one empty mapping."""
    return MappingProxyType(extensions) if extensions else model.EMPTY
