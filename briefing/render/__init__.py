"""Non-interactive output: terminal text, Markdown, JSON, HTML, CSV, TimelineJS.

Each format lives in its own module and is imported only when asked for, so
importing this package costs nothing (the terminal view pulls in Rich).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.model import Briefing

FORMATS = ("markdown", "json", "html", "csv", "timelinejs", "geojson")
# The records `export --format csv --table` can write, events first (the default).
CSV_TABLES = ("events", "actors", "places", "reactions", "statements")
# The order every document (show, Markdown, HTML) gives its sections: the bottom line first
# (summary and assessments), then what happened, who reacted, who is involved, where, and the
# sources; the numbered evidence always comes last, after the sections that cite it.
SECTIONS = ("summary", "assessments", "timeline", "reactions", "actors", "places", "sources")


def export(briefing: Briefing, fmt: str, table: str = "events") -> str:
    """The briefing as a document in ``fmt`` (one of FORMATS), ending with a newline.

    ``table`` (one of CSV_TABLES) is the records a CSV holds; other formats hold them all.
    """
    if fmt == "markdown":
        from briefing.render.markdown import export_markdown

        return export_markdown(briefing)
    if fmt == "json":
        from briefing.render.json_export import export_json

        return export_json(briefing)
    if fmt == "html":
        from briefing.render.html import export_html

        return export_html(briefing)
    if fmt == "csv":
        from briefing.render.csv_export import export_csv

        return export_csv(briefing, table)
    if fmt == "timelinejs":
        from briefing.render.timelinejs import export_timelinejs

        return export_timelinejs(briefing)
    if fmt == "geojson":
        from briefing.render.geojson_export import export_geojson

        return export_geojson(briefing)
    raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
