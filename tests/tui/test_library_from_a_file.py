"""The library from a briefing opened as a file: its folder when there is no briefings folder,
back to the briefing as it was with L, Esc or q; `/` filters; `?` lists the library's keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.tui.launch import prepare
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.library_screen import LibraryScreen
from briefing.tui.screens.main import MainScreen
from briefing.user.settings import default_briefings_dir

from .test_library_screen import make_folder, names
from .test_themes import settle


@pytest.fixture
def opened(tmp_path: Path) -> Path:
    """A briefing in a folder of briefings, with no briefings folder configured (nor the default one)."""
    folder = make_folder(tmp_path / "work")
    assert not default_briefings_dir().exists()
    return folder / "hts-offensive-2024-12.yaml"


@pytest.mark.parametrize("back", ["L", "escape", "q"])
async def test_l_shows_the_open_briefing_s_folder_and_comes_back_to_it_as_it_was(opened, back):
    app = prepare(opened, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "j", "j")  # somewhere other than where it starts
        reader = app.screen
        assert isinstance(reader, MainScreen)
        before = reader.view_state()
        await pilot.press("L")
        await settle(app, pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen) and library.folder == opened.parent
        assert "hts-offensive-2024-12.yaml" in names(library)
        hint = str(library.query_one("#library-hint").render())
        default = default_briefings_dir()
        assert hint == f"Showing this briefing's folder: set `briefings:` in config.yaml (no {default})"
        await pilot.press(back)
        assert app.screen is reader and reader.view_state() == before
        assert app.is_running


async def test_slash_filters_the_list_as_you_type_and_esc_clears_then_leaves(opened):
    app = prepare(opened, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("L")
        await settle(app, pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        everything = names(library)
        await pilot.press("/", *"MIRNA")  # any case; q, L and ? typed here are text, not keys
        assert names(library) == ["port-mirna.yaml"]
        assert "(1 of 4)" in str(library.listing.border_title)
        await pilot.press("enter")  # back to the list, the filter kept
        assert names(library) == ["port-mirna.yaml"] and library.listing.has_focus
        await pilot.press("escape")
        assert names(library) == everything and app.screen is library
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_question_mark_on_the_library_lists_its_keys(opened):
    app = prepare(opened, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("L")
        await settle(app, pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        headings = [s.render().plain for s in help_screen.query(".help-heading")]
        assert headings == ["Library", "Library filter", "Everywhere"]
        what = [s.render().plain for s in help_screen.query(".help-what")]
        assert "Show only the briefings whose title or file name holds what you type" in what
        assert "Sort by the next key: date, title, status, file name" in what
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
