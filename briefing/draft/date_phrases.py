"""Dates, honest: every temporal expression in a sentence, resolved against the publication date.

A date is a span of days, ``lo`` to ``hi``, never narrower than the words: "on
Friday" is a day, "last week" seven days, "late 2023" four months, "since
October" from the first of that October to publication. Tense decides which
way a bare weekday or month points: a past-tense "on Friday" is the last Friday
up to publication, "is expected to meet on Thursday" the next one (and the fact
is planned). "A day after" counts from another date in the same sentence.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.draft.article import MONTH_RE, month_number

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "few": 3,
    "several": 5,
}
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several)"
FUTURE = re.compile(
    r"(?i:\bwill\b|\bshall\b|\b(?:is|are|was|were)\s+(?:expected|due|scheduled|set|slated|planned|going)\s+to\b|"
    r"\b(?:plans|planning|planned)\s+to\b|\bto\s+be\s+held\b|\bupcoming\b|\b(?:was|were|is|are)\s+planned\b|"
    # "said the drills would end on Wednesday", "expect Beijing to hold talks": the future of a report.
    r"\bintends?\s+to\b|\bwould\b|\bexpect(?:s|ed)?\s+(?:[\w-]+\s+){0,3}?to\b)"
)


@dataclass(frozen=True)
class Found:
    """A temporal expression: where it is in the sentence and the days it can mean."""

    start: int
    end: int
    lo: date
    hi: date
    relative: int | None = None  # "a day after": days from another date in the sentence

    @property
    def width(self) -> int:
        return (self.hi - self.lo).days + 1


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _year_for(month: int, day: int, published: date, future: bool) -> int:
    """The year of a date given without one: the nearest such date on the side the tense says."""
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return year
    if not future and candidate > published + timedelta(days=7):
        return year - 1
    if future and candidate < published - timedelta(days=7):
        return year + 1
    return year


def _since(found_lo: date, published: date) -> tuple[date, date]:
    return found_lo, max(found_lo, published)


def _relative(phrase: str, published: date, future: bool) -> tuple[date, date] | None:
    p = phrase.lower()
    monday, sunday = _week(published)
    first = published.replace(day=1)
    if p == "yesterday":
        return published - timedelta(days=1), published - timedelta(days=1)
    if p in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return published, published
    if p == "overnight":
        return published - timedelta(days=1), published
    if p == "tomorrow":
        return published + timedelta(days=1), published + timedelta(days=1)
    if p == "last week":
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if p == "earlier this week":
        return monday, max(monday, published - timedelta(days=1))
    if p == "this week":
        return monday, sunday if future else published
    if p == "later this week":
        return published + timedelta(days=1), max(sunday, published + timedelta(days=1))
    if p in ("by the end of the week", "by the end of this week"):
        # Told in the past tense, it is the week's last days up to publication.
        return (published, sunday) if future else (max(monday, published - timedelta(days=2)), published)
    if p == "next week":
        return monday + timedelta(days=7), sunday + timedelta(days=7)
    if p in ("this weekend", "the weekend", "over the weekend"):
        saturday = monday + timedelta(days=5)
        if not future and saturday > published:
            saturday -= timedelta(days=7)
        return saturday, saturday + timedelta(days=1)
    if p == "last weekend":
        saturday = monday - timedelta(days=2)
        return saturday, saturday + timedelta(days=1)
    if p == "last month":
        end = first - timedelta(days=1)
        return end.replace(day=1), end
    if p in ("earlier this month", "since the start of the month", "since the beginning of the month"):
        return first, published
    if p == "this month":
        return first, _month_end(published.year, published.month) if future else published
    if p == "next month":
        nxt = _month_end(published.year, published.month) + timedelta(days=1)
        return nxt, _month_end(nxt.year, nxt.month)
    if p in ("before the end of the week", "before the end of this week"):
        return published, sunday
    if p in ("before the end of the month", "before the end of this month"):
        return published, _month_end(published.year, published.month)
    if p in ("before the end of the year", "by the end of the year", "later this year"):
        return published, date(published.year, 12, 31)
    if p == "by the end of the month":
        return published, _month_end(published.year, published.month)
    if p == "later this month":
        return published + timedelta(days=1), max(_month_end(published.year, published.month), published)
    if p == "last year":
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
    if p in ("earlier this year", "this year"):
        return date(published.year, 1, 1), date(published.year, 12, 31) if future else published
    if p == "next year":
        return date(published.year + 1, 1, 1), date(published.year + 1, 12, 31)
    if p in ("in recent days", "in the past few days", "over the past few days", "in the last few days"):
        return published - timedelta(days=7), published
    if p in ("in recent weeks", "in the past few weeks", "over the past few weeks", "in the last few weeks"):
        return published - timedelta(days=42), published
    if p in (
        "in recent months",
        "in the past few months",
        "over the past few months",
        "in the last few months",
    ):
        return published - timedelta(days=183), published
    if p in (
        "in recent years",
        "over the past few years",
        "in the past few years",
        "over the last few years",
    ):
        return date(published.year - 5, 1, 1), published
    if p in ("in the last decade", "over the past decade", "in the past decade", "over the last decade"):
        return date(published.year - 10, 1, 1), published
    return None


_RELATIVE = re.compile(
    r"(?i:\b(?:yesterday|today|tonight|tomorrow|overnight|this (?:morning|afternoon|evening)|"
    r"(?:earlier |later )?this (?:week|month|year)|(?:last|next) (?:week|month|year|weekend)|"
    r"(?:this|the|over the) weekend|(?:by|before) the end of (?:the|this) (?:week|month|year)|"
    r"later this (?:month|year)|"
    r"since the (?:start|beginning) of the month|"
    r"(?:in|over) (?:the )?(?:recent|past few|last few) (?:days|weeks|months|years)|"
    r"(?:in|over) the (?:last|past) decade)\b)"
)
_SPAN_BACK = re.compile(
    rf"(?i:\b(?:in|over|during) the (?:past|last) (?P<n>{_NUM}) (?P<unit>day|week|month|year)s?\b)"
)
_AGO = re.compile(rf"(?i:\b(?P<n>{_NUM}) (?P<unit>day|week|month|year)s? ago\b)")
_OFFSET = re.compile(
    rf"(?i:\b(?:(?P<n>{_NUM}) (?P<unit>day|week)s? (?P<dir>after|before|later|earlier)|"
    r"the (?P<dir2>next|following|previous) day|the day (?P<dir3>after|before))\b)"
)
_DAY = re.compile(
    r"(?:(?i:(?P<since>since|from)\s+))?(?:"
    + _WD
    + r",?\s+)?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>"
    + MONTH_RE
    + r")|(?P<m2>"
    + MONTH_RE
    + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b)(?:,?\s+(?P<y>\d{4})\b)?"
)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_PART = re.compile(
    r"(?:(?i:(?P<since>since|from|by)\s+))?(?i:(?P<q>early|mid|late|"
    r"the end of|the start of|the beginning of))[\s-]+"
    r"(?:(?P<m>" + MONTH_RE + r")(?:,?\s+(?P<y>\d{4}))?|(?P<y2>(?:19|20)\d{2}))\b"
)
_MONTH_YEAR = re.compile(
    r"(?:(?i:(?P<since>since|from)\s+))?(?P<m>" + MONTH_RE + r")\s+(?P<y>(?:19|20)\d{2})\b"
)
_MONTH = re.compile(
    r"(?i:(?P<p>in|since|during|until|by|from|last|this|next)\s+)(?P<m>" + MONTH_RE + r")(?![\w-]|\s+\d)"
)
_YEAR = re.compile(r"(?i:(?P<p>in|since|during|by|from|until|of|for)\s+)(?P<y>(?:19|20)\d{2})\b(?![\w-])")
_SUPERLATIVE = re.compile(
    r"\b(?:worst|best|biggest|largest|highest|lowest|first|deadliest|heaviest|most \w+)\s+$"
)
_WEEKDAY = re.compile(
    r"(?:(?i:(?P<pre>last|next|this|on|late on|early on|late|early|since)\s+))?(?P<wd>"
    + _WD
    + r")(?:\s+(?:morning|afternoon|evening|night))?\b"
)


def find_dates(sentence: str, published: date) -> list[Found]:
    """Every temporal expression in ``sentence``, without overlaps, in order."""
    sentence_future = bool(FUTURE.search(sentence))

    def future(at: int) -> bool:
        return _tense(sentence[:at], sentence_future)

    taken: list[Found] = []

    def add(match: re.Match[str], lo: date, hi: date, relative: int | None = None) -> None:
        start, end = match.span()
        if any(start < f.end and f.start < end for f in taken) or hi < lo:
            return
        taken.append(Found(start, end, lo, hi, relative))

    for m in _ISO.finditer(sentence):
        try:
            day = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            continue
        add(m, day, day)
    for m in _DAY.finditer(sentence):
        month, number = month_number(m["m1"] or m["m2"]), int(m["d1"] or m["d2"])
        year = (
            int(m["y"])
            if m["y"]
            else _year_for(month, number, published, future(m.start()) and not m["since"])
        )
        try:
            day = date(year, month, number)
        except ValueError:
            continue
        add(m, *(_since(day, published) if m["since"] else (day, day)))
    for m in _PART.finditer(sentence):
        q = m["q"].lower()
        if m["m"]:
            month = month_number(m["m"])
            year = (
                int(m["y"])
                if m["y"]
                else _year_for(month, 15, published, future(m.start()) and not m["since"])
            )
            end = _month_end(year, month)
            ranges = {"early": (1, 10), "mid": (11, 20), "late": (21, end.day)}
            first, last = ranges.get(q, (1, 10) if "start" in q or "beginning" in q else (21, end.day))
            lo, hi = date(year, month, first), date(year, month, last)
        else:
            year = int(m["y2"])
            months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
            first, last = months.get(q, (1, 3) if "start" in q or "beginning" in q else (10, 12))
            lo, hi = date(year, first, 1), _month_end(year, last)
        if m["since"] and m["since"].lower() == "by":  # "by mid-2025": at the latest then
            add(m, min(lo, published), hi)
        else:
            add(m, *(_since(lo, published) if m["since"] else (lo, hi)))
    for m in _MONTH_YEAR.finditer(sentence):
        lo = date(int(m["y"]), month_number(m["m"]), 1)
        add(m, *(_since(lo, published) if m["since"] else (lo, _month_end(lo.year, lo.month))))
    for m in _MONTH.finditer(sentence):
        month, p = month_number(m["m"]), m["p"].lower()
        ahead = p == "next" or (future(m.start()) and p not in ("since", "last"))
        year = published.year
        if ahead and month < published.month:
            year += 1
        elif not ahead and (month > published.month or (p in ("since", "last") and month == published.month)):
            year -= 1
        lo = date(year, month, 1)
        if p in ("by", "until") and lo > published:  # "could spread by June": at the latest then
            add(m, published, _month_end(year, month))
        else:
            add(m, *(_since(lo, published) if p in ("since", "from") else (lo, _month_end(year, month))))
    for m in _YEAR.finditer(sentence):
        year = int(m["y"])
        lo = date(year, 1, 1)
        # "the worst since 2022, when …": the fact told is 2022's, not a span since then.
        since = m["p"].lower() in ("since", "from") and not _SUPERLATIVE.search(sentence[: m.start()])
        add(m, *(_since(lo, published) if since else (lo, date(year, 12, 31))))
    for m in _WEEKDAY.finditer(sentence):
        day = _weekday(m["wd"].lower(), (m["pre"] or "").lower(), published, future(m.start()))
        add(m, *(_since(day, published) if (m["pre"] or "").lower() == "since" else (day, day)))
    for m in _RELATIVE.finditer(sentence):
        if span := _relative(m.group(0), published, future(m.start())):
            add(m, *span)
    for m in _SPAN_BACK.finditer(sentence):
        add(m, _back(published, m["n"], m["unit"]), published)
    for m in _AGO.finditer(sentence):
        day = published - _units(m["n"], m["unit"])
        slack = timedelta(days=0 if m["unit"].lower() == "day" else 3)
        add(m, day - slack, day + slack)
    for m in _OFFSET.finditer(sentence):
        days = _units(m["n"], m["unit"]).days if m["n"] else 1
        direction = (m["dir"] or m["dir2"] or m["dir3"]).lower()
        # "came a day after X": X was a day before the date this sentence gives.
        sign = -1 if direction in ("after", "previous", "earlier") else 1
        add(m, published, published, relative=sign * days)
    return _anchor(sorted(taken, key=lambda f: f.start))


def _units(n: str, unit: str) -> timedelta:
    count = int(n) if n.isdigit() else _NUMBERS.get(n.lower(), 1)
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit.lower()]
    return timedelta(days=count * days)


def _back(published: date, n: str, unit: str) -> date:
    """``n`` units before publication; months and years by the calendar.

    "Over the past two years", published 30 Dec 2025: from 30 Dec 2023.
    """
    if unit.lower() not in ("month", "year"):
        return published - _units(n, unit)
    count = int(n) if n.isdigit() else _NUMBERS.get(n.lower(), 1)
    months = published.year * 12 + published.month - 1 - count * (12 if unit.lower() == "year" else 1)
    year, month = divmod(months, 12)
    return date(year, month + 1, min(published.day, _month_end(year, month + 1).day))


def _weekday(name: str, pre: str, published: date, future: bool) -> date:
    target = WEEKDAYS.index(name)
    back = (published.weekday() - target) % 7
    if pre == "last":
        return published - timedelta(days=back or 7)
    ahead = (target - published.weekday()) % 7
    if pre == "next" or (future and pre != "since"):
        return published + timedelta(days=ahead or 7)
    if pre == "this":
        monday, _ = _week(published)
        return monday + timedelta(days=target)
    return published - timedelta(days=back)


def _anchor(found: list[Found]) -> list[Found]:
    """Give "a day after" its date from the nearest plain date in the sentence, or drop it."""
    plain = [f for f in found if f.relative is None]
    result = []
    for f in found:
        if f.relative is None:
            result.append(f)
            continue
        anchors = sorted(plain, key=lambda p: abs(p.start - f.start))
        if anchors:
            shift = timedelta(days=f.relative)
            result.append(Found(f.start, f.end, anchors[0].lo + shift, anchors[0].hi + shift))
    return result


def render(lo: date, hi: date) -> str:
    """A span of days in the format's date grammar, as short as it is exact."""
    if lo == hi:
        return lo.isoformat()
    whole_months = lo.day == 1 and hi == _month_end(hi.year, hi.month)
    if whole_months and lo.month == 1 and hi.month == 12 and lo.year == hi.year:
        return str(lo.year)
    if whole_months and (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year}-{lo.month:02d}"
    if whole_months:
        return f"{lo.year}-{lo.month:02d}/{hi.year}-{hi.month:02d}"
    return f"{lo.isoformat()}/{hi.isoformat()}"


_PAST_VERB = re.compile(
    r"\b(?:said|told|met|took|began|left|went|came|saw|held|fought|struck|hit|made|sent|flew|won|lost|gave|"
    r"fled|rose|fell|led|spoke|wrote|kept|brought|broke|ran|found|became|was|were|had|did|[a-z]{3,}ed)\b"
)
_FUTURE_VERB = re.compile(r"\b(?:will|would|shall|could|may|might|to)\s+(?:not\s+)?[a-z]+\b")


def _tense(before: str, default: bool) -> bool:
    """Future or not, by the verb nearest before the date in its clause, else the sentence's tense.

    "said on Thursday that it would send troops later this month": Thursday is past
    (said), the end of the month future (would send).
    """
    words = re.split(r"[,;:]", before)[-1].split()[-8:]
    near = " ".join(words)
    past = [m.end() for m in _PAST_VERB.finditer(near)]
    ahead = [m.end() for m in _FUTURE_VERB.finditer(near)]
    if not past and not ahead:
        return default
    return max(ahead, default=-1) > max(past, default=-1)


def is_future(text: str) -> bool:
    return bool(FUTURE.search(text))
