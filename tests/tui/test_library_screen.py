"""The library screen: `briefing DIR` and the L key list a folder's briefings; Enter opens, L returns."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

from briefing.format import loader
from briefing.tui.launch import prepare
from briefing.tui.screens.diagnostics_screen import DiagnosticsScreen
from briefing.tui.screens.library_screen import LibraryScreen
from briefing.tui.screens.main import MainScreen
from briefing.user import settings

from .conftest import DATA, HARBOUR
from .test_settings_state import copy_mirna
from .test_themes import settle, write


def make_folder(folder: Path) -> Path:
    """Three good briefings (7 Mar 2025, 8 Mar 2024, 7 Dec 2024) and one with an error on line 1."""
    copy_mirna(folder)
    for source in HARBOUR.parent.glob("harbour-strike*"):
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
        await pilot.press("L")
        await settle(app, pilot)
        await pilot.press("q")  # q too, like a pager: the library closes, the reader goes on
        assert isinstance(app.screen, MainScreen) and app.is_running
        await pilot.press("L", "enter")
        await settle(app, pilot)
        # The briefing opened from the library takes the reader's place: no stack of readers.
        assert [type(s).__name__ for s in app.screen_stack] == ["MainScreen"]
        assert app.screen.briefing.id == "port-mirna-strike" and app.file == folder / "port-mirna.yaml"


async def test_a_configured_folder_that_does_not_exist_gives_the_open_briefing_s_folder(tmp_path):
    write(settings.config_path(), f"briefings: {tmp_path / 'nowhere'}\n")
    app = prepare(HARBOUR, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("L")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen) and app.screen.folder == HARBOUR.parent
        hint = str(app.screen.query_one("#library-hint").render())
        nowhere = tmp_path / "nowhere"
        assert (
            hint == f"Showing this briefing's folder: `briefings:` in config.yaml is not a folder: {nowhere}"
        )


async def test_a_folder_that_does_not_exist_says_so(tmp_path):
    app = prepare(HARBOUR, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(LibraryScreen(tmp_path / "nowhere"))
        await settle(app, pilot)
        status = app.screen.query_one("#library-status").render()
        assert "Cannot read the folder: no such file" in str(status)


HOSTILE_NAME = "\x1b]0;owned\x07report\x1b[2J.yaml"  # sets the terminal's title, clears the screen


async def test_a_hostile_file_name_a_broken_file_and_one_the_loader_fails_on_are_all_listed(
    tmp_path, monkeypatch
):
    folder = tmp_path / "briefings"
    copy_mirna(folder).rename(folder / HOSTILE_NAME)  # a valid briefing under a hostile name
    (folder / "broken.yaml").write_bytes(b"briefing: 1\ntitle: \xff\xfe\n")  # not UTF-8
    shutil.copy(HARBOUR, folder / "bug.yaml")
    real_check = loader.check_text

    def check(text, **options):
        if Path(options["shown"]).name == "bug.yaml":  # a loader bug: it should return located errors
            raise RecursionError("maximum recursion depth exceeded")
        return real_check(text, **options)

    monkeypatch.setattr(loader, "check_text", check)
    app = prepare(folder, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and app.is_running
        assert sorted(names(screen)) == sorted([HOSTILE_NAME, "broken.yaml", "bug.yaml"])
        lines = [screen.listing.render_line(y).text for y in range(screen.listing.size.height)]
        text = "\n".join(lines)
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
        assert "Dock strike at Port Mirna [draft notes]" in text
        assert "�]0;owned�report�[2J.yaml" in text  # the name, its controls made visible
        assert "✗ bug.yaml  cannot be opened" in text
        assert "internal error: RecursionError: maximum recursion depth exceeded" in text
        assert "✗ broken.yaml  cannot be opened" in text
        assert "2 briefings" not in str(screen.query_one("#library-status").render())
        assert "1 briefing, 2 that cannot be opened" in str(screen.query_one("#library-status").render())


async def test_a_folder_named_with_an_escape_is_shown_through_the_gate(tmp_path):
    folder = tmp_path / "\x1b]0;owned\x07folder"
    copy_mirna(folder)
    app = prepare(folder, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        title = str(app.screen.query_one("#library-title").render())
        assert "\x1b" not in title and "\x07" not in title and "�]0;owned�folder" in title


async def test_opening_a_file_the_loader_fails_on_lists_its_error_and_the_reader_goes_on(
    tmp_path, monkeypatch
):
    folder = tmp_path / "briefings"
    copy_mirna(folder)

    def failing(*_args, **_kwargs):
        raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")

    app = prepare(folder, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(loader, "check_text", failing)  # the file is opened through the cache
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DiagnosticsScreen) and app.is_running
        assert app.screen.diagnostics[0].message.startswith("internal error: ValueError: Exceeds the limit")
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen) and app.is_running


async def test_going_back_and_forth_between_the_library_and_briefings_keeps_no_old_briefing(
    tmp_path, briefings_made
):
    alive = briefings_made
    app = prepare(make_folder(tmp_path / "briefings"), theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for key in ("k", "j") * 5:  # the first two briefings, one after the other
            await pilot.press(key, "enter")
            await settle(app, pilot)
            assert isinstance(app.screen, MainScreen)
            await pilot.press("L")
            await settle(app, pilot)
        assert len(alive) >= 10
        gc.collect()  # as the reader's own collector would; what it froze stays frozen
        assert sum(ref() is not None for ref in alive) <= 2
