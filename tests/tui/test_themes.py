"""Themes in the reader: bundled and user themes, --theme, config, the palette pick remembered.

Every app here is built by launch.prepare, as the CLI builds it, with the
config, themes and state folders of the test's own temporary home.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from briefing.resources import themes_folder
from briefing.tui.launch import prepare
from briefing.tui.screens.main import MainScreen
from briefing.user import settings, state

from .conftest import MIRNA

BUNDLED = ("briefing-dark", "briefing-light", "briefing-high-contrast", "briefing-terminal")
# What each bundled theme's file says an opposing stance is drawn in.
OPPOSED = {
    name: yaml.safe_load((themes_folder() / f"{name}.yaml").read_text(encoding="utf-8"))["variables"][
        "stance-opposed"
    ]
    for name in BUNDLED
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


async def settle(app, pilot) -> None:
    """Let workers (the palette's search, file checks) finish and the screen catch up."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def record_notifications(app) -> list[str]:
    """The messages of every notification the app shows from now on."""
    shown: list[str] = []
    notify = app.notify

    def recording(message, **options):
        shown.append(message)
        return notify(message, **options)

    app.notify = recording
    return shown


async def test_the_default_theme_is_briefing_dark_and_every_bundled_theme_is_registered():
    app = prepare(MIRNA, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)):
        assert app.theme == "briefing-dark"
        assert set(BUNDLED) <= set(app.available_themes)


async def test_every_theme_draws_the_reader_without_a_css_error():
    """Bundled themes set the app's variables; Textual's own get them derived. None may break."""
    app = prepare(MIRNA, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        for name in [*BUNDLED, *BUILTIN_THEMES]:
            app.theme = name
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MainScreen)
            # The stance colour drawn is the one the theme gives: a bundled theme's file sets
            # it; Textual's own themes get the fallback, their error text colour.
            written = OPPOSED.get(name) or app.get_css_variables()["text-error"]
            drawn = screen.reactions.get_component_rich_style("reactions--stance-opposed").color
            assert drawn == Color.parse(written).rich_color, name


async def test_theme_flag_picks_a_theme_for_this_run_only():
    app = prepare(MIRNA, theme="briefing-high-contrast", max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "briefing-high-contrast"
        await pilot.press("q")
    remembered, _ = state.load_state()
    assert remembered.theme is None
    again = prepare(MIRNA, theme=None, max_size=None)
    assert again.theme == "briefing-dark"


def test_an_unknown_theme_flag_is_a_usage_error_listing_the_choices(capsys):
    assert prepare(MIRNA, theme="no-such-theme", max_size=None) == 2
    error = capsys.readouterr().err
    assert "unknown theme 'no-such-theme'" in error and "briefing-terminal" in error and "nord" in error


async def test_a_theme_picked_in_the_command_palette_is_remembered_for_the_next_run():
    app = prepare(MIRNA, theme=None, max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"theme")
        await settle(app, pilot)
        await pilot.press("enter")  # the "Theme" command: a second palette lists the themes
        await settle(app, pilot)
        await pilot.press(*"briefing-light")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.theme == "briefing-light"
        await pilot.press("q")
    again = prepare(MIRNA, theme=None, max_size=None)
    assert again.theme == "briefing-light"


def test_the_config_theme_applies_and_a_later_change_to_it_beats_an_earlier_palette_pick():
    write(settings.config_path(), "theme: briefing-terminal\n")
    assert prepare(MIRNA, theme=None, max_size=None).theme == "briefing-terminal"
    state.update_state(lambda s: state.remember_theme(s, "nord", config_theme="briefing-terminal"))
    assert prepare(MIRNA, theme=None, max_size=None).theme == "nord"
    write(settings.config_path(), "theme: briefing-light\n")
    assert prepare(MIRNA, theme=None, max_size=None).theme == "briefing-light"


async def test_a_user_theme_file_is_registered_and_can_be_chosen():
    write(
        settings.themes_dir() / "ocean.yaml",
        "primary: '#0077be'\nbackground: '#001f2f'\nvariables:\n  stance-opposed: '#ff5f5f'\n",
    )
    app = prepare(MIRNA, theme="ocean", max_size=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "ocean"
        assert app.theme_variables["stance-opposed"] == "#ff5f5f"
        # Variables the file leaves out are derived from its colours.
        assert app.theme_variables["stance-supportive"] == app.theme_variables["text-success"]


async def test_a_bad_theme_file_is_reported_once_in_the_app_and_skipped():
    bad = write(settings.themes_dir() / "bad.yaml", "name: bad\nprimary: '#12345'\n")
    app = prepare(MIRNA, theme=None, max_size=None)
    shown = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "bad" not in app.available_themes
        assert [m for m in shown if str(bad) in m] == [
            f"{bad}:2:10: error: not a colour: '#12345' (at primary)\n"
            "  hint: write a colour as '#rrggbb', 'rgb(r,g,b)', 'hsl(h,s%,l%)', a name, or 'ansi_NAME'"
        ]
        assert isinstance(app.screen, MainScreen)


def test_a_remembered_theme_whose_file_is_gone_falls_back_to_the_default():
    state.update_state(lambda s: state.remember_theme(s, "vanished", config_theme=None))
    app = prepare(MIRNA, theme=None, max_size=None)
    assert app.theme == "briefing-dark"
    assert any("unknown theme 'vanished'" in n.message for n in app.notices)


def test_an_unknown_config_theme_is_reported_with_its_line():
    write(settings.config_path(), "mouse: true\ntheme: briefing-drak\n")
    app = prepare(MIRNA, theme=None, max_size=None)
    assert app.theme == "briefing-dark"
    [problem] = app.notices
    assert (problem.line, problem.message, problem.hint) == (
        2,
        "no theme is called 'briefing-drak'",
        "did you mean 'briefing-dark'?",
    )
