"""The text `y` and `Y` copy: a quote with its citation, or an item as Markdown with its quotes.

No Textual: the reader sends what this composes to the terminal's clipboard.
Every string from the briefing passes through ``one_line`` (control characters
and line breaks gone; the loader already replaced the controls), so the only
line breaks in the result are the ones added here.
"""

from __future__ import annotations

from briefing.format.text import clean, one_line
from briefing.model import Actor, Assessment, Briefing, Event, Evidence, Place, Reaction, Source, quotes_of
from briefing.render.markdown import link_target, paragraphs
from briefing.render.markdown import text as escaped

Item = Event | Actor | Reaction | Source | Place | Assessment


def _line(value: str) -> str:
    return " ".join(one_line(value).split())


def md(value: str) -> str:
    """One line of Markdown that shows exactly this text (no markup, links or controls from it)."""
    return escaped(one_line(value))


def citation(source: Source) -> str:
    """Publisher, title, date, URL: what there is of them, on one line."""
    parts = [
        source.publisher,
        source.title,
        source.published.display if source.published else None,
        source.url,
    ]
    return ", ".join(_line(p) for p in parts if p)


def cite_quote(briefing: Briefing, evidence: Evidence) -> str:
    """A quote and, on the next line, where it is from."""
    return f"“{_line(evidence.quote)}”\n— {citation(briefing.source(evidence.source))}\n"


def _md_citation(source: Source) -> str:
    parts = [md(p) for p in (source.publisher, source.title) if p]
    if source.published:
        parts.append(md(source.published.display))
    if source.url:
        target = link_target(_line(source.url))
        parts.append(f"<{target}>" if target else md(source.url))
    return ", ".join(parts)


def _heading(briefing: Briefing, item: object) -> list[str]:
    """The item's heading and its own text, as Markdown lines."""
    if isinstance(item, Event):
        lines = [f"### {md(item.date.display)} — {md(item.title)}"]
        if item.places:
            lines.append(f"*{md(', '.join(briefing.place(p).name for p in item.places))}*")
        return lines + (paragraphs(clean(item.detail)) if item.detail else [])
    if isinstance(item, Actor):
        return [f"### {md(item.name)}"] + ([md(item.role)] if item.role else [])
    if isinstance(item, Reaction):
        return [f"### {md(item.country)}: {md(item.headline)}"]
    if isinstance(item, Source):
        return [f"### {md(item.title)}", _md_citation(item)]
    if isinstance(item, Place):
        return [f"### {md(item.name)}"]
    if isinstance(item, Assessment):
        return [md(item.text)]
    return []


def item_markdown(briefing: Briefing, item: object) -> str:
    """The item as Markdown: its heading and text, then each quote with where it is from."""
    blocks = _heading(briefing, item)
    for evidence in quotes_of(item):
        source = briefing.source(evidence.source)
        blocks.append(f"> “{md(evidence.quote)}”\\\n> — {_md_citation(source)}")
    return "\n\n".join(blocks) + "\n"
