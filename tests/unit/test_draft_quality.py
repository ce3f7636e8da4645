"""`briefing draft` scored against hand-written answer keys (tests/data/articles/*.key.yaml).

The targets of issue 25: at least 90 % of named actors and of places found,
every country that reacts, at least 80 % of dated facts given a date that holds
the truth and is at most twice as wide, and cities within 30 km of where they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.draft_scoring import keys, score

KEYS = keys()


def test_there_are_at_least_three_keyed_articles() -> None:
    assert len(KEYS) >= 3


@pytest.mark.parametrize("key", KEYS, ids=[k.name.removesuffix(".key.yaml") for k in KEYS])
def test_draft_meets_the_targets(key: Path) -> None:
    s = score(key)
    assert s.actors[0] >= 0.9 * s.actors[1], s.misses
    assert s.places[0] >= 0.9 * s.places[1], s.misses
    assert s.reactions[0] == s.reactions[1], s.misses
    assert s.facts[0] >= 0.8 * s.facts[1], s.misses
    near, with_coordinates, _ = s.cities
    assert near == with_coordinates, s.misses  # every city given coordinates is within 30 km
