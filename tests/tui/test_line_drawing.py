"""A pane line: its runs over the line's style, padded or cut to the pane, margins kept apart;
and as written to the terminal, spaces in the run before them where they look the same there."""

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from briefing.tui.styling import MARGIN, line_segments, merge_blanks


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


def test_spaces_join_the_run_before_them_on_the_same_background():
    border = Style(color="grey50", bgcolor="black")
    text = Style(color="white", bgcolor="black", bold=True)
    strip = Strip(
        [Segment("│", border), Segment("  ", text + MARGIN), Segment("words", text), Segment(" ", text)]
    )
    merged = merge_blanks(strip)
    # Four runs, each written with its whole style and a reset, become two; the line is as wide.
    assert list(merged) == [Segment("│  ", border), Segment("words ", text)]
    assert merged.cell_length == strip.cell_length == 9


def test_spaces_that_show_more_than_their_background_keep_their_style():
    plain = Style(color="white", bgcolor="black")
    other_background = Style(bgcolor="blue")  # e.g. the scrollbar's track
    underlined = Style(color="white", bgcolor="black", underline=True)  # a match ending in a space
    reversed_ = Style(color="white", bgcolor="black", reverse=True)  # the cursor bar in 16 colours
    for blank in (other_background, underlined, reversed_):
        strip = Strip([Segment("x", plain), Segment("  ", blank)])
        assert list(merge_blanks(strip)) == list(strip), blank
    # Nor are spaces put into an underlined or reversed run before them (they would show its line).
    for before in (underlined, reversed_):
        strip = Strip([Segment("x", before), Segment("  ", plain)])
        assert list(merge_blanks(strip)) == list(strip), before
