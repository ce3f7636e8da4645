"""Search with /: matches in every pane, n/N to step through them, Esc to clear."""

from __future__ import annotations

from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.item_list import ItemList


def main(app) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def matched(pane: ItemList) -> set[str]:
    """The ids of the pane's items that it marks as found by the search."""
    ids = (pane.item_id(index) for index in range(pane.count))
    return {item_id for item_id in ids if pane.search_query and item_id in pane.matched}


def count_label(screen: MainScreen) -> str:
    return str(screen.search_bar.query_one("#search-count").render())


async def search(pilot, text: str) -> None:
    await pilot.press("slash")
    for key in text:
        await pilot.press(key if key != " " else "space")


async def test_slash_opens_the_search_bar_and_typing_highlights_matches_everywhere(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await search(pilot, "union")
        assert screen.search_bar.is_open
        assert app.focused.id == "search-input"
        # By hand: the union takes part in four events (one quote also says "union");
        # the union matches by name and Dara Velic by her role, "Union leader";
        # the local article says "The union" twice; no reaction mentions it.
        assert matched(screen.timeline) == {"walkout", "rejected", "mediator", "second-walkout"}
        assert matched(screen.actors) == {"union", "velic"}
        assert matched(screen.reactions) == set()
        assert [mirna.source("local").text[a:b] for a, b in screen.source.match_spans["local"]] == [
            "union",
            "union",
        ]
        assert count_label(screen) == "8 matches"


async def test_enter_goes_to_the_first_match_and_n_N_step_through_all_panes(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("g")  # from the first event: Enter goes to the first match from the cursor
        await search(pilot, "union")
        await pilot.press("enter")
        assert app.focused is screen.timeline
        assert screen.timeline.cursor_id == "walkout"
        assert count_label(screen) == "1 of 8 · n/N"
        visited = []
        for _ in range(8):
            await pilot.press("n")
            pane = screen.current_pane
            if pane == "source":
                visited.append(("source", screen.source.current_match[1]))
            else:
                visited.append((pane, screen.pane(pane).cursor_id))
        local = mirna.source("local").text
        first, second = local.find("union"), local.find("union", local.find("union") + 1)
        assert visited == [
            ("timeline", "rejected"),
            ("timeline", "mediator"),
            ("timeline", "second-walkout"),
            ("actors", "union"),
            ("actors", "velic"),
            ("source", (first, first + 5)),
            ("source", (second, second + 5)),
            ("timeline", "walkout"),  # round again
        ]
        await pilot.press("N")
        assert screen.current_pane == "source"
        assert screen.source.current_match == ("local", (second, second + 5))
        assert count_label(screen) == "8 of 8 · n/N"


async def test_search_starts_from_where_the_reader_is(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("G")  # past every timeline match but the last
        await search(pilot, "union")
        await pilot.press("enter")
        assert screen.timeline.cursor_id == "second-walkout"


async def test_escape_clears_the_search(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("g")  # from the first event: Enter goes to the first match from the cursor
        await search(pilot, "union")
        await pilot.press("enter", "escape")
        assert not screen.search_bar.is_open
        assert screen.matches is None
        assert matched(screen.timeline) == set()
        assert screen.source.search_query == ""
        assert app.focused is screen.timeline
        await pilot.press("n")  # nothing to step through any more
        assert screen.timeline.cursor_id == "walkout"


async def test_escape_in_the_search_bar_cancels_and_returns_to_the_pane(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("3")
        await search(pilot, "kest")
        await pilot.press("escape")
        assert not screen.search_bar.is_open
        assert app.focused is screen.reactions


async def test_escape_closes_the_search_bar_with_nothing_typed(mirna, make_app):
    """The bar's hint says Esc closes it: also before anything is typed (no matches, no filter)."""
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("2", "slash")
        assert screen.search_bar.is_open
        await pilot.press("escape")
        assert not screen.search_bar.is_open
        assert app.focused is screen.actors


async def test_a_search_typed_before_the_pane_is_restored_keeps_the_field(mirna, make_app):
    # Keys typed at once after starting can arrive before the screen restores the pane
    # the reader was in; restoring must not take the field from under their typing.
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await search(pilot, "uni")
        state = screen.view_state()
        screen.restore(state._replace(pane="actors"))  # as on_mount does, after the keys
        await pilot.press("o", "n")
        assert app.focused.id == "search-input"
        assert screen.search_bar.input.value == "union"
        await pilot.press("enter")
        assert app.focused is screen.actors  # Enter goes to the pane that was restored


async def test_search_finds_aliases_ignoring_case_and_accents(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await search(pilot, "erdogan")
        assert "erdogan" in screen.actors.matched
        await pilot.press("escape")
        await search(pilot, "jolani")  # an alias of al-Julani, not shown in the row
        assert matched(screen.actors) == {"julani"}


async def test_no_matches_is_said_plainly(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await search(pilot, "zebra")
        assert count_label(screen) == "no matches"
        await pilot.press("enter")
        assert screen.timeline.cursor_id == "second-walkout"  # nowhere to go: stay put (on the newest)


async def test_a_slash_inside_the_query_is_text(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await search(pilot, "03-10/2025")  # the second walkout's date range as written
        assert screen.search_bar.input.value == "03-10/2025"
        assert matched(screen.timeline) == {"second-walkout"}


async def test_the_search_field_keeps_its_width_while_the_query_fits_and_scrolls_when_it_does_not(
    mirna, make_app
):
    # Typing must not change the field's virtual size (that lays out the whole screen)
    # until the query is wider than the field; then it scrolls to keep the cursor in view.
    app = make_app(mirna)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = main(app)
        await search(pilot, "u")
        field = screen.search_bar.input
        assert field.virtual_size.width == field.scrollable_content_region.width
        await search_more(pilot, "nion")
        assert field.virtual_size.width == field.scrollable_content_region.width
        assert field.scroll_x == 0
        width = field.scrollable_content_region.width
        long_query = "x" * (width + 10)
        await search_more(pilot, long_query)
        assert field.value == "union" + long_query
        assert field.virtual_size.width == len(field.value) + 1
        assert field.scroll_x == field.max_scroll_x > 0  # the cursor, at the end, is in view
        assert count_label(screen) == "no matches"


async def search_more(pilot, text: str) -> None:
    for key in text:
        await pilot.press(key)


async def test_the_actor_filter_recounts_the_search_over_the_events_it_shows(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("g")  # from the first event: Enter goes to the first match from the cursor
        await search(pilot, "MDU")  # the union's alias: its four events, and the union itself
        await pilot.press("enter")
        everywhere = len(screen.matches)
        await pilot.press("2", "j", "f")  # Dara Velic: only the walkout of the four is hers
        assert [e.id for e in screen.timeline.events] == ["walkout"]
        assert len(screen.matches) == everywhere - 3
        # The walkout, the match Enter went to, is still shown: still the current match.
        assert count_label(screen) == f"1 of {everywhere - 3} · n/N"
        # n steps only through what is shown: no event hidden by the filter.
        steps = [screen.matches.step(1) for _ in range(len(screen.matches))]
        assert [m.item_id for m in steps if m.pane == "timeline"] == ["walkout"]
        await pilot.press("f")  # the filter off: all four again
        assert len(screen.matches) == everywhere


async def test_a_source_match_stays_the_current_one_when_the_filter_recounts_the_search(mirna, make_app):
    """n onto a match in the second source text, then the actor filter on: the search is
    counted again over the events shown, and the reader is still on that match."""
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await search(pilot, "Kestland")
        await pilot.press("enter")
        for _ in range(len(screen.matches)):
            current = screen.matches.current
            if current is not None and current.span is not None and current.item_id == "wire":
                break
            await pilot.press("n")
        current = screen.matches.current
        assert current is not None and current.item_id == "wire" and current.span is not None
        await pilot.press("2", "f")  # the filter on: the count changes, the place does not
        assert screen.timeline.only_actor is not None
        assert screen.matches.current == current
        assert count_label(screen) == f"{screen.matches.position + 1} of {len(screen.matches)} · n/N"


async def test_past_the_matches_listed_source_still_highlights_and_the_count_says_there_are_more(
    mirna, make_app, monkeypatch
):
    from briefing import search as search_module
    from briefing.search import find_spans

    monkeypatch.setattr(search_module, "MAX_SPANS_PER_SOURCE", 2)  # a long text, in effect
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await search(pilot, "the")
        source = screen.source
        assert len(source.match_spans[source.source.id]) == 2
        assert count_label(screen).endswith("+ matches")
        every = find_spans(source.source.text, "the")
        top = round(source.scroll_y)
        shown = source.lines[top : top + source.scrollable_content_region.height]
        assert sum(1 for a, _ in every if shown[0][0] <= a < shown[-1][1]) > 2  # more on screen
        for start, end in shown:  # each drawn as a match, listed or not
            assert source._matches_on(start, end) == [(a, b) for a, b in every if a < end and b > start]


async def test_n_steps_on_through_actors_while_the_filter_follows_the_actor_cursor(mirna, make_app):
    """With the filter on, n landing on an actor moves the filter to that actor and the
    search is counted again: n must go on from that match, not start over."""
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("2", "f")  # the filter on, following the actor cursor
        await search(pilot, "union")  # matches two actors (the union, and Dara Velic by her role)
        await pilot.press("enter")
        visited = []
        for _ in range(6):
            await pilot.press("n")
            visited.append(screen.matches.current)
            assert count_label(screen).startswith(f"{screen.matches.position + 1} of ")
        actors = [m.item_id for m in visited if m.pane == "actors"]
        assert {"union", "velic"} <= set(actors)  # both reached: n did not keep starting over
