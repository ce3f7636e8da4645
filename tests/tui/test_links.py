"""Cross-links: what moving in one pane highlights in the others; filter, evidence and details."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefing.tui.screens.detail import DetailScreen
from briefing.tui.screens.main import MainScreen


def main(app) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def title(widget) -> str:
    """A border title as the reader sees it."""
    return Content.from_markup(widget.border_title).plain


def highlighted(source) -> list[str]:
    """The texts of the quotes Source highlights, in the source on screen."""
    return [source.source.text[start:end] for start, end in source.evidence_here]


def on_screen(source, start: int) -> bool:
    line = source.line_of(start)
    top = round(source.scroll_y)
    return top <= line < top + source.scrollable_content_region.height


async def test_moving_in_timeline_highlights_the_quote_and_the_actors(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("g", "j", "j")  # from the first event to the walkout
        assert screen.timeline.cursor_id == "walkout"
        assert screen.source.source.id == "local"
        assert highlighted(screen.source) == [
            "Dockworkers at the northern terminal walked out on the morning of 3 March"
        ]
        assert screen.actors.linked == {"union", "velic"}
        await pilot.press("j")  # the offer: only the board
        assert screen.actors.linked == {"board"}
        assert highlighted(screen.source) == ["On 5 March the harbour board offered a 4% pay rise."]


async def test_evidence_in_another_source_switches_source(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("g", "j", "j", "j", "j", "j")
        assert screen.timeline.cursor_id == "mediator"
        assert screen.source.source.id == "wire"
        assert highlighted(screen.source) == [
            "Velmar sent a mediator, Hana Ro, who met both sides on 6 March."
        ]
        await pilot.press("k")
        assert screen.source.source.id == "local"


async def test_the_quote_is_scrolled_into_view(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        for _ in range(len(sample.events)):
            quote = screen.source.current
            assert on_screen(screen.source, quote.start), screen.timeline.cursor_id
            await pilot.press("j")


async def test_a_hidden_source_shows_the_quote_when_it_appears(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main(app)
        await pilot.press("G")  # Source is hidden at this size while the timeline moves
        await pilot.press("4")
        assert on_screen(screen.source, screen.source.current.start)


async def test_selecting_an_actor_marks_their_events_and_shows_their_quote(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("2")
        assert screen.actors.cursor_id == "union"
        assert screen.timeline.linked == {"walkout", "rejected", "mediator", "second-walkout"}
        assert screen.actors.linked == set()
        assert highlighted(screen.source) == ["The union leader, Dara Velic, said the strike would continue"]
        await pilot.press("j")  # Dara Velic: no quote of her own
        assert screen.timeline.linked == {"walkout"}
        assert screen.source.evidence == ()
        assert "no quote" in str(screen.source.border_subtitle)


async def test_f_filters_the_timeline_to_the_selected_actor_and_follows_it(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("2", "j", "f")  # Dara Velic
        assert [e.id for e in screen.timeline.events] == ["walkout"]
        assert screen.timeline.only_actor.id == "velic"
        assert "only Dara Velic (1 of 7)" in title(screen.timeline)
        await pilot.press("j")  # Ilse Brandt: the filter follows the selection
        assert [e.id for e in screen.timeline.events] == ["injunction"]
        await pilot.press("f")
        assert len(screen.timeline.events) == 7
        assert screen.timeline.only_actor is None
        assert "only" not in title(screen.timeline)


async def test_f_does_nothing_outside_actors_unless_a_filter_is_on(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("g", "f")
        assert screen.timeline.only_actor is None
        await pilot.press("2", "f", "1")
        assert screen.timeline.only_actor.id == "union"
        await pilot.press("j")  # moving in the filtered timeline
        assert screen.timeline.cursor_id == "rejected"
        await pilot.press("escape")  # Esc clears the filter when there is no search
        assert screen.timeline.only_actor is None
        assert screen.timeline.cursor_id == "rejected"  # the reader stays on the same event


async def test_selecting_a_reaction_highlights_its_statements_quotes(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("3")
        assert screen.reactions.cursor_id == "kestland"
        assert screen.source.source.id == "wire"
        assert set(highlighted(screen.source)) == {
            "grain contracts would be honoured",
            'Neighbouring Kestland said it was "watching closely" and would not intervene.',
        }
        assert screen.actors.linked == {"vas"}


async def test_s_jumps_to_the_evidence_and_again_to_the_next_quote(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("3", "s")
        assert app.focused is screen.source
        first = screen.source.current
        assert first.quote == "grain contracts would be honoured"
        await pilot.press("s")
        assert screen.source.current.quote.startswith("Neighbouring Kestland said")
        await pilot.press("s")
        assert screen.source.current == first


async def test_s_scrolls_back_to_the_quote_after_reading_elsewhere(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main(app)
        await pilot.press("G", "4", "g")  # read the top of the article
        quote = screen.source.current
        assert not on_screen(screen.source, quote.start)
        await pilot.press("1", "s")
        assert app.focused is screen.source
        assert on_screen(screen.source, quote.start)


async def test_enter_opens_every_field_and_quote_of_the_selected_event(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "j", "j", "j", "j", "enter")  # "rejected": disputed, approximate date
        assert isinstance(app.screen, DetailScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        for expected in (
            "Union rejects the offer",
            "date: 5 Mar 2025?",
            "status: disputed",
            "actors: Mirna Dockworkers' Union",
            "Evidence (1)",
            "Mirna Courier: Port Mirna dockworkers walk out",
            "The union rejected it the same evening.",
        ):
            assert expected in text
        # Written for readers: what only the file's author needs is left out.
        for hidden in ("id: rejected", "(written 2025-03-05?)", "(union)"):
            assert hidden not in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.focused.id == "timeline"


async def test_s_in_the_detail_view_returns_to_the_quote_in_source(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "enter")
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("s")
        screen = main(app)
        assert app.focused is screen.source
        assert screen.source.current.quote == "grain contracts would be honoured"


async def test_enter_in_source_describes_the_source(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "right_square_bracket", "enter")
        assert isinstance(app.screen, DetailScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "Neighbours watch Mirna strike" in text
        assert "publisher: [Wire]" in text
        assert "text file: wire.txt" in text


async def test_actor_details_list_their_events(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter")
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "Events (4)" in text
        assert "aliases: MDU, [union]" in text
        assert "3 Mar 2025  Dockworkers walk out at the northern terminal" in text


async def test_a_long_source_is_wrapped_in_the_background_and_the_quote_kept_in_view(
    sample, make_app, monkeypatch
):
    # Pretend the article is too long to wrap at once: the pane shows the paragraphs
    # near the quote, then the whole text when the thread is done, still on the quote.
    from briefing.tui.widgets import source as source_module
    from briefing.tui.wrapping import wrap_offsets

    monkeypatch.setattr(source_module, "SYNC_WRAP_LIMIT", 100)
    monkeypatch.setattr(source_module, "NEAR", 200)
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("G")
        await app.workers.wait_for_complete()
        await pilot.pause()
        source = screen.source
        width = source.line_width - 2  # less the bar beside the lines
        text = source.source.text
        assert [text[a:b] for a, b in source.lines] == [text[a:b] for a, b in wrap_offsets(text, width)]
        assert on_screen(source, source.current.start)


async def test_linked_actors_off_screen_are_scrolled_into_view(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        actors = screen.actors
        await pilot.press("g")  # from the first event (the reader opens on the newest)
        assert round(actors.scroll_y) == 0
        # Move along the timeline until an event's actors are all below the Actors pane's fold.
        top_shown = {actors.item_id(i) for i in range(3)}
        for _ in range(len(sample.events)):
            await pilot.press("j")
            if not screen.actors.linked & top_shown:
                break
        linked = screen.actors.linked
        assert linked and not linked & top_shown
        first = min(actors.index_of(actor_id) for actor_id in linked)
        line, _height = actors.item_span(first)
        top = round(actors.scroll_y)
        assert top <= line < top + actors.scrollable_content_region.height
        assert actors.cursor_id == "hts"  # marked, not selected: the Actors cursor stays put
