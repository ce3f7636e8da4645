"""`briefing export --format csv`: one table of the briefing for a spreadsheet.

The columns of every table are documented in docs/export-csv.md; change them
only together with that page (a test compares the two). The file is RFC 4180:
a header row, CRLF line ends, fields quoted when they hold a comma, a quote or
a line break, quotes doubled. Dates come from the JSON export's ``date_dict``,
names from ``labels``, so every format says the same thing.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (CSV injection). Every text cell that does gets a
leading ``'``, as OWASP recommends; numbers this module writes itself (lat,
lon, counts, offsets) are never touched, so ``-18.41`` stays a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from briefing.model import Briefing, DateSpec, Evidence, Place
from briefing.render import CSV_TABLES, labels
from briefing.render.json_export import date_dict

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_DATE = ("date", "date_display", "earliest", "latest", "precision", "approximate", "uncertain")
_EVIDENCE = ("sources", "quote", "quote_start", "quote_end")
COLUMNS: dict[str, tuple[str, ...]] = {
    "events": (
        "id",
        *_DATE,
        "status",
        "title",
        "detail",
        "actors",
        "actor_ids",
        "places",
        "place_ids",
        "lat",
        "lon",
        *_EVIDENCE,
    ),
    "actors": (
        "id",
        "name",
        "kind",
        "aliases",
        "country",
        "role",
        "affiliations",
        "affiliation_ids",
        "event_count",
        *_EVIDENCE,
    ),
    "places": ("id", "name", "kind", "country", "lat", "lon", "event_count"),
    "reactions": (
        "id",
        "country",
        "code",
        "stance",
        "headline",
        "actors",
        "actor_ids",
        "statement_count",
        "action_count",
        *_EVIDENCE,
    ),
    "statements": (
        "reaction_id",
        "country",
        "speaker",
        "speaker_id",
        *_DATE,
        "quote",
        "source",
        "source_id",
        "quote_start",
        "quote_end",
    ),
}
Row = dict[str, Any]


def export_csv(briefing: Briefing, table: str = "events") -> str:
    """The records of ``table`` (one of CSV_TABLES) as CSV text, header first."""
    if table not in COLUMNS:
        raise ValueError(f"unknown table {table!r}; choose from {', '.join(CSV_TABLES)}")
    columns = COLUMNS[table]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 ends records with CRLF
    writer.writerow(columns)
    for row in _ROWS[table](briefing):
        writer.writerow([cell(row[column]) for column in columns])
    return buffer.getvalue()


def cell(value: object) -> str:
    """A value as a CSV field: text neutralised, numbers and booleans as written, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return neutralise(str(value))


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert with a leading ``'`` (OWASP)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _joined(values: Iterable[str]) -> str:
    return "; ".join(dict.fromkeys(values))  # each once, in order


def _date_cells(date: DateSpec | None) -> Row:
    spec = date_dict(date)
    if spec is None:
        return dict.fromkeys(_DATE)
    keys = ("text", "display", "earliest", "latest", "precision", "approximate", "uncertain")
    return dict(zip(_DATE, (spec[k] for k in keys), strict=True))


def _evidence_cells(briefing: Briefing, evidence: Sequence[Evidence]) -> Row:
    first = evidence[0] if evidence else None
    return {
        "sources": _joined(labels.source_label(briefing, e.source) for e in evidence),
        "quote": first.quote if first else None,
        "quote_start": first.start if first else None,
        "quote_end": first.end if first else None,
    }


def _names(briefing: Briefing, actor_ids: Sequence[str]) -> Row:
    return {
        "actors": _joined(labels.actor_name(briefing, a) for a in actor_ids),
        "actor_ids": _joined(actor_ids),
    }


def _located(briefing: Briefing, place_ids: Sequence[str]) -> Place | None:
    """The first of the places that has coordinates."""
    for place_id in place_ids:
        try:
            place = briefing.place(place_id)
        except KeyError:  # a hand-built model naming an unknown place
            continue
        if place.lat is not None and place.lon is not None:
            return place
    return None


def _events(briefing: Briefing) -> Iterable[Row]:
    for event in briefing.events:  # already in timeline order
        located = _located(briefing, event.places)
        yield {
            "id": event.id,
            **_date_cells(event.date),
            "status": event.status,
            "title": event.title,
            "detail": event.detail,
            **_names(briefing, event.actors),
            "places": _joined(labels.place_name(briefing, p) for p in event.places),
            "place_ids": _joined(event.places),
            "lat": located.lat if located else None,
            "lon": located.lon if located else None,
            **_evidence_cells(briefing, event.evidence),
        }


def _actors(briefing: Briefing) -> Iterable[Row]:
    for actor in briefing.actors:
        yield {
            "id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "aliases": _joined(actor.aliases),
            "country": actor.country,
            "role": actor.role,
            "affiliations": _joined(
                f"{labels.actor_name(briefing, a.actor)} ({a.relation})" for a in actor.affiliations
            ),
            "affiliation_ids": _joined(a.actor for a in actor.affiliations),
            "event_count": len(briefing.events_of(actor.id)),
            **_evidence_cells(briefing, actor.evidence),
        }


def _places(briefing: Briefing) -> Iterable[Row]:
    for place in briefing.places:
        yield {
            "id": place.id,
            "name": place.name,
            "kind": place.kind,
            "country": place.country,
            "lat": place.lat,
            "lon": place.lon,
            "event_count": len(briefing.events_at(place.id)),
        }


def _reactions(briefing: Briefing) -> Iterable[Row]:
    for reaction in briefing.reactions:
        yield {
            "id": reaction.id,
            "country": reaction.country,
            "code": reaction.code,
            "stance": reaction.stance,
            "headline": reaction.headline,
            **_names(briefing, reaction.actors),
            "statement_count": len(reaction.statements),
            "action_count": len(reaction.actions),
            **_evidence_cells(briefing, reaction.all_evidence),
        }


def _statements(briefing: Briefing) -> Iterable[Row]:
    for reaction in briefing.reactions:
        for statement in reaction.statements:
            found = statement.evidence
            yield {
                "reaction_id": reaction.id,
                "country": reaction.country,
                "speaker": labels.actor_name(briefing, statement.speaker),
                "speaker_id": statement.speaker,
                **_date_cells(statement.date),
                "quote": statement.quote,
                "source": labels.source_label(briefing, found.source),
                "source_id": found.source,
                "quote_start": found.start,
                "quote_end": found.end,
            }


_ROWS: dict[str, Callable[[Briefing], Iterable[Row]]] = {
    "events": _events,
    "actors": _actors,
    "places": _places,
    "reactions": _reactions,
    "statements": _statements,
}
