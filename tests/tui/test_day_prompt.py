"""`d`: go to a day in the Timeline, or show only the events of that day; keys counted."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from briefing.tui.screens.day_prompt import DayPrompt
from briefing.tui.screens.main import MainScreen


def reader(app) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def test_what_happened_on_5_dec_is_reached_in_three_keys(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")  # key 1
        await pilot.press(*"5 dec")  # key 2: the day
        await pilot.press("ctrl+f")  # key 3: only that day
        screen = reader(app)
        assert app.focused is screen.timeline
        titles = [e.title for e in screen.timeline.events]
        # By hand: the one event dated 5 Dec comes first and is selected; the spans that
        # include 5 Dec follow (tests/unit/test_day_query.py lists them), 12 in all.
        assert screen.timeline.selected.title == "Militants take Hama"
        assert titles[0] == "Militants take Hama"
        assert len(titles) == 12
        assert all(e.date.earliest <= date(2024, 12, 5) <= e.date.latest for e in screen.timeline.events)
        assert "only on Thu 5 Dec 2024 (12 of 22)" in Content.from_markup(screen.timeline.border_title).plain
        await pilot.press("escape")  # Esc shows every event again, staying on the one selected
        assert screen.timeline.count == 22
        assert screen.timeline.selected.title == "Militants take Hama"


async def test_enter_puts_the_timeline_at_the_first_event_from_the_day(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")  # from another pane: the Timeline gets focus
        await pilot.press("d", *"friday", "enter")  # as of Sat 7 Dec 2024: Fri 6 Dec
        screen = reader(app)
        assert app.focused is screen.timeline
        assert screen.timeline.selected.title.startswith("CNN publishes al-Julani interview")
        assert screen.timeline.count == 22  # nothing filtered
        await pilot.press("d", *"2024-11-27", "enter")
        assert screen.timeline.selected.title == "HTS-led offensive begins in north-western Syria"
        await pilot.press("d", *"1 jan 2025", "enter")  # after every event: the last one
        assert screen.timeline.cursor == 21


async def test_a_day_that_is_not_one_is_said_in_the_prompt_which_stays(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d", *"31 nov", "enter")
        prompt = app.screen
        assert isinstance(prompt, DayPrompt)
        says = prompt.query_one("#day-says")
        assert "No such day: '31 nov'" in str(says.render())
        assert says.has_class("-error")
        await pilot.press("ctrl+f")  # the same for the filter
        assert isinstance(app.screen, DayPrompt)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.timeline.count == 22


async def test_a_search_over_a_day_s_events_lists_them_in_the_timeline_s_order(sample, make_app):
    # The day's filter orders the Timeline its own way (the day's own events first): the
    # results list its matches in that order, and choosing one goes to that one.
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d", *"6 dec", "ctrl+f", "slash", *"homs")
        screen = reader(app)
        rows = screen.searching.rows(0, 50)
        listed = [hit.target[1] for hit in rows if hit.kind == "event"]
        shown = [e.id for e in screen.timeline.events if e.id in screen.timeline.matched]
        assert listed == shown
        # By hand: on 6 Dec, Erdoğan's naming of the targets (6 Dec) first; then the spans of
        # three days, 5–7 Dec (Turkish officials, Homs in its detail) before 6–8 Dec (the turn
        # toward Homs) as in the timeline; then the governor's appeal (5–8 Dec, four days).
        assert [sample.event(i).date.display for i in listed] == [
            "6 Dec 2024",
            "5–7 Dec 2024",
            "6–8 Dec 2024",
            "5–8 Dec 2024",
        ]
        second = next(n for n, hit in enumerate(rows) if hit.target[1] == listed[1])
        await pilot.press(*["down"] * (second + 1), "enter")
        assert screen.timeline.selected.id == listed[1]
