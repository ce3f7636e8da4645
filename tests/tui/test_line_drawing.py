"""A pane line: its runs over the line's style, padded or cut to the pane, margins kept apart."""

from rich.segment import Segment
from rich.style import Style

from briefing.tui.styling import MARGIN, line_segments


def test_a_line_is_padded_to_the_pane_width_in_the_line_style():
    base = Style(bgcolor="black")
    segments = line_segments([("ab", None), ("cd", Style(bold=True))], 7, base)
    assert segments == [
        Segment("ab", base),
        Segment("cd", base + Style(bold=True)),
        Segment("   ", base),
    ]


def test_a_line_wider_than_the_pane_is_cut_and_leading_spaces_are_margins():
    base = Style(color="white")
    segments = line_segments([("  indented text", None)], 10, base)
    assert segments == [Segment("  ", base + MARGIN), Segment("indented", base)]
