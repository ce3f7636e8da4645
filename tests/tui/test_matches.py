"""Stepping through search matches in reading order: panes left to right, then the sources."""

from __future__ import annotations

from briefing.search import SearchResult
from briefing.tui.matches import MatchList


def matches() -> MatchList:
    result = SearchResult(
        "x",
        events=("e3", "e1"),
        actors=("a2",),
        reactions=(),
        source_spans={"s2": [(5, 6)], "s1": [(2, 3), (40, 41)]},  # spans come found left to right
    )
    return MatchList(
        result,
        timeline=["e1", "e2", "e3"],
        actors=["a1", "a2"],
        reactions=["r1"],
        sources=["s1", "s2"],
    )


def where(match) -> tuple:
    return (match.pane, match.item_id, match.span)


def test_matches_follow_the_panes_and_the_order_on_screen():
    found = matches()
    assert [where(found[i]) for i in range(len(found))] == [
        ("timeline", "e1", None),
        ("timeline", "e3", None),
        ("actors", "a2", None),
        ("source", "s1", (2, 3)),
        ("source", "s1", (40, 41)),
        ("source", "s2", (5, 6)),
    ]


def test_no_matches():
    empty = MatchList(SearchResult("x"), timeline=["e1"], actors=[], reactions=[], sources=["s1"])
    assert len(empty) == 0
    assert empty.step(1) is None
    assert empty.first_from("timeline", 0) is None


def test_step_wraps_round_both_ways():
    found = matches()
    assert where(found.step(-1)) == ("source", "s2", (5, 6))
    assert where(found.step(1)) == ("timeline", "e1", None)
    assert where(found.step(1)) == ("timeline", "e3", None)


def test_first_from_starts_at_the_readers_place():
    found = matches()
    assert where(found.first_from("timeline", 1)) == ("timeline", "e3", None)
    assert where(found.first_from("actors", 1)) == ("actors", "a2", None)
    assert where(found.first_from("source", 0, 10)) == ("source", "s1", (40, 41))
    assert where(found.first_from("source", 1, 6)) == ("timeline", "e1", None)  # past the last
    assert found.position == 0
