"""Bottom line up front (issue 22): the first screen shows the summary, how many assessments there are
and the key that shows them, and the newest event, the cursor on it; a remembered place wins."""

from __future__ import annotations

import dataclasses

from textual.geometry import Size

from briefing.model import Briefing
from briefing.tui.place import ViewState
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.header import header_rows, summary_lines

from .conftest import MakeApp


def screen_lines(app) -> list[str]:
    """The whole screen as drawn now, a string a row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def main(app) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def test_the_first_screen_at_120x40_has_the_summary_and_the_newest_event(
    sample: Briefing, make_app: MakeApp
) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        timeline = main(app).timeline
        newest = timeline.events[-1]  # the timeline is by date
        assert newest.id == "astana-meeting"  # 7–8 Dec 2024, the latest dates of the sample
        lines = screen_lines(app)
        text = "\n".join(lines)
        assert " ".join(sample.summary.split()[:8]) in text  # the summary's first words
        assert "6 assessments · i" in text
        # The newest event's row is on screen, and it is the selected one (▶).
        [row] = [line for line in lines if newest.title[:40] in line]
        assert "▶" in row
        assert timeline.cursor_id == newest.id and app.focused is timeline
        # Two lines of the summary at 40 rows, the second cut with "…".
        assert main(app).query_one("BriefingHeader").size.height == 4
        assert lines[3].rstrip().endswith("…")


async def test_a_remembered_place_wins_over_the_newest_event(sample: Briefing, make_app: MakeApp) -> None:
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        timeline = main(app).timeline
        first = timeline.item_id(0)
        await pilot.pause()
    app = make_app(sample, state=ViewState(pane="timeline", event=first))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        timeline = main(app).timeline
        assert timeline.cursor_id == first
        assert round(timeline.scroll_y) == 0


def test_the_header_shows_more_of_the_summary_in_taller_terminals(sample: Briefing) -> None:
    shown = {rows: len(summary_lines(sample.summary, Size(120, rows))) for rows in (24, 30, 40, 50, 60)}
    assert shown == {24: 1, 30: 2, 40: 2, 50: 6, 60: 6}  # up to six lines from 50 rows
    assert summary_lines(sample.summary, Size(120, 50))[-1].plain.endswith("…")  # eight at 120: cut
    whole = summary_lines(sample.summary, Size(160, 50))  # six at 160: all of it
    assert len(whole) == 6 and not whole[-1].plain.endswith("…")
    assert whole[-1].plain.endswith("gravest test in a decade.")
    assert header_rows(sample, Size(80, 24)) == 3


async def test_a_rebound_overview_key_is_the_one_the_header_names(
    sample: Briefing, make_app: MakeApp
) -> None:
    app = make_app(sample, keymap={"overview": "o"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "6 assessments · o" in text


async def test_a_briefing_without_a_summary_keeps_the_short_header(
    mirna: Briefing, make_app: MakeApp
) -> None:
    app = make_app(dataclasses.replace(mirna, summary=None))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert main(app).query_one("BriefingHeader").size.height == 2


def pane_rows(pane) -> list[str]:
    """A pane's lines as drawn now, without the scrollbar's columns."""
    return [pane.render_line(y).text[:-2] for y in range(pane.scrollable_content_region.height)]


async def test_the_first_screen_shows_the_newest_event_s_actors_as_moving_onto_it_would(
    sample: Briefing, make_app: MakeApp
) -> None:
    """The Actors pane of a first open shows the newest event's actors, marked ●, as it does
    when the reader moves onto that event; its own selection comes back when it gets focus."""
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        newest = screen.timeline.selected
        assert newest is not None and newest.id == "astana-meeting"
        names = {sample.actor(a).name for a in newest.actors}
        first_rows = pane_rows(screen.actors)
        shown = [row for row in first_rows if row.startswith(" ●")]
        assert shown and all(any(row[2:].startswith(n + "  ") for n in names) for row in shown)
        # Not the top of the list, where the Actors pane's own selection is: no actor of this event there.
        assert sample.actors[0].id not in newest.actors
        assert not any(sample.actors[0].name in row for row in first_rows)

        await pilot.press("g", "G")  # to the first event and back onto the newest
        await pilot.pause()
        assert screen.timeline.selected is newest
        assert pane_rows(screen.actors) == first_rows

        await pilot.press("2")  # the Actors pane, focused, shows its own selection
        await pilot.pause()
        assert any(row.startswith("▶ " + sample.actors[0].name) for row in pane_rows(screen.actors))
