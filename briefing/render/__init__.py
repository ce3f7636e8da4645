"""Non-interactive output: terminal text, Markdown, JSON, HTML.

Each format lives in its own module and is imported only when asked for, so
importing this package costs nothing (the terminal view pulls in Rich).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.model import Briefing

FORMATS = ("markdown", "json", "html", "geojson")
# The order every document (show, Markdown, HTML) gives its sections: the bottom line first
# (summary and assessments), then what happened, who reacted, who is involved, where, and the
# sources; the numbered evidence always comes last, after the sections that cite it.
SECTIONS = ("summary", "assessments", "timeline", "reactions", "actors", "places", "sources")


def export(briefing: Briefing, fmt: str) -> str:
    """The briefing as a document in ``fmt`` (one of FORMATS), ending with a newline."""
    if fmt == "markdown":
        from briefing.render.markdown import export_markdown

        return export_markdown(briefing)
    if fmt == "json":
        from briefing.render.json_export import export_json

        return export_json(briefing)
    if fmt == "html":
        from briefing.render.html import export_html

        return export_html(briefing)
    if fmt == "geojson":
        from briefing.render.geojson_export import export_geojson

        return export_geojson(briefing)
    raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
