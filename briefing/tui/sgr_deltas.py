"""Fewer bytes for the same screen: each change of style written as what changed.

Rich writes every run of text as its whole style and a reset
(``ESC[38;2;221;227;234;48;2;30;33;39m text ESC[0m``), so a pane's line of some
thirty characters, in four runs, is over a hundred bytes, and most of them say
again what the terminal already has: the same background, the colour of the run
before. Over ssh on a slow link that is what a key costs. ``SgrDeltas`` reads
what Textual is about to write and writes each style as its difference from the
style the terminal has at that point: a run on the same background gives only
its foreground (``ESC[38;2;221;227;234m``), and no reset is written between runs.
What the terminal shows is the same, cell for cell (tests/tui/test_sgr_deltas.py
checks it in a terminal emulator). Each write ends with the terminal's style
reset, as Textual left it, so nothing else written to the terminal can inherit
a colour.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.driver import Driver

# An SGR, another escape sequence, or text (a line feed alone: it may scroll, in the current background).
_TOKEN = re.compile(
    r"\x1b\[([0-9;]*)m([^\x1b\n]+)\x1b\[0m"  # 1, 2: a run as Rich writes one: its SGR, text, a reset
    r"|\x1b\[([0-9;]*)m"  # 3: SGR parameters
    r"|(\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[ -/]*[0-~])?)"  # 4: other escapes
    r"|([^\x1b\n]+|\n)",  # 5: text
)
# Escapes that neither draw nor read the current style: cursor moves, and what neither moves
# it nor draws (modes, titles, links).
_MOVES = re.compile(r"\x1b\[[0-9;]*[HfABCDEFGd]")
_SILENT = re.compile(r"\x1b\[\?[0-9;]*[hl]|\x1b\].*", re.S)
_CUP = re.compile(r"\x1b\[(\d*)(?:;\d*)?[Hf]")  # a cursor move to a line (and column)
# Escapes that set the style themselves (restore cursor, reset, soft reset, SCO restore).
_RESTYLING = re.compile(r"\x1b[8c]|\x1b\[[^@-~]*[pu]")

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


class SgrDeltas:
    """Rewrites what Textual writes, one write at a time, with each style as a change (see module)."""

    def __init__(self) -> None:
        # The style Textual's output has set so far; None after one this does not follow,
        # when everything is written as it comes until a reset.
        self._wanted: Style | None = PLAIN

    def rewrite(self, data: str) -> str:
        out: list[str] = []
        append = out.append
        wanted = self._wanted
        # What the terminal has (None: not known). Each write leaves it reset, unless in a
        # style not followed.
        shown: Style | None = PLAIN if wanted is not None else None
        row: int | None = None  # the line the cursor was last moved to, while that is known
        # A line feed, held: when the cursor is moved to the next line just after it, it is
        # moot, and it needs no style (it could only scroll, in the current background, from
        # the last line, and Textual writes no line past its end).
        held = False
        for match in _TOKEN.finditer(data):
            run_parameters, run, parameters, escape, text = match.groups()
            if held:
                held = False
                moved_to = _CUP.fullmatch(escape) if escape else None
                if row is None or moved_to is None or int(moved_to[1] or 1) != row + 1:
                    if wanted is not None and wanted != shown:
                        append(change(shown, wanted))
                        shown = wanted
                    append("\n")
                    row = None
            if run is not None:  # most of what Textual writes
                style = parse(run_parameters, wanted)
                if style is None:  # written as it comes, from the style Textual's output has
                    if wanted is not None and wanted != shown:
                        append(change(shown, wanted))
                    append(match.group())
                    shown = PLAIN  # (its reset)
                else:
                    if style != shown:
                        if run.strip(" "):
                            append(change(shown, style))
                            shown = style
                        else:
                            blanks, shown = for_blanks(shown, style)
                            append(blanks)
                    append(run)
                wanted = PLAIN
            elif text is not None:
                if text == "\n":
                    held = True
                    continue
                if wanted is not None and wanted != shown:
                    if text.strip(" "):
                        append(change(shown, wanted))
                        shown = wanted
                    else:
                        blanks, shown = for_blanks(shown, wanted)
                        append(blanks)
                append(text)
            elif parameters is not None:
                parsed = parse(parameters, wanted)
                if parsed is None:  # written as it comes, from the style Textual's output has
                    if wanted is not None and wanted != shown:
                        append(change(shown, wanted))
                    append(match.group())
                    wanted = shown = None
                else:
                    wanted = parsed
            else:
                silent = _SILENT.fullmatch(escape)
                moved_to = None if silent else _MOVES.fullmatch(escape)
                # Anything else may erase, in the current background.
                if not silent and not moved_to and wanted is not None and wanted != shown:
                    append(change(shown, wanted))
                    shown = wanted
                append(escape)
                if moved_to:
                    cup = _CUP.fullmatch(escape)
                    row = int(cup[1] or 1) if cup else None
                elif not silent:
                    row = None
                if _RESTYLING.fullmatch(escape):
                    wanted = shown = None
        if held:
            if wanted is not None and wanted != shown:
                append(change(shown, wanted))
                shown = wanted
            append("\n")
        if wanted is not None and shown != PLAIN:
            append("\x1b[0m")
        self._wanted = wanted
        return "".join(out)


def lean_driver(driver_class: type[Driver]) -> type[Driver]:
    """``driver_class`` writing through SgrDeltas, when it is Textual's Linux driver (a terminal)."""
    if sys.platform == "win32":
        return driver_class
    from textual.drivers.linux_driver import LinuxDriver

    if not issubclass(driver_class, LinuxDriver):
        return driver_class

    class LeanDriver(driver_class):  # type: ignore[valid-type, misc]
        def __init__(self, *args: object, **options: object) -> None:
            super().__init__(*args, **options)
            self._deltas = SgrDeltas()

        def write(self, data: str) -> None:
            super().write(self._deltas.rewrite(data))

    return LeanDriver
