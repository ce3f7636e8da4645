"""The header: the briefing's title; as-of date, status, assessments and sources; the summary. No clock.

Bottom line up front: the summary is on the first screen, wrapped to the
width, as many lines as the terminal's height allows (``summary_lines``);
the last line shown ends with "…" when the summary is cut.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from briefing.model import Briefing, Source
from briefing.tui import keys

STATUS_STYLE = {"draft": "bold $warning", "current": "bold $success", "superseded": "bold $error"}
PADDING = 1  # cells left and right
# The summary's lines by the terminal's height: one in small terminals (the panes need the
# rows), two from 30 rows, all of it (up to six) from 50.
SUMMARY_ROWS = ((50, 6), (30, 2), (0, 1))


def describe_source(source: Source) -> Content:
    """'Publisher — Title' or just the title."""
    if source.publisher:
        return Content.assemble((source.publisher + " ", "bold"), "— ", source.title)
    return Content(source.title)


def summary_lines(summary: str | None, terminal: Size) -> list[Content]:
    """The summary's lines for a terminal of this size; the last ends with "…" if it is cut."""
    if not summary:
        return []
    width = max(terminal.width - 2 * PADDING, 1)
    lines = Content(" ".join(summary.split())).wrap(width)
    most = next(rows for from_height, rows in SUMMARY_ROWS if terminal.height >= from_height)
    if len(lines) <= most:
        return lines
    shown = lines[:most]
    shown[-1] = shown[-1].rstrip().truncate(width - 1) + "…"
    return shown


def header_rows(briefing: Briefing, terminal: Size) -> int:
    """The header's height in a terminal of this size: the panes' layout counts it before it is drawn."""
    return 2 + len(summary_lines(briefing.summary, terminal))


class BriefingHeader(Static):
    """The title, then as-of date, status, assessments and sources, then the summary's first lines."""

    DEFAULT_CSS = """
    BriefingHeader {
        height: 2;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, briefing: Briefing, terminal: Size, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.filter_names: list[str] = []  # the names of the actors and places the Timeline is filtered to
        self.fit(terminal)

    def show_filters(self, names: list[str]) -> None:
        """Say which filters are on (none: say nothing)."""
        self.filter_names = names
        self.fit(self.app.size)

    def fit(self, terminal: Size) -> None:
        """Lay the header out for a terminal of this size (the summary wraps to its width)."""
        self.styles.height = header_rows(self.briefing, terminal)
        self.update(self._content(terminal))

    def _overview_key(self) -> str:
        spec = next(k for place in keys.PLACES.values() for k in place.keys if k.id == "overview")
        keymap: dict[str, str] = getattr(self.app, "keymap", {})  # config.yaml may rebind it
        first = keymap.get(spec.id, spec.keys).split(",")[0].strip()
        return self.app.get_key_display(Binding(first, ""))

    def _content(self, terminal: Size) -> Content:
        briefing = self.briefing
        title = Content.styled(briefing.title, "bold").truncate(10_000)
        status = (briefing.status, STATUS_STYLE.get(briefing.status, "bold"))
        second = Content.assemble(("as of ", "$text-muted"), briefing.as_of.display, "  ", status, "  ")
        if self.filter_names:  # first: a narrow terminal cuts the end of the line
            second = Content.assemble(
                ("Only: ", "bold $warning"),
                (" + ".join(self.filter_names), "bold"),
                (" · Esc  ", "$text-muted"),
                second,
            )
        if briefing.summary or briefing.assessments:
            # Before the sources: the end of this line is what a narrow terminal cuts.
            count = len(briefing.assessments)
            noun = "assessment" if count == 1 else "assessments"
            second += Content.assemble(f"{count} {noun} · ", (self._overview_key(), "bold"), "  ")
        if len(briefing.sources) == 1:
            second += Content.assemble(("Source: ", "$text-muted"), describe_source(briefing.sources[0]))
        else:
            names = Content("; ").join(Content(s.publisher or s.title) for s in briefing.sources)
            second += Content.assemble((f"{len(briefing.sources)} sources: ", "$text-muted"), names)
        return Content("\n").join([title, second, *summary_lines(briefing.summary, terminal)])
