"""Revisions in the library: files sharing a briefing id are grouped, newest first; d shows the changes."""

from __future__ import annotations

from typing import Any

from briefing.tui.launch import prepare
from briefing.tui.screens.diff_screen import DiffScreen
from briefing.tui.screens.library_screen import LibraryScreen
from briefing.user.library import group_revisions, scan
from tests.unit.revisions import item, revision, write

from .test_themes import settle


def revisions(folder) -> None:
    """Three revisions of one briefing (21, 22 and 23 Mar) and another briefing (24 Mar)."""
    folder.mkdir()

    def day(as_of: str, stance: str) -> Any:
        def change(data: dict[str, Any]) -> None:
            data["as_of"] = as_of
            item(data, "reactions", "ostland")["stance"] = stance

        return change

    write(folder / "a-monday.yaml", revision(day("2025-03-21", "concerned")))
    write(folder / "c-wednesday.yaml", revision(day("2025-03-23", "opposed")))
    write(folder / "b-tuesday.yaml", revision(day("2025-03-22", "mixed")))
    write(folder / "other.yaml", revision(lambda data: data.update(id="other-story", as_of="2025-03-24")))


def test_revisions_are_grouped_newest_first_wherever_the_order_puts_the_first(tmp_path):
    revisions(tmp_path / "f")
    entries = sorted(scan(tmp_path / "f"), key=lambda e: e.path.name)  # by file name: monday first
    grouped = group_revisions(entries)
    assert [(e.path.name, e.newer and e.newer.name) for e in grouped] == [
        ("c-wednesday.yaml", None),
        ("b-tuesday.yaml", "c-wednesday.yaml"),
        ("a-monday.yaml", "c-wednesday.yaml"),
        ("other.yaml", None),
    ]


async def test_an_older_revision_is_marked_and_d_shows_what_changed_in_the_newest(tmp_path):
    folder = tmp_path / "briefings"
    revisions(folder)
    app = prepare(folder, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert [e.path.name for e in screen.listing.entries] == [
            "other.yaml",
            "c-wednesday.yaml",
            "b-tuesday.yaml",
            "a-monday.yaml",
        ]
        lines = [screen.listing.render_line(y).text for y in range(screen.listing.size.height)]
        older = [
            n
            for n, line in enumerate(lines)
            if "↳ FICTIONAL: the Arlen bridge dispute  older revision" in line
        ]
        assert len(older) == 2
        assert all("superseded" in lines[n + 1] for n in older)
        await pilot.press("d")  # on the newest of the other briefing: nothing older to compare
        assert app.screen is screen
        await pilot.press("j", "j", "j", "d")  # Monday's revision
        await settle(app, pilot)
        assert isinstance(app.screen, DiffScreen)
        shown = str(app.screen.query_one("#diff-text").render())
        assert "as of: 21 Mar 2025 → 23 Mar 2025" in shown
        assert "~ ostland  Ostland\n      stance: concerned → opposed" in shown
        await pilot.press("escape")
        assert app.screen is screen
