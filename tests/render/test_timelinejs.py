"""`export --format timelinejs` (issue 28): TimelineJS's documented JSON, dates only as precise as written.

The field names are those of TimelineJS's JSON format documentation
(timeline.knightlab.com/docs/json-format.html): a timeline has `events`,
`title`, `eras` and `scale`; a slide `start_date`, `end_date`, `text`, `media`,
`group`, `display_date`, `background`, `autolink` and `unique_id`; a date
`year` (required), `month`, `day`, `hour`, `minute`, `second`, `millisecond`,
`display_date` and `format`; a text `headline` and `text`.
"""

from __future__ import annotations

import json
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from briefing import cli
from briefing.format.loader import load
from briefing.render import export

REPO = Path(__file__).resolve().parents[2]
TIMELINE_KEYS = {"events", "title", "eras", "scale"}
SLIDE_KEYS = {
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "display_date",
    "background",
    "autolink",
    "unique_id",
}
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}
TEXT_KEYS = {"headline", "text"}


def _timeline(briefing) -> dict:
    return json.loads(export(briefing, "timelinejs"))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]


def test_only_documented_fields_are_written(each_briefing):
    timeline = _timeline(each_briefing)
    assert set(timeline) <= TIMELINE_KEYS and timeline["scale"] == "human"
    title = timeline["title"]
    assert set(title) <= SLIDE_KEYS and "start_date" not in title  # the title slide has no date
    assert unescape(title["text"]["headline"]) == each_briefing.title
    for slide in timeline["events"]:
        assert set(slide) <= SLIDE_KEYS and set(slide["text"]) <= TEXT_KEYS
        for key in ("start_date", "end_date"):
            if key in slide:
                assert set(slide[key]) <= DATE_KEYS and isinstance(slide[key]["year"], int)
        assert "start_date" in slide and slide["display_date"] and slide["text"]["headline"]
    ids = [slide["unique_id"] for slide in timeline["events"]] + [title["unique_id"]]
    assert len(ids) == len(set(ids))


def test_one_slide_per_event_grouped_by_status_and_one_per_dated_statement(each_briefing):
    slides = _timeline(each_briefing)["events"]
    events = [s for s in slides if s["group"] != "Reactions"]
    assert [s["unique_id"] for s in events] == [e.id for e in each_briefing.events]
    assert [s["group"] for s in events] == [e.status.capitalize() for e in each_briefing.events]
    for slide, event in zip(events, each_briefing.events, strict=True):
        assert unescape(slide["text"]["headline"]) == event.title
        assert unescape(slide["display_date"]) == event.date.display
        assert ("end_date" in slide) == event.date.is_range
    dated = [s for r in each_briefing.reactions for s in r.statements if s.date is not None]
    assert len(slides) - len(events) == len(dated)


def test_dates_give_only_the_parts_their_precision_allows():
    """Checked by hand against tests/data/valid/harbour-strike.yaml."""
    slides = {
        s["unique_id"]: s for s in _timeline(load(REPO / "tests/data/valid/harbour-strike.yaml"))["events"]
    }
    assert slides["agreement-expires"]["start_date"] == {"year": 2023}  # "2023"
    assert slides["fuel-deliveries"]["start_date"] == {"year": 2024, "month": 3}  # "2024-03": no day
    wage = slides["wage-talks"]  # "2024-02/2024-03-04~"
    assert (wage["start_date"], wage["end_date"]) == (
        {"year": 2024, "month": 2},
        {"year": 2024, "month": 3, "day": 4},
    )
    assert wage["display_date"] == "Feb 2024 – c. 4 Mar 2024"
    press = slides["minister-press-conference"]  # "2024-03-05T14:00Z": the time is shown, not placed
    assert press["start_date"] == {"year": 2024, "month": 3, "day": 5}
    assert press["display_date"] == "5 Mar 2024 14:00 UTC"
    assert slides["fuel-tanker"]["display_date"] == "6 Mar 2024?"
    # The EU's statement has no date: it has no place on a timeline.
    statements = [s for s in slides.values() if s["group"] == "Reactions"]
    assert len(statements) == 5 and not any("European" in s["text"]["headline"] for s in statements)
    elgrin = slides["velmora-reaction_statement-1"]
    assert elgrin["start_date"] == {"year": 2024, "month": 3, "day": 5}
    assert unescape(elgrin["text"]["headline"]) == "Tomas Elgrin (Velmora)"
    assert (
        "“unlawful and reckless”" in elgrin["text"]["text"]
        and "Velmora Wire Service" in elgrin["text"]["text"]
    )


def test_the_event_text_is_its_detail_and_first_quote_with_its_source(sample):
    event = next(e for e in sample.events if e.detail)
    slide = next(s for s in _timeline(sample)["events"] if s["unique_id"] == event.id)
    text = unescape(slide["text"]["text"])
    source = sample.source(event.evidence[0].source)
    assert event.detail.split()[0] in text and f"“{event.evidence[0].quote}”" in text
    assert source.title in text


def test_briefing_text_is_escaped_and_only_our_own_tags_and_web_links_remain(hostile, hostile_literals):
    document = export(hostile, "timelinejs")
    assert "<script" not in document and "<img" not in document and "<b>" not in document
    timeline = json.loads(document)
    parser = _Tags()
    for slide in [timeline["title"], *timeline["events"]]:
        parser.feed(slide["text"]["headline"] + slide["text"]["text"] + slide.get("display_date", ""))
        assert slide["autolink"] is False  # TimelineJS would make links of addresses in the text
    assert parser.tags <= {"p", "blockquote", "a"}
    assert all(href.startswith(("http://", "https://")) for href in parser.hrefs)
    shown = unescape(document)
    assert hostile.title in shown and "Then | a | b | and ](javascript:alert(1)) followed." in shown


def test_timelinejs_from_the_command_line(sample_path, tmp_path):
    target = tmp_path / "timeline.json"
    assert cli.main(["export", str(sample_path), "--format", "timelinejs", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"]["unique_id"] == load(sample_path).id


def test_every_form_of_the_date_grammar_keeps_its_precision():
    """tests/data/valid/date-forms.yaml has one event per form: a year to a minute, single and ranges."""
    briefing = load(REPO / "tests/data/valid/date-forms.yaml")
    parts = {"year": ["year"], "month": ["year", "month"], "day": ["year", "month", "day"]}
    parts["minute"] = parts["day"]
    slides = {s["unique_id"]: s for s in _timeline(briefing)["events"]}
    for event in briefing.events:
        slide = slides[event.id]
        ends = [("start_date", event.date.start), ("end_date", event.date.end)]
        for key, point in ends:
            if point is None:
                assert key not in slide
                continue
            assert list(slide[key]) == parts[point.precision], event.id
            assert all(slide[key][part] == getattr(point.earliest, part) for part in slide[key])
