"""What the reader writes to its terminal: only the cells that change, each style as a change.

Textual repaints a widget line by line and writes each line whole, every run of
it with its whole style and a reset (``ESC[38;2;221;227;234;48;2;30;33;39m text
ESC[0m``). A key that moves the selection rewrites lines of three panes: their
borders, margins, scrollbar tracks and blank ends, which have not changed, and
each run's 24-bit colours, which the terminal mostly has already. Over ssh on a
slow link that is what a key costs. ``ScreenDiff`` keeps what it has written to
each cell and writes, of each run Textual writes, only the cells that differ
from what the cell shows, each style as its change from the style the terminal
has (sgr.py), as curses does for the programs it draws. The screen is the same,
cell for cell: tests/tui/test_screen_diff.py checks it in a terminal emulator.

What it cannot follow cell by cell it writes as it comes, and what it cannot
know afterwards it forgets (it then writes those cells whole again): text where
the cursor is not known, escapes that erase or switch screens, hyperlinks, wide
and combining characters, styles it does not parse, a terminal that changed size.
"""

from __future__ import annotations

import re
import shutil
import time
from typing import TYPE_CHECKING

from rich.cells import cell_len

from briefing.tui.hangup import drives_a_terminal
from briefing.tui.sgr import PLAIN, Style, change, for_blanks, parse

if TYPE_CHECKING:
    from textual.driver import Driver

_TOKEN = re.compile(
    r"\x1b\[([0-9;]*)m([^\x1b\n]+)\x1b\[0m"  # 1, 2: a run as Rich writes one: its SGR, text, a reset
    r"|\x1b\[([0-9;]*)m"  # 3: an SGR
    r"|(\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[ -/]*[0-~])?)"  # 4: other escapes
    r"|([^\x1b\n]+|\n)",  # 5: text, or a line feed
)
_MOVE_TO = re.compile(r"\x1b\[(\d*)(?:;(\d*))?[Hf]")  # to a line and column
_MOVE = re.compile(r"\x1b\[[0-9;]*[A-GdnR]")  # relative moves, and reports of where the cursor is
# Neither draw nor move: modes (but the screens, origin and column modes), keyboard
# protocols, titles and other OSCs (but links).
_SILENT = re.compile(
    r"\x1b\[\?(?!(?:3|6|47|1047|1049)[hl])[0-9;]*[hl]|\x1b\[[<=>][0-9;]*[a-z]|\x1b\](?!8;).*", re.S
)
_LINK = re.compile(r"\x1b\]8;[^;]*;(.*?)(?:\x07|\x1b\\)", re.S)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # in text, may move the cursor
# Escapes that set the style themselves (restore cursor, reset, soft reset, SCO restore).
_RESTYLING = re.compile(r"\x1b[8c]|\x1b\[!p|\x1b\[u")
_UNKNOWN = "\x00"  # a cell whose character is not known (Textual never writes one)

Position = tuple[int, int]  # line and column, from 1, as the terminal counts


