"""The header: the briefing's title, cut-off date, status and source(s). No clock."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefing.model import Briefing, Source

STATUS_STYLE = {"draft": "bold $warning", "current": "bold $success", "superseded": "bold $error"}


def describe_source(source: Source) -> Content:
    """'Publisher — Title' or just the title."""
    if source.publisher:
        return Content.assemble((source.publisher + " ", "bold"), "— ", source.title)
    return Content(source.title)


class BriefingHeader(Static):
    """Two lines: the title, then as-of date, status and sources."""

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

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(self._content(briefing), id=id)

    @staticmethod
    def _content(briefing: Briefing) -> Content:
        title = Content.styled(briefing.title, "bold").truncate(10_000)
        status = (briefing.status, STATUS_STYLE.get(briefing.status, "bold"))
        second = Content.assemble(("as of ", "$text-muted"), briefing.as_of.display, "  ", status, "  ")
        if len(briefing.sources) == 1:
            second += Content.assemble(("Source: ", "$text-muted"), describe_source(briefing.sources[0]))
        else:
            names = Content("; ").join(Content(s.publisher or s.title) for s in briefing.sources)
            second += Content.assemble((f"{len(briefing.sources)} sources: ", "$text-muted"), names)
        return Content("\n").join([title, second])
