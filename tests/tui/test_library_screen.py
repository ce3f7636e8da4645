"""The library screen: `briefing DIR` and the L key list a folder's briefings; Enter opens, L returns."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing import settings
from briefing.tui.launch import prepare
from briefing.tui.screens.diagnostics import DiagnosticsScreen
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.main import MainScreen

from .conftest import DATA, HARBOUR
from .test_settings_state import copy_mirna
from .test_themes import settle, write


def make_folder(folder: Path) -> Path:
    """Three good briefings (7 Mar 2025, 8 Mar 2024, 7 Dec 2024) and one with an error on line 1."""
    copy_mirna(folder)
    for source in HARBOUR.parent.iterdir():
        shutil.copy(source, folder / source.name)
    shutil.copy(DATA.parents[1] / "data" / "invalid" / "wrong-types.yaml", folder / "broken.yaml")
    shutil.copy(Path(__file__).resolve().parents[2] / "sample_data" / "hts-offensive-2024-12.yaml", folder)
    shutil.copy(Path(__file__).resolve().parents[2] / "sample_data" / "article.txt", folder)
    (folder / "notes.txt").write_text("not a briefing", encoding="utf-8")
    return folder


def names(screen: LibraryScreen) -> list[str]:
    return [e.path.name for e in screen.listing.entries]


async def test_a_folder_opens_on_its_library_sorted_newest_first_with_errors_last(tmp_path):
    folder = make_folder(tmp_path / "briefings")
    app = prepare(folder, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert names(screen) == [
            "port-mirna.yaml",
            "hts-offensive-2024-12.yaml",
            "harbour-strike.yaml",
            "broken.yaml",
        ]
        mirna = screen.listing.entries[0]
        assert (mirna.title, mirna.as_of, mirna.status, mirna.events, mirna.actors, mirna.reactions) == (
            "Dock strike at Port Mirna [draft notes]",
            "7 Mar 2025",
            "draft",
            7,
            6,
            2,
        )
        broken = screen.listing.entries[-1]
        assert broken.error.line == 1 and broken.error.message == "the format version must be the integer 1"
        lines = [screen.listing.render_line(y).text for y in range(screen.listing.size.height)]
        assert any("✗ broken.yaml  cannot be opened" in line for line in lines)
        assert any("line 1: the format version must be the integer 1" in line for line in lines)


async def test_o_cycles_the_sort_and_shift_o_reverses_it(tmp_path):
    app = prepare(make_folder(tmp_path / "briefings"), theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("o")  # by title, A to Z
        assert names(screen) == [
            "port-mirna.yaml",
            "harbour-strike.yaml",
            "hts-offensive-2024-12.yaml",
            "broken.yaml",
        ]
        await pilot.press("O")
        assert names(screen) == [
            "hts-offensive-2024-12.yaml",
            "harbour-strike.yaml",
            "port-mirna.yaml",
            "broken.yaml",
        ]
        await pilot.press("o", "o")  # status, then file name
        assert screen.sort_key == "file"
        assert names(screen) == [
            "harbour-strike.yaml",
            "hts-offensive-2024-12.yaml",
            "port-mirna.yaml",
            "broken.yaml",
        ]


async def test_enter_opens_a_briefing_and_l_returns_to_the_library_where_it_was(tmp_path):
    app = prepare(make_folder(tmp_path / "briefings"), theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.briefing.id == "hts-offensive-2024-12"
        assert app.title.startswith("HTS advances")
        await pilot.press("L")
        library = app.screen
        assert isinstance(library, LibraryScreen)
        assert library.selected.path.name == "hts-offensive-2024-12.yaml"
        await pilot.press("k", "enter")
        await settle(app, pilot)
        assert app.screen.briefing.id == "port-mirna-strike"
        assert len(app.screen_stack) == 2  # library and one reader, however often one goes back and forth


async def test_enter_on_a_file_with_errors_lists_them_and_escape_goes_back(tmp_path):
    app = prepare(make_folder(tmp_path / "briefings"), theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("G", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DiagnosticsScreen)
        assert app.screen.diagnostics[0].message == "the format version must be the integer 1"
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen) and app.is_running


async def test_l_in_a_briefing_opened_directly_shows_the_configured_folder(tmp_path):
    folder = make_folder(tmp_path / "mine")
    write(settings.config_path(), f"briefings: {folder}\n")
    app = prepare(HARBOUR, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("L")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen) and app.screen.folder == folder
        await pilot.press("escape")  # back to the briefing it came from
        assert isinstance(app.screen, MainScreen) and app.screen.briefing.id == "harbour-strike-2024-03"
        await pilot.press("L", "enter")
        await settle(app, pilot)
        # The briefing opened from the library takes the reader's place: no stack of readers.
        assert [type(s).__name__ for s in app.screen_stack] == ["MainScreen"]
        assert app.screen.briefing.id == "port-mirna-strike" and app.file == folder / "port-mirna.yaml"


async def test_a_folder_that_does_not_exist_says_so(tmp_path):
    write(settings.config_path(), f"briefings: {tmp_path / 'nowhere'}\n")
    app = prepare(HARBOUR, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("L")
        await settle(app, pilot)
        status = app.screen.query_one("#library-status").render()
        assert "Cannot read the folder: no such file" in str(status)
