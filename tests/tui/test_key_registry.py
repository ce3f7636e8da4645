"""One registry of keys (tui/keys.py): every screen's keys, help, the footer and the README read it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefing.tui import key_table, keys
from briefing.tui.app import BriefingApp
from briefing.tui.bindings import binding_ids, keymap_clashes
from briefing.tui.screens.day_prompt import DayPrompt
from briefing.tui.screens.detail import DetailScreen
from briefing.tui.screens.diagnostics_screen import DiagnosticsScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.library_screen import LibraryScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.map_screen import MapScreen
from briefing.tui.screens.news_screen import NewsScreen
from briefing.tui.screens.overview import OverviewScreen
from briefing.tui.screens.scrolling import ReadingScreen
from briefing.tui.widgets.item_list import ItemList
from briefing.tui.widgets.search_input import SearchInput
from briefing.tui.widgets.source import SourceView

README = Path(__file__).resolve().parents[2] / "README.md"
# The places whose keys the README's table speaks for: the reader's own and the detail view's.
README_PLACES = ("app", "reader", "list", "source", "reading", "detail")
OWNERS = {
    "app": BriefingApp,
    "reader": MainScreen,
    "list": ItemList,
    "source": SourceView,
    "reading": ReadingScreen,
    "detail": DetailScreen,
    "overview": OverviewScreen,
    "news": NewsScreen,
    "help": HelpScreen,
    "diagnostics": DiagnosticsScreen,
    "library": LibraryScreen,
    "map": MapScreen,
    "search-field": SearchInput,
    "day-prompt": DayPrompt,
}


def readme_key_table() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Reading with the keyboard\n") :]
    start = section.index("\n|") + 1
    return section[start : section.index("\n\n", start) + 1]


def test_the_readme_key_table_is_the_registry_s():
    """Change README_ROWS in briefing/tui/key_table.py, then paste readme_table() into the README."""
    assert readme_key_table() == key_table.readme_table()


def test_the_readme_table_names_every_key_of_the_reader_once():
    in_rows = [key_id for ids, _does in key_table.README_ROWS for key_id in ids]
    reader_keys = [k.id for p in README_PLACES for k in keys.PLACES[p].keys]
    assert sorted(in_rows) == sorted(reader_keys)


@pytest.mark.parametrize("place", sorted(OWNERS))
def test_each_screen_and_widget_has_exactly_the_registry_s_keys(place):
    # (a key with no action is help's only: Esc in the search field reaches the reader's `clear`)
    declared = [(k.id, k.keys, k.action, k.footer, k.priority) for k in keys.PLACES[place].keys if k.action]
    bound = [(b.id, b.key, b.action, b.show, b.priority) for b in OWNERS[place].BINDINGS]
    assert bound == declared


def test_every_place_with_keys_is_a_screen_or_widget_or_listed_only_in_help():
    listed_only = {"library-field"}
    assert set(keys.PLACES) == set(OWNERS) | listed_only
    assert all(not k.id for p in keys.PLACES.values() for k in p.keys if not k.action)


def test_config_may_rebind_every_key_with_an_id_and_only_those():
    assert binding_ids() == {k.id for p in OWNERS for k in keys.PLACES[p].keys if k.id}
    assert "" not in binding_ids()


def test_a_rebinding_that_takes_a_key_from_another_in_the_same_place_is_reported():
    assert keymap_clashes({"search": "n,q"}) == [
        "keys: search takes 'n' from next-match (reader), which is left without it"
    ]
    # q is the app's, and the reader's keys come first: nothing is taken from it.
    assert keymap_clashes({"cursor-down": "s", "next-pane": "j"}) == []


def test_the_registry_imports_no_screen_and_not_the_app():
    """Help, the footer and config read the registry: it must not need any of them (no cycles)."""
    code = "import sys, briefing.tui.keys, briefing.tui.bindings; print(*sorted(sys.modules), sep='\\n')"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported = run.stdout.split()
    assert "briefing.tui.keys" in imported
    screens = ("briefing.tui.app", "briefing.tui.screens", "briefing.tui.widgets")
    assert [m for m in imported if m.startswith(screens)] == []


async def test_help_lists_every_section_of_the_registry_in_order(mirna, make_app):
    app = make_app(mirna, keymap={"next-match": "m"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        headings = [s.render().plain for s in screen.query(".help-heading")]
        assert headings == [title for title, _places in keys.HELP_SECTIONS] + ["Marks"]
        rows = list(
            zip(
                [s.render().plain for s in screen.query(".help-key")],
                [s.render().plain for s in screen.query(".help-what")],
                strict=True,
            )
        )
        assert ("m", "Go to the next search match") in rows  # the key config gave it
        assert ("⏎", "Go to the chosen result; none chosen: the first match from where you are") in rows
        listed = [k.description for _title, section in keys.help_sections() for k in section]
        assert [what for _keys, what in rows][: len(listed)] == listed
