"""The date grammar of briefings: parsing, bounds for sorting, and display.

point  = YYYY | YYYY-MM | YYYY-MM-DD | YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]
         followed by "~" (approximate) or "?" (uncertain), or neither
date   = point | point "/" point
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta, timezone

from briefing.model import DatePoint, DateSpec

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

POINT_PATTERN = (
    r"(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})"
    r"(?:-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})?)?)?)?"
    r"(?P<mark>[~?])?"
)
# re.ASCII: \d would also take full-width and Arabic-Indic digits, which int() reads.
_POINT = re.compile(POINT_PATTERN, re.ASCII)
_SHOWN = 40  # characters of a bad date quoted in a message


class DateError(ValueError):
    """A date that does not follow the grammar or does not exist."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


FORMS_HINT = (
    'write "2024", "2024-12", "2024-12-05", "2024-12-05T14:00Z", '
    'add "~" (around) or "?" (possibly), or give a range "2024-12-02/2024-12-07"'
)


def _quoted(text: str) -> str:
    """A date as quoted in a message: long ones are cut."""
    return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "...")


def parse_date(text: str) -> DateSpec:
    """Parse a date as written in a briefing; raise DateError if it is not one."""
    text = text.strip()
    if not text:
        raise DateError("empty date", FORMS_HINT)
    if not text.isascii() and any(c.isdigit() for c in text):
        raise DateError(
            f"{_quoted(text)} uses digits other than 0-9: dates are written as ASCII ISO 8601",
            'write the date with the digits 0-9, such as "2024-12-05"',
        )
    parts = text.split("/")
    if len(parts) > 2:
        raise DateError(f"{_quoted(text)} has more than one '/'", FORMS_HINT)
    start = parse_point(parts[0])
    end = parse_point(parts[1]) if len(parts) == 2 else None
    if end is not None and end.latest < start.earliest:
        raise DateError(f"range {_quoted(text)} ends before it starts")
    if end is not None and start.moment and end.moment:
        if (start.moment.tzinfo is None) != (end.moment.tzinfo is None):
            # A naive and an aware time cannot be ordered: which zone would the naive one be in?
            raise DateError(
                f"range {_quoted(text)} gives a time zone at one end only",
                'give both ends a zone ("Z" or "+03:00") or neither',
            )
        if end.moment < start.moment:
            raise DateError(f"range {_quoted(text)} ends before it starts")
    spec = DateSpec(text=text, start=start, end=end, display="")
    object.__setattr__(spec, "display", display(spec))
    return spec


def parse_point(text: str) -> DatePoint:
    match = _POINT.fullmatch(text.strip())
    if not match:
        raise DateError(f"{_quoted(text)} is not a date", FORMS_HINT)
    g = match.groupdict()
    year = int(g["year"])
    mark = g["mark"]
    flags = {"approximate": mark == "~", "uncertain": mark == "?"}
    if year < 1:  # Python's dates (and ISO 8601 without expansion) start at year 1
        raise DateError(f"{_quoted(text)}: there is no year 0")
    if g["month"] is None:
        return DatePoint(text, "year", date(year, 1, 1), date(year, 12, 31), **flags)
    month = int(g["month"])
    if not 1 <= month <= 12:
        raise DateError(f"{_quoted(text)}: month {month} does not exist")
    if g["day"] is None:
        last = calendar.monthrange(year, month)[1]
        return DatePoint(text, "month", date(year, month, 1), date(year, month, last), **flags)
    day = int(g["day"])
    try:
        day_value = date(year, month, day)
    except ValueError:
        raise DateError(f"{_quoted(text)}: {MONTHS[month - 1]} {year} has no day {day}") from None
    if g["hour"] is None:
        return DatePoint(text, "day", day_value, day_value, **flags)
    hour, minute, second = int(g["hour"]), int(g["minute"]), int(g["second"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(f"{_quoted(text)}: {hour:02d}:{minute:02d} is not a time of day")
    zone = _zone(g["zone"])
    moment = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    return DatePoint(text, "minute", day_value, day_value, moment=moment, **flags)


def _zone(text: str | None) -> timezone | None:
    if text is None:
        return None
    if text == "Z":
        return UTC
    sign = 1 if text[0] == "+" else -1
    hours, minutes = int(text[1:3]), int(text[4:6])
    if hours > 23 or minutes > 59:
        raise DateError(f"time zone {_quoted(text)} does not exist")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _plain(point: DatePoint) -> str:
    """The point without its approximate/uncertain marks."""
    d = point.earliest
    if point.precision == "year":
        return str(d.year)
    if point.precision == "month":
        return f"{MONTHS[d.month - 1]} {d.year}"
    text = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if point.moment is not None:
        text += f" {point.moment:%H:%M}"
        if point.moment.tzinfo is UTC:
            text += " UTC"
        elif point.moment.tzinfo is not None:
            offset = f"{point.moment:%z}"  # "+0300"
            text += f" {offset[:3]}:{offset[3:]}"
    return text


def _mark(point: DatePoint, text: str) -> str:
    if point.approximate:
        return f"c. {text}"
    if point.uncertain:
        return f"{text}?"
    return text


def display_point(point: DatePoint) -> str:
    return _mark(point, _plain(point))


def display(spec: DateSpec) -> str:
    """How a reader sees a date: 'Dec 2024', 'c. 7 Dec 2024', '6 Dec 2024?', '2–7 Dec 2024'."""
    start, end = spec.start, spec.end
    if end is None:
        return display_point(start)
    plain = not (start.approximate or start.uncertain or end.approximate or end.uncertain)
    a, b = start.earliest, end.earliest
    if plain and start.precision == end.precision == "day":
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}–{b.day} {MONTHS[a.month - 1]} {a.year}"
        if a.year == b.year:
            return f"{a.day} {MONTHS[a.month - 1]} – {b.day} {MONTHS[b.month - 1]} {a.year}"
    if plain and start.precision == end.precision == "month" and a.year == b.year:
        return f"{MONTHS[a.month - 1]}–{MONTHS[b.month - 1]} {a.year}"
    if plain and start.precision == end.precision == "year":
        return f"{a.year}–{b.year}"
    return f"{display_point(start)} – {display_point(end)}"
