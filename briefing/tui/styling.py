"""Small styling helpers shared by the panes and screens."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

Run = tuple[str, Style | None]  # a piece of a line, in the style the stylesheet gives it

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


Layer = tuple[int, int, Style]  # a style over the characters from start to end


def as_layers(runs: Iterable[Run]) -> tuple[str, list[Layer]]:
    """The text of ``runs``, and each styled run as a layer over it (see layered)."""
    layers: list[Layer] = []
    texts: list[str] = []
    start = 0
    for text, style in runs:
        if style is not None:
            layers.append((start, start + len(text), style))
        texts.append(text)
        start += len(text)
    return "".join(texts), layers


def layered(text: str, layers: Sequence[Layer]) -> list[Run]:
    """``text`` cut where the ``(start, end, style)`` layers begin and end.

    Each piece gets the styles of the layers over it, later ones on top: what
    Rich's ``Text.stylize`` would give, without building a Text.
    """
    cuts = sorted({0, len(text), *(min(max(c, 0), len(text)) for a, b, _ in layers for c in (a, b))})
    runs: list[Run] = []
    for start, end in pairwise(cuts):
        style = None
        for a, b, layer in layers:
            if a <= start and end <= b:
                style = layer if style is None else style + layer
        runs.append((text[start:end], style))
    return runs


def line_segments(runs: Iterable[Run], cells: int, width: int, style: Style) -> list[Segment]:
    """A line of text: ``runs`` (``cells`` wide) over ``style``, padded or cut to ``width``.

    Segments are built directly rather than through a Rich Text: a Text costs
    a pane about a tenth of a millisecond a line, and every scroll draws every line.
    """
    segments = list(separate_margins(Segment(text, style + run) for text, run in runs if text))
    if cells < width:
        segments.append(Segment(" " * (width - cells), style))
    elif cells > width:
        segments = list(Strip(segments, cells).crop(0, width))
    return segments
