"""`briefing export --format markdown`: a document that reads well on GitHub.

Every string from the briefing passes through ``text()``, which
backslash-escapes what CommonMark and GitHub would otherwise read as markup:
emphasis, code, links, images, raw HTML, entities, tables, strikethrough and
maths, block syntax at the start of a line, and the marks by which GitHub
recognises bare addresses. So nothing in a briefing can add a
link, an image or HTML to the export; addresses in the data show as text.

Quotes are cited with footnotes (``[^3]``), defined at the end under
"Evidence" with the source each quote is from.
"""

from __future__ import annotations

import re
from urllib.parse import quote as percent_encode

from briefing.model import Actor, Assessment, Briefing, Evidence, Reaction, Source
from briefing.render import SECTIONS, labels
from briefing.render.citations import Citations

# Inline markup in CommonMark and GitHub Flavored Markdown: \ ` * _ [ ] < > &
# (links, code, emphasis, HTML, entities), # (headings, and a heading's closing
# hashes), | (tables), ~ (strikethrough), $ (GitHub maths). Backslash-escaping
# any ASCII punctuation is always allowed, and shows the character itself.
# Also @, for GitHub's links of mail addresses (below). One class, so a text is
# scanned once at the regex engine's speed: a substitution per mark, each with a
# template to expand, cost most of the export's time.
_INLINE = re.compile(r"[\\`*_\[\]<>&#|~$@]")
# Block syntax that the escapes above leave open at the start of a line: list
# bullets, setext underlines and thematic breaks, and "1." / "1)" lists.
_LIST_BULLETS = "+=-"
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
# GitHub turns bare web and mail addresses into links. An escaped character
# splits the text where its autolinker looks for "://", "www." and "@", so a
# briefing's text shows the address without making it a link. (Looked for only
# in a text that holds "://" or "www.": the lookbehinds are slow to scan with.)
_AUTOLINK = re.compile(r"(?<=[A-Za-z]):(?=//)|(?i:(?<=\bwww))\.")


def _escaped(match: re.Match[str]) -> str:
    return "\\" + match[0]


def text(value: str) -> str:
    """Data as one line of Markdown that shows exactly these characters.

    Line breaks in the data become spaces, so a value can never end the block
    (list item, quote, footnote) it is written into.
    """
    line = _INLINE.sub(_escaped, " ".join(value.split()))
    if "://" in line or "www." in line.lower():
        line = _AUTOLINK.sub(_escaped, line)
    if not line:
        return line
    if line[0] in _LIST_BULLETS:
        return "\\" + line
    if line[0].isdecimal():  # what \d matches: a decimal digit of any script
        return _LIST_NUMBER.sub(r"\1\\\2", line)
    return line


def paragraphs(value: str) -> list[str]:
    """Data with blank lines between paragraphs, as escaped paragraphs."""
    return [text(p) for p in re.split(r"\n\s*\n", value.strip()) if p.strip()]


def link_target(url: str) -> str | None:
    """An http(s) address as a link destination, or None if it must stay text."""
    address = labels.web_address(url)
    if address is None:
        return None
    # Percent-encode what could end or bend an autolink: <, >, (, ), backslash.
    return percent_encode(address, safe="/:?#[]@!$&'*+,;=%-._~")


def export_markdown(briefing: Briefing) -> str:
    return _MarkdownView(briefing).render()


