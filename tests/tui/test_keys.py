"""Every key has an id and a description, can be rebound, is listed in help; quitting; the palette."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Static

from briefing.format.diagnostics import Diagnostic
from briefing.tui.app import BriefingApp
from briefing.tui.screens.detail import DetailScreen
from briefing.tui.screens.diagnostics_screen import DiagnosticsScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.scrolling import ReadingScreen
from briefing.tui.widgets.item_list import ItemList
from briefing.tui.widgets.source import SourceView

OWNERS = (
    BriefingApp,
    MainScreen,
    ItemList,
    SourceView,
    ReadingScreen,
    DetailScreen,
    HelpScreen,
    DiagnosticsScreen,
)


def help_rows(screen) -> list[tuple[str, str]]:
    """The help screen's (keys, description) rows, as shown."""
    keys = [s.render().plain for s in screen.query(".help-key")]
    what = [s.render().plain for s in screen.query(".help-what")]
    return list(zip(keys, what, strict=True))


def test_every_binding_has_a_unique_id_and_a_description():
    ids = []
    for owner in OWNERS:
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding), owner
            assert binding.id, (owner.__name__, binding.key)
            assert binding.description, (owner.__name__, binding.key)
            ids.append(binding.id)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


async def test_every_active_binding_of_the_reader_has_an_id(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        for pane in ("1", "2", "3", "4"):
            await pilot.press(pane)
            for active in app.active_bindings.values():
                if not active.binding.system:  # Textual's own Ctrl+C hint
                    assert active.binding.id, active.binding.key


async def test_keys_can_be_rebound_by_id_and_help_shows_the_new_key(mirna, make_app):
    app = make_app(mirna, keymap={"cursor-down": "x", "help": "f1"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "x")  # from the first event
        assert app.screen.timeline.cursor_id == "injunction"
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(app.screen)
        assert ("x", "Next item") in rows
        assert ("f1", "This list of keys") in rows


async def test_question_mark_lists_every_key_and_closes_again(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(app.screen)
        described = {what for _keys, what in rows}
        for owner in (BriefingApp, MainScreen, ItemList, SourceView, DetailScreen):
            for binding in owner.BINDINGS:
                assert binding.tooltip in described, binding.id
        assert ("↓ j", "Next item") in rows  # keys shown as Textual displays them
        assert ("[", "Show the previous source (with several)") in rows
        await pilot.press("question_mark")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("question_mark", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_q_quits(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_q_types_in_the_search_bar_and_ctrl_q_quits_from_there(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", "q")
        assert app.screen.search_bar.input.value == "q"
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_palette_jumps_to_an_event_hidden_by_the_filter(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("2", "j", "f")  # only Dara Velic's one event
        await pilot.press("ctrl+p")
        for key in "pay rise":
            await pilot.press(key if key != " " else "space")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is screen.timeline
        assert screen.timeline.cursor_id == "offer"
        assert screen.timeline.only_actor is None  # lifted so the event can be shown


async def test_palette_jumps_to_a_country_and_toggles_the_filter(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("ctrl+p")
        for key in "velmar":
            await pilot.press(key)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is screen.reactions
        assert screen.reactions.cursor_id == "velmar"
        await pilot.press("2", "ctrl+p")
        for key in "toggle actor":
            await pilot.press(key if key != " " else "space")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.timeline.only_actor.id == "union"


async def test_an_invalid_file_opens_on_its_diagnostics_and_quits_with_code_1(make_app):
    problems = [
        Diagnostic("bad.yaml", 3, 8, "expected one line of text, found a number (1984)", key_path="title"),
        Diagnostic(
            "bad.yaml", 9, 5, "unknown key 'titel'", key_path="events[0]", hint="did you mean 'title'?"
        ),
    ]
    app = make_app(None, problems, "bad.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, DiagnosticsScreen)
        text = "\n".join(s.render().plain for s in app.screen.query(Static))
        assert "Cannot open bad.yaml: 2 errors" in text
        assert "bad.yaml:3:8 error: expected one line of text, found a number (1984)  (at title)" in text
        assert "hint: did you mean 'title'?" in text
        assert app.view_state() is None
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1


async def test_detail_view_scrolls_with_the_reading_keys(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter")  # Turkey: statements and actions, longer than a screen
        assert isinstance(app.screen, DetailScreen)
        body = app.screen.body
        assert body.max_scroll_y > 0
        await pilot.press("j")
        assert body.scroll_y == 1
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("pagedown")
        assert body.scroll_y > 1
