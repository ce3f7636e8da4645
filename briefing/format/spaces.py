"""Whitespace read as one space: how quotes and source texts are compared (see quotes.py).

A source text is collapsed once, a chunk at a time, and where each chunk starts in
both texts is kept; where each long whitespace run of a chunk went is worked out
only when a quote is found in that chunk, so a huge text with a handful of quotes
is not walked run by run.
"""

from __future__ import annotations

import re
from array import array

SPACE = re.compile(r"\s+")  # str patterns: \s covers NBSP and the other Unicode spaces
LONG_RUN = re.compile(r"\s{2,}")
NON_SPACE = re.compile(r"\S")
COLLAPSE_CHUNK = 1 << 20  # characters of a text whose whitespace is collapsed at a time


def collapse_spaces(text: str) -> tuple[str, array[int], array[int]]:
    """Collapse whitespace runs to one space and strip; return where each chunk starts in both texts.

    re.sub keeps every piece of its result in a list until it joins them (ten times
    the text's size): a slice is collapsed at a time, cut before a non-space
    character, which no whitespace run crosses, so at each cut the two texts are in
    step. Where each run went is worked out per chunk when a quote is found there.
    """
    lead, stop = len(text) - len(text.lstrip()), len(text.rstrip())
    chunk_normal, chunk_base = array("q", (0,)), array("q", (lead,))
    pieces, low, length = [], lead, 0
    while low < stop:
        found = NON_SPACE.search(text, min(low + COLLAPSE_CHUNK, stop), stop)
        high = found.start() if found else stop
        if low > lead:
            chunk_normal.append(length)
            chunk_base.append(low)
        piece = collapse_chunk(text[low:high])
        pieces.append(piece)
        length += len(piece)
        low = high
    return "".join(pieces), chunk_normal, chunk_base


# Whitespace other than a space, a tab or a line break (all of Python's \s for str).
_OTHER_SPACE = re.compile(r"[^\S \t\n]")
_ASCII_OTHER_SPACES = "\r\x0b\x0c\x1c\x1d\x1e\x1f"


def collapse_chunk(chunk: str) -> str:
    """``SPACE.sub(" ", chunk)``; for text whose only whitespace is spaces, tabs and line
    breaks (nearly all), by str.replace, which runs at memory speed where the pattern
    replaced each of millions of single spaces."""
    if chunk.isascii():
        other = any(space in chunk for space in _ASCII_OTHER_SPACES)
    else:
        other = _OTHER_SPACE.search(chunk) is not None
    if other:
        return SPACE.sub(" ", chunk)
    if "\t" in chunk:
        chunk = chunk.replace("\t", " ")
    chunk = chunk.replace("\n", " ")
    while "  " in chunk:  # each pass halves every run of spaces
        chunk = chunk.replace("  ", " ")
    return chunk


def chunk_segments(text: str, low: int, high: int, normal_start: int) -> tuple[array[int], array[int]]:
    """Where the normalised text and ``text`` stop running in step, in the chunk ``text[low:high]``.

    A run of one whitespace character becomes one space and keeps the two texts
    in step, so only longer runs (and the chunk's start) start a segment: pairs of
    (normalised offset, original offset), kept in arrays, as a text of short runs
    has millions of them.
    """
    seg_normal, seg_base = array("q", (normal_start,)), array("q", (low,))
    shift = low - normal_start  # original position minus normalised position
    for match in LONG_RUN.finditer(text, low, high):
        start, end = match.start(), match.end()
        seg_normal.append(start - shift + 1)  # just after the run's single space
        seg_base.append(end)
        shift += end - start - 1
    return seg_normal, seg_base
