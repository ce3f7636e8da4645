"""Whitespace read as one space: how quotes and source texts are compared (see quotes.py).

A source text is collapsed once, a chunk at a time, and where each chunk starts in
both texts is kept; where each long whitespace run of a chunk went is worked out
only when a quote is found in that chunk, so a huge text with a handful of quotes
is not walked run by run.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from itertools import chain

SPACE = re.compile(r"\s+")  # str patterns: \s covers NBSP and the other Unicode spaces
LONG_RUN = re.compile(r"\s{2,}")
NON_SPACE = re.compile(r"\S")
COLLAPSE_CHUNK = 1 << 20  # characters of a text whose whitespace is collapsed at a time


def collapse_spaces(pieces: Iterable[str]) -> tuple[str, array[int], array[int], int]:
    """Collapse whitespace runs to one space and strip the text made of ``pieces``, in order.

    Returns the collapsed text, where each chunk starts in it and in the text, and the
    text's length. re.sub keeps every piece of its result in a list until it joins
    them (ten times the text's size): a slice is collapsed at a time, cut before a
    non-space character, which no whitespace run crosses, so at each cut the two
    texts are in step. The text comes in pieces (see nfc.nfc_pieces) so that it
    need not be held whole. Where each run went is worked out per chunk when a quote
    is found there.
    """
    chunk_normal, chunk_base = array("q"), array("q")
    collapsed: list[str] = []
    length = 0  # of the collapsed text so far
    pending, at = "", 0  # text not collapsed yet, and where it starts in the text
    waiting: list[str] = []  # pieces come small where NFC changes much: joined a chunk's worth at a time
    size = 0
    for piece in chain(pieces, (None,)):  # None: the end, where what is left is collapsed
        if piece is not None:
            waiting.append(piece)
            size += len(piece)
            if size <= COLLAPSE_CHUNK:
                continue
        pending = "".join([pending, *waiting])
        waiting.clear()
        if not chunk_base:  # the leading whitespace is dropped, not collapsed
            kept = pending.lstrip()
            at += len(pending) - len(kept)
            pending = kept
        while len(pending) > COLLAPSE_CHUNK and (cut := NON_SPACE.search(pending, COLLAPSE_CHUNK)):
            length = _collapse_into(collapsed, pending[: cut.start()], at, length, chunk_normal, chunk_base)
            pending, at = pending[cut.start() :], at + cut.start()
        size = len(pending)
    end = at + len(pending)
    pending = pending.rstrip()
    if pending or not chunk_base:
        _collapse_into(collapsed, pending, at, length, chunk_normal, chunk_base)
    return "".join(collapsed), chunk_normal, chunk_base, end


def _collapse_into(
    collapsed: list[str], text: str, at: int, length: int, chunk_normal: array[int], chunk_base: array[int]
) -> int:
    """Collapse one chunk (at ``at`` in the text) onto ``collapsed``; the collapsed length after it."""
    chunk_normal.append(length)
    chunk_base.append(at)
    piece = collapse_chunk(text)
    collapsed.append(piece)
    return length + len(piece)


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
