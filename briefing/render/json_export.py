"""`briefing export --format json`: the validated model for other tools.

The layout is documented in docs/export-json.md; change it only together with
that page and ``EXPORT_VERSION``. Keys come out in a fixed order and every key
is always present (``null`` or empty when the briefing does not give it), so a
consumer never has to guess which keys exist.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from briefing.model import (
    Action,
    Actor,
    Assessment,
    Briefing,
    DatePoint,
    DateSpec,
    Event,
    Evidence,
    Place,
    Reaction,
    Source,
    Statement,
)

EXPORT_FORMAT = "briefing-export"
EXPORT_VERSION = 1
_PRECISION_RANK = {"minute": 0, "day": 1, "month": 2, "year": 3}


def export_json(briefing: Briefing) -> str:
    document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "briefing": briefing_dict(briefing)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def briefing_dict(b: Briefing) -> dict[str, Any]:
    return {
        "format_version": b.version,
        "id": b.id,
        "title": b.title,
        "as_of": date_dict(b.as_of),
        "status": b.status,
        "summary": b.summary,
        "tags": list(b.tags),
        "sources": [_source(s) for s in b.sources],
        "actors": [_actor(a) for a in b.actors],
        "places": [_place(p) for p in b.places],
        "events": [_event(e) for e in b.events],
        "reactions": [_reaction(r) for r in b.reactions],
        "assessments": [_assessment(a) for a in b.assessments],
        "extensions": _plain(b.extensions),
    }


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


def evidence_dict(e: Evidence) -> dict[str, Any]:
    return {"source": e.source, "quote": e.quote, "start": e.start, "end": e.end, "occurrence": e.occurrence}


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [evidence_dict(e) for e in items]


def _source(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "author": s.author,
        "dateline": s.dateline,
        "published": date_dict(s.published),
        "url": s.url,
        "reliability": s.reliability,
        "text_file": s.text_file,
        "text": s.text,
        "extensions": _plain(s.extensions),
    }


def _actor(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "aliases": list(a.aliases),
        "country": a.country,
        "role": a.role,
        "affiliations": [{"actor": f.actor, "relation": f.relation} for f in a.affiliations],
        "evidence": _evidence(a.evidence),
        "extensions": _plain(a.extensions),
    }


def _place(p: Place) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "kind": p.kind,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "extensions": _plain(p.extensions),
    }


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "title": e.title,
        "date": date_dict(e.date),
        "status": e.status,
        "detail": e.detail,
        "actors": list(e.actors),
        "places": list(e.places),
        "file_order": e.order,
        "evidence": _evidence(e.evidence),
        "extensions": _plain(e.extensions),
    }


def _statement(s: Statement) -> dict[str, Any]:
    return {
        "speaker": s.speaker,
        "date": date_dict(s.date),
        "quote": s.quote,
        "evidence": evidence_dict(s.evidence),
        "extensions": _plain(s.extensions),
    }


def _action(a: Action) -> dict[str, Any]:
    return {
        "title": a.title,
        "date": date_dict(a.date),
        "evidence": _evidence(a.evidence),
        "extensions": _plain(a.extensions),
    }


def _reaction(r: Reaction) -> dict[str, Any]:
    return {
        "id": r.id,
        "country": r.country,
        "code": r.code,
        "stance": r.stance,
        "headline": r.headline,
        "actors": list(r.actors),
        "statements": [_statement(s) for s in r.statements],
        "actions": [_action(a) for a in r.actions],
        "evidence": _evidence(r.evidence),
        "extensions": _plain(r.extensions),
    }


def _assessment(a: Assessment) -> dict[str, Any]:
    return {
        "id": a.id,
        "text": a.text,
        "likelihood": a.likelihood,
        "confidence": a.confidence,
        "basis": list(a.basis),
        "author": a.author,
        "extensions": _plain(a.extensions),
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
