"""config.yaml and the state file in the reader: rebound keys, mouse, reopening where the reader left off.

Every app here is built by launch.prepare, as the CLI builds it, inside the
test's own temporary config and state folders (tests/conftest.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing.resources import sample_path
from briefing.tui import launch
from briefing.tui.app import BriefingApp
from briefing.tui.screens.main import MainScreen
from briefing.user import settings, state

from .conftest import DATA, MIRNA
from .test_themes import record_notifications, write


def copy_mirna(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("port-mirna.yaml", "port-mirna.txt", "wire.txt"):
        shutil.copy(DATA / name, folder / name)
    return folder / "port-mirna.yaml"


async def test_a_key_rebound_in_config_yaml_works_and_the_old_key_does_not():
    write(settings.config_path(), "keys:\n  focus-actors: a\n  quit: [x, ctrl+c]\n")
    app = prepare_mirna()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("2")
        assert app.focused is screen.timeline
        await pilot.press("a")
        assert app.focused is screen.actors
        await pilot.press("x")
    assert app.return_code == 0 and not app.is_running


async def test_a_bad_config_is_reported_in_the_app_which_starts_with_defaults():
    path = write(settings.config_path(), "keys:\n  focus-actorz: a\nmouse: sometimes\n")
    app = prepare_mirna()
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.config.mouse is True and dict(app.config.keys) == {}
        assert (
            f"{path}:2:3: error: no key binding has the id 'focus-actorz' (at keys.focus-actorz)" in shown[0]
        )
        assert "hint: did you mean 'focus-actors'?" in shown[0]
        assert shown[1].startswith(f"{path}:3:8: error: expected true or false, found 'sometimes'")
        await pilot.press("2")
        assert app.focused is app.screen.actors  # the default key still works


async def test_a_config_that_is_not_yaml_is_reported_and_left_alone():
    text = "theme: [briefing-light\n"
    path = write(settings.config_path(), text)
    app = prepare_mirna()
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "briefing-dark"
        assert shown[0].startswith(f"{path}:2:1: error: YAML syntax:")
        assert "the file is ignored: using defaults" in shown[0]
    assert path.read_text(encoding="utf-8") == text


def test_mouse_off_in_config_reaches_the_terminal_setup(monkeypatch):
    write(settings.config_path(), "mouse: false\n")
    seen = {}

    def fake_run(self, **options):
        seen.update(options)

    monkeypatch.setattr(BriefingApp, "run", fake_run)
    assert launch.launch(MIRNA, theme=None, max_size=None, debug=False) == 0
    assert seen["mouse"] is False  # (launch also hands run the loop it made)


def prepare_mirna(path: Path = MIRNA):
    app = launch.prepare(path, theme=None, max_size=None)
    assert isinstance(app, BriefingApp)
    return app


async def test_the_first_run_without_a_path_opens_the_bundled_sample():
    app = launch.prepare(None, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)):
        assert app.file == sample_path() and isinstance(app.screen, MainScreen)
        assert app.screen.briefing.id == "hts-offensive-2024-12"


async def test_closing_and_reopening_puts_the_reader_back_where_they_left_off(tmp_path):
    path = copy_mirna(tmp_path / "work")
    app = prepare_mirna(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "j", "j", "2", "j", "3", "j")  # an event, an actor, a reaction; in Reactions
        before = app.view_state()
        assert before.pane == "reactions" and before.event == "walkout"
        await pilot.press("q")
    # `briefing` with no path: the last briefing, in the same place.
    again = launch.prepare(None, theme=None, max_size=None)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.file == path
        screen = again.screen
        assert again.focused is screen.reactions
        assert again.view_state() == before


async def test_each_briefing_keeps_its_own_place(tmp_path):
    first = copy_mirna(tmp_path / "one")
    second = copy_mirna(tmp_path / "two")
    for path, keys in ((first, ("G",)), (second, ("g", "j"))):
        app = prepare_mirna(path)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*keys, "q")
    app = prepare_mirna(first)
    async with app.run_test(size=(120, 40)):
        assert app.screen.timeline.cursor_id == "second-walkout"
    app = prepare_mirna(second)
    async with app.run_test(size=(120, 40)):
        assert app.screen.timeline.cursor_id == "injunction"


async def test_a_last_briefing_that_is_gone_falls_back_to_the_sample(tmp_path):
    path = copy_mirna(tmp_path / "gone")
    app = prepare_mirna(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
    path.unlink()
    again = launch.prepare(None, theme=None, max_size=None)
    assert again.file == sample_path()


async def test_a_corrupt_state_file_is_set_aside_reported_and_the_app_starts_fresh():
    state_file = state.state_path()
    write(state_file, '{"version": 1, "views": {"/x": {"pane": "act')
    app = prepare_mirna()
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.view_state().pane == "timeline"
        assert any("state file was corrupt" in m and "starting fresh" in m for m in shown)
        await pilot.press("q")
    assert len(list(state_file.parent.glob("state.json.corrupt-*"))) == 1
    assert state.load_state()[0].last_opened == str(MIRNA)


async def test_a_state_folder_that_cannot_be_written_is_reported_not_fatal():
    blocker = settings.state_dir()
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the state folder should be", encoding="utf-8")
    app = prepare_mirna()
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "q")
    assert app.return_code == 0
    assert sum("Cannot save where you are" in m for m in shown) == 1


async def test_a_rebound_key_that_takes_another_bindings_key_is_reported_once():
    write(settings.config_path(), "keys:\n  quit: question_mark\n")
    app = prepare_mirna()
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "k")
        await pilot.pause()
        assert [m for m in shown if "takes" in m] == [
            f"{settings.config_path()}: warning: keys: quit takes 'question_mark' from help (everywhere), "
            "which is left without it"
        ]
        await pilot.press("question_mark")
    assert not app.is_running  # ? quits now
