"""The seam for saving and restoring where the reader was, and the CLI's entry point."""

from __future__ import annotations

from pathlib import Path

from briefing.tui.launch import launch
from briefing.tui.place import ViewState


async def test_a_saved_view_is_restored(mirna, make_app):
    state = ViewState(pane="actors", event="offer", actor="brandt", reaction="velmar", source="wire")
    app = make_app(mirna, state=state)
    async with app.run_test(size=(120, 40)):
        screen = app.screen
        assert app.focused is screen.actors
        assert screen.actors.cursor_id == "brandt"
        assert screen.timeline.cursor_id == "offer"
        assert screen.reactions.cursor_id == "velmar"
        assert screen.timeline.linked == {"injunction"}  # Brandt is the linked item
        assert app.view_state() == state


async def test_a_saved_filter_is_restored_and_unknown_ids_are_ignored(mirna, make_app):
    state = ViewState(pane="timeline", event="second-walkout", actor="gone", filter_actor="union")
    app = make_app(mirna, state=state)
    async with app.run_test(size=(120, 40)):
        screen = app.screen
        assert screen.timeline.only_actor.id == "union"
        assert screen.timeline.cursor_id == "second-walkout"
        assert screen.actors.cursor_id == "union"
        assert app.focused is screen.timeline


def test_launch_refuses_an_unknown_theme_before_starting(tmp_path: Path, capsys):
    assert launch(tmp_path / "any.yaml", theme="no-such-theme", max_size=None, debug=False) == 2
    error = capsys.readouterr().err
    assert "unknown theme 'no-such-theme'" in error
    assert "textual-dark" in error  # the choices are listed
