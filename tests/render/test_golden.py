"""Golden files: the exact output of every format for the sample and for a briefing with every date form.

A change to any output shows up here as a diff to review. To accept a change,
rerun with BRIEFING_UPDATE_GOLDEN=1, then read the changed files in
tests/render/golden/ before committing them. Normal runs never write.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.format.loader import load
from briefing.render import CSV_TABLES, export
from briefing.render.terminal import render_show

GOLDEN = Path(__file__).resolve().parent / "golden"
REPO = Path(__file__).resolve().parents[2]
BRIEFINGS = {
    "hts-offensive-2024-12": REPO / "sample_data" / "hts-offensive-2024-12.yaml",
    "harbour-strike": REPO / "tests" / "data" / "valid" / "harbour-strike.yaml",
}
OUTPUTS = {
    "md": lambda b: export(b, "markdown"),
    "json": lambda b: export(b, "json"),
    "html": lambda b: export(b, "html"),
    "txt": lambda b: render_show(b, width=80, sections=None, color=False),
    "timeline.json": lambda b: export(b, "timelinejs"),
    "csv": lambda b: export(b, "csv"),  # the events
    **{f"{table}.csv": (lambda b, t=table: export(b, "csv", t)) for table in CSV_TABLES[1:]},
}


# One event per form of the date grammar: for the exports that carry a date's precision.
DATE_FORMS = REPO / "tests" / "data" / "valid" / "date-forms.yaml"
CASES = [(name, suffix) for name in BRIEFINGS for suffix in OUTPUTS]
CASES += [("date-forms", "csv"), ("date-forms", "timeline.json")]


@pytest.mark.parametrize(("name", "suffix"), CASES)
def test_output_matches_the_golden_file(name: str, suffix: str):
    actual = OUTPUTS[suffix](load(BRIEFINGS.get(name, DATE_FORMS)))
    golden = GOLDEN / f"{name}.{suffix}"
    if os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1":
        golden.write_bytes(actual.encode("utf-8"))  # as is: CSV's CRLF line ends included
    assert golden.exists(), f"no golden file {golden.name}: run with BRIEFING_UPDATE_GOLDEN=1 and review it"
    assert actual == golden.read_bytes().decode("utf-8"), f"{golden.name} differs: review, then update"
