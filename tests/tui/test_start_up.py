"""Starting the reader: the garbage collector is off until the first frame is out, the
theme it starts on looks as it does when picked later, and no pane is drawn twice."""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys

import pytest
from rich.segment import Segment
from textual.strip import Strip

from briefing.tui import launch
from briefing.tui.app import BriefingApp
from briefing.tui.widgets.pane import Pane

from .conftest import MIRNA, MakeApp

BUNDLED = ("briefing-dark", "briefing-light", "briefing-high-contrast", "briefing-terminal")


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()  # launch sets the test process's objects aside too: give them back
    gc.enable()


def test_the_collector_is_off_while_starting_and_back_on_after_the_first_frame(monkeypatch, unfrozen):
    seen: list[tuple[str, bool]] = []

    async def first_frame(app: BriefingApp) -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            seen.append(("after the first frame", gc.isenabled()))

    def run(self: BriefingApp, **options: object) -> None:
        seen.append(("when run", gc.isenabled()))
        asyncio.run(first_frame(self))

    monkeypatch.setattr(BriefingApp, "run", run)
    assert launch.launch(MIRNA, theme=None, max_size=None, debug=False) == 0
    assert seen == [("when run", False), ("after the first frame", True)]
    assert gc.get_freeze_count() > 0  # what start-up made is set aside, not walked again


def test_the_collector_is_back_on_when_the_reader_does_not_start(tmp_path, unfrozen):
    assert launch.launch(tmp_path / "any.yaml", theme="no-such-theme", max_size=None, debug=False) == 2
    assert gc.isenabled()


@pytest.mark.parametrize("theme", [*BUNDLED, "textual-light", "nord"])
async def test_a_theme_looks_at_start_as_it_does_when_picked_later(theme, mirna, make_app: MakeApp):
    """Dark and light, colour and ANSI themes look the same whether the reader starts on them or
    they are picked while it runs."""
    screens = []
    for start, then in ((theme, None), ("textual-dark" if theme != "textual-dark" else "nord", theme)):
        app = make_app(mirna, theme=start)
        async with app.run_test(size=(100, 30)) as pilot:
            if then is not None:
                app.theme = then
            await pilot.pause()
            screens.append(app.export_screenshot())
    assert screens[0] == screens[1]


async def test_the_search_index_is_set_aside_from_the_collector_once_built(mirna, make_app):
    """A full pass of the collector over a 100,000-event index took 100 ms in the middle of a
    key typed into the search: once built, the index is frozen out of its reach."""
    gc.unfreeze()
    app = make_app(mirna)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert gc.get_freeze_count() > 0


async def test_each_pane_draws_its_lines_once_while_the_reader_starts(sample, make_app, monkeypatch):
    """A pane's lines are drawn for the first frame and not again for the screen's first
    Resize. Textual would otherwise find the pane's lines taller than the pane in that
    Resize, turn its (hidden) scrollbar on and lay out and redraw every pane once more:
    about 2% of the work from the start to Textual's Ready, just after the first frame."""
    drawn: dict[str, int] = {}
    line = Pane.line

    def counting(self: Pane, segments: list[Segment], y: int) -> Strip:
        drawn[self.id or ""] = drawn.get(self.id or "", 0) + 1
        return line(self, segments, y)

    monkeypatch.setattr(Pane, "line", counting)
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        heights = {pane.id: pane.scrollable_content_region.height for pane in app.screen.query(Pane)}
    assert drawn == heights


def test_the_first_screen_imports_none_of_what_it_does_not_show(sample_path):
    """Each module imported before the first frame delays it; these are needed only later,
    if at all (searching, a day filter, a file that stops validating, the loader on a cached open)."""
    later = (
        "briefing.format.loader",
        "briefing.search",
        "briefing.search_hits",
        "briefing.folding",
        "briefing.tui.editing",
        "briefing.day_query",  # (and the date grammar behind it): a day filter, a day named in a search
        "briefing.tui.widgets.search_input",
        "briefing.tui.widgets.reload_notice",
        "textual.widgets._label",
        "ctypes",  # for one malloc arena, which only a big briefing needs
    )
    code = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from briefing.tui.launch import prepare\n"
        f"app = prepare(Path({str(sample_path)!r}), theme=None, max_size=None)\n"
        f"app.after_first_frame = lambda: print(sorted(m for m in {later!r} if m in sys.modules))\n"
        "async def first_frame():\n"
        "    async with app.run_test(size=(120, 36)) as pilot:\n"
        "        await pilot.pause()\n"
        "asyncio.run(first_frame())\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    assert runs[-1].stdout.strip().splitlines()[-1] == "[]"  # the second open, from the model cache


@pytest.mark.parametrize(("many_events", "calls_expected"), [(1, 1), (1000, 0)])
def test_a_big_briefing_has_the_reader_threads_share_one_malloc_arena(
    many_events, calls_expected, monkeypatch
):
    """Each worker thread's arena kept what it freed: about 10 MB at 10,000 events. A small
    briefing's workers leave little there, and it does not pay for importing ctypes."""
    calls: list[None] = []
    monkeypatch.setattr(launch, "_one_malloc_arena", lambda: calls.append(None))
    monkeypatch.setattr(launch, "_MANY_EVENTS", many_events)
    app = launch.prepare(MIRNA, theme=None, max_size=None)
    assert isinstance(app, BriefingApp) and app.briefing is not None
    assert len(app.briefing.events) < 1000  # as big as a briefing must be: 1 event, or 1,000
    assert len(calls) == calls_expected


def test_one_malloc_arena_is_harmless_to_call():
    launch._one_malloc_arena()  # glibc: mallopt; elsewhere nothing
