"""What a search's list of results shows: each hit's kind, date and the words around it.

Pure functions over the model, no Textual. The panes' matches come from the
search index (briefing.search); the overview's (summary, assessments, sources,
places) are few and are found here, by a plain scan, when the query changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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


def overview_hits(briefing: Briefing, query: str) -> list[Hit]:
    """The overview's parts that hold ``query``: summary, assessments, sources, places."""
    if not fold(query.strip()):
        return []
    return list(_overview_hits(briefing, query.strip()))


def _overview_hits(briefing: Briefing, query: str) -> Iterator[Hit]:
    if briefing.summary and (found := around([briefing.summary], query)):
        yield Hit("summary", "", *found, ("overview", "summary"))
    for number, assessment in enumerate(briefing.assessments, start=1):
        if found := around([assessment.text, assessment.author or ""], query):
            yield Hit("assessment", "", *found, ("overview", f"assessment:{number}"))
    for number, source in enumerate(briefing.sources, start=1):
        fields = [source.title, source.publisher or "", source.author or "", source.dateline or ""]
        if found := around(fields, query):
            date = source.published.display if source.published else ""
            yield Hit("source", date, *found, ("overview", f"source:{number}"))
    for place in briefing.places:
        if found := around([place.name, place.country or ""], query):
            yield Hit("place", "", *found, ("overview", "places"))


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
