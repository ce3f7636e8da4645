"""`briefing export --format html`: one self-contained page that prints well.

The page has inline CSS only: no scripts, fonts, images or other requests, and
a Content-Security-Policy that forbids them, so even a mistake here could not
make it load anything. Every string from the briefing is escaped with
``html.escape``; the only link to the outside is a source's address, and only
when it is a plain http(s) address. The markup is also well-formed XML, so
XML tools (and the tests) can parse it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from briefing.model import Actor, Assessment, Briefing, Event, Evidence, Reaction, Source
from briefing.render import SECTIONS, labels
from briefing.render.citations import Citations

# Characters that XML 1.0 forbids (the loader already replaced C0 controls).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What esc() changes: those and the five characters html.escape replaces. Most text has
# none, and one scan for them is cheaper than the six passes that would change nothing.
_ESCAPED = re.compile("[&<>\"'\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

STYLE = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d7d7db; --accent: #1a5fb4; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .4rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.meta, .muted, .by { color: var(--muted); }
.meta { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
td.date { white-space: nowrap; }
.detail { margin: .2rem 0 0; }
dl.actors dt { font-weight: 600; margin-top: .6rem; }
dl.actors dd { margin-left: 1.2rem; }
blockquote { margin: .5rem 0 .5rem 1rem; padding-left: .8rem; border-left: 3px solid var(--rule); }
blockquote p { margin: 0; font-style: italic; }
.said { margin: .2rem 0 0; font-style: normal; color: var(--muted); }
sup.cite { font-size: .7rem; }
sup.cite a { color: var(--accent); text-decoration: none; }
.status, .stance { font-size: .85rem; font-weight: 600; }
.status-confirmed, .stance-supportive { color: #26734d; }
.status-claimed, .stance-concerned, .doc-draft { color: #9a6700; }
.status-disputed, .stance-mixed { color: #8250df; }
.status-denied, .stance-opposed, .doc-superseded { color: #b3261e; }
.status-planned, .stance-neutral { color: var(--accent); }
.status-reported, .stance-unclear { color: var(--muted); }
ol.evidence li { margin-bottom: .3rem; }
ol.evidence li:target { background: #fff4c2; }
a { color: var(--accent); overflow-wrap: anywhere; }
@media print {
  body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
  h2 { break-after: avoid; }
  tr, .reaction, dl.actors dd, ol.evidence li, blockquote { break-inside: avoid; }
  a { color: inherit; }
}
@page { margin: 18mm 16mm; }
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def esc(value: str) -> str:
    """Data as HTML text or attribute value: escaped, and valid XML characters only."""
    if _ESCAPED.search(value) is None:
        return value
    return escape(_NOT_XML.sub("\ufffd", value), quote=True)


def export_html(briefing: Briefing) -> str:
    return _HtmlView(briefing).render()


class _HtmlView:
    def __init__(self, briefing: Briefing) -> None:
        self.b = briefing
        self.cites = Citations()

    def render(self) -> str:
        body = [self.header(), *(getattr(self, name)() for name in SECTIONS)]
        body.append(self.evidence())  # last: it lists the numbers the sections above handed out
        head = (
            '<meta charset="utf-8"/>\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}"/>\n'
            '<meta name="referrer" content="no-referrer"/>\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
            f"<title>{esc(self.b.title)}</title>\n"
            f"<style>{STYLE}</style>\n"
        )
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n'
            + head
            + "</head>\n<body>\n"
            + "".join(part for part in body if part)
            + "</body>\n</html>\n"
        )

    def refs(self, evidence: Iterable[Evidence]) -> str:
        numbers = self.cites.cite_all(evidence)
        if not numbers:
            return ""
        links = ", ".join(f'<a href="#ev-{n}">{n}</a>' for n in numbers)
        return f'<sup class="cite">[{links}]</sup>'

    def name(self, actor_id: str) -> str:
        return esc(labels.actor_name(self.b, actor_id))

    # -- sections ---------------------------------------------------------------

    def header(self) -> str:
        b = self.b
        facts = [
            f"As of <strong>{esc(b.as_of.display)}</strong>",
            f'<span class="doc-{esc(b.status)}">{esc(b.status)}</span>',
            f"id {esc(b.id)}",
        ]
        out = f'<header>\n<h1>{esc(b.title)}</h1>\n<p class="meta">{" · ".join(facts)}</p>\n'
        if b.tags:
            out += f'<p class="meta">Tags: {esc(", ".join(b.tags))}</p>\n'
        return out + "</header>\n"

    def summary(self) -> str:
        if not self.b.summary:
            return ""
        paragraphs = [p for p in re.split(r"\n\s*\n", self.b.summary.strip()) if p.strip()]
        body = "".join(f"<p>{esc(p)}</p>\n" for p in paragraphs)
        return f'<section id="summary">\n<h2>Summary</h2>\n{body}</section>\n'

    def sources(self) -> str:
        items = "".join(f"<li>{self.source(s)}</li>\n" for s in self.b.sources)
        return f'<section id="sources">\n<h2>Sources</h2>\n<ul>\n{items}</ul>\n</section>\n'

    def source(self, source: Source) -> str:
        parts = [f"<strong>{esc(source.title)}</strong>"] + [esc(f) for f in labels.source_facts(source)]
        out = " · ".join(parts)
        if source.url:
            address = labels.web_address(source.url)
            if address:
                link = esc(address)
                out += f'<br/><a href="{link}" rel="noopener noreferrer nofollow">{link}</a>'
            else:
                out += f"<br/>{esc(source.url)}"
        return out

    def timeline(self) -> str:
        if not self.b.events:
            return ""
        rows = "".join(self.event(e) for e in self.b.events)
        return (
            '<section id="timeline">\n<h2>Timeline</h2>\n<table>\n'
            "<thead><tr><th>Date</th><th>Event</th><th>Status</th><th>Actors</th></tr></thead>\n"
            f"<tbody>\n{rows}</tbody>\n</table>\n</section>\n"
        )

    def event(self, event: Event) -> str:
        title = f"<strong>{esc(event.title)}</strong>{self.refs(event.evidence)}"
        if event.detail:
            title += f'<p class="detail">{esc(event.detail.strip())}</p>'
        actors = ", ".join(self.name(a) for a in event.actors)
        if event.places:
            where = ", ".join(esc(labels.place_name(self.b, p)) for p in event.places)
            actors = f"{actors}<br/>in {where}" if actors else f"in {where}"
        status = f'<span class="status status-{esc(event.status)}">{esc(event.status)}</span>'
        return (
            f'<tr id="event-{esc(event.id)}"><td class="date">{esc(event.date.display)}</td>'
            f"<td>{title}</td><td>{status}</td><td>{actors}</td></tr>\n"
        )

    def actors(self) -> str:
        if not self.b.actors:
            return ""
        items = "".join(self.actor(a) for a in self.b.actors)
        return f'<section id="actors">\n<h2>Actors</h2>\n<dl class="actors">\n{items}</dl>\n</section>\n'

    def actor(self, actor: Actor) -> str:
        name = esc(actor.name)
        if actor.aliases:
            name += f" ({esc(', '.join(actor.aliases))})"
        facts = [labels.words(actor.kind)] + [f for f in (actor.country, actor.role) if f]
        dd = f'<span class="muted">{esc(facts[0])}</span>' + "".join(f" · {esc(f)}" for f in facts[1:])
        for link in actor.affiliations:
            dd += f"<br/>{esc(link.relation)}: {self.name(link.actor)}"
        return f"<dt>{name}{self.refs(actor.evidence)}</dt>\n<dd>{dd}</dd>\n"

    def places(self) -> str:
        if not self.b.places:
            return ""
        items = []
        for place in self.b.places:
            facts = [esc(f) for f in (place.kind, place.country) if f]
            if place.lat is not None and place.lon is not None:
                facts.append(f"{place.lat:.4f}, {place.lon:.4f}")
            suffix = f' <span class="muted">{" · ".join(facts)}</span>' if facts else ""
            items.append(f"<li><strong>{esc(place.name)}</strong>{suffix}</li>\n")
        return f'<section id="places">\n<h2>Places</h2>\n<ul>\n{"".join(items)}</ul>\n</section>\n'

    def reactions(self) -> str:
        if not self.b.reactions:
            return ""
        items = "".join(self.reaction(r) for r in self.b.reactions)
        return f'<section id="reactions">\n<h2>Reactions</h2>\n{items}</section>\n'

    def reaction(self, reaction: Reaction) -> str:
        code = f' <span class="muted">({esc(reaction.code)})</span>' if reaction.code else ""
        stance = f'<span class="stance stance-{esc(reaction.stance)}">{esc(reaction.stance)}</span>'
        out = f'<article class="reaction" id="reaction-{esc(reaction.id)}">\n'
        out += f"<h3>{esc(reaction.country)}{code} — {stance}</h3>\n"
        out += f"<p>{esc(reaction.headline)}{self.refs(reaction.evidence)}"
        if reaction.actors:
            out += '<br/><span class="muted">For it:</span> ' + ", ".join(
                self.name(a) for a in reaction.actors
            )
        out += "</p>\n"
        for statement in reaction.statements:
            said = esc(labels.attribution(self.b, statement.speaker, statement.date))
            out += (
                f"<blockquote><p>“{esc(statement.quote.strip())}”</p>"
                f'<p class="said">— {said}{self.refs([statement.evidence])}</p></blockquote>\n'
            )
        if reaction.actions:
            out += "<ul>\n"
            for action in reaction.actions:
                when = esc(labels.dated(action.date))
                out += f"<li>{when}: {esc(action.title)}{self.refs(action.evidence)}</li>\n"
            out += "</ul>\n"
        return out + "</article>\n"

    def assessments(self) -> str:
        if not self.b.assessments:
            return ""
        items = "".join(self.assessment(a) for a in self.b.assessments)
        return f'<section id="assessments">\n<h2>Assessments</h2>\n<ul>\n{items}</ul>\n</section>\n'

    def assessment(self, assessment: Assessment) -> str:
        judgment = []
        if assessment.likelihood:
            judgment.append(f"<strong>{esc(labels.words(assessment.likelihood).capitalize())}</strong>")
        if assessment.confidence:
            judgment.append(f"{esc(assessment.confidence)} confidence")
        out = "<li>"
        if judgment:
            out += f"<p>{', '.join(judgment)}</p>"
        out += f"<p>{esc(assessment.text.strip())}</p>"
        if assessment.basis:
            basis = "; ".join(esc(labels.event_label(self.b, e)) for e in assessment.basis)
            out += f'<p class="muted">Based on: {basis}</p>'
        if assessment.author:  # unset means the briefing's own analyst
            out += f'<p class="by">By {esc(assessment.author)}</p>'
        return out + "</li>\n"

    def evidence(self) -> str:
        if not self.cites:
            return ""
        items = []
        for citation in self.cites:
            e = citation.evidence
            source = esc(labels.source_label(self.b, e.source))
            quote = f"“{esc(e.quote.strip())}”"
            items.append(
                f'<li id="ev-{citation.number}">{quote} <span class="muted">— {source}</span></li>\n'
            )
        return (
            '<section id="evidence">\n<h2>Evidence</h2>\n'
            '<p class="muted">Verbatim quotes from the sources, numbered as cited above.</p>\n'
            f'<ol class="evidence">\n{"".join(items)}</ol>\n</section>\n'
        )
