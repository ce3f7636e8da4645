"""Word-wrapping that remembers where each line came from in the original text.

The Source pane highlights character spans of the source text, so after
wrapping it must know which characters each screen line shows. Source texts
can run to megabytes: a paragraph whose characters are all one cell wide
(nearly all text) is wrapped by one regular expression, in C; others by a
loop over words that measures each.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache
from operator import methodcaller

from rich.cells import cell_len, set_cell_size

from briefing.tui.styling import Run


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Wrap ``text`` to ``width`` cells; return each line as a (start, end) span of ``text``.

    Newlines always break. The space at a break is dropped; a word wider than
    the line is cut into pieces; an empty paragraph gives an empty line, so
    blank lines between paragraphs survive. Tabs count as one space (the pane
    shows them as one).
    """
    width = max(width, 1)
    short = len(text) <= width and "\n" not in text and "\t" not in text and not text.startswith(" ")
    if short and (text.isascii() or _ONE_CELL.fullmatch(text)):  # one line: a name, a heading
        return [(0, len(text.rstrip(" ")))]
    lines: list[tuple[int, int]] = []
    text = text.replace("\t", " ")
    position = 0
    for paragraph in text.split("\n"):
        end = position + len(paragraph)
        ascii_only = paragraph.isascii()
        if not paragraph.startswith(" ") and (ascii_only or _ONE_CELL.fullmatch(paragraph)):
            before = len(lines)
            lines.extend(map(_LINE_SPAN, _line_pattern(width).finditer(text, position, end)))
            if len(lines) == before:  # an empty paragraph is an empty line
                lines.append((position, position))
        else:
            _wrap_paragraph(paragraph, position, width, lines, len if ascii_only else cell_len)
        position = end + 1
    return lines


# Characters one cell wide (tests/tui/test_wrapping_fast.py checks each against
# Rich): printable Latin, Greek, Cyrillic, Latin Extended Additional and the
# usual punctuation (dashes, typographic quotes, ellipsis). No combining marks.
_ONE_CELL = re.compile("[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*")
_LINE_SPAN = methodcaller("span", 1)


def cells(text: str) -> int:
    """How many cells ``text`` takes; counted, not measured, when each character is one cell."""
    return len(text) if _ONE_CELL.fullmatch(text) else cell_len(text)


def truncate(runs: list[Run], width: int) -> list[Run]:
    """``runs`` cut to ``width`` cells, with an ellipsis: what Rich's ``Text.truncate``
    (overflow="ellipsis") gives, counting characters where each is one cell.

    The ellipsis takes the style of the character it replaces. Rich measures each
    character of a line that is not all ASCII or Latin (a dash or a typographic
    quote is enough) to find where to cut it: 0.1 ms a row.
    """
    plain = "".join(text for text, _ in runs)
    if _ONE_CELL.fullmatch(plain):
        if len(plain) <= width:
            return runs
        cut = plain[: max(width - 1, 0)] + "…"
    elif cell_len(plain) <= width:
        return runs
    else:
        cut = set_cell_size(plain, width - 1) + "…"
    kept: list[Run] = []
    start = 0
    for text, style in runs:
        end = min(start + len(text), len(cut))
        if end > start:
            kept.append((cut[start:end], style))
        start += len(text)
    if start < len(cut):  # (set_cell_size pads a cut wide character with a space)
        kept.append((cut[start:], None))
    return kept


@cache
def _line_pattern(width: int) -> re.Pattern[str]:
    """One line of at most ``width`` one-cell characters, after the spaces before it.

    Either the longest run that ends at the end of a word (a space or the end
    of the paragraph follows), or, when even the first word is longer than a
    line, the first ``width`` characters of it. It gives the lines
    _wrap_paragraph gives an unindented paragraph, but in C.
    """
    longest = "[^ ]" if width == 1 else f"[^ ](?:.{{0,{width - 2}}}[^ ])?"
    return re.compile(f" *({longest}(?= |$)|[^ ]{{{width}}})")


def _wrap_paragraph(
    paragraph: str,
    offset: int,
    width: int,
    lines: list[tuple[int, int]],
    measure: Callable[[str], int],
) -> None:
    words = paragraph.lstrip(" ")
    indent = len(paragraph) - len(words)  # the paragraph's indentation stays
    used = indent if indent < width else 0
    position = offset + indent
    line_start = line_end = offset  # line_end: end of the last word on the line
    for word in words.split(" "):
        if not word:  # one of several spaces in a row
            position += 1
            used += 1
            continue
        word_start = position
        position += len(word) + 1
        word_width = measure(word)
        if used and used + word_width > width:
            lines.append((line_start, line_end))
            line_start, used = word_start, 0
        while word_width > width:  # a word longer than a line: cut it
            cut = _cut_at(word, width)
            lines.append((word_start, word_start + cut))
            word, word_start = word[cut:], word_start + cut
            word_width = measure(word)
            line_start = word_start
        line_end = word_start + len(word)
        used += word_width + 1
    lines.append((line_start, line_end))


def _cut_at(word: str, width: int) -> int:
    """How many characters of ``word`` fit in ``width`` cells (at least one)."""
    used = 0
    for index, char in enumerate(word):
        used += cell_len(char)
        if used > width:
            return max(index, 1)
    return len(word)


def line_of(starts: Sequence[int], offset: int) -> int:
    """The index of the wrapped line showing character ``offset``, given each line's start."""
    return max(bisect_right(starts, offset) - 1, 0)
