"""Escape sequences hidden in a briefing never reach a real terminal: no title change, no clipboard write.

The briefing below carries OSC 0 (set window title), OSC 52 (write the
clipboard), a cursor move and a screen clear in its title, actor names, event
titles and source text. The reader must show them as inert text.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .terminal import Terminal, installed_briefing

TITLE_OSC = "\\e]0;PWNED-TITLE\\a"
CLIPBOARD_OSC = "\\e]52;c;cHduZWQ=\\a"  # base64 of "pwned"
HOSTILE = f"""\
briefing: 1
id: hostile
title: "Harbour{TITLE_OSC} report [bold]not bold[/bold]"
as_of: "2024-03-09"
sources:
  - id: wire
    title: "Wire{CLIPBOARD_OSC} copy"
    text: "Dockers walked out{CLIPBOARD_OSC} at dawn. \\e[2J\\e[HThe port closed [@click=app.quit]now[/]."
actors:
  - id: union
    name: "Dock union{TITLE_OSC}"
    kind: organisation
events:
  - id: walkout
    title: "Walkout{CLIPBOARD_OSC} [@click=app.quit]click me[/]"
    date: "2024-03-04"
    actors: [union]
    evidence:
      - quote: "Dockers walked out"
reactions:
  - id: norway
    country: Norway
    code: "NO"
    stance: concerned
    headline: "Watching closely{TITLE_OSC}"
    statements:
      - speaker: union
        quote: "The port closed"
"""


@pytest.fixture
def terminal(tmp_path: Path):
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    term = Terminal([installed_briefing(), str(path)], size=(120, 40))
    yield term
    term.close()


def test_osc_title_and_clipboard_sequences_do_not_reach_the_terminal(terminal):
    screen = terminal.wait_for("Harbour", "1 Timeline")
    # Walk every pane, open the detail view, search and use the palette, as a reader would.
    terminal.press("2", "3", "4", "1", "enter")
    terminal.wait_for("Walkout")
    terminal.press("escape", "/", "Dock", "enter", "n", "escape", "ctrl+p", "Walk")
    terminal.settle()
    terminal.press("escape")
    screen = terminal.settle()

    assert terminal.process.poll() is None, "the reader quit: [@click=app.quit] must not run"
    assert "PWNED" not in terminal.screen.title, f"the window title was changed to {terminal.screen.title!r}"
    raw = bytes(terminal.raw)
    # Textual itself sends one OSC: 22 (pointer shape). Anything else came from the data.
    oscs = set(re.findall(rb"\x1b\](\d*);", raw))
    assert oscs <= {b"22"}, f"OSC sequences reached the terminal: {oscs}"
    assert b"PWNED-TITLE\x07" not in raw
    assert b"\x1b[2J\x1b[H" not in raw.split(b"Dockers", 1)[-1]
    # What was an ESC is shown as the replacement character, the rest literally.
    assert "Harbour\ufffd]0;PWNED-TITLE\ufffd report [bold]not bold[/bold]" in screen
    terminal.press("q")
    assert terminal.wait_exit() == 0


def test_show_in_a_pipe_carries_no_escape_from_the_data(tmp_path):
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "show", str(path)], capture_output=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout
    assert "Harbour\ufffd]0;PWNED-TITLE\ufffd report [bold]not bold[/bold]" in result.stdout.decode()
