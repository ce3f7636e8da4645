"""Whatever a file holds, the loader returns a model or the project's own error, never anything else."""

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.format import loader
from briefing.format.diagnostics import BriefingError
from briefing.format.text import is_clean
from briefing.model import Briefing

BASE = {
    "briefing": 1,
    "id": "base",
    "title": "Base",
    "as_of": "2024-12-07",
    "sources": [{"id": "s", "title": "S", "text": "Hama fell on December 5. Homs is next."}],
    "actors": [{"id": "a", "name": "A", "kind": "group", "aliases": ["Alpha"]}],
    "places": [{"id": "p", "name": "P", "lat": 35.1, "lon": 36.7}],
    "events": [
        {"id": "e", "title": "E", "date": "2024-12-05", "actors": ["a"], "evidence": [{"quote": "Hama fell"}]}
    ],
    "reactions": [
        {
            "id": "r",
            "country": "Turkey",
            "stance": "supportive",
            "headline": "H",
            "statements": [{"speaker": "a", "quote": "Homs is next."}],
            "actions": [{"title": "T", "evidence": [{"quote": "Homs"}]}],
        }
    ],
    "assessments": [{"id": "x", "text": "X", "basis": ["e"], "likelihood": "likely"}],
}

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40), st.dates()
)
documents = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=30,
)


# Every place a value can sit in BASE, as a path of keys and indexes.
def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


PATHS = [p for p in _paths(BASE) if p]


def replaced(path, value):
    document = yaml.safe_load(yaml.safe_dump(BASE))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return document


def outcome(text: str, tmp: Path):
    briefing, diagnostics = loader.check_text(text, shown="prop.yaml", base_dir=tmp)
    assert briefing is None or isinstance(briefing, Briefing)
    if briefing is None:
        assert any(d.is_error for d in diagnostics)
        for d in diagnostics:
            assert d.format().startswith("prop.yaml")
    return briefing


def test_the_base_document_is_valid(tmp_path):
    assert outcome(yaml.safe_dump(BASE, allow_unicode=True), tmp_path) is not None


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(documents)
def test_arbitrary_yaml_documents(tmp_path, document):
    outcome(yaml.safe_dump(document, allow_unicode=True), tmp_path)


@FAST
@given(st.text(max_size=300))
def test_arbitrary_text_files(tmp_path, text):
    outcome(text, tmp_path)


@FAST
@given(st.sampled_from(PATHS), documents)
def test_any_value_in_any_field(tmp_path, path, value):
    outcome(yaml.safe_dump(replaced(path, value), allow_unicode=True), tmp_path)


STRING_FIELDS = [p for p in PATHS if isinstance(p[-1], str) and p[-1] not in ("briefing", "lat", "lon")]


@FAST
@given(st.sampled_from(STRING_FIELDS), st.text(max_size=60))
def test_any_string_in_any_field_is_loaded_clean_or_refused(tmp_path, path, text):
    briefing = outcome(yaml.safe_dump(replaced(path, text), allow_unicode=True), tmp_path)
    if briefing is not None:
        for value in _strings(briefing):
            assert is_clean(value), repr(value)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            if not name.startswith("_"):
                yield from _strings(getattr(value, name))


def test_load_raises_only_briefing_error(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("briefing: [", encoding="utf-8")
    with pytest.raises(BriefingError):
        loader.load(path)
