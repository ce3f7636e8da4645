"""The regular-expression wrapping of plain paragraphs gives exactly the lines the word loop gives."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from briefing.tui import wrapping
from briefing.tui.wrapping import wrap_offsets


def by_word_loop(text: str, width: int) -> list[tuple[int, int]]:
    """Every paragraph through the general loop that measures each word."""
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.replace("\t", " ").split("\n"):
        measure = len if paragraph.isascii() else cell_len
        wrapping._wrap_paragraph(paragraph, position, max(width, 1), lines, measure)
        position += len(paragraph) + 1
    return lines


# Spaces and newlines in runs, long words, accents, typographic quotes, a
# no-break space; wide and zero-width characters send a paragraph down the loop.
ALPHABET = st.sampled_from(
    [" ", " ", " ", "\n", "\t", "a", "b", "Hama", "x" * 12, "é", "“", "”", "\u00a0", "日", "e\u0301"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join), st.integers(min_value=1, max_value=14))
def test_fast_wrapping_matches_the_word_loop(text, width):
    assert wrap_offsets(text, width) == by_word_loop(text, width)


def test_a_long_article_wraps_the_same_both_ways():
    sentence = "The convoy reached Ḥamāh at dawn, “officials” said;  a\u00a0second  source disagreed. "
    text = "\n\n".join(sentence * (i % 7 + 1) for i in range(200))
    for width in (1, 9, 46, 80):
        assert wrap_offsets(text, width) == by_word_loop(text, width)


def test_every_character_taken_as_one_cell_wide_is_one_cell_wide_for_rich():
    one_cell = [chr(c) for c in range(0x30000) if wrapping._ONE_CELL.fullmatch(chr(c))]
    assert "“" in one_cell and "Ḥ" in one_cell and "\u0301" not in one_cell and "日" not in one_cell
    assert [c for c in one_cell if cell_len(c) != 1 or cell_len(c * 3) != 3] == []


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join), st.integers(min_value=-1, max_value=30))
def test_truncating_gives_what_rich_gives(text, width):
    """The Timeline cuts its rows with wrapping.truncate: the same characters, each in the
    same style, ellipsis included, as Rich's Text.truncate(overflow="ellipsis")."""
    text = text.replace("\n", " ").replace("\t", " ")
    bold, red = Style(bold=True), Style(color="red")
    runs = [(text, bold), (" ", None), ("tail — “x”", red)]
    rich = Text.assemble(*runs)
    rich.truncate(width, overflow="ellipsis")
    assert by_character(wrapping.truncate(runs, width)) == by_character(rich_runs(rich))


def rich_runs(text: Text) -> list[tuple[str, Style | None]]:
    """A Rich Text as runs of text and style, as Rich draws it."""
    return [(segment.text, segment.style or None) for segment in text.render(Console())]


def by_character(runs: list[tuple[str, Style | None]]) -> list[tuple[str, Style | None]]:
    return [(char, style or None) for text, style in runs for char in text]
