"""New since you last read, in a real terminal: open, quit, a new revision, open again."""

from __future__ import annotations

import re

from tests.unit.revisions import revision, write
from tests.unit.test_diff import every_kind_changed

from .terminal import Terminal, installed_briefing

FRESH = re.compile(r"[┃│][▶› ][*~]")  # a pane's border, the cursor column, then a new/changed mark


def test_a_new_revision_is_marked_and_stepping_through_it_reads_every_mark(tmp_path):
    path = write(tmp_path / "bridge.yaml", revision())
    command = installed_briefing()
    first = Terminal([command, str(path)], size=(100, 30))
    try:
        first.wait_for("FICTIONAL: the Arlen bridge dispute", "Council meets")
        assert "new ·" not in first.settle()
        first.press("q")
        assert first.wait_exit() == 0
    finally:
        first.close()

    write(path, revision(every_kind_changed))  # the same briefing id, a new revision
    term = Terminal([command, str(path)], size=(100, 30))
    try:
        screen = term.wait_for("6 new · 6 changed since 21 Mar 2025")
        screen = term.settle()
        lines = screen.splitlines()
        protest = next(line for line in lines if "Protest at the old bridge" in line)
        rain = next(line for line in lines if "Rain on the square" in line)
        assert FRESH.search(protest).group()[-1] == "~"  # changed
        assert FRESH.search(rain).group()[-1] == "*"  # new
        assert "4 ~ changed Source" in screen or "4 * new Source" in screen
        # Two events, two actors, two reactions, two sources are new or changed.
        for _ in range(8):
            term.press("c")
            term.settle(quiet=0.2)
        for pane in ("1", "2", "3"):
            term.press(pane)
            screen = term.settle(quiet=0.2)
            assert not FRESH.search(screen), screen
        assert "new Source" not in screen and "changed Source" not in screen
        assert "c Changes" not in screen  # nothing left to step to: the key leaves the footer
        term.press("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
