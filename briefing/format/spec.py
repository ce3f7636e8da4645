"""The briefing format, version 1: the words its declaration is written in.

The records themselves are declared once, in briefing/model.py: each key of
the format is a model attribute made with ``key()``, which carries the
key's kind, description and limits as dataclass metadata. The loader checks
against that declaration and the JSON Schema is generated from it
(briefing.format.records reads it), so none of them can drift apart. Rules
that a field table cannot say (text xor text_file, lat with lon, unique
countries...) live in the loader and are written out in docs/format.md.
"""

from __future__ import annotations

import dataclasses
from typing import Any, NamedTuple

FORMAT_VERSION = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
# The most matches of one quote walked to find the one meant (quotes.py).
MAX_OCCURRENCE = 10_000
# The dataclass metadata entry that holds an attribute's format keys.
KEYS = "briefing.format"


class Field(NamedTuple):
    """One key of a record.

    kind is one of:
      line      one line of text          text      free text, may span lines
      id        a record id               ref       the id of a record in ``target``
      refs      a list of ``target`` ids  strings   a list of one-line texts
      enum      one of ``choices``        date      the date grammar (see dates.py)
      version   the format version        int       a whole number >= 1
      number    a decimal number          records   a list of ``record`` entries
    """

    name: str
    kind: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    target: str = ""  # for ref/refs: "actors", "places", "sources", "events"
    record: str = ""  # for records: the record's name (its model class, lowercased)
    minimum: float | None = None
    maximum: float | None = None
    min_items: int = 0


def key(
    kind: str,
    description: str,
    *,
    name: str = "",
    required: bool = False,
    default: Any = dataclasses.MISSING,
    choices: tuple[str, ...] = (),
    target: str = "",
    record: type | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    min_items: int = 0,
) -> Any:
    """A model attribute that holds one key of the format (``name``: the key, when it differs).

    An attribute without a default must be given by the loader; one not
    ``required`` may still have none when the loader always fills it in
    (a source's text, read from its text_file).
    """
    record_name = record.__name__.lower() if record is not None else ""
    found = Field(
        name, kind, description, required, choices, target, record_name, minimum, maximum, min_items
    )
    return holding(found, default=default)


def holding(*keys: Field, default: Any = dataclasses.MISSING) -> Any:
    """A model attribute made from these keys: one key's value, or what the loader builds from several."""
    return dataclasses.field(default=default, metadata={KEYS: keys})


def keys_of(attribute: dataclasses.Field[Any]) -> tuple[Field, ...]:
    """The format keys a model attribute holds, named; none for a derived attribute."""
    found: tuple[Field, ...] = attribute.metadata.get(KEYS, ())
    return tuple(f if f.name else f._replace(name=attribute.name) for f in found)


STATUSES = ("draft", "current", "superseded")
RELIABILITY = ("A", "B", "C", "D", "E", "F")
ACTOR_KINDS = (
    "person",
    "armed-group",
    "government",
    "military",
    "state",
    "organisation",
    "media",
    "coalition",
    "group",
)
PLACE_KINDS = ("city", "province", "region", "country", "site")
EVENT_STATUSES = ("reported", "claimed", "confirmed", "disputed", "denied", "planned")
STANCES = ("supportive", "opposed", "concerned", "neutral", "mixed", "unclear")
LIKELIHOODS = (
    "almost-no-chance",
    "very-unlikely",
    "unlikely",
    "roughly-even",
    "likely",
    "very-likely",
    "almost-certain",
)
CONFIDENCES = ("low", "moderate", "high")

# Evidence and statements both name an occurrence of their quote.
OCCURRENCE = Field(
    "occurrence",
    "int",
    "Which occurrence of the quote is meant (1-based).",
    minimum=1,
    maximum=MAX_OCCURRENCE,
)
