"""The JSON export: the documented layout (docs/export-json.md), complete and exact."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.format.dates import parse_date
from briefing.format.loader import load
from briefing.render import export
from briefing.render.json_export import date_dict, document, indented

# Key orders as docs/export-json.md lists them.
DATE_KEYS = ["text", "display", "earliest", "latest", "precision", "approximate", "uncertain", "start", "end"]
POINT_KEYS = ["text", "precision", "earliest", "latest", "approximate", "uncertain", "moment"]
EVIDENCE_KEYS = ["source", "quote", "start", "end", "occurrence"]
BRIEFING_KEYS = [
    "format_version", "id", "title", "as_of", "status", "summary", "tags", "sources", "actors",
    "places", "events", "reactions", "assessments", "extensions",
]  # fmt: skip
RECORD_KEYS = {
    "sources": ["id", "title", "publisher", "author", "dateline", "published", "url", "reliability",
                "text_file", "text", "extensions"],
    "actors": ["id", "name", "kind", "aliases", "country", "role", "affiliations", "evidence", "extensions"],
    "places": ["id", "name", "kind", "country", "lat", "lon", "extensions"],
    "events": ["id", "title", "date", "status", "detail", "actors", "places", "file_order", "evidence",
               "extensions"],
    "reactions": ["id", "country", "code", "stance", "headline", "actors", "statements", "actions",
                  "evidence", "extensions"],
    "assessments": ["id", "text", "likelihood", "confidence", "basis", "author", "extensions"],
}  # fmt: skip


def test_layout_matches_the_documentation(sample):
    document = json.loads(export(sample, "json"))
    assert list(document) == ["format", "version", "briefing"]
    assert document["format"] == "briefing-export" and document["version"] == 1
    b = document["briefing"]
    assert list(b) == BRIEFING_KEYS
    for name, keys in RECORD_KEYS.items():
        assert b[name], name
        for record in b[name]:
            assert list(record) == keys, name
    reaction = next(r for r in b["reactions"] if r["statements"])
    assert list(reaction["statements"][0]) == ["speaker", "date", "quote", "evidence", "extensions"]
    assert list(reaction["actions"][0]) == ["title", "date", "evidence", "extensions"]
    assert list(b["as_of"]) == DATE_KEYS and list(b["as_of"]["start"]) == POINT_KEYS
    assert list(b["events"][0]["evidence"][0]) == EVIDENCE_KEYS
    doc = (Path(__file__).resolve().parents[2] / "docs" / "export-json.md").read_text(encoding="utf-8")
    for key in {k for keys in RECORD_KEYS.values() for k in keys} | set(DATE_KEYS) | set(POINT_KEYS):
        assert f"`{key}`" in doc, key


def test_spans_index_the_exported_source_text(each_briefing):
    b = json.loads(export(each_briefing, "json"))["briefing"]
    texts = {s["id"]: s["text"] for s in b["sources"]}
    evidence = [e for ev in b["events"] for e in ev["evidence"]]
    evidence += [s["evidence"] for r in b["reactions"] for s in r["statements"]]
    assert len(evidence) > 30
    for e in evidence:
        passage = texts[e["source"]][e["start"] : e["end"]]
        assert " ".join(passage.split()) == " ".join(e["quote"].split())


def test_export_is_complete_and_in_timeline_order(each_briefing):
    sample = each_briefing
    b = json.loads(export(sample, "json"))["briefing"]
    assert [e["id"] for e in b["events"]] == [e.id for e in sample.events]
    assert [a["name"] for a in b["actors"]] == [a.name for a in sample.actors]
    assert [r["country"] for r in b["reactions"]] == [r.country for r in sample.reactions]
    quotes = [s["quote"] for r in b["reactions"] for s in r["statements"]]
    assert quotes == [s.quote for r in sample.reactions for s in r.statements]
    earliest = [e["date"]["earliest"] for e in b["events"]]
    assert earliest == sorted(earliest)


def test_dates_carry_bounds_and_precision():
    assert date_dict(parse_date("2024-12")) == {
        "text": "2024-12",
        "display": "Dec 2024",
        "earliest": "2024-12-01",
        "latest": "2024-12-31",
        "precision": "month",
        "approximate": False,
        "uncertain": False,
        "start": {
            "text": "2024-12",
            "precision": "month",
            "earliest": "2024-12-01",
            "latest": "2024-12-31",
            "approximate": False,
            "uncertain": False,
            "moment": None,
        },
        "end": None,
    }
    mixed = date_dict(parse_date("2024-12-05T14:00Z/2024-12~"))
    assert (mixed["earliest"], mixed["latest"]) == ("2024-12-05", "2024-12-31")
    assert mixed["precision"] == "month" and mixed["approximate"] and not mixed["uncertain"]
    assert mixed["start"]["moment"] == "2024-12-05T14:00:00+00:00" and mixed["end"]["approximate"]
    assert date_dict(parse_date("2024-02-29?"))["uncertain"] is True
    assert date_dict(None) is None


def test_hostile_text_round_trips_exactly(hostile, hostile_literals):
    document = export(hostile, "json")
    b = json.loads(document)["briefing"]
    assert b["title"] == hostile.title
    assert b["summary"].endswith("\ufffd[31mred\ufffd]0;title\ufffd")
    assert b["sources"][0]["url"] == "javascript:alert(1)"
    assert "\x1b" not in document and "\x07" not in document
    for literal in hostile_literals:
        assert literal in document or json.dumps(literal, ensure_ascii=False)[1:-1] in document


def test_extensions_are_exported_as_plain_json(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(
        'briefing: 1\nid: x\ntitle: X\nas_of: "2024"\nx-team: {lead: Ana, members: [a, b]}\n'
        "sources:\n  - id: s\n    title: S\n    text: T.\n    x-note: 42\n",
        encoding="utf-8",
    )
    b = json.loads(export(load(path), "json"))["briefing"]
    assert b["extensions"] == {"x-team": {"lead": "Ana", "members": ["a", "b"]}}
    assert b["sources"][0]["extensions"] == {"x-note": "42"}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_the_export_writes_what_json_dumps_writes(value):
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_the_export_is_json_dumps_of_its_documented_dicts(each_briefing, hostile, tmp_path):
    """The export writes the model straight out; the text is what json.dumps makes of record_dict's dicts.

    Every valid briefing under tests/data too (floats, x- extensions, dates shared at two depths).
    """
    briefings = [each_briefing, hostile]
    briefings += [load(path) for path in sorted(Path(__file__).parents[1].glob("data/valid/*.yaml"))]
    for briefing in briefings:
        expected = json.dumps(document(briefing), ensure_ascii=False, indent=2) + "\n"
        assert export(briefing, "json") == expected, briefing.id
