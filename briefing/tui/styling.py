"""Small styling helpers shared by the panes and screens."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.widget import Widget

_CONSOLE = Console(width=10_000, color_system="truecolor", force_terminal=True)

Run = tuple[str, Style | None]  # a piece of a line, in the style the stylesheet gives it

# Blank margins (gutters, indents, padding) get a style of their own, invisible on
# spaces, so they never merge with the text after them: some SVG renderers drop the
# leading spaces of a run of text, which would show snapshots shifted. For the same
# reason, text joined to styled text puts its spaces at the end of a run, not the start.
MARGIN = Style(dim=True)
# New and changed since the reader last read the briefing (tui/news.py): a mark that is a
# character, so it reads in 16 colours and without colour.
FRESH_MARKS = {"new": "*", "changed": "~"}  # not "+": Reactions marks a supportive stance so


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
    """``text`` with the ``(start, end, style)`` layers over it, later ones on top (Rich's Text.stylize)."""
    styled = Text(text)
    for start, end, style in layers:  # a layer may start before the line (Text counts that from its end)
        styled.stylize(style, max(start, 0), max(end, 0))
    return [(segment.text, segment.style or None) for segment in styled.render(_CONSOLE, end="")]


def line_segments(runs: Iterable[Run], width: int, style: Style) -> list[Segment]:
    """A line of text: ``runs`` over ``style``, padded or cut to ``width`` (a Rich Text)."""
    line = Text.assemble(*((text, run or "") for text, run in runs if text), end="")
    line.truncate(width, overflow="crop", pad=True)
    line.stylize_before(style)  # under the runs' own styles (a Text's own style is not rendered)
    return list(separate_margins(line.render(_CONSOLE, end="")))
