"""The CSV export opened in a real spreadsheet (LibreOffice Calc, headless): no title runs as a formula.

LibreOffice is not a dependency of the project: without `soffice` on PATH this is skipped.
Calc reads each CSV and writes it back as CSV with the values it computed, so a
cell it ran as a formula comes back as its result ("=1+1" as 2).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing import cli

SOFFICE = shutil.which("soffice")
TITLES = ('=HYPERLINK("http://evil.example","Click")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "=1+1")
BRIEFING = """briefing: 1
id: formulas
title: Formulas
as_of: "2024-12-07"
sources:
  - {id: s, title: S, text: "quote one"}
events:
"""


def _calc(csv_files: list[Path], home: Path) -> list[list[dict[str, str]]]:
    """What Calc makes of each file: its cells as Calc computed them."""
    out = home / "out"
    command = [
        SOFFICE,
        "--headless",
        "--infilter=CSV:44,34,76,1",
        "--convert-to",
        "csv",
        "--outdir",
        str(out),
    ]
    # HOME: Calc's profile goes into the test's folder, not the user's.
    subprocess.run([*command, *map(str, csv_files)], env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
                   capture_output=True, timeout=180, check=True)  # fmt: skip
    return [list(csv.DictReader((out / f.name).open(newline="", encoding="utf-8"))) for f in csv_files]


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice)")
def test_calc_shows_every_formula_title_as_text(tmp_path):
    source = tmp_path / "formulas.yaml"
    events = "".join(
        f"  - {{id: e{n}, date: '2024-12-0{n + 1}', title: {title!r}, evidence: [{{quote: quote one}}]}}\n"
        for n, title in enumerate(TITLES)
    )
    source.write_text(BRIEFING + events, encoding="utf-8")
    exported = tmp_path / "events.csv"
    assert cli.main(["export", str(source), "--format", "csv", "-o", str(exported)]) == 0
    # The same file with the apostrophes taken off, as an exporter that did not neutralise would write it.
    rows = list(csv.reader(exported.open(newline="", encoding="utf-8")))
    raw = tmp_path / "raw.csv"
    with raw.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([[c[1:] if c.startswith("'") else c for c in row] for row in rows])

    neutral_rows, raw_rows = _calc([exported, raw], tmp_path)
    assert [row["title"] for row in neutral_rows] == ["'" + title for title in TITLES]
    # Without the apostrophe Calc does run them: the test would notice if neutralising stopped.
    assert raw_rows[0]["title"] == "Click" and raw_rows[4]["title"] == "2"
