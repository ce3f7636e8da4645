"""The map in a real (pseudo-)terminal (issue 27): braille in a UTF-8 locale, ASCII under LANG=C."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .terminal import Terminal, installed_briefing


def _braille(text: str) -> int:
    return sum("\u2801" <= c <= "\u28ff" for c in text)


@pytest.fixture
def run() -> Iterator:
    terminals: list[Terminal] = []

    def start(locale: str) -> Terminal:
        # HOME and the XDG folders are the test's own (tests/conftest.py): no state from before.
        env = {"LC_ALL": locale, "LANG": locale}
        terminal = Terminal([installed_briefing()], size=(80, 24), env=env)  # the sample
        terminals.append(terminal)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


@pytest.mark.parametrize(("locale", "braille"), [("C.UTF-8", True), ("C", False)])
def test_m_draws_the_map_in_braille_or_ascii(run, locale, braille):
    term = run(locale)
    term.wait_for("1 Timeline")
    term.press("m")
    screen = term.wait_for("Map · 14 places", "Damascus", "Baghdad")
    assert (_braille(screen) > 100) is braille
    if not braille:
        map_rows = [line[:50] for line in screen.splitlines()[1:-1]]
        assert sum(line.count(".") + line.count("'") + line.count(":") for line in map_rows) > 100
    term.press("]")  # the newest event is the last: stays
    term.press("q")
    term.wait_for("1 Timeline")
    term.press("q")
    assert term.wait_exit() == 0
