"""Answers at a glance (issue 22, items 1, 2 and 4): every country on one line, rows where the
content is, titles wide enough to read, and one pane that clearly has the keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text

from briefing.format.loader import load
from briefing.model import Briefing
from briefing.tui.pane_layout import share_rows
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.item_list import ItemList
from briefing.tui.widgets.pane import Pane
from briefing.tui.widgets.reactions import STANCE_MARKS

REPO = Path(__file__).resolve().parents[2]
MANY_REACTIONS = REPO / "tests" / "data" / "valid" / "many-reactions.yaml"  # 6 events, 8 reactions
SIZES = [(80, 24), (100, 30), (120, 40), (160, 50), (220, 60)]


@pytest.fixture
def many() -> Briefing:
    return load(MANY_REACTIONS)


def main(app) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def rows(pane: Pane) -> list[str]:
    """The pane's lines as drawn now, without the scrollbar's columns."""
    return [pane.render_line(y).text[:-2] for y in range(pane.scrollable_content_region.height)]


def blank_rows(pane: Pane) -> int:
    """Rows at the bottom of the pane that show nothing: the content ends above them."""
    shown = pane.virtual_size.height - round(pane.scroll_y)
    return max(pane.scrollable_content_region.height - shown, 0)


def clipped(pane: Pane) -> bool:
    return pane.virtual_size.height > pane.scrollable_content_region.height


# -- rows by content --------------------------------------------------------------------


def test_a_list_that_fits_gets_what_it_wants_and_the_rest_goes_to_the_lists_cut():
    # 6 events, 40 lines of actors, 11 lines of reactions in 45 rows: the timeline and the
    # reactions fit and keep no blank row; the actors, cut, get all the rest.
    assert share_rows(45, [6, 40, 11], [3, 3, 11], [2, 1, 1.5], spare_to=2) == [6, 28, 11]


def test_when_every_list_is_cut_the_rows_follow_the_weights_above_the_floors():
    timeline, actors, reactions = share_rows(31, [22, 78, 15], [3, 3, 9], [2, 1, 1.5], spare_to=2)
    assert timeline + actors + reactions == 31
    assert reactions >= 9 and timeline > actors


def test_rows_nobody_wants_go_to_the_last_list():
    assert share_rows(30, [5, 6, 7], [3, 3, 9], [2, 1, 1.5], spare_to=2) == [5, 6, 19]


def test_a_tiny_terminal_shrinks_the_floors_instead_of_overflowing():
    shared = share_rows(8, [100, 100, 20], [3, 3, 10], [2, 1, 1.5], spare_to=2)
    assert sum(shared) == 8 and min(shared) >= 1


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("which", ["sample", "many"])
async def test_no_pane_keeps_blank_rows_while_another_is_cut(which, size, request, make_app):
    briefing = request.getfixturevalue(which)
    app = make_app(briefing)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = main(app)
        shown = [screen.pane(n) for n in ("timeline", "actors", "reactions", "source")]
        shown = [pane for pane in shown if pane.display]
        for pane in shown:
            cut = [other.id for other in shown if other is not pane and clipped(other)]
            assert blank_rows(pane) <= 3 or not cut, (pane.id, blank_rows(pane), cut)


async def test_a_short_timeline_gives_its_rows_to_the_reactions(many, make_app):
    app = make_app(many)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        assert screen.timeline.scrollable_content_region.height == 6  # its six events, no more
        assert not clipped(screen.reactions)


async def test_filtering_the_timeline_hands_its_rows_to_the_other_lists(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        before = screen.actors.outer_size.height + screen.reactions.outer_size.height
        await pilot.press("2", "j", "f")  # al-Julani's three events only
        await pilot.pause()
        assert screen.timeline.scrollable_content_region.height == 3
        after = screen.actors.outer_size.height + screen.reactions.outer_size.height
        assert after > before


# -- Reactions: one line a country --------------------------------------------------------


@pytest.mark.parametrize("which", ["sample", "many"])
async def test_every_country_is_on_screen_with_its_stance_on_one_line_at_120x40(which, request, make_app):
    briefing = request.getfixturevalue(which)
    app = make_app(briefing)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = rows(main(app).reactions)
        for reaction in briefing.reactions:
            mark = STANCE_MARKS[reaction.stance]
            found = [line for line in lines if line[2:].startswith(reaction.country)]
            assert found, reaction.country
            assert f"{mark} {reaction.stance}" in found[0]
            assert reaction.headline[:20] in found[0]


@pytest.mark.parametrize("which", ["sample", "many"])
async def test_every_country_is_in_the_reactions_pane_at_80x24(which, request, make_app):
    briefing = request.getfixturevalue(which)
    app = make_app(briefing)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        for index in range(len(briefing.reactions)):  # wherever the cursor is
            await pilot.pause()
            screen = main(app)
            lines = rows(screen.reactions)
            for reaction in briefing.reactions:
                line = next((line for line in lines if line[2:].startswith(reaction.country)), None)
                assert line is not None and reaction.stance in line, (index, reaction.country)
            await pilot.press("j")


async def test_the_selected_country_opens_in_place_and_closes_when_left(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        screen = main(app)
        turkey, russia = sample.reactions[0], sample.reactions[1]
        statement = turkey.statements[0].quote[:30]
        assert any(statement in line for line in rows(screen.reactions))
        await pilot.press("j")
        text = rows(screen.reactions)
        assert not any(statement in line for line in text)  # Turkey closed again
        assert any(russia.actions[0].title[:30] in line for line in text)  # Russia open
        assert screen.reactions.item_span(0) == (0, 1)


async def test_the_stance_changes_nothing_else_the_order_is_the_files(many, make_app):
    app = make_app(many)
    async with app.run_test(size=(120, 40)):
        reactions = main(app).reactions
        assert [reactions.item_id(i) for i in range(reactions.count)] == [r.id for r in many.reactions]


async def test_the_rows_asked_for_are_the_rows_the_open_country_takes(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(220, 60)) as pilot:
        await pilot.press("3")
        reactions = main(app).reactions
        for _ in sample.reactions:
            await pilot.pause()
            assert reactions.virtual_size.height == reactions.wanted_rows(reactions.line_width)
            await pilot.press("j")


# -- the timeline's columns ---------------------------------------------------------------


@pytest.mark.parametrize(("size", "least"), [((100, 30), 45), ((120, 40), 55)])
async def test_timeline_titles_keep_room_to_be_read(size, least, sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        timeline = main(app).timeline
        top = round(timeline.scroll_y)  # scrolled to the newest event: an event a line
        for y, line in enumerate(rows(timeline)):
            event = timeline.events[top + y]
            start = line.index(event.title[:10])
            shown = line[start:].rstrip().rstrip("…")
            assert len(shown) >= min(least, len(event.title)), (size, line)


async def test_status_is_a_mark_where_set_and_the_border_says_what_marks_mean(harbour, make_app):
    app = make_app(harbour)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        timeline = main(app).timeline
        lines = rows(timeline)
        for y, event in enumerate(timeline.events[: len(lines)]):
            assert "claimed" not in lines[y] and "disputed" not in lines[y]  # words: only in the legend
            if event.status == "disputed":
                assert " ≠ " in lines[y]
        legend = str(timeline.border_subtitle)
        assert "≠ disputed" in legend and "? claimed" in legend


# -- focus and numbers ------------------------------------------------------------------


def is_selected_row(line: str) -> bool:
    return line[:1] in ("▶", "›")


async def test_only_the_focused_pane_shows_the_strong_cursor_and_frame(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        for key, name in (("1", "timeline"), ("2", "actors"), ("3", "reactions")):
            await pilot.press(key)
            await pilot.pause()
            for other in ("timeline", "actors", "reactions"):
                pane = screen.pane(other)
                assert isinstance(pane, ItemList)
                marks = [line[0] for line in rows(pane) if is_selected_row(line)]
                # (another pane's selection may be scrolled off, to show what is linked)
                assert marks == ["▶"] if other == name else "▶" not in marks, (name, other, marks)
                assert (pane.styles.border_top[0] == "heavy") == (other == name)
            assert screen.source.styles.border_top[0] != "heavy"


async def test_pane_numbers_follow_reading_order_down_the_lists_then_source(sample, make_app):
    app = make_app(sample)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        screen = main(app)
        lists = [screen.timeline, screen.actors, screen.reactions]
        tops = [pane.region.y for pane in lists]
        assert tops == sorted(tops) and len({pane.region.x for pane in lists}) == 1
        assert screen.source.region.x > screen.timeline.region.right - 1
        assert screen.source.region.y == screen.timeline.region.y  # beside them, from the top
        for number, pane in enumerate([*lists, screen.source], start=1):
            assert Text.from_markup(str(pane.border_title)).plain.startswith(f"{number} ")


@pytest.mark.parametrize("size", SIZES)
async def test_at_every_size_the_numbers_read_in_order_and_the_strip_names_them_so(size, sample, make_app):
    """Left column before right, top before bottom, whichever panes the size shows (after Tab,
    Source too); where panes are hidden, the strip lists all four in the same order."""
    from briefing.tui.widgets.pane_tabs import PaneTabs

    app = make_app(sample)
    async with app.run_test(size=size) as pilot:
        for key in ("1", "tab", "2", "3", "4"):
            await pilot.press(key)
            await pilot.pause()
            screen = main(app)
            shown = [p for p in ("timeline", "actors", "reactions", "source") if screen.pane(p).display]
            panes = sorted((screen.pane(p) for p in shown), key=lambda p: (p.region.x, p.region.y))
            numbers = [int(Text.from_markup(str(p.border_title)).plain.split()[0]) for p in panes]
            assert numbers == sorted(numbers), (size, key, shown)
            strip = screen.query_one(PaneTabs)
            if len(shown) < 4:
                assert strip.display
                assert " ".join(strip.render().plain.split()) == "1 Timeline 2 Actors 3 Reactions 4 Source"
            else:
                assert not strip.display
