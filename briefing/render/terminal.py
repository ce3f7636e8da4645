"""`briefing show`: the whole briefing as text for a terminal, a pager or a file.

Every string from the briefing goes into a ``rich.text.Text`` as plain text, so
brackets in the data are never read as Rich markup. Without colour the output
has no escape codes at all, and trailing spaces are trimmed, so it reads
cleanly in `less`, in a file, or in a diff.

Width: ``width`` if given; otherwise the terminal's width when stdout is a
terminal (or ``$COLUMNS`` when set), else 80 columns, so that
`briefing show x > file.txt` gives the same file wherever it is run. Either way
it is kept between ``MIN_WIDTH`` and ``MAX_WIDTH``: a table padded to 20 million
columns would take gigabytes, and no terminal is wider than a thousand.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Sequence
from io import StringIO
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from briefing.model import Actor, Assessment, Briefing, Event, Evidence, Reaction, Source
from briefing.render import SECTIONS, labels, rows
from briefing.render.citations import Citations

PIPE_WIDTH = 80
MIN_WIDTH = 40
MAX_WIDTH = 1000
INDENT = 2  # every section's body is this far in

EVENT_STATUS_STYLE = {
    "reported": "dim",
    "confirmed": "green",
    "claimed": "yellow",
    "disputed": "magenta",
    "denied": "red",
    "planned": "blue",
}
STANCE_STYLE = {
    "supportive": "green",
    "opposed": "red",
    "concerned": "yellow",
    "neutral": "cyan",
    "mixed": "magenta",
    "unclear": "dim",
}
BRIEFING_STATUS_STYLE = {"draft": "bold yellow", "current": "green", "superseded": "bold red"}


def text_console(buffer: StringIO, width: int, *, color: bool, tab_size: int = 8) -> Console:
    """A Console writing printed text into ``buffer``: never markup, emoji or highlighting from
    the data, and with ``color`` only the 16 colours that follow the user's terminal theme."""
    return Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
        force_jupyter=False,
        force_interactive=False,
        tab_size=tab_size,
    )


def show_width(width: int | None) -> int:
    """The width `show` wraps at; see the module docstring."""
    if width is None:
        width = shutil.get_terminal_size(fallback=(PIPE_WIDTH, 24)).columns
    return min(max(width, MIN_WIDTH), MAX_WIDTH)


def render_show(
    briefing: Briefing, *, width: int | None, sections: tuple[str, ...] | None, color: bool
) -> str:
    """The briefing as text; ``sections`` picks some of SECTIONS (shown in that order)."""
    chosen = [s for s in SECTIONS if sections is None or s in sections]
    columns = show_width(width)
    buffer = StringIO()
    console = text_console(buffer, columns, color=color, tab_size=4)
    view = _ShowView(briefing, Citations(), console, plain=not color)
    console.print(view.header())
    builders: dict[str, Callable[[], list[RenderableType]]] = {
        "summary": view.summary,
        "sources": view.sources,
        "timeline": view.timeline,
        "actors": view.actors,
        "places": view.places,
        "reactions": view.reactions,
        "assessments": view.assessments,
    }
    for name in chosen:
        _print(console, buffer, builders[name]())
    _print(console, buffer, view.evidence())
    text = buffer.getvalue()
    if not color:
        text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    return text


def _print(console: Console, buffer: StringIO, renderables: list[RenderableType]) -> None:
    for renderable in renderables:
        if isinstance(renderable, str):  # plain lines, laid out already (see briefing.render.rows)
            buffer.write(renderable)  # the console has written all it was given: the order holds
        else:
            console.print(renderable)


def _heading(title: str, count: int | None = None) -> Rule:
    label = Text(title, style="bold")
    if count is not None:
        label.append(f" ({count})", style="dim")
    return Rule(label, align="left", style="dim", characters="─")


def _cites(numbers: Sequence[int]) -> Text:
    return Text("".join(f"[{n}]" for n in numbers), style="dim")


def _joined(parts: Iterable[Text | str], separator: str = " · ", width: int | None = None) -> Text:
    """Parts with a dim separator; with ``width``, a new line instead of a separator
    wherever the next part would not fit, so no line starts with a separator."""
    out = Text()
    line = 0
    for part in parts:
        piece = part if isinstance(part, Text) else Text(part)
        if out and width is not None and line + len(separator) + piece.cell_len > width:
            out.append("\n")
            line = 0
        elif out:
            out.append(separator, style="dim")
            line += len(separator)
        out.append_text(piece)
        line += piece.cell_len
    return out


