"""Panes can give their items' positions instead of their order: the matches come out the same."""

from __future__ import annotations

from briefing.search import SearchResult
from briefing.tui.matches import MatchList

RESULT = SearchResult(
    "x",
    events=("e3", "e1", "e9"),  # e9 is hidden by the actor filter: not in the pane
    actors=("a2",),
    reactions=("r1",),
    source_spans={"s1": [(2, 3)]},
)


def listed(found: MatchList) -> list[tuple]:
    return [(m.pane, m.item_id, m.span) for m in (found[i] for i in range(len(found)))]


def test_positions_by_id_give_the_same_matches_as_the_order():
    by_order = MatchList(
        RESULT, timeline=["e3", "e2", "e1"], actors=["a1", "a2"], reactions=["r1"], sources=["s1"]
    )
    by_position = MatchList(
        RESULT,
        timeline={"e3": 0, "e2": 1, "e1": 2},
        actors={"a1": 0, "a2": 1},
        reactions={"r1": 0},
        sources=["s1"],
    )
    assert (
        listed(by_position)
        == listed(by_order)
        == [
            ("timeline", "e3", None),
            ("timeline", "e1", None),
            ("actors", "a2", None),
            ("reactions", "r1", None),
            ("source", "s1", (2, 3)),
        ]
    )
    assert by_position.first_from("timeline", 1) == by_order.first_from("timeline", 1)


def test_a_count_kept_from_the_last_key_is_the_count_made_afresh():
    timeline = {"e1": 0, "e3": 1, "e9": 2}
    actors = {"a1": 0, "a2": 1}
    last = MatchList(RESULT, timeline=timeline, actors=actors, reactions={"r1": 0}, sources=["s1"])
    assert len(last) == 6
    # The same ids and the same panes: counts kept.
    again = MatchList(
        RESULT, timeline=timeline, actors=actors, reactions={"r1": 0}, sources=["s1"], previous=last
    )
    assert len(again) == len(last) == 6
    # The timeline filtered (a new order): its count is made again, the others kept.
    filtered = {"e3": 0}
    narrower = MatchList(
        RESULT, timeline=filtered, actors=actors, reactions={"r1": 0}, sources=["s1"], previous=again
    )
    assert (
        len(narrower)
        == 4
        == len(MatchList(RESULT, timeline=filtered, actors=actors, reactions={"r1": 0}, sources=["s1"]))
    )
    assert listed(narrower) == [
        ("timeline", "e3", None),
        ("actors", "a2", None),
        ("reactions", "r1", None),
        ("source", "s1", (2, 3)),
    ]


def test_a_pane_showing_every_record_is_counted_without_looking_each_id_up():
    """Actors and reactions, and the timeline unfiltered, show every record: all found are there."""
    whole = {"e1": 0, "e3": 1, "e9": 2}
    looked_up = MatchList(RESULT, timeline=whole, actors={"a2": 0}, reactions={"r1": 0}, sources=["s1"])
    counted = MatchList(
        RESULT,
        timeline=whole,
        actors={"a2": 0},
        reactions={"r1": 0},
        sources=["s1"],
        showing_all=("timeline", "actors", "reactions"),
    )
    assert len(counted) == len(looked_up) == 6
    assert listed(counted) == listed(looked_up)
