"""The installed `briefing` in a real (pseudo-)terminal of 256 colours and of 16: the colours it writes.

Over SSH, TERM crosses (xterm-256color) but COLORTERM does not, so the reader
draws in 256 colours; a plain xterm or the Linux console has 16. The escape
codes written say the depth; the colour of the selected row and of the panes,
as the terminal shows them (pyte), say the theme.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyte
import pytest

from .terminal import Terminal, installed_briefing

SIZE = (120, 40)
TRUE_COLOUR = (b"\x1b[38;2;", b"\x1b[48;2;", b";38;2;", b";48;2;")
EIGHT_BIT = (b"\x1b[38;5;", b"\x1b[48;5;", b";38;5;", b";48;5;")


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """Start the reader on the bundled sample with ``TERM``, and no COLORTERM, as over ssh."""
    monkeypatch.delenv("COLORTERM", raising=False)  # the terminal's environment is this one's
    monkeypatch.delenv("TEXTUAL_COLOR_SYSTEM", raising=False)
    terminals: list[Terminal] = []

    def start(term: str) -> Terminal:
        terminal = Terminal([installed_briefing()], size=SIZE, env={"TERM": term})
        terminals.append(terminal)
        terminal.wait_for("▶", "4 Source")
        terminal.settle()
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


def cell_after(terminal: Terminal, mark: str) -> pyte.screens.Char:
    for y, line in enumerate(terminal.screen.display):
        if mark in line:
            return terminal.screen.buffer[y][line.index(mark) + 1]
    raise AssertionError(f"{mark!r} is not on screen:\n{terminal.text()}")


def test_over_ssh_256_colours_and_the_default_theme(reader) -> None:
    terminal = reader("xterm-256color")
    written = bytes(terminal.raw)
    assert any(code in written for code in EIGHT_BIT)
    assert not any(code in written for code in TRUE_COLOUR)
    # briefing-dark: the selected row on blue 24 (#005f87), the panes on grey 234 (#1c1c1c).
    assert cell_after(terminal, "▶").bg == "005f87"
    assert cell_after(terminal, "╭").bg == "1c1c1c"


@pytest.mark.parametrize("term", ["xterm", "linux"])
def test_16_colours_and_the_terminals_own_theme(reader, term: str) -> None:
    terminal = reader(term)
    written = bytes(terminal.raw)
    assert not any(code in written for code in (*EIGHT_BIT, *TRUE_COLOUR))
    # briefing-terminal: the selected row a reversed bold bar in the terminal's own colours,
    # the panes on its own background.
    selected = cell_after(terminal, "▶")
    assert selected.reverse and selected.bold and selected.bg == "default"
    assert cell_after(terminal, "╭").bg == "default"
