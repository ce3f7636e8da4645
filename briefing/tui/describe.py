"""Every field of one event, actor, reaction or source, as literal styled text for the detail view.

``describe`` returns parts, each tagged with what it is ("title", "heading",
"field", "entry", "quote"; in the overview also "basis-label" and "basis", an event an
assessment rests on) so the screen can lay them out: quotes indented under their
entry, headings set apart. Written for readers: names, dates as shown
elsewhere and grades in words; with ``ids``, also what an author needs to find
the item in the file (ids, dates as written).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from textual.content import Content

from briefing.model import Actor, Assessment, Briefing, DateSpec, Event, Evidence, Reaction, Source
from briefing.render import labels

CONTEXT = 160  # characters of source text shown on each side of a quote
MAX_EVENTS = 500  # an actor's events listed in full; the filtered timeline shows any number
LABEL = "$text-muted"
QUOTE = "bold $text-accent"

Item = Event | Actor | Reaction | Source
Part = tuple[str, Content]


def describe(briefing: Briefing, item: Item, *, ids: bool = False) -> list[Part]:
    """The item's parts; ``ids`` adds its id and any date as written in the file."""
    if isinstance(item, Event):
        parts = _event(briefing, item, ids)
    elif isinstance(item, Actor):
        parts = _actor(briefing, item, ids)
    elif isinstance(item, Reaction):
        parts = _reaction(briefing, item, ids)
    else:
        parts = _source(item, ids)
    return list(parts)


def kind_of(item: Item) -> str:
    return {Event: "Event", Actor: "Actor", Reaction: "Reaction", Source: "Source"}[type(item)]


def all_evidence(item: Item) -> tuple[Evidence, ...]:
    if isinstance(item, Reaction):
        return item.all_evidence
    if isinstance(item, Source):
        return ()
    return item.evidence


def _fields(pairs: Iterable[tuple[str, str | None]]) -> Iterator[Part]:
    for name, value in pairs:
        if value:
            yield "field", Content.assemble((f"{name}: ", LABEL), value)


def _date(date: DateSpec | None, ids: bool) -> str | None:
    if date is None:
        return None
    if not ids or date.display == date.text:
        return date.display
    return f"{date.display}  (written {date.text})"


def _names(briefing: Briefing, actor_ids: Iterable[str], ids: bool) -> str:
    return ", ".join(f"{briefing.actor(a).name} ({a})" if ids else briefing.actor(a).name for a in actor_ids)


def _extensions(extensions: Mapping[str, object]) -> Iterator[Part]:
    if extensions:
        yield "heading", Content("Extensions")
        yield from _fields((key, str(value)) for key, value in extensions.items())


def _evidence(briefing: Briefing, evidence: tuple[Evidence, ...]) -> Iterator[Part]:
    if not evidence:
        return
    yield "heading", Content(f"Evidence ({len(evidence)})")
    for number, quote in enumerate(evidence, start=1):
        source = briefing.source(quote.source)
        where = f" (occurrence {quote.occurrence})" if quote.occurrence != 1 else ""
        yield "entry", Content.assemble((f"{number}. ", "bold"), _source_name(source), (where, LABEL))
        yield "quote", in_context(source, quote)


def _source_name(source: Source) -> Content:
    if source.publisher:
        return Content.assemble(source.publisher, (": ", LABEL), source.title)
    return Content(source.title)


def in_context(source: Source, quote: Evidence) -> Content:
    """The quote inside the text around it, on one paragraph, the quote itself highlighted."""
    text = source.text
    start = max(quote.start - CONTEXT, 0)
    end = min(quote.end + CONTEXT, len(text))
    if start > 0:
        start = text.find(" ", start, quote.start) + 1 or start  # begin on a word
    if end < len(text):
        cut = text.rfind(" ", quote.end, end)
        end = cut if cut > 0 else end
    flat = str.maketrans("\n", " ")
    before = ("…" if start > 0 else "") + text[start : quote.start].translate(flat)
    after = text[quote.end : end].translate(flat) + ("…" if end < len(text) else "")
    said = text[quote.start : quote.end].translate(flat)
    gap = len(after) - len(after.lstrip(" "))
    # The space after the quote goes with the quote (see briefing.tui.styling.MARGIN).
    return Content.assemble((before, LABEL), (said + after[:gap], QUOTE), (after[gap:], LABEL))


def _event(briefing: Briefing, event: Event, ids: bool) -> Iterator[Part]:
    yield "title", Content(event.title)
    yield from _fields(
        [
            ("id", ids and event.id),
            ("date", _date(event.date, ids)),
            ("status", event.status),
            ("actors", _names(briefing, event.actors, ids)),
            ("places", ", ".join(briefing.place(p).name for p in event.places)),
        ]
    )
    if event.detail:
        yield "heading", Content("Detail")
        yield "text", Content(event.detail)
    yield from _evidence(briefing, event.evidence)
    yield from _extensions(event.extensions)


def _actor(briefing: Briefing, actor: Actor, ids: bool) -> Iterator[Part]:
    yield "title", Content(actor.name)
    yield from _fields(
        [
            ("id", ids and actor.id),
            ("kind", labels.words(actor.kind)),
            ("aliases", ", ".join(actor.aliases)),
            ("country", actor.country),
            ("role", actor.role),
            (
                "affiliations",
                "; ".join(f"{a.relation} {briefing.actor(a.actor).name}" for a in actor.affiliations),
            ),
        ]
    )
    events = briefing.events_of(actor.id)
    if events:
        yield "heading", Content(f"Events ({len(events)})")
        lines = [Content.assemble((f"{e.date.display}  ", LABEL), e.title) for e in events[:MAX_EVENTS]]
        if len(events) > MAX_EVENTS:
            lines.append(
                Content(f"… and {len(events) - MAX_EVENTS} more: press f in Actors to list them all")
            )
        yield "entry", Content("\n").join(lines)
    yield from _evidence(briefing, actor.evidence)
    yield from _extensions(actor.extensions)


