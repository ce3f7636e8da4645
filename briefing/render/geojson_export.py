"""`briefing export --format geojson`: the places as an RFC 7946 FeatureCollection.

Each place is a Feature: a Point at [lon, lat] (RFC 7946 puts longitude first,
in WGS 84 degrees), with the place's name, kind, country and the events that
happened there (ids, titles, dates). A place without coordinates is still a
Feature, with a null geometry (RFC 7946, 3.2), so nothing named is dropped.
The briefing's id, title and date are a foreign member, "briefing".
"""

from __future__ import annotations

import json
from typing import Any

from briefing.model import Briefing, Event, Place


def export_geojson(briefing: Briefing) -> str:
    document = {
        "type": "FeatureCollection",
        "briefing": {"id": briefing.id, "title": briefing.title, "as_of": briefing.as_of.text},
        "features": [_feature(place, briefing.events_at(place.id)) for place in briefing.places],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _feature(place: Place, events: tuple[Event, ...]) -> dict[str, Any]:
    geometry = None
    if place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [place.lon, place.lat]}
    return {
        "type": "Feature",
        "id": place.id,
        "geometry": geometry,
        "properties": {
            "id": place.id,
            "name": place.name,
            "kind": place.kind,
            "country": place.country,
            "events": [_event(event) for event in events],
        },
    }


def _event(event: Event) -> dict[str, str]:
    return {
        "id": event.id,
        "title": event.title,
        "date": event.date.text,  # as written: "2024-11-27/2024-12-05"
        "date_display": event.date.display,  # for readers: "27 Nov – 5 Dec 2024"
        "earliest": event.date.earliest.isoformat(),
        "latest": event.date.latest.isoformat(),
    }
