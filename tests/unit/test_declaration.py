"""Each record of the format is declared once, in briefing/model.py (issue 21, item 2).

The proof: a copy of the package gets ONE new line, a key on Place, and the loader
then accepts it (checked by its kind), the JSON export shows it and the generated
schema describes it. The only other files a new key needs are listed below; the
test finds exactly those by running the checks that guard each of them.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.format import loader
from briefing.format.records import RECORDS

REPO = Path(__file__).resolve().parents[2]

# What a new key of the format needs, beyond nothing else in the loader, the schema
# generator or the export: they read the declaration. When readers should see the key,
# the views that show its record too (briefing/render/, briefing/tui/widgets/).
NEW_KEY_NEEDS = {
    "briefing/model.py": "the declaration: one attribute made with key()",
    "briefing/format/schema/briefing-v1.schema.json": "regenerate: python -m briefing.format.schema.generate",
    "docs/format.md": "the format's reference names every key",
    "docs/export-json.md": "the export's documented layout names every key",
    "tests/render/test_json_export.py": "RECORD_KEYS spells that documented layout out",
}
NEW_LINE = '    district: str | None = key("line", "District or county.", default=None)\n'
BRIEFING = """\
briefing: 1
id: b
title: B
as_of: 2024-12-07
sources: [{id: s, title: S, text: "Hama fell on December 5."}]
places: [{id: p, name: P, country: Syria, district: Hama District}]
events: [{id: e, title: E, date: 2024-12-05, places: [p], evidence: [{quote: Hama fell}]}]
"""
# Run inside the copy: what its loader, export and schema generator make of the new key.
PROBE = f"""
import json, sys
import briefing
from briefing.format import loader
from briefing.format.records import RECORDS
from briefing.format.schema import generate
from briefing.render import export

text = {BRIEFING!r}
if "district" not in RECORDS["place"].fields:  # the package as it is
    text = text.replace(", district: Hama District", "")
