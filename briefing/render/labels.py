"""Words for readers, shared by every output format: labels for enum values and ids."""

from __future__ import annotations

import re

from briefing.model import Briefing, DateSpec, Source

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


def words(value: str) -> str:
    """An enum value as words: 'armed-group' -> 'armed group'."""
    return value.replace("-", " ")


def actor_name(briefing: Briefing, actor_id: str) -> str:
    """The actor's name; the id itself if a hand-built model names an unknown actor."""
    try:
        return briefing.actor(actor_id).name
    except KeyError:
        return actor_id


def place_name(briefing: Briefing, place_id: str) -> str:
    try:
        return briefing.place(place_id).name
    except KeyError:
        return place_id


def event_label(briefing: Briefing, event_id: str) -> str:
    """'Title (date)' for an assessment's basis."""
    try:
        event = briefing.event(event_id)
    except KeyError:
        return event_id
    return f"{event.title} ({event.date.display})"


def grade(source: Source) -> str | None:
    """The source's grade explained: 'C (fairly reliable)'."""
    if source.reliability is None:
        return None
    return f"{source.reliability} ({RELIABILITY.get(source.reliability, 'unknown grade')})"


def reliability(source: Source) -> str | None:
    explained = grade(source)
    return explained and f"reliability {explained}"


def source_facts(source: Source) -> list[str]:
    """Publisher, author, dateline, date and grade, as short phrases in reading order."""
    facts = [source.publisher, source.author, source.dateline]
    if source.published is not None:
        facts.append(f"published {source.published.display}")
    facts.append(reliability(source))
    return [f for f in facts if f]


def source_label(briefing: Briefing, source_id: str) -> str:
    """A short name for a source in a citation: its publisher, else its title."""
    try:
        source = briefing.source(source_id)
    except KeyError:
        return source_id
    return source.publisher or source.title


def dated(date: DateSpec | None) -> str:
    return date.display if date is not None else "undated"


def attribution(briefing: Briefing, speaker: str, date: DateSpec | None) -> str:
    """Who said a quote, and when if the briefing knows: 'Recep Tayyip Erdoğan, 6 Dec 2024'."""
    name = actor_name(briefing, speaker)
    return f"{name}, {date.display}" if date is not None else name


_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)


def web_address(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) address that is safe to make a link of, else None.

    Anything else (javascript:, data:, addresses with spaces or quotes in them)
    is shown as text only.
    """
    if url is None or not _WEB_ADDRESS.fullmatch(url):
        return None
    return url
