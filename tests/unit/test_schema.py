"""The committed JSON Schema is generated from the loader's own definitions and agrees with it."""

import json

import jsonschema
import yaml

from briefing.format.schema import generate


def test_committed_schema_is_not_stale():
    assert generate.SCHEMA_FILE.read_text(encoding="utf-8") == generate.render(), (
        "run: python -m briefing.format.schema.generate"
    )


def test_the_sample_validates_against_the_schema(sample_path):
    schema = json.loads(generate.SCHEMA_FILE.read_text(encoding="utf-8"))
    document = yaml.safe_load(sample_path.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)


def test_the_schema_rejects_what_the_loader_rejects():
    schema = json.loads(generate.SCHEMA_FILE.read_text(encoding="utf-8"))
    base = {
        "briefing": 1,
        "id": "x",
        "title": "X",
        "as_of": "2024-12-07",
        "sources": [{"id": "s", "title": "S", "text": "T."}],
    }
    jsonschema.validate(base, schema)
    bad_cases = [
        {**base, "briefing": 2},
        {**base, "titel": "typo"},
        {**base, "as_of": "2024-13-45x"},
        {**base, "id": "Not An Id"},
        {**base, "sources": []},
        {**base, "sources": [{"id": "s", "title": "S"}]},
        {**base, "sources": [{"id": "s", "title": "S", "text": "a", "text_file": "a.txt"}]},
        {**base, "places": [{"id": "p", "name": "P", "lat": 1.0}]},
        {**base, "events": [{"id": "e", "title": "E", "date": "2024", "evidence": []}]},
    ]
    for document in bad_cases:
        assert not jsonschema.Draft7Validator(schema).is_valid(document), document
    assert jsonschema.Draft7Validator(schema).is_valid({**base, "x-anything": {"kept": True}})
