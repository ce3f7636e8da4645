"""Editing the open briefing in another window: the reader follows, and survives invalid saves.

The app polls the files on a timer; the tests call the same poll directly after
each edit, then wait for the check to finish, so nothing depends on timing.
"""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

import pytest

from briefing.format import loader
from briefing.tui.launch import prepare
from briefing.tui.live import POLL_SECONDS
from briefing.tui.screens.diagnostics_screen import DiagnosticsScreen
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
    app.live.poll()  # sees the change,
    app.live.poll()  # which has held still since: read it
    await settle(app, pilot)


async def test_a_saved_change_shows_and_the_selection_stays(tmp_path):
    path = copy_mirna(tmp_path)
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "j", "j", "2", "j")  # the walkout event; the second actor, in Actors
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
        await pilot.press("g", "j")
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


# Memory: each reload frees the version it replaces.


def save_same_bytes(path: Path) -> None:
    """Save the file unchanged, as an editor's save does; its time moves on."""
    path.write_bytes(path.read_bytes())
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


async def test_twenty_reloads_leave_no_more_than_two_briefings_alive(tmp_path, briefings_made):
    alive = briefings_made
    path = copy_mirna(tmp_path)
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "2", "j")
        before = app.view_state()
        for _ in range(20):
            save_same_bytes(path)
            await saved(app, pilot)
        assert len(alive) > 20  # each save was read again
        assert app.view_state() == before
        gc.collect()  # as the reader's own collector would; what it froze stays frozen
        assert sum(ref() is not None for ref in alive) <= 2


async def test_reloads_leave_nothing_of_the_screens_they_replaced(tmp_path):
    # Textual keeps each widget's cache of drawn lines reachable after the widget is gone
    # (up to 1,024 of them): 0.4 MB a reload of the sample, until the reader emptied them.
    path = copy_mirna(tmp_path)
    app = prepare(path, theme=None, max_size=None)

    def objects_alive() -> int:
        gc.unfreeze()
        gc.collect()
        return len(gc.get_objects())

    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(5):
            save_same_bytes(path)
            await saved(app, pilot)
        before = objects_alive()
        for _ in range(15):
            save_same_bytes(path)
            await saved(app, pilot)
        assert objects_alive() - before < 15 * 200  # each reload left ~3,400 before


# Saves written in parts, and versions that lack the reader's items.


async def test_a_file_written_in_two_parts_is_never_shown_half_written(tmp_path):
    path = copy_mirna(tmp_path)
    text = path.read_text(encoding="utf-8")
    half = text[: text.index("  - id: mediator")]  # valid on its own: four events, no reactions
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        app.live.timer.pause()  # the test polls, between the two writes, however slow the machine
        await pilot.press("G")
        assert app.screen.timeline.cursor_id == "second-walkout"
        shown = app.screen.briefing
        with path.open("w", encoding="utf-8") as file:  # in place, as some editors save
            file.write(half)
            file.flush()
            app.live.poll()  # the half, seen by a poll between the two writes
            await settle(app, pilot)
            file.write(text[len(half) :])
        assert app.screen.briefing is shown  # the half was not read
        await saved(app, pilot)
        assert app.screen.briefing is not shown and len(app.screen.briefing.events) == 7
        assert app.screen.timeline.cursor_id == "second-walkout"
        assert not app.screen.query(ReloadNotice)


async def test_the_place_comes_back_when_a_version_without_it_is_followed_by_one_with_it(tmp_path):
    path = copy_mirna(tmp_path)
    full = path.read_text(encoding="utf-8")
    shrunk = full[: full.index("  - id: mediator")]  # a save cut short, but valid: four events
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G", "2", "j")
        before = app.view_state()
        assert before.event == "second-walkout"
        path.write_text(shrunk, encoding="utf-8")
        await saved(app, pilot)
        assert len(app.screen.briefing.events) == 4 and app.screen.timeline.cursor_id != "second-walkout"
        path.write_text(full, encoding="utf-8")
        await saved(app, pilot)
        assert app.view_state() == before


async def test_a_reader_who_moved_meanwhile_stays_where_they_moved(tmp_path):
    path = copy_mirna(tmp_path)
    full = path.read_text(encoding="utf-8")
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")
        path.write_text(full[: full.index("  - id: mediator")], encoding="utf-8")
        await saved(app, pilot)
        await pilot.press("j")  # the reader picks another event in the shorter version
        moved = app.view_state()
        path.write_text(full, encoding="utf-8")
        await saved(app, pilot)
        assert app.screen.timeline.cursor_id == moved.event == "walkout"


# A reload that fails, whatever the reason, keeps the last good version and the place.


def delete(path: Path) -> None:
    path.unlink()


