"""What a search's list of results shows: each hit's kind, date and the words around it.

Pure functions over the model, no Textual. The panes' matches come from the
search index (briefing.search); the overview's (summary, assessments, sources,
places) are few and are found here, by a plain scan, when the query changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefing.folding import find_spans, fold
from briefing.model import Briefing

BEFORE = 24  # characters of context shown before a match; the rest of the line follows it
_ONE_LINE = str.maketrans("\n\t\r", "   ")


@dataclass(frozen=True)
class Hit:
    """One result line: what was found, when, and the words around the match."""

    kind: str  # "event", "actor", "reaction", "source", "summary", "assessment", "place"
    date: str  # "" when the thing found has none
    text: str  # the words around the match, on one line
    span: tuple[int, int]  # the match in ``text``
    target: tuple[str, str]  # (where, id): a pane and an item id, or ("overview", part)


def around(texts: Iterable[str], query: str) -> tuple[str, tuple[int, int]] | None:
    """The first of ``texts`` holding ``query``, cut to the words around it, and where it is."""
    for text in texts:
        spans = find_spans(text, query, limit=1)
        if spans:
            return cut(text, *spans[0])
    return None


def cut(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The words around ``text[start:end]`` on one line, and where that span is in it."""
    begin = max(0, start - BEFORE)
    if begin:  # start at a word
        space = text.find(" ", begin, start)
        begin = space + 1 if space >= 0 else begin
    lead = "…" if begin else ""
    # One line, as long: line breaks and tabs as spaces (the list crops what is too long).
    line = lead + text[begin : end + 200].translate(_ONE_LINE)
    at = len(lead) + start - begin
    return line, (at, at + end - start)


class OverviewIndex:
    """The overview's parts (summary, assessments, sources, places), folded once, for finding
    which hold a query on every key typed: a briefing of 100,000 events has 1,000 places."""

    def __init__(self, briefing: Briefing) -> None:
        parts: list[tuple[str, str, str, list[str]]] = []  # kind, date, part, its texts
        if briefing.summary:
            parts.append(("summary", "", "summary", [briefing.summary]))
        for number, assessment in enumerate(briefing.assessments, start=1):
            parts.append(
                ("assessment", "", f"assessment:{number}", [assessment.text, assessment.author or ""])
            )
        for number, source in enumerate(briefing.sources, start=1):
            date = source.published.display if source.published else ""
            texts = [source.title, source.publisher or "", source.author or "", source.dateline or ""]
            parts.append(("source", date, f"source:{number}", texts))
        for place in briefing.places:
            parts.append(("place", "", "places", [place.name, place.country or ""]))
        self._parts = parts
        # A separator no query can contain keeps a match from spanning two fields.
        self._folded = [fold("\x00".join(texts)) for _kind, _date, _part, texts in parts]

    def matching(self, query: str) -> list[int]:
        """Which parts hold ``query``, in the overview's order."""
        needle = fold(query.strip())
        return [n for n, folded in enumerate(self._folded) if needle in folded] if needle else []

    def hit(self, number: int, query: str) -> Hit:
        """The result line of part ``number``, which holds ``query``."""
        kind, date, part, texts = self._parts[number]
        line, span = around(texts, query.strip()) or (texts[0], (0, 0))
        return Hit(kind, date, line, span, ("overview", part))


def pane_hit(briefing: Briefing, pane: str, item_id: str, query: str, span: tuple[int, int] | None) -> Hit:
    """The result line of a match in a pane (``span``: of a source's text)."""
    if span is not None:
        source = briefing.source(item_id)
        date = source.published.display if source.published else ""
        return Hit("source", date, *cut(source.text, *span), ("source", item_id))
    if pane == "timeline":
        event = briefing.event(item_id)
        names = [briefing.place(p).name for p in event.places]
        names += [n for a in event.actors for n in _names(briefing, a)]
        texts = [event.title, event.detail or "", *(e.quote for e in event.evidence), *names]
        return _hit("event", event.date.display, texts, event.title, query, (pane, item_id))
    if pane == "actors":
        actor = briefing.actor(item_id)
        texts = [*_names(briefing, item_id), actor.role or "", actor.country or "", actor.kind]
        texts += [a.relation for a in actor.affiliations] + [e.quote for e in actor.evidence]
        return _hit("actor", "", texts, actor.name, query, (pane, item_id))
    reaction = next(r for r in briefing.reactions if r.id == item_id)
    texts = [reaction.country, reaction.headline, *(s.quote for s in reaction.statements)]
    texts += [a.title for a in reaction.actions] + [e.quote for e in reaction.all_evidence]
    texts += [n for a in reaction.actors for n in _names(briefing, a)]
    texts += [n for s in reaction.statements for n in _names(briefing, s.speaker)]
    return _hit("reaction", "", texts, reaction.country, query, (pane, item_id))


def _hit(kind: str, date: str, texts: list[str], name: str, query: str, target: tuple[str, str]) -> Hit:
    in_name = around([name], query)
    found = in_name or around(texts, query)
    if found is None:  # (found by a word the index holds that no field shows whole)
        return Hit(kind, date, name, (0, 0), target)
    line, (start, end) = found
    if in_name is None:  # the thing's name first, so the line says what was found
        lead = f"{name} · "
        line, start, end = lead + line, start + len(lead), end + len(lead)
    return Hit(kind, date, line, (start, end), target)


def _names(briefing: Briefing, actor_id: str) -> list[str]:
    actor = briefing.actor(actor_id)
    return [actor.name, *actor.aliases]
