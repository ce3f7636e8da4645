"""Each screen and notice, drawn to terminal bytes in-process, holds nothing hostile from a file.

The reader is built as the CLI builds it (``prepare``: config, themes, state, the
file), shown, and its screen rendered to the bytes Textual would write to the
terminal. The end-to-end tests do the same through a real terminal; these say
which screen or notice a leak comes from.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.format.loader import check
from briefing.tui.launch import prepare
from briefing.tui.screens.diagnostics_screen import DiagnosticsScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.reload_notice import show_reload_problems

from ..hostile_text import (
    BASE,
    INVALID,
    WITH_EXTENSION,
    hostile,
    leaks,
    quoted,
    terminal_cells,
    write_hostile_settings,
)
from .test_themes import settle

SIZE = (120, 40)


def frame(app) -> bytes:
    """The whole screen as the bytes Textual writes to the terminal for it."""
    update = app.screen._compositor.render_update(full=True)
    return update.render_segments(app.console).encode()


def shown_text(app) -> str:
    return frame(app).decode(errors="replace")


def assert_inert(app, where: str) -> None:
    found = leaks(frame(app), terminal=True)
    assert not found, f"hostile text reached the terminal from {where}: {found}"


def config_folder() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "briefing"


async def test_the_warnings_notice_shows_a_hostile_file_name_inertly(tmp_path: Path):
    path = tmp_path / f"valid{hostile('NAME')}.yaml"
    path.write_text(BASE, encoding="utf-8")
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert "1 warning" in shown_text(app)
        assert_inert(app, "the warnings notice")


@pytest.mark.parametrize("tagged", [False, True], ids=["keys", "a tag"])
async def test_config_and_theme_problems_show_inertly(tmp_path: Path, tagged: bool):
    write_hostile_settings(config_folder(), tagged=tagged)
    path = tmp_path / "plain.yaml"
    path.write_text(BASE, encoding="utf-8")
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        text = shown_text(app)
        assert "PWNED" in text  # the notices were drawn
        assert_inert(app, "the config and theme notices")


async def test_a_key_name_from_the_config_shows_inertly_in_the_key_bar_and_help(tmp_path: Path):
    # An ESC is not a key anyone can type: either it is refused, or it is shown as text.
    config_folder().mkdir(parents=True)
    key = "\x1b]0;PWNED-KEY\x07\u202e"
    (config_folder() / "config.yaml").write_text(f"keys:\n  help: {quoted(key)}\n", encoding="utf-8")
    path = tmp_path / "plain.yaml"
    path.write_text(BASE, encoding="utf-8")
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert_inert(app, "the key bar")
        await app.run_action("help")
        await settle(app, pilot)
        assert_inert(app, "the help screen")


async def test_the_diagnostics_screen_shows_a_hostile_file_name_and_key_inertly(tmp_path: Path):
    path = tmp_path / f"invalid{hostile('NAME')}.yaml"
    path.write_text(INVALID["key"], encoding="utf-8")
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, DiagnosticsScreen)
        text = shown_text(app)
        assert "Cannot open" in text and "PWNED" in text
        assert_inert(app, "the diagnostics screen")


async def test_the_reload_notice_shows_a_hostile_file_name_and_error_inertly(tmp_path: Path):
    path = tmp_path / f"valid{hostile('NAME')}.yaml"
    path.write_text(BASE, encoding="utf-8")
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.clear_notifications()  # the warnings notice is another path: see above
        path.write_text(INVALID["key"], encoding="utf-8")
        _briefing, diagnostics = check(path)
        assert isinstance(app.screen, MainScreen)
        show_reload_problems(app.screen, app.path, diagnostics)
        await settle(app, pilot)
        text = shown_text(app)
        assert "now has 1 error" in text and "PWNED" in text
        assert_inert(app, "the reload notice")


async def test_the_library_lists_hostile_folder_and_file_names_and_errors_inertly(tmp_path: Path):
    folder = tmp_path / f"folder{hostile('FOLDER')}"
    folder.mkdir()
    (folder / f"valid{hostile('NAME')}.yaml").write_text(BASE, encoding="utf-8")
    (folder / f"invalid{hostile('FILE')}.yaml").write_text(INVALID["key-path"], encoding="utf-8")
    app = prepare(folder, theme=None, max_size=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = shown_text(app)
        assert "Harbour report" in text and "cannot be opened" in text
        assert_inert(app, "the library")
        await pilot.press("down", "enter")  # the file that cannot be opened: its diagnostics
        await settle(app, pilot)
        assert isinstance(app.screen, DiagnosticsScreen)
        assert_inert(app, "the diagnostics of a file opened from the library")


async def test_the_detail_view_shows_hostile_extension_keys_inertly(tmp_path: Path):
    path = tmp_path / "plain.yaml"
    path.write_text(WITH_EXTENSION, encoding="utf-8")
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "enter")  # the actor's details
        await settle(app, pilot)
        text = shown_text(app)
        assert "Extensions" in text and "PWNED" in text
        assert_inert(app, "the detail view's extensions")


async def test_rows_holding_hangul_fillers_keep_their_right_edge(tmp_path: Path):
    # Rich counted the fillers as 0 cells and padded the row for it; a terminal drew them
    # in 3, so the pane's right border and the pane beside it moved right by 3 (seen in tmux).
    path = tmp_path / "fillers.yaml"
    path.write_text(BASE.replace('title: "Walkout"', 'title: "Walk\u3164out\uffa0now"'), encoding="utf-8")
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        timeline = app.screen.timeline
        width = timeline.scrollable_content_region.width
        row = timeline.render_line(0).text
        assert terminal_cells(row) == width
        assert "Walk out now" in row


async def test_a_hostile_paste_into_the_search_field_shows_inertly(tmp_path: Path):
    # Many terminals strip controls from a paste, but not all, and none strips a bidi
    # override or U+2028: the field draws what it holds.
    from textual.events import Paste

    path = tmp_path / "plain.yaml"
    path.write_text(BASE, encoding="utf-8")
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await settle(app, pilot)
        field = app.focused
        field.post_message(Paste(f"walk{hostile('PASTE')}"))
        await settle(app, pilot)
        assert field.value.startswith("walk\ufffd]0;PWNED-PASTE")
        assert "PWNED" in shown_text(app)
        assert_inert(app, "the search field")
