"""Any scalar YAML can spell, in any field of a valid briefing: a model or located errors, never a crash.

The scalars are written as YAML text (not dumped from Python values), so they take
the spellings YAML 1.1 resolves in surprising ways: octal, base 60, hex, huge
numbers, timestamps, .nan and .inf, yes/no, ~, explicit tags of every kind,
non-ASCII digits.
"""

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing.format import loader
from briefing.model import Briefing

# Every field of every record, one per line, so any one value can be replaced.
TEMPLATE = """\
briefing: 1
id: base
title: Base
as_of: "2024-12-07"
status: current
summary: A summary.
tags:
  - one
x-note: kept
sources:
  - id: s
    title: S
    publisher: P
    author: A
    dateline: Damascus
    published: "2024-12-05"
    url: https://example.org/a
    reliability: B
    text: Hama fell on December 5. Homs is next.
actors:
  - id: a
    name: A
    kind: group
    aliases:
      - Alpha
    country: Syria
    role: R
    affiliations:
      - actor: b
        relation: allied
  - id: b
    name: B
    kind: person
    evidence:
      - source: s
        quote: Homs is next.
        occurrence: 1
places:
  - id: p
    name: P
    kind: city
    country: Syria
    lat: 35.1
    lon: 36.7
events:
  - id: e
    title: E
    date: "2024-12-05"
    detail: D
    status: reported
    actors:
      - a
    places:
      - p
    evidence:
      - source: s
        quote: Hama fell
        occurrence: 1
reactions:
  - id: r
    country: Turkey
    code: TR
    stance: supportive
    headline: H
    actors:
      - a
    statements:
      - speaker: a
        date: "2024-12-06"
        quote: Homs is next.
        source: s
        occurrence: 1
    actions:
      - title: T
        date: "2024-12-06"
        evidence:
          - quote: Homs
assessments:
  - id: x
    text: X
    likelihood: likely
    confidence: moderate
    basis:
      - e
    author: Analyst
"""
LINES = TEMPLATE.splitlines()
# The places a value sits: "key: value" lines and "- item" lines.
SLOTS = [i for i, line in enumerate(LINES) if line.rstrip().endswith(":") is False and line.strip()]


def replaced(slot: int, scalar: str) -> str:
    lines = list(LINES)
    line = lines[slot]
    if ": " in line:
        lines[slot] = line.split(": ", 1)[0] + ": " + scalar
    else:
        lines[slot] = line.split("- ", 1)[0] + "- " + scalar
    return "\n".join(lines) + "\n"


digits = st.text(alphabet="0123456789", min_size=1, max_size=12)
NON_ASCII_DIGITS = "٠١٢٣٤٥٦٧٨٩０１２３４５６７８９۰۱۲۳۴۵۶۷۸۹"
TAGS = [
    "str",
    "int",
    "float",
    "bool",
    "null",
    "timestamp",
    "binary",
    "seq",
    "map",
    "set",
    "omap",
    "merge",
    "value",
]

plain_scalars = st.one_of(
    st.integers().map(str),
    st.integers(min_value=4000, max_value=6000).map(lambda n: "9" * n),  # past int()'s 4,300 digits
    digits.map(lambda d: "0" + d),  # octal to YAML 1.1
    st.tuples(digits, st.integers(0, 59)).map(lambda t: f"{t[0]}:{t[1]:02d}"),  # base 60
    st.tuples(digits, st.integers(0, 59), digits).map(lambda t: f"{t[0]}:{t[1]:02d}.{t[2]}"),
    digits.map(lambda d: "0x" + d),
    st.sampled_from(["0b101", "1_000", "1_", "+1", "-0", "0", "1e5", "1.5e+3", "-.5", "1.", "0o17"]),
    st.floats().map(repr),
    st.sampled_from(
        [".nan", ".NaN", ".inf", "-.inf", "+.INF", "~", "null", "Null", "true", "yes", "No", "off"]
    ),
    st.dates().map(str),
    st.sampled_from(
        [
            "0000-01-01",
            "2024-12-05 10:00:00",
            "2024-12-05T10:00:00Z",
            "2024-12-05t10:00:00.5-03:00",
            "2024-1-5",
            "2024-02-30",
            "9999-12-31T23:59:59+23:59",
        ]
    ),
    st.text(alphabet=NON_ASCII_DIGITS + "-:.", min_size=1, max_size=12),
    st.text(min_size=1, max_size=30).filter(lambda t: "\n" not in t and "\r" not in t),
)
quoted = st.one_of(
    plain_scalars.map(json.dumps),  # a double-quoted YAML string
    plain_scalars.map(lambda s: "'" + s.replace("'", "''") + "'"),
)
tagged = st.tuples(st.sampled_from(TAGS), st.one_of(plain_scalars, quoted)).map(lambda t: f"!!{t[0]} {t[1]}")
scalars = st.one_of(plain_scalars, quoted, tagged)


def outcome(text: str) -> Briefing | None:
    briefing, diagnostics = loader.check_text(text, shown="prop.yaml")
    assert briefing is None or isinstance(briefing, Briefing)
    if briefing is None:
        errors = [d for d in diagnostics if d.is_error]
        assert errors, diagnostics
        for error in errors:
            # Located: a line in the file (a YAML syntax error may only know the document).
            assert error.line > 0 or error.message.startswith("YAML syntax"), error
            assert error.format().startswith("prop.yaml")
    return briefing


def test_the_template_is_a_valid_briefing():
    assert outcome(TEMPLATE) is not None


@pytest.mark.parametrize("slot", SLOTS, ids=lambda i: LINES[i].strip()[:30])
def test_each_slot_is_reached_by_the_replacement(slot):
    assert replaced(slot, "REPLACED").count("REPLACED") == 1


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slot=st.sampled_from(SLOTS), scalar=scalars)
@example(slot=LINES.index("briefing: 1"), scalar="0x1")
@example(slot=LINES.index("        occurrence: 1"), scalar="017")
@example(slot=LINES.index("        occurrence: 1"), scalar="1:30")
@example(slot=LINES.index("        occurrence: 1"), scalar='!!int "abc"')
@example(slot=LINES.index("    lat: 35.1"), scalar='!!float "abc"')
@example(slot=LINES.index('as_of: "2024-12-07"'), scalar='"0000-01"')
@example(slot=LINES.index('    date: "2024-12-05"'), scalar='"2024-12-05T10:00/2024-12-05T11:00Z"')
def test_any_scalar_in_any_field_gives_a_model_or_located_errors(slot, scalar):
    outcome(replaced(slot, scalar))
