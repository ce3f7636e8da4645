"""`briefing export --format geojson` (issue 27): RFC 7946, read back with the geojson library."""

from __future__ import annotations

import json
from pathlib import Path

import geojson

from briefing import cli
from briefing.format.loader import load
from briefing.render import export

SAHEL = Path(__file__).resolve().parents[1] / "tui" / "data" / "sahel-exercise.yaml"


def _features(text: str) -> dict[str, geojson.Feature]:
    collection = geojson.loads(text)
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    return {feature["id"]: feature for feature in collection["features"]}


def test_the_sample_s_places_are_points_lon_first(sample_path):
    features = _features(export(load(sample_path), "geojson"))
    assert len(features) == 14
    aleppo = features["aleppo"]
    assert aleppo["geometry"]["type"] == "Point"
    lon, lat = aleppo["geometry"]["coordinates"]
    assert abs(lon - 37.13) < 0.01 and abs(lat - 36.20) < 0.01  # lon, lat: not the other way
    assert aleppo["properties"]["name"] == "Aleppo"
    assert aleppo["properties"]["kind"] == "city"
    assert aleppo["properties"]["country"] == "Syria"
    assert aleppo["properties"]["events"] == [
        {
            "id": "aleppo-advance",
            "title": "Militants advance into Aleppo",
            "date": "2024-11-27/2024-12-05",
            "date_display": "27 Nov – 5 Dec 2024",
            "earliest": "2024-11-27",
            "latest": "2024-12-05",
        }
    ]


def test_every_event_at_a_place_is_listed_in_timeline_order(sample_path):
    briefing = load(sample_path)
    features = _features(export(briefing, "geojson"))
    homs = [e["id"] for e in features["homs"]["properties"]["events"]]
    assert homs == [e.id for e in briefing.events if "homs" in e.places]
    assert len(homs) == 3


def test_a_place_without_coordinates_has_a_null_geometry():
    features = _features(export(load(SAHEL), "geojson"))
    assert features["liptako-gourma"]["geometry"] is None
    assert features["menaka"]["properties"]["name"] == "Ménaka"
    assert features["bamako"]["geometry"]["coordinates"] == [-8.0029, 12.6392]


def test_export_geojson_to_a_file(sample_path, tmp_path, capsys):
    target = tmp_path / "places.geojson"
    assert cli.main(["export", str(sample_path), "--format", "geojson", "-o", str(target)]) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["type"] == "FeatureCollection"
    assert document["briefing"]["id"] == "hts-offensive-2024-12"
    assert capsys.readouterr().err == f"wrote {target}\n"
