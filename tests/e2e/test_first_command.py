"""The README's first command, `python3 -m briefing` in the repository, opens the bundled sample."""

from __future__ import annotations

import sys
from pathlib import Path

from .terminal import Terminal

REPO = Path(__file__).resolve().parents[2]


def test_python_dash_m_briefing_in_the_checkout_opens_the_sample():
    term = Terminal([sys.executable, "-m", "briefing"], size=(100, 30), cwd=str(REPO))
    try:
        term.wait_for("HTS advances toward Damascus", "1 Timeline")
        term.press("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