def make_a_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def write_bytes_that_are_not_utf8(path: Path) -> None:
    path.write_bytes(b"briefing: 1\ntitle: \xff\xfe\n")


def empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize("spoil", [delete, make_a_folder, write_bytes_that_are_not_utf8, empty])
async def test_a_version_that_cannot_be_read_keeps_the_last_good_one_and_the_place(tmp_path, spoil):
    path = copy_mirna(tmp_path)
    good = path.read_bytes()
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G", "2", "j")
        before, shown = app.view_state(), app.screen.briefing
        spoil(path)
        await saved(app, pilot)
        assert app.is_running and app.screen.briefing is shown and app.view_state() == before
        [notice] = app.screen.query(ReloadNotice)
        assert f"{path} now has 1 error; showing the last good version" in str(notice.render())
        if path.is_dir():
            path.rmdir()
        path.write_bytes(good)
        await saved(app, pilot)
        assert not app.screen.query(ReloadNotice) and app.view_state() == before


async def test_a_version_the_loader_fails_on_is_a_notice_naming_the_file_and_the_reader_goes_on(
    tmp_path, monkeypatch
):
    path = copy_mirna(tmp_path)
    app = prepare(path, theme=None, max_size=None)
    real_check = loader.check_text

    def failing(text, **options):
        if b"occurrence: 017" in text:  # the file's bytes, as the reader hands them to the loader
            raise ValueError("a bug the loader should have turned into a located error")
        return real_check(text, **options)

    monkeypatch.setattr(loader, "check_text", failing)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        before, shown = app.view_state(), app.screen.briefing
        edit(path, "  - id: walkout\n", "  - id: walkout\n    occurrence: 017\n")
        await saved(app, pilot)
        assert app.is_running and app.screen.briefing is shown and app.view_state() == before
        [notice] = app.screen.query(ReloadNotice)
        text = str(notice.render())
        assert f"{path} now has 1 error" in text
        assert "internal error: ValueError: a bug the loader should have turned into a located error" in text
        await pilot.pause(5 * POLL_SECONDS)  # the failure reported, the reader keeps running
        assert app.is_running and app.return_code is None
        edit(path, "    occurrence: 017\n", "")
        await saved(app, pilot)
        assert not app.screen.query(ReloadNotice) and app.view_state() == before
    assert app.return_code is None


# Checks never pile up, and a version written to while it is read is read again.


async def test_saves_made_during_a_check_are_checked_once_after_it_and_the_last_is_shown(
    tmp_path, monkeypatch
):
    path = copy_mirna(tmp_path)
    app = prepare(path, theme=None, max_size=None)
    real_check = loader.check_text
    release = threading.Event()
    checks: list[str] = []

    def slow(text, **options):
        checks.append(text)
        release.wait(10)
        return real_check(text, **options)

    monkeypatch.setattr(loader, "check_text", slow)
    async with app.run_test(size=(120, 40)) as pilot:
        app.live.timer.pause()  # only the test's polls, so it can count the checks
        edit(path, "title: Dockworkers walk out", "title: Dockworkers walk out (1)")
        app.live.poll()
        app.live.poll()  # the first check starts, and waits
        for n in (2, 3, 4):
            edit(path, f"walk out ({n - 1})", f"walk out ({n})")
            app.live.poll()
            app.live.poll()
        await pilot.pause()
        assert len(checks) == 1  # one check at a time
        release.set()
        await settle(app, pilot)
        await settle(app, pilot)  # the check asked for during the first
        assert len(checks) == 2
        assert app.screen.briefing.event("walkout").title.startswith("Dockworkers walk out (4)")


async def test_a_version_written_to_while_it_is_read_is_read_again_once_still(tmp_path, monkeypatch):
    path = copy_mirna(tmp_path)
    full = path.read_text(encoding="utf-8")
    app = prepare(path, theme=None, max_size=None)
    real_check = loader.check_text
    shown: list[int] = []

    def written_to_meanwhile(text, **options):
        result = real_check(text, **options)
        if not shown:  # the editor writes the rest while the first part is being read
            path.write_text(full, encoding="utf-8")
        shown.append(len(result[0].events) if result[0] else 0)
        return result

    monkeypatch.setattr(loader, "check_text", written_to_meanwhile)
    async with app.run_test(size=(120, 40)) as pilot:
        app.live.timer.pause()  # only the test's polls, so it can count the checks
        first = app.screen.briefing
        path.write_text(full[: full.index("  - id: mediator")], encoding="utf-8")
        await saved(app, pilot)
        assert shown == [4] and app.screen.briefing is first  # read half-written: dropped
        await saved(app, pilot)
        assert shown == [4, 7] and app.screen.briefing is not first
