"""Wrapping the source text while remembering which characters each line shows."""

from __future__ import annotations

from briefing.tui.wrapping import line_of, wrap_offsets


def wrapped(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in wrap_offsets(text, width)]


def test_words_wrap_at_the_width_and_newlines_always_break():
    assert wrapped("one two three four", 9) == ["one two", "three", "four"]
    assert wrapped("first\n\nsecond", 20) == ["first", "", "second"]


def test_a_word_longer_than_the_line_is_cut():
    assert wrapped("abcdefghij", 4) == ["abcd", "efgh", "ij"]


def test_wide_characters_count_two_cells():
    assert wrapped("日本語 日本", 6) == ["日本語", "日本"]
    assert wrapped("日本語日本", 4) == ["日本", "語日", "本"]


def test_indentation_is_kept_on_the_first_line():
    assert wrapped("    indented text", 12) == ["    indented", "text"]


def test_spans_index_the_original_text_and_line_of_finds_them():
    text = "alpha beta\ngamma delta epsilon"
    lines = wrap_offsets(text, 11)
    starts = [a for a, _b in lines]
    assert [text[a:b] for a, b in lines] == ["alpha beta", "gamma delta", "epsilon"]
    assert line_of(starts, text.index("beta")) == 0
    assert line_of(starts, text.index("delta")) == 1
    assert line_of(starts, text.index("epsilon")) == 2
