"""Styles as SGR sequences, and the shortest SGR from one style to another.

Rich writes every run of text with its whole style after a reset; a terminal
needs only what changes from the style it has (see screen_diff.py, which
writes the reader's output this way).
"""

from __future__ import annotations

from functools import lru_cache

Style = tuple[frozenset[str], str, str]  # attributes (1 bold, 7 reverse...), foreground, background
PLAIN: Style = (frozenset(), "", "")
_DRAWN_ON_BLANKS = frozenset({"4", "7", "9"})  # underline, reverse, strike: a space shows them
# The code that turns each attribute off, without touching the others.
_OFF = {"1": "22", "2": "22", "3": "23", "4": "24", "5": "25", "6": "25", "7": "27", "8": "28", "9": "29"}


# A theme has a few dozen styles, so the same few hundred SGRs and changes come again and again.
@lru_cache(maxsize=4096)
def parse(parameters: str, style: Style | None) -> Style | None:
    """``style`` after an SGR with ``parameters``, or None where this does not follow it.

    ``style`` None is a style not known: only an SGR that starts with a reset is followed then.
    """
    codes = parameters.split(";") if parameters else ["0"]
    if style is None:
        if codes[0] not in ("", "0"):
            return None
        style = PLAIN
    attributes, foreground, background = set(style[0]), style[1], style[2]
    index = 0
    while index < len(codes):
        code = codes[index]
        if code in ("38", "48"):
            size = {"5": 3, "2": 5}.get(codes[index + 1] if index + 1 < len(codes) else "", 0)
            if not size or len(codes) < index + size:
                return None
            colour = ";".join(codes[index : index + size])
            if code == "38":
                foreground = colour
            else:
                background = colour
            index += size
            continue
        number = int(code) if code.isdigit() else -1
        if number == 0 or code == "":
            attributes, foreground, background = set(), "", ""
        elif 30 <= number <= 37 or 90 <= number <= 97:
            foreground = code
        elif 40 <= number <= 47 or 100 <= number <= 107:
            background = code
        elif number == 39:
            foreground = ""
        elif number == 49:
            background = ""
        elif code in _OFF:
            attributes.add(code)
        else:
            return None  # off codes, underline colours, fonts: rare, written as they come
        index += 1
    return frozenset(attributes), foreground, background


@lru_cache(maxsize=4096)
def change(before: Style | None, after: Style) -> str:
    """The shortest SGR that takes the terminal from ``before`` (None: not known) to ``after``."""
    if after == PLAIN:
        return "\x1b[0m"
    whole = "\x1b[" + ";".join(["0", *sorted(after[0], key=int), *(c for c in after[1:] if c)]) + "m"
    if before is None:
        return whole
    offs = {_OFF[code] for code in before[0] - after[0]}
    # 22 ends bold and faint together: the one of them kept is set again.
    added = after[0] - before[0] | ({"1", "2"} & after[0] if "22" in offs else set())
    codes = sorted(offs) + sorted(added, key=int)
    for old, new, default in ((before[1], after[1], "39"), (before[2], after[2], "49")):
        if old != new:
            codes.append(new or default)
    delta = "\x1b[" + ";".join(codes) + "m"
    return delta if len(delta) <= len(whole) else whole


@lru_cache(maxsize=4096)
def for_blanks(before: Style | None, after: Style) -> tuple[str, Style | None]:
    """What to write before spaces styled ``after``, and the terminal's style then.

    A space shows its background, and only the attributes that draw on a blank:
    the rest of ``before`` may stay.
    """
    whole = change(before, after)
    if before is None or (before[0] | after[0]) & _DRAWN_ON_BLANKS:
        return whole, after
    if before[2] == after[2]:
        return "", before
    background = f"\x1b[{after[2] or 49}m"
    return (background, (before[0], before[1], after[2])) if len(background) < len(whole) else (whole, after)
