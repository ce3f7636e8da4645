"""The loader builds the model a reader relies on: ordered, resolved, located and sanitised."""

from pathlib import Path

import pytest

from briefing.format import loader
from briefing.format.diagnostics import BriefingError

SOURCE = (
    "The offensive began on November 27. Hama fell on December 5.\n"
    "Erdoğan said: “This march continues.” Lavrov went to Doha."
)


def write(tmp_path: Path, body: str, name: str = "b.yaml") -> Path:
    head = (
        'briefing: 1\nid: test\ntitle: Test briefing\nas_of: "2024-12-07"\n'
        "sources:\n  - id: art\n    title: Article\n    text: |\n"
        + "".join(f"      {line}\n" for line in SOURCE.splitlines())
    )
    path = tmp_path / name
    path.write_text(head + body, encoding="utf-8")
    return path


EVENTS = """
actors:
  - id: erdogan
    name: Recep Tayyip Erdoğan
    kind: person
    x-note: kept, not shown
events:
  - id: hama
    title: Hama falls
    date: "2024-12-05"
    actors: [erdogan]
    evidence:
      - quote: Hama fell on December 5.
  - id: begins
    title: Offensive begins
    date: 2024-11-27
    evidence:
      - quote: The offensive began
  - id: same-day
    title: Also on the fifth
    date: "2024-12"
    evidence:
      - quote: Lavrov went to Doha.
reactions:
  - id: turkey
    country: Turkey
    code: "TR"
    stance: supportive
    headline: Backs the march
    actors: [erdogan]
    statements:
      - speaker: erdogan
        date: "2024-12-06"
        quote: “This march continues.”
"""


def test_timeline_is_sorted_by_earliest_day_then_file_order(tmp_path):
    briefing = loader.load(write(tmp_path, EVENTS))
    # Dec 2024 starts on the 1st, so it sorts before the 5th; the unquoted date is a day.
    assert [e.id for e in briefing.events] == ["begins", "same-day", "hama"]
    assert briefing.event("begins").date.display == "27 Nov 2024"
    assert briefing.event_positions() == {"begins": 0, "same-day": 1, "hama": 2}  # places in that order
    assert [e.order for e in briefing.events] == [1, 2, 0]


def test_evidence_spans_index_the_source_text(tmp_path):
    briefing = loader.load(write(tmp_path, EVENTS))
    text = briefing.source("art").text
    (evidence,) = briefing.event("hama").evidence
    assert evidence.source == "art"
    assert text[evidence.start : evidence.end] == "Hama fell on December 5."
    statement = briefing.reactions[0].statements[0]
    assert text[statement.evidence.start : statement.evidence.end] == "“This march continues.”"
    assert statement.date is not None and statement.date.display == "6 Dec 2024"


def test_references_and_extensions_are_kept(tmp_path):
    briefing = loader.load(write(tmp_path, EVENTS))
    assert briefing.events_of("erdogan") == (briefing.event("hama"),)
    assert briefing.actor("erdogan").extensions == {"x-note": "kept, not shown"}
    assert briefing.reactions[0].code == "TR"
    assert briefing.status == "current" and briefing.event("hama").status == "reported"


def test_control_characters_and_bidi_overrides_are_replaced(tmp_path):
    body = (
        "actors:\n  - id: a\n"
        '    name: "Evil\\e]0;owned\\a name \\u202Egnp.exe"\n'
        "    kind: person\n"
        '    role: "tab\\tand\\x9b31m C1"\n'
    )
    briefing = loader.load(write(tmp_path, body))
    actor = briefing.actor("a")
    assert actor.name == "Evil\ufffd]0;owned\ufffd name \ufffdgnp.exe"
    assert actor.role == "tab\tand\ufffd31m C1"


def test_noncharacters_are_replaced(tmp_path):
    body = (
        'actors:\n  - id: a\n    name: "end\\uFFFF \\uFDD0 \\U0010FFFE ok \\uFFFD\\u00e9"\n    kind: person\n'
    )
    assert loader.load(write(tmp_path, body)).actor("a").name == "end\ufffd \ufffd \ufffd ok \ufffd\u00e9"


def test_markup_like_text_is_kept_literally(tmp_path):
    body = 'actors:\n  - id: a\n    name: "[bold]Not bold[/bold] [@click=app.quit]x[/]"\n    kind: group\n'
    assert loader.load(write(tmp_path, body)).actor("a").name == "[bold]Not bold[/bold] [@click=app.quit]x[/]"


def test_all_problems_are_reported_in_one_pass(tmp_path):
    body = (
        "events:\n"
        '  - id: a\n    title: A\n    date: "2024-13"\n    evidence: [{quote: nowhere}]\n'
        '  - id: b\n    title: B\n    date: "2024-12-01"\n    colour: red\n    evidence: [{quote: Hama}]\n'
    )
    briefing, diagnostics = loader.check(write(tmp_path, body))
    assert briefing is None
    messages = [d.message for d in diagnostics]
    assert messages == [
        "bad date: '2024-13': month 13 does not exist",
        "quote not found in source 'art'",
        "unknown key 'colour' in event",
    ]
    assert [d.line for d in diagnostics] == [14, 15, 19]  # 10 header lines, then the body


def test_event_after_as_of_is_a_warning_unless_planned(tmp_path):
    body = (
        "events:\n"
        '  - id: later\n    title: Later\n    date: "2024-12-09"\n    evidence: [{quote: Hama}]\n'
        '  - id: plan\n    title: Plan\n    date: "2024-12-09"\n    status: planned\n'
        "    evidence: [{quote: Doha}]\n"
    )
    briefing, diagnostics = loader.check(write(tmp_path, body))
    assert briefing is not None
    assert [(d.severity, d.key_path) for d in diagnostics] == [("warning", "events.later.date")]


def test_load_raises_the_projects_error_type(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("briefing: 1\n", encoding="utf-8")
    with pytest.raises(BriefingError) as raised:
        loader.load(path)
    assert {d.message for d in raised.value.errors} >= {"briefing is missing required key 'sources'"}


def test_crlf_line_endings_are_read(tmp_path):
    path = write(tmp_path, EVENTS)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    briefing = loader.load(path)
    assert "\r" not in briefing.source("art").text
    assert len(briefing.events) == 3
