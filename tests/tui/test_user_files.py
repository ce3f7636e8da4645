"""The reader with user files that would have hurt it: a theme Textual cannot apply, a FIFO as
state.json, a config folder that cannot be read, thousands of config problems.

Every app here is built by launch.prepare, as the CLI builds it, with the
config, themes and state folders of the test's own temporary home.
"""

from __future__ import annotations

import os
import threading
import time

import pytest

from briefing.tui import launch
from briefing.tui.app import BriefingApp
from briefing.tui.screens.main import MainScreen
from briefing.user import settings, state

from .conftest import MIRNA
from .test_themes import record_notifications, write


def prepare_mirna() -> BriefingApp:
    app = launch.prepare(MIRNA, theme=None, max_size=None)
    assert isinstance(app, BriefingApp)
    return app


async def test_a_theme_textual_cannot_apply_is_reported_and_the_reader_starts_on_the_default():
    # Before, `briefing themes` listed it and the reader stopped with "CSS parsing failed".
    text = "primary: '#336699'\nvariables:\n  evidence-background: auto 90%\n"
    theme = write(settings.themes_dir() / "auto.yaml", text)
    write(settings.config_path(), "theme: auto\n")
    app = prepare_mirna()
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.theme == "briefing-dark" and "auto" not in app.available_themes
        await pilot.press("4")  # the source pane, where the evidence background is drawn
        await pilot.pause()
    assert app.return_code in (0, None)
    assert any(f"{theme}:3:24: error: 'auto 90%' cannot be used as a background" in s for s in shown)


async def test_three_thousand_config_problems_are_three_notices_and_a_count_and_do_not_delay_the_start():
    write(settings.config_path(), "".join(f"k{i}: 1\n" for i in range(3000)))
    app = prepare_mirna()
    shown = record_notifications(app)
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first_screen = time.perf_counter() - started
        assert isinstance(app.screen, MainScreen)
    assert len(shown) == 4  # and the check stopped at 1,000 (tests/unit/test_user_files.py)
    assert shown[-1] == "and 998 more problems with your settings: run `briefing paths` to see them"
    assert first_screen < 5  # 3,000 notices took over a minute; a few take milliseconds


async def test_a_fifo_as_state_json_is_a_notice_not_a_reader_that_never_starts():
    path = state.state_path()
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    built: list[BriefingApp] = []
    thread = threading.Thread(target=lambda: built.append(prepare_mirna()), daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))  # let the blocked open go
        thread.join(10)
        pytest.fail("the reader waited on the FIFO")
    [app] = built
    assert [n.message for n in app.notices] == ["not a regular file, so not a state file"]


async def test_a_config_folder_that_is_a_file_is_a_notice_and_the_reader_starts():
    folder = settings.config_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("oops\n", encoding="utf-8")
    app = prepare_mirna()
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert any(f"cannot read the config file: {folder} is a file, not a folder" in s for s in shown)


async def test_a_config_folder_too_long_to_look_at_is_a_notice_and_the_reader_starts(monkeypatch, tmp_path):
    # A real error a stat gives root too (chmod 000 does not stop root).
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ("a" * 300)))
    app = prepare_mirna()
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert any("cannot read the config file: File name too long" in s for s in shown)
