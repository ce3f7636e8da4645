"""The day a reader types at `d`: every form, relative to the briefing's as_of, and bad input."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.day_query import DayError, first_from, on_day, parse_day, say_day
from briefing.opening import open_briefing
from briefing.resources import sample_path

AS_OF = date(2024, 12, 7)  # the sample's as_of: a Saturday


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("5 dec", date(2024, 12, 5)),
        ("5 Dec", date(2024, 12, 5)),
        ("5 December", date(2024, 12, 5)),
        ("5th dec", date(2024, 12, 5)),
        ("5dec", date(2024, 12, 5)),
        ("dec5", date(2024, 12, 5)),
        ("Dec 5", date(2024, 12, 5)),
        ("december 5", date(2024, 12, 5)),
        ("Dec. 5", date(2024, 12, 5)),
        ("  dec   5  ", date(2024, 12, 5)),
        ("5 dec 2023", date(2023, 12, 5)),
        ("Dec 5, 2023", date(2023, 12, 5)),
        ("2024-12-05", date(2024, 12, 5)),
        ("2024-1-5", date(2024, 1, 5)),
        ("today", date(2024, 12, 7)),
        ("yesterday", date(2024, 12, 6)),
        ("Yesterday", date(2024, 12, 6)),
        # Weekdays: the latest on or before as_of (Saturday 7 Dec 2024).
        ("saturday", date(2024, 12, 7)),
        ("friday", date(2024, 12, 6)),
        ("fri", date(2024, 12, 6)),
        ("thursday", date(2024, 12, 5)),
        ("sunday", date(2024, 12, 1)),
        ("mon", date(2024, 12, 2)),
        # No year: the latest such day not after as_of.
        ("7 dec", date(2024, 12, 7)),
        ("8 dec", date(2023, 12, 8)),
        ("5 jan", date(2024, 1, 5)),
        ("29 feb", date(2024, 2, 29)),
    ],
)
def test_every_form_names_the_day(typed, day):
    assert parse_day(typed, AS_OF) == day


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Type a day"),
        ("   ", "Type a day"),
        ("tomorrow", "Not a day"),
        ("5", "Not a day"),
        ("dec", "Not a day"),
        ("5 foo", "Not a month: 'foo'"),
        ("5 ju", "Not a month"),  # June or July?
        ("31 nov", "No such day"),
        ("2024-13-01", "No such day"),
        ("29 feb 2023", "No such day"),
        ("[bold]x[/bold]", "Not a day"),
    ],
)
def test_what_names_no_day_says_why(typed, says):
    with pytest.raises(DayError, match=None) as error:
        parse_day(typed, AS_OF)
    assert says in str(error.value)


def test_the_timeline_goes_to_the_first_event_starting_on_or_after_the_day():
    briefing, _ = open_briefing(sample_path())
    assert briefing is not None
    events = briefing.events
    at = first_from(events, date(2024, 12, 5))
    assert at is not None
    assert events[at].title == "Militants take Hama"  # the only event dated 5 Dec itself
    assert all(e.date.earliest < date(2024, 12, 5) for e in events[:at])
    assert first_from(events, date(2025, 1, 1)) is None


def test_the_events_of_a_day_are_those_dated_that_day_then_the_spans_around_it():
    briefing, _ = open_briefing(sample_path())
    assert briefing is not None
    found = on_day(briefing.events, date(2024, 12, 5))
    # By hand, from the sample's timeline: "Militants take Hama" is dated 5 Dec; the spans
    # that include 5 Dec follow, the shortest first, those as long in timeline order, down
    # to the two dated by years only.
    assert [(e.date.display, e.title[:20]) for e in found] == [
        ("5 Dec 2024", "Militants take Hama"),
        ("5–7 Dec 2024", "Turkish officials op"),
        ("5–7 Dec 2024", "Armed groups in sout"),
        ("5–8 Dec 2024", "Homs governor says a"),
        ("27 Nov – 5 Dec 2024", "Militants advance in"),
        ("27 Nov – 6 Dec 2024", "HTS says it is build"),
        ("27 Nov – 7 Dec 2024", "Syrian Arab Army’s d"),
        ("27 Nov – 7 Dec 2024", "HTS attempts a “rebr"),
        ("27 Nov – 7 Dec 2024", "Israel’s army holds "),
        ("27 Nov – 7 Dec 2024", "Direct Turkish invol"),
        ("2022–2024", "Turkey held direct t"),
        ("2017–2024", "Human rights groups "),
    ]


def test_a_day_is_said_with_its_weekday():
    assert say_day(date(2024, 12, 5)) == "Thu 5 Dec 2024"
