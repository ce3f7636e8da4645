"""Small styling helpers shared by the panes and screens."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.widget import Widget

# Blank margins (gutters, indents, padding) get a style of their own, invisible on
# spaces, so they never merge with the text after them: some SVG renderers drop the
# leading spaces of a run of text, which would show snapshots shifted. For the same
# reason, text joined to styled text puts its spaces at the end of a run, not the start.
MARGIN = Style(dim=True)


def layer_style(widget: Widget, component: str) -> Style:
    """What the stylesheet sets for a component, to layer over a line's own style.

    The partial style keeps only the properties the stylesheet sets, but leaves
    translucent colours (``$text-muted``) unblended; the full style has them
    blended over the widget's background, so take the colours from there.
    """
    partial = widget.get_component_rich_style(component, partial=True)
    if partial.color is None and partial.bgcolor is None:
        return partial
    full = widget.get_component_rich_style(component)
    return partial + Style(
        color=full.color if partial.color is not None else None,
        bgcolor=full.bgcolor if partial.bgcolor is not None else None,
    )


def chip(text: str, style: str) -> Content:
    """``text`` with a space either side, all in ``style`` (e.g. reversed, as a tab)."""
    return Content.assemble((" ", f"{style} dim"), (text, style), (" ", style))


def separate_margins(segments: Iterable[Segment]) -> Iterator[Segment]:
    """Split the leading spaces off each run of text into a segment of their own (see MARGIN).

    Segments of the same style are joined first, as the screen would join them.
    """
    for segment in Segment.simplify(segments):
        text = segment.text
        words = text.lstrip(" ")
        if words and len(words) < len(text):
            cut = len(text) - len(words)
            yield Segment(text[:cut], (segment.style or Style()) + MARGIN)
            yield Segment(words, segment.style)
        else:
            yield segment
