"""Generate the JSON Schema of the briefing format from its declaration (briefing.model, via records).

python -m briefing.format.schema.generate          # rewrite briefing-v1.schema.json
python -m briefing.format.schema.generate --check  # exit 1 if the committed file is stale
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from briefing.format import spec
from briefing.format.dates import POINT_PATTERN
from briefing.format.records import RECORDS

SCHEMA_FILE = Path(__file__).with_name("briefing-v1.schema.json")
_POINT = re.sub(r"\?P<\w+>", "", POINT_PATTERN)
DATE_PATTERN = f"^{_POINT}(/{_POINT})?$"

# Rules a field table cannot say, in JSON Schema's words (see docs/format.md).
_EXTRA = {
    "source": {"oneOf": [{"required": ["text"]}, {"required": ["text_file"]}]},
    "place": {"dependencies": {"lat": ["lon"], "lon": ["lat"]}},
}


def _field(field: spec.Field) -> dict[str, object]:
    out: dict[str, object] = {"description": field.description}
    kind = field.kind
    if kind in ("line", "text"):
        out["type"] = "string"
        out["minLength"] = 1
        if kind == "line":
            out["pattern"] = r"^[^\n]*$"
    elif kind in ("id", "ref"):
        out.update(type="string", pattern=spec.ID_PATTERN)
    elif kind == "enum":
        out["enum"] = list(field.choices)
    elif kind == "date":
        out.update(type="string", pattern=DATE_PATTERN)
    elif kind == "version":
        out["const"] = spec.FORMAT_VERSION
    elif kind in ("int", "number"):
        out["type"] = "integer" if kind == "int" else "number"
        if field.minimum is not None:
            out["minimum"] = field.minimum
        if field.maximum is not None:
            out["maximum"] = field.maximum
    elif kind in ("refs", "strings"):
        item = {"type": "string", "pattern": spec.ID_PATTERN if kind == "refs" else r"^[^\n]+$"}
        out.update(type="array", items=item)
    elif kind == "records":
        out.update(type="array", items={"$ref": f"#/definitions/{field.record}"})
        if field.min_items:
            out["minItems"] = field.min_items
    else:  # pragma: no cover - a new kind must be described here first
        raise ValueError(f"no schema for field kind {kind!r}")
    return out


def _record(name: str) -> dict[str, object]:
    fields = RECORDS[name].keys
    out: dict[str, object] = {
        "type": "object",
        "properties": {f.name: _field(f) for f in fields},
        "patternProperties": {"^x-": {"description": "Extension: kept and ignored."}},
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        out["required"] = required
    out.update(_EXTRA.get(name, {}))
    return out


def build_schema() -> dict[str, object]:
    top = _record("briefing")
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Briefing, format version 1",
        "description": "A situation briefing: sources, actors, places, events, reactions, assessments.",
        **top,
        "definitions": {name: _record(name) for name in RECORDS if name != "briefing"},
    }


def render() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
        if current != text:
            print(f"{SCHEMA_FILE} is stale: run python -m briefing.format.schema.generate", file=sys.stderr)
            return 1
        return 0
    SCHEMA_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
