"""What the detail view and the overview say: words for readers, ids only when asked for."""

from __future__ import annotations

from briefing.tui.describe import describe, overview


def _lines(parts) -> list[str]:
    return [line for _kind, content in parts for line in str(content).splitlines()]


def test_an_event_reads_without_ids_and_with_them_on_request(sample):
    event = next(e for e in sample.events if e.date.text != e.date.display)
    plain = _lines(describe(sample, event))
    assert f"date: {event.date.display}" in plain
    assert not any(line.startswith("id: ") for line in plain)
    assert not any(f"({actor})" in line for line in plain for actor in event.actors)
    authored = _lines(describe(sample, event, ids=True))
    assert f"id: {event.id}" in authored
    assert f"date: {event.date.display}  (written {event.date.text})" in authored


def test_a_source_grade_is_explained(sample):
    source = sample.sources[0]
    assert source.reliability == "C"
    assert "reliability: C (fairly reliable)" in _lines(describe(sample, source))


def test_each_assessment_has_its_likelihood_above_it_and_its_basis_by_date_and_title(sample):
    lines = _lines(overview(sample))
    first = sample.assessments[0]
    assert (first.likelihood, first.confidence) == ("likely", "moderate")
    heading = lines.index("1. Likely · moderate confidence")
    assert lines[heading + 1] == first.text.splitlines()[0]
    basis = lines.index("based on:", heading)
    listed = lines[basis + 1 : basis + 1 + len(first.basis)]
    events = sorted((sample.event(e) for e in first.basis), key=lambda e: sample.event_positions()[e.id])
    assert listed == [f"{e.date.display}  {e.title}" for e in events]
    # The next assessment starts on its own numbered line, not under this one's basis.
    assert lines[basis + 1 + len(first.basis)].startswith("2. ")


async def test_hash_in_the_detail_view_shows_ids_and_q_closes_the_views(sample, make_app):
    """# shows what an author needs to find the item in the file, # again hides it; q closes
    the detail view, the overview and help like a pager, and quits only from the panes."""
    from textual.widgets import Static

    from briefing.tui.screens.detail import DetailScreen
    from briefing.tui.screens.help import HelpScreen
    from briefing.tui.screens.main import MainScreen
    from briefing.tui.screens.overview import OverviewScreen

    def page(app) -> str:
        return "\n".join(str(s.render()) for s in app.screen.query(Static))

    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        first = sample.events[0]
        await pilot.press("g", "enter")  # the first event (the reader opens on the newest)
        assert isinstance(app.screen, DetailScreen)
        assert f"id: {first.id}" not in page(app)
        await pilot.press("number_sign")
        assert f"id: {first.id}" in page(app)
        await pilot.press("j")  # the new page has the keys
        assert app.screen.body.has_focus
        await pilot.press("number_sign")
        assert f"id: {first.id}" not in page(app)
        for opening, view in (("enter", DetailScreen), ("i", OverviewScreen), ("question_mark", HelpScreen)):
            await pilot.press(opening)
            assert isinstance(app.screen, view)
            await pilot.press("q")
            assert isinstance(app.screen, MainScreen), view
        assert app.is_running
        await pilot.press("q")
    assert app.return_code == 0
