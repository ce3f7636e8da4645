"""The reader at each colour depth: the theme it starts on, and what a terminal of 256 or 16 colours shows.

Textual's console reads the terminal's colours (COLORTERM, TERM) when the app is
made, so each test sets them first. A screen is read as a terminal shows it: the
bytes the reader writes for a whole frame, fed to pyte, cell by cell.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyte
import pytest
from textual import constants

from briefing.model import Briefing
from briefing.tui.app import BriefingApp
from briefing.tui.launch import prepare
from briefing.user import settings
from briefing.user.theme_listing import print_themes

SIZE = (120, 40)
SetTerminal = Callable[..., None]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> SetTerminal:
    """terminal("xterm-256color") is an SSH session's terminal: TERM set, no COLORTERM."""
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "auto")  # not a developer's TEXTUAL_COLOR_SYSTEM

    def set_terminal(term: str, colorterm: str | None = None, no_color: bool = False) -> None:
        monkeypatch.setenv("TERM", term)
        if colorterm is None:
            monkeypatch.delenv("COLORTERM", raising=False)
        else:
            monkeypatch.setenv("COLORTERM", colorterm)
        if no_color:
            monkeypatch.setenv("NO_COLOR", "1")

    return set_terminal


def screen_of(app: BriefingApp) -> tuple[pyte.Screen, bytes]:
    """The whole screen as a terminal shows it, and the bytes the reader wrote for it."""
    written = app.screen._compositor.render_update(full=True).render_segments(app.console).encode()
    screen = pyte.Screen(*SIZE)
    pyte.ByteStream(screen).feed(written)
    return screen, written


def cell_at(screen: pyte.Screen, mark: str, right: int = 0) -> pyte.screens.Char:
    """The cell ``right`` cells after the first ``mark`` on screen."""
    for y in range(screen.lines):
        for x in range(screen.columns):
            if screen.buffer[y][x].data == mark:
                return screen.buffer[y][x + right]
    raise AssertionError(f"{mark!r} is not on screen:\n" + "\n".join(screen.display))


@pytest.mark.parametrize(
    ("term", "colorterm", "depth", "theme"),
    [
        ("xterm-256color", "truecolor", "truecolor", "briefing-dark"),
        ("xterm-256color", None, "256", "briefing-dark"),  # ssh: COLORTERM does not cross it
        ("xterm", None, "standard", "briefing-terminal"),
        ("linux", None, "standard", "briefing-terminal"),  # the Linux console
        ("screen", None, "standard", "briefing-terminal"),
    ],
)
def test_the_theme_follows_the_colours_of_the_terminal(
    terminal: SetTerminal, sample: Briefing, term: str, colorterm: str | None, depth: str, theme: str
) -> None:
    terminal(term, colorterm)
    app = BriefingApp(sample)
    assert (app.console.color_system, app.theme) == (depth, theme)


def test_a_theme_the_user_chose_is_kept_at_16_colours(terminal: SetTerminal, sample: Briefing) -> None:
    terminal("xterm")
    assert BriefingApp(sample, theme="briefing-light").theme == "briefing-light"


def test_textual_theme_is_a_choice_and_config_yaml_comes_before_it(
    terminal: SetTerminal, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal("xterm")
    monkeypatch.setenv("TEXTUAL_THEME", "nord")
    app = prepare(sample_path, theme=None, max_size=None)
    assert isinstance(app, BriefingApp) and app.theme == "nord"
    settings.config_path().parent.mkdir(parents=True)
    settings.config_path().write_text("theme: briefing-light\n")
    app = prepare(sample_path, theme=None, max_size=None)
    assert isinstance(app, BriefingApp) and app.theme == "briefing-light"


def test_an_unknown_textual_theme_is_reported_and_the_terminals_theme_used(
    terminal: SetTerminal, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal("xterm")
    monkeypatch.setenv("TEXTUAL_THEME", "no-such-theme")
    app = prepare(sample_path, theme=None, max_size=None)
    assert isinstance(app, BriefingApp) and app.theme == "briefing-terminal"
    assert any(n.path == "TEXTUAL_THEME" and "no-such-theme" in n.message for n in app.notices)


async def test_the_theme_taken_for_16_colours_is_not_remembered_as_a_pick(
    terminal: SetTerminal, sample_path: Path
) -> None:
    """Quitting over SSH must not carry briefing-terminal into the next true-colour session."""
    terminal("xterm")
    app = prepare(sample_path, theme=None, max_size=None)
    assert isinstance(app, BriefingApp) and app.theme == "briefing-terminal"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.quit_keeping_place()
    terminal("xterm-256color", "truecolor")
    again = prepare(sample_path, theme=None, max_size=None)
    assert isinstance(again, BriefingApp) and again.theme == "briefing-dark"


async def test_256_colours_keep_frames_focus_and_selection_apart(
    terminal: SetTerminal, sample: Briefing
) -> None:
    """briefing-dark as a 256-colour terminal shows it: each colour the nearest of its palette."""
    terminal("xterm-256color")
    app = BriefingApp(sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen, written = screen_of(app)
    assert b"38;5;" in written and b"38;2;" not in written and b"48;2;" not in written
    focused_frame, frame = cell_at(screen, "┏"), cell_at(screen, "╭")
    selected, selected_elsewhere = cell_at(screen, "▶", 1), cell_at(screen, "›", 1)
    assert frame.fg != frame.bg, "the frames of panes without focus vanish into the panes"
    assert focused_frame.fg not in (frame.fg, focused_frame.bg), "the focused pane's frame is not told apart"
    pane, focused_pane = frame.bg, focused_frame.bg
    assert selected.bg not in (pane, focused_pane, selected_elsewhere.bg), "the selection does not show"
    assert selected_elsewhere.bg != pane, "the selection in other panes does not show"


async def test_16_colours_are_the_terminals_own(terminal: SetTerminal, sample: Briefing) -> None:
    """briefing-terminal: only the 16 colours, on the terminal's own background, so its scheme holds."""
    terminal("xterm")
    app = BriefingApp(sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen, written = screen_of(app)
    assert not any(code in written for code in (b"38;5;", b"48;5;", b"38;2;", b"48;2;"))
    frame, selected = cell_at(screen, "╭"), cell_at(screen, "▶", 1)
    assert (frame.fg, frame.bg) == ("brightblack", "default")  # grey: shows on black and on white
    assert selected.reverse and selected.bold  # a reversed bar: reads on light and dark schemes


async def test_no_color_with_the_terminals_colours_leaves_text_readable(
    terminal: SetTerminal, sample: Briefing
) -> None:
    """NO_COLOR with briefing-terminal: no colour at all, not black text on black (Textual's greys)."""
    terminal("xterm", no_color=True)
    app = BriefingApp(sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen, _ = screen_of(app)
    colours = {(c.fg, c.bg) for row in screen.buffer.values() for c in row.values() if c.data.strip()}
    assert colours == {("default", "default")}
    selected = cell_at(screen, "▶", 1)
    assert selected.bold and selected.reverse  # the selection: marked, bold and reversed


def test_briefing_themes_marks_the_theme_for_this_terminal(
    terminal: SetTerminal, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal("linux")
    print_themes()
    listing = capsys.readouterr().out.splitlines()
    assert any(line.startswith("* briefing-terminal ") for line in listing)
    assert "* in use: briefing-terminal for this terminal's colours" in listing[-1]
    terminal("xterm-256color")
    print_themes()
    assert "* in use: briefing-dark for this terminal's colours" in capsys.readouterr().out
