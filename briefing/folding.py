"""The one fold that decides what a search matches and what is highlighted.

Matching is a case- and accent-insensitive substring search: "erdogan" finds
"Erdoğan", "finance" finds "ﬁnance", "..." finds "…", and a typed apostrophe,
quote mark or hyphen finds its typographic forms ("it's" finds "it’s").
fold() may change a text's length, so the span to highlight is mapped back to
the original by Folded: for the records drawn, and once per source text.
Pure functions over strings: the search index (briefing.search) and the
widgets that highlight matches both use them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator

# Typographic apostrophes, quote marks and dashes, read as the ASCII ones a keyboard types.
# It also keeps most folded texts ASCII, and `in` on a text wider than an ASCII needle
# copies the needle first: once for every record checked. Replaced before NFKD, which
# would make a double prime two primes, and with the few that NFKD makes one of these.
_PUNCTUATION = (
    dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bb\u02bc", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2034\u2057", '"')
    | dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u207b\u208b\ufe31\ufe32\ufe58", "-")
    | {"\u0149": "'n"}
)


# With the whitespace of str.isspace() that NFKD does not make a space: all read in one pass.
_PLAIN = _PUNCTUATION | dict.fromkeys("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u1680\u2028\u2029", " ")
_UNPLAIN = re.compile("[" + re.escape("".join(_PLAIN)) + "]")
_SPACES = re.compile("[\t\n\x0b-\x0d\x1c-\x1f]")  # those of an ASCII text


def _plain_punctuation(text: str) -> str:
    # Found by one regex, replaced in C: not str.translate, which looks up every character
    # (1.4 s at 100,000 events), nor a search for each character (0.2 s).
    for char in set(_UNPLAIN.findall(text)):
        text = text.replace(char, _PLAIN[char])
    return text


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """``text`` as search compares it: case, accents and typographic forms set aside.

    Full case folding ("Straße" is "strasse"), compatibility forms read as
    plain ones ("ﬁ" is "fi", "…" is "...", "Ｆ" is "f", "²" is "2"), accents
    dropped, typographic apostrophes, quote marks and dashes read as ASCII,
    and any whitespace as a space. The one fold for what matches and for what
    is highlighted. The result may be longer or shorter than ``text``; each
    character folds on its own (all but the order of some combining marks), so
    Folded can tell which characters of ``text`` a folded span came from.
    Whole-text calls into C: this runs on every record of the index.
    """
    if text.isascii():
        return _SPACES.sub(" ", text.lower())
    if len(text) > _PART:
        # A source text: NFKD of all of it at once takes 8 bytes a character (112 MB for a
        # 15 MB text) on the way. Cut after a newline, which folds with nothing around it.
        return "".join(map(_fold_part, _parts(text)))
    return _fold_part(text)


_PART = 1 << 16


def _fold_part(text: str) -> str:
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", _plain_punctuation(text)))
    # Most texts are ASCII by now, and lower() is quicker than casefold(), the same on ASCII.
    if text.isascii():
        return text.lower()
    # NFC puts back together what NFKD took apart and is still there: a Hangul syllable, a
    # kana and its voicing mark. One character each again, so Folded need not look at them.
    return unicodedata.normalize("NFC", text.casefold())


def _parts(text: str) -> Iterator[str]:
    start = 0
    while start < len(text):
        end = text.find("\n", start + _PART)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


_FOLDED_LENGTHS: dict[str, int] = {}  # by character, each worked out once


def _folded_length(char: str) -> int:
    length = _FOLDED_LENGTHS.get(char)
    if length is None:
        length = _FOLDED_LENGTHS[char] = len(fold(char))
    return length


class Folded:
    """A text's fold, and which characters of the text each folded span came from.

    Built for a source text once, and for a record's line only when it is
    highlighted: it looks in Python at each character that does not fold to
    exactly one ("ﬁ", "…", "ß", a combining accent), and at no other.
    """

    __slots__ = ("_folded_at", "_length", "_original_at", "_run", "text")

    def __init__(self, text: str, folded: str | None = None) -> None:
        self.text = fold(text) if folded is None else folded
        self._length = len(text)
        # Segments of the folded text, in order: where each starts in the folded text and in
        # the original, and whether it is a run of characters that fold one to one (else one
        # character folded to several). Characters folded to nothing start no segment.
        self._folded_at: list[int] = []
        self._original_at: list[int] = []
        self._run: list[bool] = []
        uneven = "" if text.isascii() else "".join(sorted(c for c in set(text) if _folded_length(c) != 1))
        if not uneven:
            return  # one to one throughout: the same offsets
        folded_at = original_at = 0
        for found in re.finditer("[" + re.escape(uneven) + "]", text):
            at = found.start()
            if at > original_at:
                self._segment(folded_at, original_at, run=True)
                folded_at += at - original_at
            if size := _folded_length(text[at]):
                self._segment(folded_at, at, run=False)
                folded_at += size
            original_at = at + 1
        if original_at < len(text):
            self._segment(folded_at, original_at, run=True)

    def _segment(self, folded_at: int, original_at: int, *, run: bool) -> None:
        self._folded_at.append(folded_at)
        self._original_at.append(original_at)
        self._run.append(run)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that folded span (start, end) came from.

        Every character a part of which is in the span, and the combining marks
        after the last of them (a highlight does not split a letter from its accent).
        """
        if not self._folded_at or end <= start:
            return start, end
        # Clamped: NFC can join two characters the text has apart (a kana and a separate
        # voicing mark), and folded offsets after them then run a little past the original.
        first = bisect_right(self._folded_at, start) - 1
        begin = self._original_at[first] + (start - self._folded_at[first] if self._run[first] else 0)
        last = bisect_right(self._folded_at, end - 1) - 1
        following = last + 1
        folded_end = self._folded_at[following] if following < len(self._folded_at) else len(self.text)
        if self._run[last] and end < folded_end:  # ends inside a run of one-to-one characters
            finish = self._original_at[last] + (end - self._folded_at[last])
        else:
            finish = self._original_at[following] if following < len(self._original_at) else self._length
        return min(begin, self._length), min(finish, self._length)


def find_spans(text: str, query: str, *, limit: int | None = None) -> list[tuple[int, int]]:
    """Every non-overlapping occurrence of ``query`` in ``text``, as (start, end) spans of ``text``."""
    needle = fold(query)
    if not needle:
        return []
    folded = fold(text)
    spans = _spans_in_folded(folded, needle, limit)
    if not spans or text.isascii():
        return spans
    positions = Folded(text, folded)
    return [positions.original(start, end) for start, end in spans]


def _spans_in_folded(haystack: str, needle: str, limit: int | None) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        if limit is not None and len(spans) >= limit:
            break
        start = haystack.find(needle, start + len(needle))
    return spans
