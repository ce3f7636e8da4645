"""Pane lines are built as segments directly; they must look exactly as Rich would draw them."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from briefing.tui.styling import MARGIN, layered, line_segments

# Styles that override one another in part: the later layer must win where they clash.
STYLES = [Style(bold=True), Style(color="red"), Style(color="blue", underline=True), Style(bgcolor="green")]
LAYER = st.tuples(st.integers(-3, 25), st.integers(-3, 25), st.sampled_from(STYLES))


def rich_by_character(text: Text) -> list[tuple[str, Style | None]]:
    return [(char, s.style or None) for s in text.render(Console()) for char in s.text]


@settings(max_examples=400, deadline=None)
@given(st.text("ab é日", max_size=20), st.lists(LAYER, max_size=5))
def test_layers_style_each_character_as_rich_stylize_does(text, layers):
    rich = Text(text)
    for start, end, style in layers:
        rich.stylize(style, max(start, 0), max(end, 0))
    ours = [(char, style) for piece, style in layered(text, layers) for char in piece]
    assert ours == rich_by_character(rich)


def test_a_line_is_padded_to_the_pane_width_in_the_line_style():
    base = Style(bgcolor="black")
    segments = line_segments([("ab", None), ("cd", Style(bold=True))], 4, 7, base)
    assert segments == [
        Segment("ab", base),
        Segment("cd", base + Style(bold=True)),
        Segment("   ", base),
    ]


def test_a_line_wider_than_the_pane_is_cut_and_leading_spaces_are_margins():
    base = Style(color="white")
    segments = line_segments([("  indented text", None)], 15, 10, base)
    assert segments == [Segment("  ", base + MARGIN), Segment("indented", base)]
