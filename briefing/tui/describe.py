"""Every field of one event, actor, reaction or source, as literal styled text for the detail view.

``describe`` returns parts, each tagged with what it is ("title", "heading",
"field", "entry", "quote") so the screen can lay them out: quotes indented under
their entry, headings set apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from textual.content import Content

from briefing.model import Actor, Briefing, DateSpec, Event, Evidence, Reaction, Source

CONTEXT = 160  # characters of source text shown on each side of a quote
MAX_EVENTS = 500  # an actor's events listed in full; the filtered timeline shows any number
LABEL = "$text-muted"
QUOTE = "bold $text-accent"

Item = Event | Actor | Reaction | Source
Part = tuple[str, Content]


def describe(briefing: Briefing, item: Item) -> list[Part]:
    if isinstance(item, Event):
        return list(_event(briefing, item))
    if isinstance(item, Actor):
        return list(_actor(briefing, item))
    if isinstance(item, Reaction):
        return list(_reaction(briefing, item))
    return list(_source(item))


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


def _date(date: DateSpec | None) -> str | None:
    if date is None:
        return None
    return date.display if date.display == date.text else f"{date.display}  (written {date.text})"


def _names(briefing: Briefing, actor_ids: Iterable[str]) -> str:
    return ", ".join(f"{briefing.actor(a).name} ({a})" for a in actor_ids)


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


def _event(briefing: Briefing, event: Event) -> Iterator[Part]:
    yield "title", Content(event.title)
    yield from _fields(
        [
            ("id", event.id),
            ("date", _date(event.date)),
            ("status", event.status),
            ("actors", _names(briefing, event.actors)),
            ("places", ", ".join(briefing.place(p).name for p in event.places)),
        ]
    )
    if event.detail:
        yield "heading", Content("Detail")
        yield "text", Content(event.detail)
    yield from _evidence(briefing, event.evidence)
    yield from _extensions(event.extensions)


def _actor(briefing: Briefing, actor: Actor) -> Iterator[Part]:
    yield "title", Content(actor.name)
    yield from _fields(
        [
            ("id", actor.id),
            ("kind", actor.kind),
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


def _reaction(briefing: Briefing, reaction: Reaction) -> Iterator[Part]:
    yield "title", Content(reaction.country)
    yield from _fields(
        [
            ("id", reaction.id),
            ("code", reaction.code),
            ("stance", reaction.stance),
            ("headline", reaction.headline),
            ("actors", _names(briefing, reaction.actors)),
        ]
    )
    if reaction.statements:
        yield "heading", Content(f"Statements ({len(reaction.statements)})")
    for number, statement in enumerate(reaction.statements, start=1):
        source = briefing.source(statement.evidence.source)
        when = f", {statement.date.display}" if statement.date else ""
        said = Content.assemble(
            (f"{number}. ", "bold"),
            briefing.actor(statement.speaker).name + " ",
            (f"({statement.speaker}){when}, in ", LABEL),
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


def _source(source: Source) -> Iterator[Part]:
    yield "title", Content(source.title)
    yield from _fields(
        [
            ("id", source.id),
            ("publisher", source.publisher),
            ("author", source.author),
            ("dateline", source.dateline),
            ("published", _date(source.published)),
            ("url", source.url),
            ("reliability", source.reliability),
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
            ("id", briefing.id),
            ("as of", _date(briefing.as_of)),
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
        yield "text", Content(briefing.summary)
    if briefing.assessments:
        yield "heading", Content(f"Assessments ({len(briefing.assessments)})")
    for number, assessment in enumerate(briefing.assessments, start=1):
        judged = ", ".join(
            part
            for part in (
                assessment.likelihood and assessment.likelihood.replace("-", " "),
                assessment.confidence and f"{assessment.confidence} confidence",
                f"by {assessment.author}" if assessment.author else None,
            )
            if part
        )
        yield "entry", Content.assemble((f"{number}. ", "bold"), assessment.text)
        basis = "; ".join(briefing.event(e).title for e in assessment.basis)
        notes = "  ".join(p for p in (judged, f"basis: {basis}" if basis else "") if p)
        if notes:
            yield "quote", Content(notes).stylize(LABEL)
    yield "heading", Content(f"Sources ({len(briefing.sources)})")
    for number, source in enumerate(briefing.sources, start=1):
        details = " · ".join(
            p
            for p in (
                source.author,
                source.dateline,
                source.published and f"published {source.published.display}",
                source.reliability and f"reliability {source.reliability}",
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
