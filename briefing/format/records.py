"""The format's records and their keys, as the model declares them (see briefing.format.spec).

Read once, at import: the loader checks every record against these tables,
the JSON Schema is generated from them, and a comparison of two briefings can
walk the same keys.
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from briefing import model
from briefing.format.spec import Field, keys_of

# Every record of the format, in the order the JSON Schema lists them.
TYPES: tuple[type, ...] = (
    model.Briefing,
    model.Source,
    model.Actor,
    model.Affiliation,
    model.Place,
    model.Event,
    model.Reaction,
    model.Statement,
    model.Action,
    model.Assessment,
    model.Evidence,
)


class Record(NamedTuple):
    """One record of the format: its model class and the keys its attributes hold."""

    name: str  # "event": the class name, lowercased
    type: type
    keys: tuple[Field, ...]  # in declared order
    fields: dict[str, Field]  # the same, by key
    required: tuple[str, ...]  # the keys that must be given
    values: tuple[tuple[str, str], ...]  # (attribute, key): the attribute holds the key's value as converted
    lists: tuple[tuple[str, Field], ...]  # (attribute, key): a list of records, built one by one
    extensions: bool  # whether it keeps its x- keys (evidence has nowhere to keep them)


def _record(cls: type) -> Record:
    keys: list[Field] = []
    values: list[tuple[str, str]] = []
    lists: list[tuple[str, Field]] = []
    for attribute in dataclasses.fields(cls):
        held = keys_of(attribute)
        keys += held
        if len(held) != 1:
            continue  # derived, or built by the loader from several keys (a statement's evidence)
        if held[0].kind == "records":
            lists.append((attribute.name, held[0]))
        else:
            values.append((attribute.name, held[0].name))
    names = {f.name for f in dataclasses.fields(cls)}
    return Record(
        name=cls.__name__.lower(),
        type=cls,
        keys=tuple(keys),
        fields={f.name: f for f in keys},
        required=tuple(f.name for f in keys if f.required),
        values=tuple(values),
        lists=tuple(lists),
        extensions="extensions" in names,
    )


RECORDS: dict[str, Record] = {r.name: r for r in map(_record, TYPES)}
# Which record each reference target names: a ref to "actors" is the id of an actor.
TARGETS: dict[str, str] = {f.name: f.record for _attribute, f in RECORDS["briefing"].lists}


def fields_of(record: str) -> dict[str, Field]:
    """A record's keys by name."""
    return RECORDS[record].fields