class _ShowView:
    """Builds the renderables of each section; holds the citation numbering."""

    def __init__(self, briefing: Briefing, citations: Citations, console: Console, *, plain: bool) -> None:
        self.b = briefing
        self.plain = plain
        self.cites = citations
        self.console = console
        self.columns = columns = console.width
        # Dates wrap inside about two sevenths of the width; the rest is for the text.
        self.date_width = min(22, max(12, columns * 2 // 7))

    def _row_options(self, gap: int) -> dict[str, Any]:
        return {"indent": INDENT, "gap": gap, "plain": self.plain}

    def _cite(self, evidence: Iterable[Evidence]) -> Text:
        numbers = self.cites.cite_all(evidence)
        return _cites(numbers) if numbers else Text()

    # -- header and sections ---------------------------------------------------

    def header(self) -> Group:
        b = self.b
        title = Text(b.title, style="bold")
        facts = [
            Text.assemble("As of ", (b.as_of.display, "bold")),
            Text(b.status, style=BRIEFING_STATUS_STYLE.get(b.status, "")),
            Text(_count(len(b.events), "event")),
            Text(_count(len(b.actors), "actor")),
            Text(_count(len(b.reactions), "reaction")),
            Text(_count(len(b.sources), "source")),
        ]
        lines: list[RenderableType] = [title, _joined(facts, width=self.columns)]
        if b.tags:
            lines.append(Text.assemble(("Tags: ", "dim"), ", ".join(b.tags)))
        lines.append(Text())
        return Group(*lines)

    def summary(self) -> list[RenderableType]:
        if not self.b.summary:
            return []
        return [_heading("Summary"), Padding(Text(self.b.summary.strip()), (0, 0, 1, 2))]

    def sources(self) -> list[RenderableType]:
        out: list[RenderableType] = [_heading("Sources", len(self.b.sources))]
        for source in self.b.sources:
            out.append(Padding(self._source(source), (0, 0, 1, 2)))
        return out

    def _source(self, source: Source) -> Group:
        lines: list[RenderableType] = [Text(source.title, style="bold")]
        facts = labels.source_facts(source)
        if facts:
            lines.append(_joined(facts))
        if source.url:
            lines.append(Text(source.url, style="underline", overflow="fold"))
        origin = f"from {source.text_file}" if source.text_file else "inline"
        lines.append(Text(f"id {source.id} · text {len(source.text):,} characters, {origin}", style="dim"))
        return Group(*lines)

    def timeline(self) -> list[RenderableType]:
        events = self.b.events
        if not events:
            return []
        # The date column as wide as the widest date allows, worked out once; each event is then
        # one row of text (briefing.render.rows), not a table that Rich would measure first.
        date_width = min(max(cell_len(e.date.display) for e in events), self.date_width)
        text_width = self.columns - INDENT - date_width - 2
        out: list[RenderableType] = [_heading("Timeline", len(events))]
        for event in events:
            date = Text(event.date.display, style="cyan")
            row = rows.row(
                self.console, date, date_width, self._event(event), text_width, **self._row_options(2)
            )
            out.append(_laid_out(row + "\n"))  # a blank line after each event and the last
        return out

    def _event(self, event: Event) -> list[Text]:
        title = Text(event.title, style="bold")
        cites = self._cite(event.evidence)
        if cites:
            title.append(" ")
            title.append_text(cites)
        meta = [Text(event.status, style=EVENT_STATUS_STYLE.get(event.status, ""))]
        if event.actors:
            meta.append(Text(", ".join(labels.actor_name(self.b, a) for a in event.actors)))
        if event.places:
            meta.append(Text("in " + ", ".join(labels.place_name(self.b, p) for p in event.places)))
        lines = [title, _joined(meta)]
        if event.detail:
            lines.append(Text(event.detail.strip()))
        return lines

    def actors(self) -> list[RenderableType]:
        if not self.b.actors:
            return []
        out: list[RenderableType] = [_heading("Actors", len(self.b.actors))]
        for actor in self.b.actors:
            out.append(Padding(self._actor(actor), (0, 0, 1, 2)))
        return out

    def _actor(self, actor: Actor) -> Group:
        name = Text(actor.name, style="bold")
        if actor.aliases:
            name.append(f" ({', '.join(actor.aliases)})")
        cites = self._cite(actor.evidence)
        if cites:
            name.append(" ")
            name.append_text(cites)
        facts = [Text(labels.words(actor.kind), style="dim")]
        if actor.country:
            facts.append(Text(actor.country))
        if actor.role:
            facts.append(Text(actor.role))
        lines: list[RenderableType] = [name, _joined(facts)]
        for link in actor.affiliations:
            lines.append(Text.assemble((f"{link.relation} ", "dim"), labels.actor_name(self.b, link.actor)))
        events = self.b.events_of(actor.id)
        if events:
            lines.append(Text(f"in {_count(len(events), 'event')} of the timeline", style="dim"))
        return Group(*lines)

    def places(self) -> list[RenderableType]:
        if not self.b.places:
            return []
        out: list[RenderableType] = [_heading("Places", len(self.b.places))]
        table = Table.grid(padding=(0, 2), pad_edge=False)
        table.add_column("name", style="bold", max_width=30)
        table.add_column("facts", ratio=1)
        for place in self.b.places:
            facts: list[Text | str] = []
            if place.kind:
                facts.append(Text(place.kind, style="dim"))
            if place.country:
                facts.append(place.country)
            if place.lat is not None and place.lon is not None:
                facts.append(f"{place.lat:.4f}, {place.lon:.4f}")
            table.add_row(Text(place.name), _joined(facts))
        out.append(Padding(table, (0, 0, 1, 2)))
        return out

    def reactions(self) -> list[RenderableType]:
        if not self.b.reactions:
            return []
        out: list[RenderableType] = [_heading("Reactions", len(self.b.reactions))]
        for reaction in self.b.reactions:
            out.append(Padding(self._reaction(reaction), (0, 0, 1, 2)))
        return out

    def _reaction(self, reaction: Reaction) -> Group:
        country = Text(reaction.country, style="bold")
        if reaction.code:
            country.append(f" ({reaction.code})", style="dim")
        country.append(" — ", style="dim")
        country.append(reaction.stance, style=STANCE_STYLE.get(reaction.stance, ""))
        headline = Text(reaction.headline)
        cites = self._cite(reaction.evidence)
        if cites:
            headline.append(" ")
            headline.append_text(cites)
        lines: list[RenderableType] = [country, headline]
        if reaction.actors:
            names = ", ".join(labels.actor_name(self.b, a) for a in reaction.actors)
            lines.append(Text.assemble(("for it: ", "dim"), names))
        if reaction.actions and not reaction.statements:
            lines.append(Text())
        for statement in reaction.statements:
            quote = Text(f"“{statement.quote.strip()}”", style="italic")
            who = Text(f"— {labels.attribution(self.b, statement.speaker, statement.date)} ", style="dim")
            who.append_text(self._cite([statement.evidence]))
            lines.append(Padding(Group(quote, who), (1, 0, 0, 2)))
        if reaction.actions:
            actions = Table.grid(padding=(0, 2), pad_edge=False)
            actions.add_column("date", style="cyan", max_width=self.date_width)
            actions.add_column("action", ratio=1)
            for action in reaction.actions:
                line = Text(action.title)
                cites = self._cite(action.evidence)
                if cites:
                    line.append(" ")
                    line.append_text(cites)
                actions.add_row(Text(labels.dated(action.date)), line)
            lines.append(Padding(actions, (1 if reaction.statements else 0, 0, 0, 2)))
        return Group(*lines)

    def assessments(self) -> list[RenderableType]:
        if not self.b.assessments:
            return []
        out: list[RenderableType] = [_heading("Assessments", len(self.b.assessments))]
        for assessment in self.b.assessments:
            out.append(Padding(self._assessment(assessment), (0, 0, 1, 2)))
        return out

    def _assessment(self, assessment: Assessment) -> Group:
        judgment = []
        if assessment.likelihood:
            judgment.append(Text(labels.words(assessment.likelihood).capitalize(), style="bold"))
        if assessment.confidence:
            judgment.append(Text(f"{assessment.confidence} confidence"))
        lines: list[RenderableType] = []
        if judgment:
            lines.append(_joined(judgment))
        lines.append(Text(assessment.text.strip()))
        if assessment.basis:
            basis = "; ".join(labels.event_label(self.b, e) for e in assessment.basis)
            lines.append(Text.assemble(("based on: ", "dim"), basis))
        if assessment.author:  # unset means the briefing's own analyst
            lines.append(Text(f"by {assessment.author}", style="dim"))
        return Group(*lines)

    def evidence(self) -> list[RenderableType]:
        """The numbered quotes cited above; only those, so `--only` stays short."""
        if not self.cites:
            return []
        several = len(self.b.sources) > 1
        labels_ = [f"[{citation.number}]" for citation in self.cites]
        number_width = max(cell_len(label) for label in labels_)
        quote_width = self.columns - INDENT - number_width - 1
        intro = Text("Verbatim quotes from the sources, as cited above.", style="dim")
        intro_lines = rows.wrap_cell(self.console, [intro], self.columns - INDENT)
        out: list[RenderableType] = [_heading("Evidence", len(self.cites))]
        lead = Text(end="")
        for line in intro_lines:
            lead.append(" " * INDENT)
            lead.append_text(line)
            lead.append("\n")
        out.append(_Lines(lead))
        for label, citation in zip(labels_, self.cites, strict=True):
            # No added quotation marks: every entry is a quote, and many quotes
            # carry their own marks. With several sources, the source's id
            # (listed under Sources) comes first, so it cannot run into the quote.
            line = Text(f"{citation.evidence.source}: ", style="dim") if several else Text()
            line.append(citation.evidence.quote.strip())
            number = Text(label, style="dim")
            row = rows.row(
                self.console,
                number,
                number_width,
                [line],
                quote_width,
                **self._row_options(1),
                justify_left="right",
            )
            out.append(_laid_out(row))
        out.append(Text())
        return out


def _laid_out(lines: str | Text) -> RenderableType:
    return lines if isinstance(lines, str) else _Lines(lines)


class _Lines:
    """Text already cut into lines of the right width, each ending with a newline: printed as it is.

    A ``Text`` given to ``Console.print`` would be wrapped again, line by line.
    """

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.text.render(console, end="")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
