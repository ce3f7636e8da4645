"""Finding evidence quotes in source texts.

Both the quote and the text are normalised the same way before matching:
Unicode NFC, and every run of whitespace (non-breaking spaces included) read
as one space. Typographic quotes are not folded. A match is reported as a
character span of the original text, so a reader can highlight it in place.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

_SPACE = re.compile(r"\s+")  # str patterns: \s covers NBSP and the other Unicode spaces


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
        at = -1
        for _ in range(occurrence):
            at = self.normal.find(needle, at + 1)
            if at < 0:
                return None
        first, last = self._base(at), self._base(at + len(needle) - 1)
        if self._nfc is None:
            return first, last + 1
        starts, ends = self._nfc
        return starts[first], ends[last]

    def _base(self, index: int) -> int:
        """Position in the NFC text of the normalised character at ``index``."""
        k = bisect_right(self._seg_normal, index) - 1
        return self._seg_base[k] + (index - self._seg_normal[k])


def _collapse_spaces(text: str) -> tuple[str, list[int], list[int]]:
    """Collapse whitespace runs to one space and strip; return the segment map."""
    parts: list[str] = []
    seg_normal: list[int] = []
    seg_base: list[int] = []
    length = 0
    pos = 0
    for match in _SPACE.finditer(text):
        if match.start() > pos:
            seg_normal.append(length)
            seg_base.append(pos)
            parts.append(text[pos : match.start()])
            length += match.start() - pos
        if length and match.end() < len(text):
            seg_normal.append(length)
            seg_base.append(match.start())
            parts.append(" ")
            length += 1
        pos = match.end()
    if pos < len(text):
        seg_normal.append(length)
        seg_base.append(pos)
        parts.append(text[pos:])
    return "".join(parts), seg_normal, seg_base


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
