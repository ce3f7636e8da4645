"""Every country at a glance, in a real terminal: the installed `briefing` in a pty (issue 22)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .terminal import Terminal, installed_briefing

REPO = Path(__file__).resolve().parents[2]
MANY_REACTIONS = REPO / "tests" / "data" / "valid" / "many-reactions.yaml"  # 6 events, 8 reactions

# The sample's six countries and the fictional briefing's eight, as each line starts: the
# country, its code and its stance, a mark and a word.
SAMPLE_LINES = (
    "Turkey (TR)  + supportive",
    "Russia (RU)  ! concerned",
    "Iran (IR)    ! concerned",
    "Iraq (IQ)    ! concerned",
    "Israel (IL)  ! concerned",
    "Syria (SY)   − opposed",
)
MANY_LINES = (
    "Norway (NO)     + supportive",
    "Germany (DE)    ! concerned",
    "France (FR)     + supportive",
    "Japan (JP)      ○ neutral",
    "Canada (CA)     ? unclear",
    "Brazil (BR)     − opposed",
    "India (IN)      ± mixed",
    "European Union  ! concerned",
)


@pytest.fixture
def run() -> Iterator:
    terminals: list[Terminal] = []

    def start(*args: str, size: tuple[int, int]) -> Terminal:
        terminal = Terminal([installed_briefing(), *args], size=size)
        terminals.append(terminal)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


@pytest.mark.parametrize(("args", "lines"), [((), SAMPLE_LINES), ((str(MANY_REACTIONS),), MANY_LINES)])
def test_every_country_with_its_stance_at_120x40(run, args, lines):
    term = run(*args, size=(120, 40))
    term.wait_for("1 Timeline", "2 Actors", "3 Reactions", "4 Source", *lines)
    term.press("q")
    assert term.wait_exit() == 0


@pytest.mark.parametrize(("args", "lines"), [((), SAMPLE_LINES), ((str(MANY_REACTIONS),), MANY_LINES)])
def test_every_country_with_its_stance_in_the_reactions_pane_at_80x24(run, args, lines):
    term = run(*args, size=(80, 24))
    term.wait_for("1 Timeline   2 Actors   3 Reactions   4 Source")
    term.press("3")
    term.wait_for("▶ " + lines[0], *lines)
    term.press("j")  # the next country opens, the first closes: all still on screen
    term.wait_for("▶ " + lines[1], *lines)
    term.press("q")
    assert term.wait_exit() == 0
