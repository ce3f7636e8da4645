"""Sanitising untrusted text once, at load time."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls; bidi embeddings,
# overrides and isolates, which can make text display in a misleading order; and
# Unicode's noncharacters (U+FDD0-U+FDEF and the last two code points of each plane),
# which are never text: programs use them as markers, and terminals draw them inconsistently.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17)
)
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069{_NONCHARACTERS}]")
REPLACEMENT = "\ufffd"


def clean(text: str) -> str:
    """Return ``text`` with control characters and bidi overrides replaced by U+FFFD.

    Carriage returns become newlines first, so Windows line endings survive.
    The length only changes for CRLF, which is why callers that keep character
    spans clean before locating.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub(REPLACEMENT, text)


def is_clean(text: str) -> bool:
    return _UNSAFE.search(text) is None and "\r" not in text
