"""The overview page: what a briefing says as a whole, beyond its three lists."""

from __future__ import annotations

from textual.widgets import Static

from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.overview import OverviewScreen


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
