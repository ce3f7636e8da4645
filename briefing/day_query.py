"""A day as a reader types it ("5 dec", "Dec 5", "2024-12-05", "yesterday", "friday"), and the
events of the timeline on or around it. No Textual: the reader's `d` prompt asks this.

A day given without a year, and a weekday, is the latest such day not after the
briefing's ``as_of``: in a briefing as of Saturday 7 Dec 2024, "friday" is 6 Dec
2024, "5 jan" is 5 Jan 2024, and "today" is 7 Dec 2024.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from briefing.format.dates import MONTHS
from briefing.model import Event

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FORMS = "5 dec, Dec 5, 2024-12-05, today, yesterday or a weekday"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s*([a-z]+)\.?(?:\s+(\d{4}))?")
_MONTH_DAY = re.compile(r"([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?:\s+(\d{4}))?")


class DayError(ValueError):
    """What is wrong with the day typed, in words for the prompt."""


def parse_day(text: str, as_of: date) -> date:
    """The day ``text`` names; DayError says why it names none."""
    typed = " ".join(text.lower().replace(",", " ").split())
    if not typed:
        raise DayError(f"Type a day: {FORMS}")
    if typed in ("today", "yesterday"):
        return as_of - timedelta(days=0 if typed == "today" else 1)
    weekday = _named(typed, WEEKDAYS)
    if weekday is not None:
        return as_of - timedelta(days=(as_of.weekday() - weekday) % 7)
    if found := _ISO.fullmatch(typed):
        return _day(int(found[1]), int(found[2]), int(found[3]), typed)
    found = _DAY_MONTH.fullmatch(typed)
    day, month, year = (found[1], found[2], found[3]) if found else (None, None, None)
    if found is None and (found := _MONTH_DAY.fullmatch(typed)):
        day, month, year = found[2], found[1], found[3]
    if found is None or day is None or month is None:
        raise DayError(f"Not a day: {text.strip()!r}. Try {FORMS}")
    number = _named(month, MONTH_NAMES)
    if number is None:
        raise DayError(f"Not a month: {month!r}. Try {FORMS}")
    if year is not None:
        return _day(int(year), number + 1, int(day), typed)
    named = _day(as_of.year, number + 1, int(day), typed, leap_ok=True)
    # The latest such day not after as_of: "5 jan" in December is the January before it.
    return named if named <= as_of else _day(as_of.year - 1, number + 1, int(day), typed)


def _named(word: str, names: Sequence[str]) -> int | None:
    """Which of ``names`` ``word`` is, whole or cut to three letters or more ("dec", "fri")."""
    if len(word) < 3:
        return None
    matches = [n for n, name in enumerate(names) if name.startswith(word)]
    return matches[0] if len(matches) == 1 else None


def _day(year: int, month: int, day: int, typed: str, *, leap_ok: bool = False) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        if leap_ok and (month, day) == (2, 29):  # a 29 Feb without a year: the last leap year's
            return date(year - (year % 4), 2, 29)
        raise DayError(f"No such day: {typed!r}") from None


def first_from(events: Sequence[Event], day: date) -> int | None:
    """Where the first event that starts on or after ``day`` is (the timeline is in date order)."""
    low, high = 0, len(events)
    while low < high:
        middle = (low + high) // 2
        if events[middle].date.earliest < day:
            low = middle + 1
        else:
            high = middle
    return low if low < len(events) else None


def on_day(events: Sequence[Event], day: date) -> list[Event]:
    """The events whose span includes ``day``: those dated that very day first, then the
    spans around it, the shortest first ("5–7 Dec" before "27 Nov – 7 Dec" before "2024"),
    each length in timeline order."""
    around = [e for e in events if e.date.earliest <= day <= e.date.latest]
    return sorted(around, key=lambda e: e.date.latest - e.date.earliest)  # (a stable sort)


def say_day(day: date) -> str:
    """A day as the prompt and the header write it: "Thu 5 Dec 2024"."""
    return f"{WEEKDAYS[day.weekday()][:3].capitalize()} {day.day} {MONTHS[day.month - 1]} {day.year}"