class ScreenDiff:
    """Rewrites what Textual writes, a write at a time, as the cells that change (see module)."""

    def __init__(self) -> None:
        # What each cell of a line shows, as written: its characters, and its styles, each
        # style as one character (a mark), from column 1 on (_UNKNOWN: not known).
        self._lines: dict[int, tuple[str, str]] = {}
        self._marks: dict[Style, str] = {}
        self._size: tuple[int, int] | None = None
        # The style Textual's output has set; None after one this does not parse, when its
        # output is written as it comes until a reset.
        self._wanted: Style | None = PLAIN
        self._linking = False  # inside a hyperlink: its cells are written, not compared
        self._out: list[str] = []
        self._shown: Style | None = PLAIN  # the terminal's style (None: not known)
        self._at: Position | None = None  # where Textual's output has the cursor
        self._cursor: Position | None = None  # where the terminal has it

    def forget(self) -> None:
        """What the terminal shows is no longer known: every cell is written again."""
        self._lines.clear()

    def rewrite(self, data: str, size: tuple[int, int] | None) -> str:
        """``data`` as the changes it makes on a terminal of ``size`` (columns, lines; None: not known)."""
        if size != self._size or size is None:
            self.forget()  # a terminal of another size reflows or clears what it showed
            self._size = size
        lines = size[1] if size else 0
        self._out = []
        # Each write leaves the terminal's style reset, unless in a style not parsed.
        self._shown = PLAIN if self._wanted is not None else None
        self._at = self._cursor = None
        held = False  # a line feed, held to see what comes after it
        for match in _TOKEN.finditer(data):
            run_parameters, run, parameters, escape, text = match.groups()
            if held:
                held = False
                # Moot when the cursor is moved right after it, unless it scrolled the screen.
                if not (escape and _MOVE_TO.fullmatch(escape) and self._at and self._at[0] < lines):
                    self._as_it_comes("\n", forgets=self._at is None or self._at[0] >= lines)
            if run is not None:  # most of what Textual writes
                style = parse(run_parameters, self._wanted)
                if style is None:
                    self._as_it_comes(match.group(), forgets=True)
                    self._shown = PLAIN  # (the run's reset)
                else:
                    self._write(run, style)
                self._wanted = PLAIN
            elif text == "\n":
                held = True
            elif text is not None:
                self._write(text, self._wanted)
            elif parameters is not None:
                parsed = parse(parameters, self._wanted)
                if parsed is None:
                    self._as_it_comes(match.group(), forgets=True)
                    self._wanted = self._shown = None
                else:
                    self._wanted = parsed
            else:
                self._escape(escape)
        if held:
            self._as_it_comes("\n", forgets=self._at is None or self._at[0] >= lines)
        if self._at is not None:
            self._move_to(self._at)  # where Textual leaves the cursor
        if self._wanted is not None and self._shown != PLAIN:
            self._out.append("\x1b[0m")
        return "".join(self._out)

    def _write(self, text: str, style: Style | None) -> None:
        """Text at Textual's cursor: the cells of it that change."""
        at = self._at
        if at is None or _CONTROL.search(text):  # where it goes is not known
            if at is not None:
                self._move_to(at)
            self._show(text, style)
            self._out.append(text)
            self._at = self._cursor = None
            self.forget()
            return
        line, column = at
        width = len(text) if text.isascii() else cell_len(text)
        end = column + width
        self._at = (line, end)
        chars, marks = self._lines.get(line) or ("", "")
        if len(chars) < end:  # (cells not yet written are not known)
            chars += _UNKNOWN * (end - len(chars))
            marks += _UNKNOWN * (end - len(marks))
        if style is None or width != len(text) or self._linking:
            # Not followed cell by cell: written whole, and its cells not known after.
            self._move_to(at)
            self._show(text, style)
            self._out.append(text)
            self._cursor = (line, end)
            text = mark = _UNKNOWN * width
        else:
            mark = self._mark(style) * width
            old_chars, old_marks = chars[column:end], marks[column:end]
            if old_chars == text and old_marks == mark:
                return  # the cells show it already
            first, last = 0, width - 1
            while old_chars[first] == text[first] and old_marks[first] == mark[first]:
                first += 1
            while old_chars[last] == text[last] and old_marks[last] == mark[last]:
                last -= 1
            changed = text[first : last + 1]
            self._move_to((line, column + first))
            self._show(changed, style)
            self._out.append(changed)
            self._cursor = (line, column + last + 1)
        self._lines[line] = (chars[:column] + text + chars[end:], marks[:column] + mark + marks[end:])

    def _mark(self, style: Style) -> str:
        """The one character that stands for ``style`` in a line's marks (see _lines)."""
        mark = self._marks.get(style)
        if mark is None:
            mark = self._marks[style] = chr(0x100 + len(self._marks))
        return mark

    def _show(self, text: str, style: Style | None) -> None:
        """Give the terminal ``style`` for ``text`` (for spaces, what a space shows of it)."""
        if style is None or style == self._shown:
            return  # (None: a style not parsed, which the terminal has as Textual wrote it)
        if text.strip(" "):
            self._out.append(change(self._shown, style))
            self._shown = style
        else:
            blanks, self._shown = for_blanks(self._shown, style)
            self._out.append(blanks)

    def _move_to(self, position: Position) -> None:
        if self._cursor != position:
            self._out.append(f"\x1b[{position[0]};{position[1]}H")
            self._cursor = position

    def _escape(self, escape: str) -> None:
        if moved_to := _MOVE_TO.fullmatch(escape):
            self._at = (int(moved_to[1] or 1), int(moved_to[2] or 1))  # written when something is
        elif _SILENT.fullmatch(escape):
            self._out.append(escape)
        elif link := _LINK.fullmatch(escape):
            self._out.append(escape)
            self._linking = bool(link[1])
        elif _MOVE.fullmatch(escape):
            self._as_it_comes(escape, forgets=False)
        else:  # it may erase, scroll, or switch screens
            self._as_it_comes(escape, forgets=True)
            if _RESTYLING.fullmatch(escape):
                self._wanted = self._shown = None

    def _as_it_comes(self, token: str, *, forgets: bool) -> None:
        """``token`` where, and in the style, Textual's output has; ``forgets``: what the screen shows."""
        if self._at is not None:
            self._move_to(self._at)
        if self._wanted is not None and self._wanted != self._shown:
            self._out.append(change(self._shown, self._wanted))
            self._shown = self._wanted
        self._out.append(token)
        self._at = self._cursor = None  # it may have moved the cursor
        if forgets:
            self.forget()


def lean_driver(driver_class: type[Driver]) -> type[Driver]:
    """``driver_class`` writing through ScreenDiff, when it is Textual's Linux driver (a terminal)."""
    if not drives_a_terminal(driver_class):
        return driver_class

    class LeanDriver(driver_class):  # type: ignore[valid-type, misc]
        def __init__(self, *args: object, **options: object) -> None:
            super().__init__(*args, **options)
            self._diff = ScreenDiff()

        def write(self, data: str) -> None:
            # The size Textual lays the screen out for (its driver asks shutil the same).
            size = shutil.get_terminal_size()
            super().write(self._diff.rewrite(data, (size.columns, size.lines)))

        def flush(self) -> None:
            hand_over()  # Textual calls it after each frame it writes

    return LeanDriver


HAND_OVER = 0.0005  # seconds


def hand_over() -> None:
    """Let Textual's writer thread take the interpreter now, to write the frame just queued.

    A thread waiting for the interpreter gets it when the thread holding it waits
    for something, or after the switch interval (5 ms): the reader's main thread
    works on after a frame (the start's Resize events, the next frame), and the
    first frame reached the terminal 5-9 ms after it was written, 0.1 ms with this.
    """
    time.sleep(HAND_OVER)
