"""Starting the reader from the CLI: the garbage collector is off until the first frame is out."""

from __future__ import annotations

import asyncio
import gc

import pytest

from briefing.tui import launch
from briefing.tui.app import BriefingApp

from .conftest import MIRNA


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