def _reaction(briefing: Briefing, reaction: Reaction, ids: bool) -> Iterator[Part]:
    yield "title", Content(reaction.country)
    yield from _fields(
        [
            ("id", ids and reaction.id),
            ("code", reaction.code),
            ("stance", reaction.stance),
            ("headline", reaction.headline),
            ("actors", _names(briefing, reaction.actors, ids)),
        ]
    )
    if reaction.statements:
        yield "heading", Content(f"Statements ({len(reaction.statements)})")
    for number, statement in enumerate(reaction.statements, start=1):
        source = briefing.source(statement.evidence.source)
        when = f", {statement.date.display}" if statement.date else ""
        said = Content.assemble(
            (f"{number}. ", "bold"),
            briefing.actor(statement.speaker).name,
            (f" ({statement.speaker}){when}, in " if ids else f"{when}, in ", LABEL),
            _source_name(source),
        )
        yield "entry", said
        yield "quote", in_context(source, statement.evidence)
    if reaction.actions:
        yield "heading", Content(f"Actions ({len(reaction.actions)})")
    for number, action in enumerate(reaction.actions, start=1):
        when = f"— {action.date.display}" if action.date else ""
        yield "entry", Content.assemble((f"{number}. ", "bold"), action.title + " ", (when, LABEL))
        for quote in action.evidence:
            yield "quote", in_context(briefing.source(quote.source), quote)
    yield from _evidence(briefing, reaction.evidence)
    yield from _extensions(reaction.extensions)


def _source(source: Source, ids: bool) -> Iterator[Part]:
    yield "title", Content(source.title)
    yield from _fields(
        [
            ("id", ids and source.id),
            ("publisher", source.publisher),
            ("author", source.author),
            ("dateline", source.dateline),
            ("published", _date(source.published, ids)),
            ("url", source.url),
            ("reliability", labels.grade(source)),
            ("text file", source.text_file),
            ("length", f"{len(source.text):,} characters"),
        ]
    )
    yield from _extensions(source.extensions)


def overview(briefing: Briefing) -> list[Part]:
    """The briefing as a whole: bottom line, sources, places and assessments."""
    return list(_overview(briefing))


def _overview(briefing: Briefing) -> Iterator[Part]:
    yield "title", Content(briefing.title)
    yield from _fields(
        [
            ("as of", briefing.as_of.display),
            ("status", briefing.status),
            ("tags", ", ".join(briefing.tags)),
            (
                "counts",
                f"{len(briefing.events)} events, {len(briefing.actors)} actors, "
                f"{len(briefing.reactions)} reactions, {len(briefing.places)} places",
            ),
        ]
    )
    if briefing.summary:
        yield "heading", Content("Summary")
        yield "text", Content(briefing.summary.rstrip())
    if briefing.assessments:
        yield "heading", Content(f"Assessments ({len(briefing.assessments)})")
    for number, assessment in enumerate(briefing.assessments, start=1):
        yield from _assessment(briefing, number, assessment)
    yield "heading", Content(f"Sources ({len(briefing.sources)})")
    for number, source in enumerate(briefing.sources, start=1):
        details = " · ".join(
            p
            for p in (
                source.author,
                source.dateline,
                source.published and f"published {source.published.display}",
                labels.reliability(source),
            )
            if p
        )
        yield "entry", Content.assemble((f"{number}. ", "bold"), _source_name(source))
        if details:
            yield "quote", Content(details).stylize(LABEL)
    if briefing.places:
        yield "heading", Content(f"Places ({len(briefing.places)})")
        lines = []
        for place in briefing.places:
            where = ", ".join(p for p in (place.kind, place.country) if p)
            if place.lat is not None and place.lon is not None:
                where += f" · {place.lat:.2f}, {place.lon:.2f}"
            lines.append(Content.assemble(place.name, (f"  {where}" if where else "", LABEL)))
        yield "entry", Content("\n").join(lines)


def _assessment(briefing: Briefing, number: int, assessment: Assessment) -> Iterator[Part]:
    """How likely and how sure on the assessment's own first line, then the judgment, then
    the events it rests on, each by its date and title as the Timeline shows them."""
    judged = " · ".join(
        part
        for part in (
            assessment.likelihood and labels.words(assessment.likelihood).capitalize(),
            assessment.confidence and f"{assessment.confidence} confidence",
            f"by {assessment.author}" if assessment.author else None,
        )
        if part
    )
    yield "entry", Content.assemble((f"{number}. ", "bold"), (judged, "bold"))
    yield "text", Content(assessment.text.rstrip())  # a block scalar's last line break
    events = basis_events(briefing, assessment)
    if events:
        yield "basis-label", Content("based on:").stylize(LABEL)
    for event in events:  # each one the overview lets the reader open (see basis_links)
        yield "basis", Content.assemble((f"{event.date.display}  ", LABEL), event.title)


def basis_events(briefing: Briefing, assessment: Assessment) -> list[Event]:
    """The events an assessment rests on, in the timeline's order: by date, then the file's."""
    positions = briefing.event_positions()
    return [briefing.events[n] for n in sorted(positions[e] for e in assessment.basis)]


def basis_links(briefing: Briefing) -> list[Event]:
    """The event of each "basis" part of ``overview``, in the same order."""
    return [event for a in briefing.assessments for event in basis_events(briefing, a)]
