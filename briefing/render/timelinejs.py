"""`briefing export --format timelinejs`: the timeline as TimelineJS (Knight Lab) JSON.

Only fields of TimelineJS's documented JSON format are written: ``title`` (a
slide from the briefing's title, as-of date and summary), ``events`` (slides)
and ``scale``. Each slide has ``unique_id``, ``start_date`` and for a range
``end_date``, ``display_date``, ``text`` {``headline``, ``text``} and ``group``.
A date object gives ``year``, ``month`` and ``day`` only as far as the written
date is precise: "2024-12" has no day, so TimelineJS does not invent the 1st.
The time of a minute-precise date is in ``display_date`` only (TimelineJS would
place an hour in the viewer's time zone).

TimelineJS puts ``headline``, ``text`` and ``display_date`` into the page as
HTML, so every string from the briefing is escaped (``html.esc``), and the only
links are sources' plain http(s) addresses. ``autolink`` is off: TimelineJS
would otherwise make links of addresses written in the text.

Events are grouped by their status; reaction statements with a date are
slides of the group "Reactions" (one without a date has no place on a
timeline and is left out).
"""

from __future__ import annotations

import json
import re
from typing import Any

from briefing.model import Briefing, DatePoint, DateSpec, Event, Evidence, Reaction, Statement
from briefing.render import labels
from briefing.render.html import esc

REACTIONS_GROUP = "Reactions"
_PARTS = {"year": ("year",), "month": ("year", "month"), "day": ("year", "month", "day")}
_PARTS["minute"] = _PARTS["day"]


def export_timelinejs(briefing: Briefing) -> str:
    events = [_event_slide(briefing, event) for event in briefing.events]
    for reaction in briefing.reactions:
        for number, statement in enumerate(reaction.statements, start=1):
            if statement.date is not None:
                events.append(_statement_slide(briefing, reaction, statement, number))
    document = {"title": _title_slide(briefing), "events": events, "scale": "human"}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def date_object(point: DatePoint) -> dict[str, int]:
    """A TimelineJS date: year, month and day, only those the point's precision gives."""
    day = point.earliest
    return {part: getattr(day, part) for part in _PARTS[point.precision]}


def _dates(spec: DateSpec) -> dict[str, Any]:
    dates: dict[str, Any] = {"start_date": date_object(spec.start)}
    if spec.end is not None:
        dates["end_date"] = date_object(spec.end)
    dates["display_date"] = esc(spec.display)
    return dates


def _paragraphs(text: str | None) -> str:
    if not text:
        return ""
    return "".join(f"<p>{esc(p.strip())}</p>" for p in re.split(r"\n\s*\n", text.strip()) if p.strip())


def _quoted(briefing: Briefing, quote: str, evidence: Evidence) -> str:
    """The quote, then its source: title (a link when it has a plain web address) and facts."""
    try:
        source = briefing.source(evidence.source)
    except KeyError:  # a hand-built model naming an unknown source
        cite = esc(evidence.source)
    else:
        address = labels.web_address(source.url)
        cite = esc(source.title)
        if address:
            cite = f'<a href="{esc(address)}" rel="noopener noreferrer nofollow">{cite}</a>'
        cite = ", ".join([cite, *(esc(fact) for fact in labels.source_facts(source))])
    return f"<blockquote>“{esc(quote)}”</blockquote><p>— {cite}</p>"


def _title_slide(briefing: Briefing) -> dict[str, Any]:
    text = f"<p>As of {esc(briefing.as_of.display)}</p>" + _paragraphs(briefing.summary)
    return {
        "unique_id": briefing.id,
        "text": {"headline": esc(briefing.title), "text": text},
        "autolink": False,
    }


def _event_slide(briefing: Briefing, event: Event) -> dict[str, Any]:
    text = _paragraphs(event.detail)
    if event.evidence:
        text += _quoted(briefing, event.evidence[0].quote, event.evidence[0])
    return {
        "unique_id": event.id,
        **_dates(event.date),
        "text": {"headline": esc(event.title), "text": text},
        "group": labels.words(event.status).capitalize(),
        "autolink": False,
    }


def _statement_slide(
    briefing: Briefing, reaction: Reaction, statement: Statement, number: int
) -> dict[str, Any]:
    assert statement.date is not None
    speaker = labels.actor_name(briefing, statement.speaker)
    context = (
        f"<p>{esc(reaction.country)} ({esc(labels.words(reaction.stance))}): {esc(reaction.headline)}</p>"
    )
    return {
        # "_" is never in a briefing's ids, so this cannot be another slide's id.
        "unique_id": f"{reaction.id}_statement-{number}",
        **_dates(statement.date),
        "text": {
            "headline": esc(f"{speaker} ({reaction.country})"),
            "text": _quoted(briefing, statement.quote, statement.evidence) + context,
        },
        "group": REACTIONS_GROUP,
        "autolink": False,
    }
