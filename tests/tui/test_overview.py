"""The overview page: what a briefing says as a whole, beyond its three lists."""

from __future__ import annotations

from textual.widgets import Static

from briefing.tui.screens.detail import DetailScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.overview import BasisLink, OverviewScreen


def _text(screen) -> str:
    """The page's words, with line breaks and runs of spaces read as one space."""
    return " ".join(" ".join(str(w.render()) for w in screen.query(Static)).split())


async def test_i_opens_the_overview_and_escape_returns(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, OverviewScreen)
        text = _text(app.screen)
        assert "Summary " + " ".join(sample.summary.split()) in text
        for assessment in sample.assessments:
            assert " ".join(assessment.text.split()) in text
        for place in sample.places:
            assert place.name in text
        assert "Sources (1)" in text and "reliability C" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_overview_shows_markup_literally(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        assert mirna.title in _text(app.screen)


async def test_an_assessment_s_basis_events_open_in_the_detail_view_and_q_comes_back(sample, make_app):
    """Tab goes to the events an assessment rests on, in the order listed (by date); Enter shows
    the event's detail; q and Esc come back to the overview on the same event, scrolled as it was;
    s from that detail goes to the panes, on the event, at its quotes in Source."""
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        assert "open_event" not in {b.action for _n, b, *_ in overview.active_bindings.values()}
        first = sample.assessments[0]
        listed = sorted(first.basis, key=lambda e: sample.event_positions()[e])  # by date
        assert listed != list(first.basis)  # (the file lists them in another order)
        await pilot.press("tab", "tab", "tab")
        assert isinstance(overview.focused, BasisLink) and overview.focused.event.id == listed[2]
        assert overview.focused.event.title in str(overview.focused.render())
        await pilot.press("shift+tab")
        chosen = overview.focused
        assert isinstance(chosen, BasisLink) and chosen.event.id == listed[1]
        scrolled = overview.body.scroll_y
        assert scrolled > 0  # the page scrolled to show it
        for back in ("q", "escape"):
            await pilot.press("enter")
            assert isinstance(app.screen, DetailScreen) and app.screen.item is chosen.event
            await pilot.press(back)
            assert app.screen is overview
            assert overview.focused is chosen and overview.body.scroll_y == scrolled
        await pilot.press("enter", "s")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, MainScreen)
        assert reader.timeline.selected is chosen.event
        assert reader.current_pane == "source" and reader.source.evidence == chosen.event.evidence


async def test_tab_from_the_page_goes_to_the_first_event_in_view(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i", "end", "tab")
        focused = app.screen.focused
        assert isinstance(focused, BasisLink)
        # Not back at the top: an event of a later assessment, on screen.
        assert focused.event.id not in sample.assessments[0].basis
        assert app.screen.body.content_region.contains_region(focused.region)
