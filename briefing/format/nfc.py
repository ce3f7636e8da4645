"""NFC normalisation of a long source text, in pieces, with a map back to original positions.

Only the runs of characters NFC may change are normalised, and only in chunks
that are not NFC already; the map stores the clusters that changed, so it costs
memory per change, not per character. The normalised text is handed out as a
stream of pieces: the quote index collapses its whitespace as it goes, and never
holds a whole normalised copy beside the text (see quotes.SourceIndex).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator

# Unicode's stream-safe limit (UAX #15): no text needs more combining marks in a row.
MAX_MARK_RUN = 30
CHECK_MARKS_FROM = 64  # characters: shorter stretches cannot be slow to normalise


class MarkRunError(ValueError):
    """A run of combining marks too long to normalise: NFC sorts each run in quadratic time."""

    def __init__(self, offset: int, length: int) -> None:
        super().__init__(f"a run of {length} combining marks at character {offset + 1}")
        self.offset = offset
        self.length = length


def check_mark_runs(text: str, base: int = 0) -> None:
    """Raise MarkRunError if ``text`` has more than MAX_MARK_RUN combining marks in a row.

    CPython's NFC reorders each run of marks by insertion sort: 80,000 marks took
    7.5 s, a million would take an hour. Only called on stretches about to be normalised.
    """
    run = 0
    for at, char in enumerate(text):
        if unicodedata.combining(char):
            run += 1
            if run > MAX_MARK_RUN:
                end = at + 1
                while end < len(text) and unicodedata.combining(text[end]):
                    end += 1
                raise MarkRunError(base + at + 1 - run, end - (at + 1 - run))
        else:
            run = 0


class NfcMap:
    """Where each character of an NFC text came from, stored per changed cluster only.

    Between changed clusters the two texts run in step; a cluster that changed
    (composed, reordered, replaced) maps each of its output characters to the
    whole cluster in the original.
    """

    def __init__(self) -> None:
        self.out_start, self.out_end = array("q"), array("q")
        self.orig_start, self.orig_end = array("q"), array("q")

    def _cluster(self, index: int) -> tuple[int, int]:
        """(k, shift): the last changed cluster starting at or before ``index``, and the offset after it."""
        k = bisect_right(self.out_start, index) - 1
        return k, (self.orig_end[k] - self.out_end[k]) if k >= 0 else 0

    def start(self, index: int) -> int:
        """Original position where the NFC character at ``index`` starts."""
        k, shift = self._cluster(index)
        if k >= 0 and index < self.out_end[k]:
            return self.orig_start[k]
        return index + shift

    def end(self, index: int) -> int:
        """Original position just after the NFC character at ``index``."""
        k, shift = self._cluster(index)
        if k >= 0 and index < self.out_end[k]:
            return self.orig_end[k]
        return index + shift + 1

    def slice(self, text: str, low: int, high: int) -> str:
        """``NFC(text)[low:high]``, rebuilt from ``text`` (the original) and the changed clusters."""
        k = bisect_right(self.out_end, low)  # the first changed cluster that ends past low
        pieces, at = [], low
        while at < high:
            if k < len(self.out_start) and self.out_start[k] < high:
                begin, shift = self.out_start[k], (self.orig_end[k - 1] - self.out_end[k - 1]) if k else 0
                pieces.append(text[at + shift : begin + shift] if at < begin else "")
                cluster = unicodedata.normalize("NFC", text[self.orig_start[k] : self.orig_end[k]])
                pieces.append(cluster[max(at, begin) - begin : min(high, self.out_end[k]) - begin])
                at = min(high, self.out_end[k])
                k += 1
            else:
                shift = (self.orig_end[k - 1] - self.out_end[k - 1]) if k else 0
                pieces.append(text[at + shift : high + shift])
                at = high
        return "".join(pieces)


@functools.cache
def _unstable() -> re.Pattern[str]:
    """A pattern for runs of characters NFC may change or join to what precedes them.

    Before any other character (combining class 0, left alone by NFC, never the
    second of a composition) the text can be cut and each part normalised on its
    own, so NFC(text) is NFC of each such run with the character before it, the
    rest unchanged. Every character past U+FFFF is counted in: a class of BMP
    characters and one range stays a fast bitmap lookup in the regex engine, where
    the exact list of astral ones made the scan ten times slower. Built on first
    use (under 0.1 s), only for texts that are not NFC.
    """
    unstable: set[int] = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul V and T jamo
    # The ideograph and Hangul syllable blocks hold no combining or decomposable characters.
    for low, high in ((0, 0x3400), (0x4DC0, 0x4E00), (0xA000, 0xAC00), (0xD7A4, 0x10000)):
        for code in range(low, high):
            char = chr(code)
            if unicodedata.combining(char) or unicodedata.normalize("NFC", char) != char:
                unstable.add(code)
            decomposition = unicodedata.decomposition(char).split()
            if len(decomposition) == 2 and not decomposition[0].startswith("<"):
                unstable.add(int(decomposition[1], 16))  # may compose with what precedes it
    runs, codes = [], sorted(c for c in unstable if c < 0x10000)
    begin = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code != previous + 1:
            runs.append(re.escape(chr(begin)) + ("-" + re.escape(chr(previous)) if previous > begin else ""))
            begin = code
        previous = code
    return re.compile(f"[{''.join(runs)}\U00010000-\U0010ffff]+")


NFC_CHUNK = 1 << 20  # characters; chunks end before a line break, where NFC can always cut


def nfc_pieces(text: str, mapping: NfcMap) -> Iterator[str]:
    """NFC-normalise ``text`` a piece at a time, filling ``mapping`` from each output character back.

    Chunks that are already NFC (a fast check) are handed out as they are; in the
    others, only the runs NFC may change are normalised. Time is linear; no piece
    is longer than a chunk, so a caller need not hold the whole result at once.
    """
    shift = 0  # NFC length minus original length so far
    low = 0
    while low < len(text):
        high = text.find("\n", low + NFC_CHUNK)
        high = len(text) if high < 0 else high
        copied = low  # original position handed out up to
        chunk = text[low:high]
        if not (chunk.isascii() or unicodedata.is_normalized("NFC", chunk)):  # ASCII: no need to look
            # Built only now, for a text that is not NFC: tens of ms that most texts never need.
            for match in _unstable().finditer(text, low, high):
                # With the character before the run: a base letter composes with the marks after it.
                start, end = max(match.start() - 1, 0), match.end()
                cluster = text[start:end]
                if len(cluster) >= CHECK_MARKS_FROM:
                    check_mark_runs(cluster, start)
                normal = unicodedata.normalize("NFC", cluster)
                if normal == cluster:
                    continue
                if start > copied:
                    yield text[copied:start]
                yield normal
                mapping.out_start.append(start + shift)
                mapping.out_end.append(start + shift + len(normal))
                mapping.orig_start.append(start)
                mapping.orig_end.append(end)
                shift += len(normal) - len(cluster)
                copied = end
        if high > copied:
            yield chunk if copied == low else text[copied:high]
        del chunk  # not held while the caller works on the next one
        low = high


def nfc_with_map(text: str) -> tuple[str, NfcMap]:
    """NFC(``text``) whole, with its map: for short texts and tests."""
    mapping = NfcMap()
    return "".join(nfc_pieces(text, mapping)), mapping