b, diagnostics = loader.check_text(text, shown="t.yaml")
_, bad = loader.check_text(text.replace("Hama District", '"two\\\\nlines"'), shown="t.yaml")
exported = json.loads(export(b, "json"))["briefing"] if b else {{}}
print(json.dumps({{
    "package": briefing.__file__,
    "diagnostics": [d.format() for d in diagnostics],
    "attribute": getattr(b.places[0], "district", None) if b else None,
    "exported_place": list(exported["places"][0].items()) if b else [],
    "exported": exported,
    "schema": generate.build_schema()["definitions"]["place"]["properties"].get("district"),
    "bad": [d.message for d in bad],
    "stale": generate.main(["--check"]),
    "declared": {{name: list(record.fields) for name, record in RECORDS.items()}},
}}))
"""


def _probe(root: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _code_spans(text: str) -> str:
    """The inline code of a Markdown page (a span may wrap), without its fenced examples."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    return " ".join(re.findall(r"`([^`]+)`", text))


def _keys(value: object) -> set[str]:
    """Every key of an exported document, but inside extensions (written by the briefing)."""
    if isinstance(value, dict):
        inner = (_keys(v) for k, v in value.items() if k != "extensions")
        return set(value).union(*inner)
    if isinstance(value, list):
        return set().union(*map(_keys, value))
    return set()


def still_needed(root: Path, probe: dict) -> set[str]:
    """The files under root that a check says do not yet follow the declaration."""
    needed = set()
    if probe["stale"]:
        needed.add("briefing/format/schema/briefing-v1.schema.json")
    spans = _code_spans((root / "docs/format.md").read_text(encoding="utf-8"))
    declared = {key for keys in probe["declared"].values() for key in keys}
    if any(not re.search(rf"\b{key}\b", spans) for key in declared):
        needed.add("docs/format.md")
    spans = _code_spans((root / "docs/export-json.md").read_text(encoding="utf-8"))
    if any(not re.search(rf"\b{key}\b", spans) for key in _keys(probe["exported"])):
        needed.add("docs/export-json.md")
    layout = (root / "tests/render/test_json_export.py").read_text(encoding="utf-8")
    assigned = next(
        node.value
        for node in ast.parse(layout).body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "RECORD_KEYS"
    )
    if ast.literal_eval(assigned)["places"] != [key for key, _value in probe["exported_place"]]:
        needed.add("tests/render/test_json_export.py")
    return needed


@pytest.fixture(scope="module")
def copy_with_a_new_key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package, the docs and the export's layout test, with one line added to Place."""
    root = tmp_path_factory.mktemp("declared")
    shutil.copytree(REPO / "briefing", root / "briefing", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("docs/format.md", "docs/export-json.md", "tests/render/test_json_export.py"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / name, root / name)
    model = root / "briefing/model.py"
    text = model.read_text(encoding="utf-8")
    place = text.index("class Place:")
    after = text.index("\n", text.index("    country:", place)) + 1
    model.write_text(text[:after] + NEW_LINE + text[after:], encoding="utf-8")
    return root


def test_a_key_declared_once_is_checked_loaded_exported_and_in_the_schema(copy_with_a_new_key):
    _, diagnostics = loader.check_text(BRIEFING, shown="t.yaml")  # this package: no such key
    assert [d.message for d in diagnostics] == ["unknown key 'district' in place"]
    found = _probe(copy_with_a_new_key)
    assert found["package"].startswith(str(copy_with_a_new_key))
    assert found["diagnostics"] == [] and found["attribute"] == "Hama District"
    assert found["exported_place"][:5] == [
        ["id", "p"],
        ["name", "P"],
        ["kind", None],
        ["country", "Syria"],
        ["district", "Hama District"],
    ]
    assert found["schema"] == {
        "description": "District or county.",
        "type": "string",
        "minLength": 1,
        "pattern": "^[^\\n]*$",
    }
    assert found["bad"] == ["'district' must be one line"]  # checked as its kind says


def test_a_new_key_needs_the_listed_files_and_no_other(copy_with_a_new_key):
    root = copy_with_a_new_key
    assert still_needed(root, _probe(root)) == set(NEW_KEY_NEEDS) - {"briefing/model.py"}
    # Do what each names; nothing else in the package is touched.
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run([sys.executable, "-m", "briefing.format.schema.generate"], cwd=root, env=env, check=True)
    for name in ("docs/format.md", "docs/export-json.md"):
        with (root / name).open("a", encoding="utf-8") as doc:
            doc.write("\n`district`: the district or county.\n")
    layout = root / "tests/render/test_json_export.py"
    old = '"places": ["id", "name", "kind", "country", '
    layout.write_text(layout.read_text(encoding="utf-8").replace(old, old + '"district", '), encoding="utf-8")
    assert still_needed(root, _probe(root)) == set()
    changed = {
        str(path.relative_to(root))
        for path in (root / "briefing").rglob("*")
        if path.is_file() and path.read_bytes() != (REPO / path.relative_to(root)).read_bytes()
    }
    assert changed == {name for name in NEW_KEY_NEEDS if name.startswith("briefing/")}


def test_this_checkout_needs_nothing():
    """Every declared key is documented and exported as documented: the guards above pass here."""
    assert still_needed(REPO, _probe(REPO)) == set()


def test_required_keys_have_no_default_and_optional_values_do():
    """A required key must be given; an optional one left out takes the model's default, which the
    loader leaves to the dataclass (a source's text is the one optional key the loader always fills)."""
    for record in RECORDS.values():
        attributes = {f.name: f for f in dataclasses.fields(record.type)}
        for attribute, key in record.values:
            has_default = attributes[attribute].default is not dataclasses.MISSING
            if record.fields[key].required:
                assert not has_default, (record.name, key)
            elif (record.name, key) not in {("source", "text"), ("evidence", "source")}:
                assert has_default, (record.name, key)
