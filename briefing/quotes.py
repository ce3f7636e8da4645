"""Finding evidence quotes in source texts.

Both the quote and the text are normalised the same way before matching:
Unicode NFC, and every run of whitespace (non-breaking spaces included) read
as one space. Typographic quotes are not folded. A match is reported as a
character span of the original text, so a reader can highlight it in place.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator

_SPACE = re.compile(r"\s+")  # str patterns: \s covers NBSP and the other Unicode spaces
_LONG_RUN = re.compile(r"\s{2,}")
# Normalised texts at least this long get a word index on first use; for
# shorter ones a scan per quote is cheaper than building it.
INDEX_FROM = 32 * 1024


def normalise(text: str) -> str:
    """The form a quote is compared in."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


class SourceIndex:
    """A source text normalised once, with a map back to original positions.

    The map is a list of segments (normalised offset, original offset) at which
    the two texts stop running in step, so it costs one entry per whitespace
    run rather than one per character.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        if unicodedata.is_normalized("NFC", text):
            base, self._nfc = text, None
        else:
            base, self._nfc = _nfc_with_map(text)
        self.normal, self._seg_normal, self._seg_base = _collapse_spaces(base)
        self._found: dict[tuple[str, int], tuple[int, int] | None] = {}
        self._words: dict[str, array[int]] | None = None  # built on first use, for long texts only

    def count(self, quote: str) -> int:
        needle = normalise(quote)
        return self.normal.count(needle) if needle else 0

    def locate(self, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
        """The span of the ``occurrence``-th match of ``quote`` in the original text, or None."""
        needle = normalise(quote)
        if not needle:
            return None
        key = (needle, occurrence)
        if key not in self._found:
            self._found[key] = self._search(needle, occurrence)
        return self._found[key]

    def _search(self, needle: str, occurrence: int) -> tuple[int, int] | None:
        at = self._nth_start(needle, occurrence)
        if at is None:
            return None
        first, last = self._base(at), self._base(at + len(needle) - 1)
        if self._nfc is None:
            return first, last + 1
        starts, ends = self._nfc
        return starts[first], ends[last]

    def _nth_start(self, needle: str, occurrence: int) -> int | None:
        """Where the ``occurrence``-th match (overlaps counted) starts in the normalised text."""
        candidates = self._candidates(needle)
        if candidates is None:  # nothing to look up: scan
            at = -1
            for _ in range(occurrence):
                at = self.normal.find(needle, at + 1)
                if at < 0:
                    return None
            return at
        seen = 0
        for at in candidates:
            if self.normal.startswith(needle, at):
                seen += 1
                if seen == occurrence:
                    return at
        return None

    def _candidates(self, needle: str) -> Iterator[int] | None:
        """Every position where ``needle`` could start, in order; None to scan the text instead.

        A whole word inside the quote (spaces on both sides) must be a whole word
        of the text wherever the quote occurs, so the positions of its rarest
        whole word, moved back by the word's offset in the quote, include every
        match. Scanning the text once per quote would cost quotes × text length.
        """
        if len(self.normal) < INDEX_FROM:
            return None
        words = needle.split(" ")
        if len(words) < 3:  # the first and last word may be parts of longer words
            return None
        if self._words is None:
            self._words = _word_starts(self.normal)
        best: array[int] | None = None
        best_offset = offset = len(words[0]) + 1
        for word in words[1:-1]:
            starts = self._words.get(word)
            if starts is None:
                return iter(())  # a whole word the text does not have: no match
            if best is None or len(starts) < len(best):
                best, best_offset = starts, offset
            offset += len(word) + 1
        assert best is not None
        return (start - best_offset for start in best if start >= best_offset)

    def _base(self, index: int) -> int:
        """Position in the NFC text of the normalised character at ``index``."""
        k = bisect_right(self._seg_normal, index) - 1
        return self._seg_base[k] + (index - self._seg_normal[k])


def _collapse_spaces(text: str) -> tuple[str, list[int], list[int]]:
    """Collapse whitespace runs to one space and strip; return the segment map.

    A run of one whitespace character becomes one space and keeps the two texts
    in step, so only longer runs (and the stripped start) start a segment.
    """
    lead = len(text) - len(text.lstrip())
    inner = text.strip()
    seg_normal, seg_base = [0], [lead]
    shift = lead  # original position minus normalised position
    for match in _LONG_RUN.finditer(inner):
        start, end = match.start() + lead, match.end() + lead
        seg_normal.append(start - shift + 1)  # just after the run's single space
        seg_base.append(end)
        shift += end - start - 1
    return _SPACE.sub(" ", inner), seg_normal, seg_base


def _word_starts(normal: str) -> dict[str, array[int]]:
    """Each word of a normalised text (split at its single spaces), with where it starts, in order."""
    starts: dict[str, array[int]] = {}
    at = 0
    for word in normal.split(" "):
        found = starts.get(word)
        if found is None:
            starts[word] = array("q", (at,))
        else:
            found.append(at)
        at += len(word) + 1
    return starts


def _nfc_with_map(text: str) -> tuple[str, tuple[list[int], list[int]]]:
    """NFC-normalise ``text``; per output character, its original start and end.

    Composition only joins a base character with the combining marks after it,
    so each such cluster is normalised on its own and maps back as a whole.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            piece = unicodedata.normalize("NFC", text[start:i])
            out.append(piece)
            starts.extend([start] * len(piece))
            ends.extend([i] * len(piece))
            start = i
    return "".join(out), (starts, ends)
