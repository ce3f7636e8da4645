"""Finding evidence quotes in source texts.

Both the quote and the text are normalised the same way before matching:
Unicode NFC, and every run of whitespace (non-breaking spaces included) read
as one space. Typographic quotes are not folded. A match is reported as a
character span of the original text, so a reader can highlight it in place.
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from briefing.format import spec
from briefing.format.nfc import (
    CHECK_MARKS_FROM,
    MAX_MARK_RUN,
    MarkRunError,
    NfcMap,
    check_mark_runs,
    nfc_pieces,
)
from briefing.format.spaces import SPACE, chunk_segments, collapse_spaces

__all__ = ["MAX_MARK_RUN", "MarkRunError", "SourceIndex", "normalise"]

# Normalised texts at least this long get a word index on first use; for
# shorter ones a scan per quote is cheaper than building it.
INDEX_FROM = 32 * 1024
# A text is scanned for its first quotes and indexed only at the next one: building the
# index costs about 60 scans of the text, so a handful of quotes in a huge text never
# pays for it, and thousands of quotes pay it once.
SCANS_BEFORE_INDEX = 64
# A quote's first characters are looked for in at most this many places when saying
# how much of a missing quote matches: enough for any real text, bounded for a hostile one.
MAX_PREFIX_STARTS = 1000
# Past this many scans of one text for such hints, missing quotes get the general hint:
# 500 missing quotes in an 8 MB text would otherwise scan 4 GB.
MAX_PREFIX_SCANS = 20
# The most matches of one quote walked to find the one meant (declared with the format),
# and the most places its rarest word may give before a scan is cheaper than looking at each.
MAX_OCCURRENCE = spec.MAX_OCCURRENCE
MAX_CANDIDATES = 20_000
MAX_INDEXED_WORDS = 500_000  # distinct words; a long novel has under 50,000
WORD_CHUNK = 1 << 16  # characters of the text split into words at a time


def normalise(text: str) -> str:
    """The form a quote is compared in; MarkRunError for runs of marks too long to normalise."""
    if len(text) >= CHECK_MARKS_FROM and not unicodedata.is_normalized("NFC", text):
        check_mark_runs(text)
    return SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


class SourceIndex:
    """A source text normalised once, with a map back to original positions.

    The map is a list of segments (normalised offset, original offset) at which
    the two texts stop running in step, so it costs one entry per whitespace
    run rather than one per character.
    """

    def __init__(self, text: str) -> None:
        """Index ``text``; MarkRunError if it has a run of combining marks too long to normalise."""
        self.text = text
        nfc = NfcMap()
        # NFC and collapsed a piece at a time: a whole NFC copy is never held beside the text.
        self.normal, self._chunk_normal, self._chunk_base, self._nfc_length = collapse_spaces(
            nfc_pieces(text, nfc)
        )
        self._nfc = nfc if nfc.out_start else None
        self._segments: dict[int, tuple[array[int], array[int]]] = {}
        self._lookups = 0  # quotes that could have used the word index (see SCANS_BEFORE_INDEX)
        self._found: dict[tuple[str, int], tuple[int, int] | None] = {}
        self._words: dict[str, _Starts] | None = None  # built on first use, for long texts only
        self._words_tried = False
        self._folded: str | None = None  # the text with typographic quotes folded, on first use
        self._prefix_scans = 0

    def count(self, quote: str) -> int:
        """How many times ``quote`` occurs (overlaps counted where the word index is used)."""
        needle = normalise(quote)
        if not needle:
            return 0
        # Through the index, overlapping matches count; a scan counts them only where the
        # needle cannot overlap itself, so a needle that can is looked up as the index would.
        candidates = self._candidates(needle, scan=not _overlaps_itself(needle))
        if candidates is None:
            return self.normal.count(needle)
        return sum(1 for at in candidates if self.normal.startswith(needle, at))

    def locate(self, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
        """The span of the ``occurrence``-th match of ``quote`` in the original text, or None."""
        needle = normalise(quote)
        if not needle:
            return None
        key = (needle, occurrence)
        if key not in self._found:
            self._found[key] = self._search(needle, occurrence)
        return self._found[key]

    def has_folded(self, quote: str) -> bool:
        """Whether ``quote`` occurs once typographic quotes and apostrophes are folded to plain ones."""
        needle = normalise(quote)
        if not needle:
            return False
        if not any(mark in needle for mark in _QUOTE_MARKS):
            return self.locate(quote) is not None  # folding changes nothing that could match
        if self._folded is None:
            self._folded = _fold_quotes(self.normal)
        return _fold_quotes(needle) in self._folded

    def longest_prefix(self, quote: str, shortest: int = 8) -> int:
        """The length of the longest start of the normalised ``quote`` that the text holds.

        0 when not even its first ``shortest`` characters occur, or when finding out
        would take one more scan than this text allows (MAX_PREFIX_SCANS): only the
        places the quote could start are compared, found through the word index or,
        failing that, by one scan.
        """
        needle = normalise(quote)
        if len(needle) < shortest:
            return 0
        starts = self._prefix_starts(needle, needle[:shortest])
        if not starts:
            return 0
        low, high = shortest, len(needle)
        while low < high:  # each step keeps only the places that still match
            mid = (low + high + 1) // 2
            part = needle[:mid]
            matching = [at for at in starts if self.normal.startswith(part, at)]
            if matching:
                low, starts = mid, matching
            else:
                high = mid - 1
        return low

    def _prefix_starts(self, needle: str, probe: str) -> list[int]:
        """Places where ``probe`` (the needle's start) occurs, among which the longest match starts."""
        words = needle.split(" ")
        if len(self.normal) >= INDEX_FROM and len(words) >= 3:
            # A match longer than the first two words has the second as a whole word.
            words_index = self._word_index()
            anchors = _positions(words_index.get(words[1])) if words_index is not None else ()
            offset = len(words[0]) + 1
            if words_index is not None and len(anchors) <= MAX_PREFIX_STARTS:
                found = [
                    a - offset for a in anchors if a >= offset and self.normal.startswith(probe, a - offset)
                ]
                if found:
                    return found
        if self._prefix_scans >= MAX_PREFIX_SCANS:
            return []
        self._prefix_scans += 1
        starts: list[int] = []
        at = self.normal.find(probe)
        while at >= 0 and len(starts) < MAX_PREFIX_STARTS:
            starts.append(at)
            at = self.normal.find(probe, at + 1)
        return starts

    def _search(self, needle: str, occurrence: int) -> tuple[int, int] | None:
        at = self._nth_start(needle, occurrence)
        if at is None:
            return None
        first, last = self._base(at), self._base(at + len(needle) - 1)
        if self._nfc is None:
            return first, last + 1
        return self._nfc.start(first), self._nfc.end(last)

    def _nth_start(self, needle: str, occurrence: int) -> int | None:
        """Where the ``occurrence``-th match (overlaps counted) starts in the normalised text.

        Past MAX_OCCURRENCE there is no answer: walking millions of matches of "a a"
        for each of hundreds of evidence entries would never end.
        """
        if occurrence > MAX_OCCURRENCE:
            return None
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

    def _candidates(self, needle: str, *, scan: bool = True) -> Iterator[int] | None:
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
        self._lookups += 1
        if scan and self._lookups <= SCANS_BEFORE_INDEX and not self._words_tried:
            return None  # a scan finds the same matches; the index is not paid for yet
        words_index = self._word_index()
        if words_index is None:
            return None
        best: Sequence[int] | None = None
        best_offset = offset = len(words[0]) + 1
        for word in words[1:-1]:
            found = words_index.get(word)
            if found is None:
                return iter(())  # a whole word the text does not have: no match
            starts = _positions(found)
            if best is None or len(starts) < len(best):
                best, best_offset = starts, offset
            offset += len(word) + 1
        assert best is not None
        if len(best) > MAX_CANDIDATES:
            return None  # only common words ("a a a"): a scan skips in C what this would loop over
        return (start - best_offset for start in best if start >= best_offset)

    def _word_index(self) -> dict[str, _Starts] | None:
        """The word index, built on first use; None when the text has too many distinct words."""
        if not self._words_tried:
            self._words_tried = True
            self._words = _word_starts(self.normal)
        return self._words

    def _base(self, index: int) -> int:
        """Position in the NFC text of the normalised character at ``index``."""
        chunk = bisect_right(self._chunk_normal, index) - 1
        seg_normal, seg_base = self._chunk_segments(chunk)
        k = bisect_right(seg_normal, index) - 1
        return seg_base[k] + (index - seg_normal[k])

    def _chunk_segments(self, chunk: int) -> tuple[array[int], array[int]]:
        """The segment map of one chunk of the collapsed text, worked out the first time it is needed."""
        found = self._segments.get(chunk)
        if found is None:
            low = self._chunk_base[chunk]
            high = self._chunk_base[chunk + 1] if chunk + 1 < len(self._chunk_base) else self._nfc_length
            if self._nfc is None:  # the NFC text is the text
                found = chunk_segments(self.text, low, high, self._chunk_normal[chunk])
            else:  # the chunk of the NFC text, made again
                piece = self._nfc.slice(self.text, low, high)
                seg_normal, seg_base = chunk_segments(piece, 0, len(piece), self._chunk_normal[chunk])
                found = seg_normal, array("q", (at + low for at in seg_base))
            self._segments[chunk] = found
        return found


def _overlaps_itself(needle: str) -> bool:
    """Whether two matches of ``needle`` can overlap: some start of it is also its end."""
    border = [0] * len(needle)  # the prefix function (Knuth-Morris-Pratt)
    k = 0
    for i in range(1, len(needle)):
        while k and needle[i] != needle[k]:
            k = border[k - 1]
        if needle[i] == needle[k]:
            k += 1
        border[i] = k
    return bool(needle) and border[-1] > 0


# A word seen once is stored as its position; more often, as an array of positions.
_Starts = int | array


def _positions(found: _Starts | None) -> Sequence[int]:
    if found is None:
        return ()
    return (found,) if isinstance(found, int) else found


def _word_starts(normal: str) -> dict[str, _Starts] | None:
    """Each word of a normalised text (split at its single spaces), with where it starts, in order.

    None past MAX_INDEXED_WORDS distinct words: each costs ~150 bytes, so a text of
    random tokens would make the index 30 times its size; such texts are scanned.
    """
    starts: dict[str, _Starts] = {}
    at = low = 0
    while low <= len(normal):  # a slice at a time: one list of every word would be the size of the index
        high = normal.find(" ", low + WORD_CHUNK)
        high = len(normal) if high < 0 else high
        for word in normal[low:high].split(" "):
            found = starts.get(word)
            if found is None:
                starts[word] = at
                if len(starts) > MAX_INDEXED_WORDS:
                    return None
            elif isinstance(found, int):
                starts[word] = array("q", (found, at))
            else:
                found.append(at)
            at += len(word) + 1
        low = high + 1
    return starts


_QUOTE_FOLDS = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'))
_QUOTE_MARKS = "’‘“”'\""


def _fold_quotes(text: str) -> str:
    for typographic, plain in _QUOTE_FOLDS:  # str.replace: C speed on a long text, unlike translate
        text = text.replace(typographic, plain)
    return text
