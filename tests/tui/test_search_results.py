"""The list of results under the search field: everything a reader can see, chosen with ↑↓, ⏎ goes."""

from __future__ import annotations

from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.overview import OverviewScreen


def listed(app) -> list[tuple[str, str]]:
    """(kind, matched words) of every result listed, read from the rows the list gives."""
    screen = app.screen
    assert isinstance(screen, MainScreen)
    results = screen.search_bar.results
    assert results is not None and results.has_class("-listing")
    rows = screen.searching.rows(0, results.count)
    return [(hit.kind, hit.text[hit.span[0] : hit.span[1]]) for hit in rows]


async def test_everything_about_homs_is_listed_in_two_keys_both_assessments_included(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("slash")  # key 1
        await pilot.press(*"homs")  # key 2: the query
        rows = listed(app)
        # By hand, in the sample: the summary, the two assessments about Homs (1 and 2),
        # the places "Homs" and "Homs province"; then the 12 matches in the panes: four events,
        # the Homs governor, Turkey and Syria in Reactions, five places in the article.
        assert rows[:5] == [
            ("summary", "Homs"),
            ("assessment", "Homs"),
            ("assessment", "Homs"),
            ("place", "Homs"),
            ("place", "Homs"),
        ]
        kinds = [kind for kind, _words in rows[5:]]
        assert kinds == ["event"] * 4 + ["actor"] + ["reaction"] * 2 + ["source"] * 5
        assert all(words.lower() == "homs" for _kind, words in rows)


async def test_a_word_only_in_the_analysis_is_found_and_enter_opens_the_overview_there(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("slash", *"heartland")
        assert listed(app) == [("assessment", "heartland")]
        await pilot.press("down", "enter")
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        found = overview.query(".-found").first()
        assert "If Homs falls" not in str(found.render())  # the entry line: "2. Very likely · …"
        assert str(found.render()).startswith("2. ")


async def test_choosing_an_event_goes_to_it_in_the_timeline(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("slash", *"homs")
        await pilot.press(*["down"] * 8, "up")  # rows 0-4 the overview; 5, 6 the first two events
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.searching.chosen == 6
        await pilot.press("enter")
        assert app.focused is screen.timeline
        assert screen.timeline.selected.title.startswith("Homs governor says all security measures")
        assert not screen.search_bar.results.has_class("-listing")  # the list is for typing
        await pilot.press("n")  # n/N go on from the match chosen
        assert screen.timeline.selected.title.startswith("Erdoğan names Idlib, Hama, Homs")


async def test_the_reader_s_priority_keys_are_text_in_the_search_field(sample, make_app):
    # `/` and `d` run before a pane sees them; in the search field they are typed, in order.
    app = make_app(sample)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("slash", *"a/d", "d")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.search_bar.input.value == "a/dd"
        assert isinstance(app.screen, MainScreen)  # no day prompt


async def test_the_list_taking_rows_from_the_panes_keeps_reactions_drawable(sample, make_app):
    # At 120x36 the list's rows shrink Reactions, whose open country is cut to the rows it
    # has: a frame drawn at the new height before the resize was handled drew more lines
    # than were measured (IndexError, found by benchmarks/keystrokes.py on the sample).
    app = make_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("home", "down", "pagedown", "end", "home", "slash", *"Homs")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        reactions = screen.reactions
        drawn = [reactions.render_line(y).text for y in range(reactions.scrollable_content_region.height)]
        assert any("Turkey" in line for line in drawn)
        assert any("more lines: Enter shows all" in line for line in drawn)  # the open one, cut
