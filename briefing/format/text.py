"""Sanitising untrusted text once, at load time."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls; bidi embeddings,
# overrides and isolates, which can make text display in a misleading order; and
# Unicode's noncharacters (U+FDD0-U+FDEF and the last two code points of each plane),
# which are never text: programs use them as markers, and terminals draw them inconsistently.
_ASTRAL_NONCHARACTERS = "".join(
    f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17)
)
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + _ASTRAL_NONCHARACTERS
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069{_NONCHARACTERS}]")
# The same split in two: the astral noncharacters in a class of their own, which a text with no
# character past U+FFFF never needs searched. With them, the class is no longer a bitmap the
# regex engine tests each character against, and a scan of a long text took ten times as long.
_UNSAFE_BMP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]")
_UNSAFE_ASTRAL = re.compile(f"[{_ASTRAL_NONCHARACTERS}]")
# What clean() changes in the Basic Multilingual Plane, and the ASCII characters it keeps
# (deleting those from a text's bytes leaves what it would change).
_CHANGED_BMP = re.compile(f"{_UNSAFE_BMP.pattern[:-1]}\r\u2028\u2029\u3164\uffa0]")
_ASCII_SAFE = bytes(b for b in range(128) if not _CHANGED_BMP.match(chr(b)))
CLEAN_CHUNK = 1 << 20  # characters of a long text checked at a time
_SHORT = 4096  # characters: shorter texts (nearly every value in a file) are cleaned directly
# Hangul fillers are blank letters that Rich counts as 0 cells wide, while terminals
# (wcwidth: tmux, xterm, VTE) draw U+3164 in 2 cells and U+FFA0 in 1, pushing a row's
# right edge out. They stand for nothing in modern text (and make "blank" names):
# clean() draws them as the blank they are, a space, which every measure gives 1 cell.
# U+115F and U+1160 (the conjoining fillers of old Hangul) are measured alike
# everywhere, and ZWJ/ZWNJ shape Arabic, Persian and Indic text: all kept.
_FILLERS = ("\u3164", "\uffa0")
# What one_line() turns into spaces, after clean().
_BREAKS = re.compile("[\t\n]")
REPLACEMENT = "\ufffd"


def clean(text: str) -> str:
    """Return ``text`` with control characters and bidi overrides replaced by U+FFFD.

    Carriage returns and U+2028/U+2029 become newlines first, so Windows line endings survive;
    Hangul fillers become spaces. The length only changes for CRLF, which is why
    callers that keep character spans clean before locating.
    """
    if len(text) >= _SHORT and not _has_unsafe(text):
        return text  # a long text with nothing to change (nearly all): one pass, no copy
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Unicode's line and paragraph separators are line breaks that terminals draw in their own ways.
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    for filler in _FILLERS:
        text = text.replace(filler, " ")
    if len(text) < _SHORT:
        return _UNSAFE.sub(REPLACEMENT, text)
    text = _UNSAFE_BMP.sub(REPLACEMENT, text)
    return _UNSAFE_ASTRAL.sub(REPLACEMENT, text) if _has_astral(text) else text


def _has_unsafe(text: str) -> bool:
    """Whether ``text`` has a character clean() changes, at nearly the speed of memory.

    A slice at a time: one of ASCII (most of any text in a Latin script) is checked
    through its bytes, which ``bytes.translate`` filters in C; others by the patterns.
    """
    for low in range(0, len(text), CLEAN_CHUNK):
        chunk = text[low : low + CLEAN_CHUNK]
        if chunk.isascii():
            if chunk.encode("ascii").translate(None, _ASCII_SAFE):
                return True
        elif _CHANGED_BMP.search(chunk) or (_has_astral(chunk) and _UNSAFE_ASTRAL.search(chunk)):
            return True
    return False


def _has_astral(text: str) -> bool:
    """Whether ``text`` has a character past U+FFFF: each takes two UTF-16 code units."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def one_line(text: object) -> str:
    """The gate for anything shown on one line of a terminal: file names, keys, messages.

    ``clean()``, then tabs and line breaks become spaces, so no string read from a
    file, a file name or a config can move the cursor or change the terminal.
    """
    return _BREAKS.sub(" ", clean(str(text)))


def is_clean(text: str) -> bool:
    return _UNSAFE.search(text) is None and "\r" not in text and "\u2028" not in text and "\u2029" not in text


def excerpt(text: str, most: int = 40) -> str:
    """A value from a file as quoted in a message: a long one is cut, not repeated in full."""
    return text if len(text) <= most else text[: most - 3] + "..."
