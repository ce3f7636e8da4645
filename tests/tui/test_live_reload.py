"""Editing the open briefing in another window: the reader follows, and survives invalid saves.

The app polls the files on a timer; the tests call the same poll directly after
each edit, then wait for the check to finish, so nothing depends on timing.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.tui.launch import prepare
from briefing.tui.screens.diagnostics import DiagnosticsScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.reload_notice import ReloadNotice

from .test_settings_state import copy_mirna
from .test_themes import settle


def edit(path: Path, old: str, new: str) -> None:
    """Change the file as an editor would, moving its time on so the change shows on any clock."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


async def saved(app, pilot) -> None:
    app.live.poll()
    await settle(app, pilot)


async def test_a_saved_change_shows_and_the_selection_stays(tmp_path):
    path = copy_mirna(tmp_path)
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "2", "j")  # the walkout event; the second actor, in Actors
        before = app.view_state()
        edit(path, "title: Dockworkers walk out", "title: Dockworkers walk out again")
        await saved(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.timeline.selected.title == "Dockworkers walk out again at the northern terminal"
        assert app.view_state() == before
        assert app.focused is screen.actors


async def test_an_item_removed_by_the_edit_leaves_the_cursor_on_the_first_item(tmp_path):
    path = copy_mirna(tmp_path)
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")
        assert app.screen.timeline.cursor_id == "second-walkout"
        edit(path, "id: second-walkout", "id: walkout-two")
        await saved(app, pilot)
        assert app.screen.timeline.cursor_id == "sign"
        assert "walkout-two" in [e.id for e in app.screen.timeline.events]


async def test_an_invalid_save_keeps_the_last_good_version_with_a_notice_until_a_valid_one(tmp_path):
    path = copy_mirna(tmp_path)
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        edit(path, "stance: neutral", "stance: furious")
        await saved(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.timeline.cursor_id == "injunction"
        [notice] = screen.query(ReloadNotice)
        text = str(notice.render())
        assert f"{path} now has 1 error; showing the last good version" in text
        assert "'furious' is not a valid stance" in text
        edit(path, "stance: furious", "stance: concerned")
        await saved(app, pilot)
        screen = app.screen
        assert not screen.query(ReloadNotice)
        assert screen.timeline.cursor_id == "injunction"
        assert "concerned" in [r.stance for r in screen.briefing.reactions]


async def test_a_change_to_a_source_text_file_is_followed_too(tmp_path):
    path = copy_mirna(tmp_path)
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        edit(tmp_path / "port-mirna.txt", "grain ships", "grain and fuel ships")
        await saved(app, pilot)
        assert "grain and fuel ships" in app.screen.briefing.source("local").text


async def test_a_file_that_opened_with_errors_opens_in_the_reader_once_fixed(tmp_path):
    path = copy_mirna(tmp_path)
    edit(path, "briefing: 1", "briefing: 2")
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, DiagnosticsScreen)
        edit(path, "title: Dockworkers walk out", "title: [oops")
        await saved(app, pilot)
        assert isinstance(app.screen, DiagnosticsScreen)
        assert app.screen.diagnostics[0].message.startswith("YAML syntax")  # the new errors, listed
        edit(path, "title: [oops", "title: Dockworkers walk out")
        edit(path, "briefing: 2", "briefing: 1")
        await saved(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.briefing.id == "port-mirna-strike"
