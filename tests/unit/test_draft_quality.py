"""`briefing draft` scored against hand-written answer keys (tests/data/articles/*.key.yaml).

The targets of issue 25: at least 90 % of named actors and of places found,
every country that reacts, at least 80 % of dated facts given a date that holds
the truth and is at most twice as wide, and cities within 30 km of where they are.
A key marked `heldout` was written after the rules and never tuned for: its
figures are reported in docs/draft.md, and here it must only give a valid draft
with at least half of each found (a floor that catches a regression, not a target).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.draft_scoring import keys, score

KEYS = keys()


def _heldout(key: Path) -> bool:
    return bool(yaml.safe_load(key.read_text(encoding="utf-8")).get("heldout"))


def test_there_are_at_least_three_keyed_articles() -> None:
    assert len([k for k in KEYS if not _heldout(k)]) >= 3


@pytest.mark.parametrize("key", KEYS, ids=[k.name.removesuffix(".key.yaml") for k in KEYS])
def test_draft_meets_the_targets(key: Path) -> None:
    s = score(key)  # the draft validates, or score() fails
    if _heldout(key):
        for found, total in (s.actors, s.places, s.facts):
            assert found >= total / 2, s.misses
        return
    assert s.actors[0] >= 0.9 * s.actors[1], s.misses
    assert s.places[0] >= 0.9 * s.places[1], s.misses
    assert s.reactions[0] == s.reactions[1], s.misses
    assert s.facts[0] >= 0.8 * s.facts[1], s.misses
    near, with_coordinates, _ = s.cities
    assert near == with_coordinates, s.misses  # every city given coordinates is within 30 km