class _MarkdownView:
    def __init__(self, briefing: Briefing) -> None:
        self.b = briefing
        self.cites = Citations()
        self.out: list[str] = []
        # Names, statuses and dates recur on every row of a long timeline: each escaped once.
        self.escaped: dict[str, str] = {}

    def render(self) -> str:
        self.header()
        for name in SECTIONS:
            getattr(self, name)()
        self.evidence()  # last: it lists the numbers the sections above handed out
        return "\n".join(self.out).rstrip() + "\n"

    def add(self, *lines: str) -> None:
        self.out.extend(lines)

    def refs(self, evidence: tuple[Evidence, ...] | list[Evidence]) -> str:
        return "".join(f"[^{n}]" for n in self.cites.cite_all(evidence))

    def name(self, actor_id: str) -> str:
        return self.recurring(labels.actor_name(self.b, actor_id))

    def recurring(self, value: str) -> str:
        """text(value), for a value the document repeats."""
        escaped = self.escaped.get(value)
        if escaped is None:
            escaped = self.escaped[value] = text(value)
        return escaped

    # -- sections ---------------------------------------------------------------

    def header(self) -> None:
        b = self.b
        self.add(f"# {text(b.title)}", "")
        facts = [
            f"**As of:** {text(b.as_of.display)}",
            f"**Status:** {text(b.status)}",
            f"**Briefing id:** {text(b.id)}",
        ]
        if b.tags:
            facts.append("**Tags:** " + ", ".join(text(t) for t in b.tags))
        self.add("  \n".join(facts), "")

    def summary(self) -> None:
        if self.b.summary:
            self.add("## Summary", "")
            for paragraph in paragraphs(self.b.summary):
                self.add(paragraph, "")

    def sources(self) -> None:
        self.add("## Sources", "")
        for source in self.b.sources:
            self.add(f"- {self.source_line(source)}")
        self.add("")

    def source_line(self, source: Source) -> str:
        parts = [f"**{text(source.title)}**"]
        parts += [text(f) for f in labels.source_facts(source)]
        line = " · ".join(parts)
        if source.url:
            link = link_target(source.url)
            line += f" · <{link}>" if link else f" · {text(source.url)}"
        return line + f" · id {text(source.id)}"

    def timeline(self) -> None:
        events = self.b.events
        if not events:
            return
        self.add("## Timeline", "", "| Date | Event | Status | Actors |", "| --- | --- | --- | --- |")
        for event in events:
            actors = ", ".join(self.name(a) for a in event.actors)
            if event.places:
                where = ", ".join(self.recurring(labels.place_name(self.b, p)) for p in event.places)
                actors = f"{actors} (in {where})" if actors else f"in {where}"
            title = f"**{text(event.title)}**{self.refs(event.evidence)}"
            if event.detail:
                title += f" — {text(event.detail)}"
            date, status = self.recurring(event.date.display), self.recurring(event.status)
            self.add(f"| {date} | {title} | {status} | {actors} |")
        self.add("")

    def actors(self) -> None:
        if not self.b.actors:
            return
        self.add("## Actors", "")
        for actor in self.b.actors:
            self.add(f"- {self.actor_line(actor)}")
        self.add("")

    def actor_line(self, actor: Actor) -> str:
        line = f"**{text(actor.name)}**"
        if actor.aliases:
            line += " (" + ", ".join(text(a) for a in actor.aliases) + ")"
        line += self.refs(actor.evidence)
        facts = [text(labels.words(actor.kind))]
        if actor.country:
            facts.append(text(actor.country))
        line += " — " + ", ".join(facts)
        if actor.role:
            line += f". {text(actor.role)}"
        for link in actor.affiliations:
            line += f"  \n  {text(link.relation)}: {self.name(link.actor)}"
        return line

    def places(self) -> None:
        if not self.b.places:
            return
        self.add("## Places", "")
        for place in self.b.places:
            facts = [text(f) for f in (place.kind, place.country) if f]
            if place.lat is not None and place.lon is not None:
                facts.append(f"{place.lat:.4f}, {place.lon:.4f}")
            suffix = f" — {', '.join(facts)}" if facts else ""
            self.add(f"- **{text(place.name)}**{suffix}")
        self.add("")

    def reactions(self) -> None:
        if not self.b.reactions:
            return
        self.add("## Reactions", "")
        for reaction in self.b.reactions:
            self.reaction(reaction)

    def reaction(self, reaction: Reaction) -> None:
        code = f" ({text(reaction.code)})" if reaction.code else ""
        self.add(f"### {text(reaction.country)}{code}", "")
        lines = [
            f"**Stance:** {text(reaction.stance)}",
            f"{text(reaction.headline)}{self.refs(reaction.evidence)}",
        ]
        if reaction.actors:
            lines.append("**For it:** " + ", ".join(self.name(a) for a in reaction.actors))
        self.add("  \n".join(lines), "")
        for statement in reaction.statements:
            said = text(labels.attribution(self.b, statement.speaker, statement.date))
            self.add(f"> “{text(statement.quote)}”", ">", f"> — {said}{self.refs([statement.evidence])}", "")
        for action in reaction.actions:
            when = text(labels.dated(action.date))
            self.add(f"- {when}: {text(action.title)}{self.refs(action.evidence)}")
        if reaction.actions:
            self.add("")

    def assessments(self) -> None:
        if not self.b.assessments:
            return
        self.add("## Assessments", "")
        for assessment in self.b.assessments:
            self.assessment(assessment)

    def assessment(self, assessment: Assessment) -> None:
        judgment = []
        if assessment.likelihood:
            judgment.append(f"**{text(labels.words(assessment.likelihood).capitalize())}**")
        if assessment.confidence:
            judgment.append(f"{text(assessment.confidence)} confidence")
        first = ", ".join(judgment)
        body = paragraphs(assessment.text)
        if not first:
            first, body = body[0], body[1:]
        self.add(f"- {first}", "")
        for paragraph in body:
            self.add(f"  {paragraph}", "")
        notes = []
        if assessment.basis:
            notes.append(
                "*Based on:* " + "; ".join(text(labels.event_label(self.b, e)) for e in assessment.basis)
            )
        if assessment.author:  # unset means the briefing's own analyst
            notes.append(f"*By* {text(assessment.author)}")
        if notes:
            self.add("  " + "  \n  ".join(notes), "")

    def evidence(self) -> None:
        """Footnote definitions: the verbatim quotes, each with its source."""
        if not self.cites:
            return
        self.add("## Evidence", "", "Verbatim quotes from the sources, numbered as cited above.", "")
        for citation in self.cites:
            source = self.recurring(labels.source_label(self.b, citation.evidence.source))
            self.add(f"[^{citation.number}]: “{text(citation.evidence.quote)}” — {source}")
        self.add("")
