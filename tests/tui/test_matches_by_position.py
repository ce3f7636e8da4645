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
