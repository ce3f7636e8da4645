"""The state file: remembered views and theme, atomic writes, corrupt files set aside."""

import json

import pytest

from briefing.user import state
from briefing.user.state import (
    MAX_REMEMBERED,
    State,
    choose_theme,
    load_state,
    remember_opened,
    remember_theme,
    remember_view,
    save_state,
    update_state,
    view_of,
)


def test_no_state_file_means_a_fresh_start():
    assert load_state() == (State(), [])


def test_a_view_survives_a_save_and_a_load(tmp_path, isolated_environment):
    briefing = tmp_path / "a.yaml"
    saved = remember_view(State(), briefing, {"pane": "actors", "actor": "hts", "event": None})
    save_state(saved)
    assert state.state_path() == isolated_environment / "state" / "briefing" / "state.json"
    loaded, problems = load_state()
    assert problems == []
    assert dict(view_of(loaded, briefing)) == {"pane": "actors", "actor": "hts"}
    assert loaded.last_opened == str(briefing)


def test_views_are_keyed_by_the_resolved_path(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    remembered = remember_view(State(), tmp_path / "sub" / ".." / "a.yaml", {"pane": "source"})
    monkeypatch.chdir(tmp_path)
    assert view_of(remembered, "a.yaml") == {"pane": "source"}


def test_only_the_most_recently_used_views_are_kept(tmp_path):
    current = State()
    for index in range(MAX_REMEMBERED + 5):
        current = remember_view(current, tmp_path / f"{index}.yaml", {"pane": "timeline"})
    # Touch the very first survivor again: it becomes the newest.
    current = remember_view(current, tmp_path / "5.yaml", {"pane": "actors"})
    current = remember_view(current, tmp_path / "extra.yaml", {"pane": "timeline"})
    assert len(current.views) == MAX_REMEMBERED
    assert view_of(current, tmp_path / "5.yaml") == {"pane": "actors"}
    assert view_of(current, tmp_path / "6.yaml") == {}  # the oldest one went
    assert view_of(current, tmp_path / "4.yaml") == {}


def test_update_keeps_what_another_instance_saved_meanwhile(tmp_path):
    # Two instances started with the same (empty) state; each saves its own briefing.
    update_state(lambda s: remember_view(s, tmp_path / "one.yaml", {"pane": "actors"}))
    update_state(lambda s: remember_view(s, tmp_path / "two.yaml", {"pane": "source"}))
    loaded, _ = load_state()
    assert view_of(loaded, tmp_path / "one.yaml") == {"pane": "actors"}
    assert view_of(loaded, tmp_path / "two.yaml") == {"pane": "source"}
    assert loaded.last_opened == str(tmp_path / "two.yaml")


def test_a_save_leaves_no_temporary_file_behind():
    save_state(remember_opened(State(), "/x/a.yaml"))
    assert [p.name for p in state.state_path().parent.iterdir()] == ["state.json"]


@pytest.mark.parametrize(
    "content",
    [b'{"version": 1, "views": {', b"\xff\xfe not utf-8", b"[1, 2]", b'{"version": 99}', b"[" * 100_000],
    ids=["half-written", "not-utf8", "a-list", "other-version", "deeply-nested"],
)
def test_a_corrupt_state_file_is_set_aside_and_the_app_starts_fresh(content):
    path = state.state_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    loaded, problems = load_state()
    assert loaded == State()
    assert len(problems) == 1 and "moved to state.json.corrupt-" in problems[0].message
    [aside] = path.parent.glob("state.json.corrupt-*")
    assert aside.read_bytes() == content and not path.exists()
    # The next save starts a good file again.
    save_state(remember_opened(loaded, "/x/a.yaml"))
    assert load_state()[0].last_opened == "/x/a.yaml"


def test_entries_of_the_wrong_shape_are_dropped_not_fatal():
    path = state.state_path()
    path.parent.mkdir(parents=True)
    data = {"version": 1, "theme": 7, "views": {"/a.yaml": {"pane": "actors", "n": 3}, "/b.yaml": "x"}}
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded, problems = load_state()
    assert problems == []
    assert loaded.theme is None and dict(loaded.views) == {"/a.yaml": {"pane": "actors"}}


def test_the_theme_order_is_flag_then_pick_in_the_app_then_config_then_default():
    fresh = State()
    assert choose_theme(None, None, fresh, "briefing-dark") == "briefing-dark"
    assert choose_theme(None, "nord", fresh, "briefing-dark") == "nord"
    picked = remember_theme(fresh, "dracula", config_theme="nord")
    assert choose_theme(None, "nord", picked, "briefing-dark") == "dracula"
    assert choose_theme("monokai", "nord", picked, "briefing-dark") == "monokai"


def test_changing_the_config_theme_after_a_pick_in_the_app_wins_again():
    picked = remember_theme(State(), "dracula", config_theme=None)
    assert choose_theme(None, None, picked, "briefing-dark") == "dracula"
    assert choose_theme(None, "briefing-light", picked, "briefing-dark") == "briefing-light"


def test_two_writers_at_once_never_leave_a_file_that_fails_to_load(tmp_path):
    import threading

    def writer(name):
        for index in range(40):
            update_state(lambda s, i=index: remember_view(s, tmp_path / f"{name}.yaml", {"event": f"e{i}"}))

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    loaded, problems = load_state()
    assert problems == []
    # Each writer's last save survives or was overwritten by the other's re-read; both cannot vanish.
    assert view_of(loaded, tmp_path / "one.yaml") or view_of(loaded, tmp_path / "two.yaml")
    assert not list(state.state_path().parent.glob("state.json.corrupt-*"))
