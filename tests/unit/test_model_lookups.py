"""The model's lookups: what a view asks per item is answered without a scan of the timeline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefing.format.loader import load
from briefing.opening import open_briefing

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_data" / "hts-offensive-2024-12.yaml"


def test_events_of_each_actor_are_theirs_in_timeline_order():
    briefing = load(SAMPLE)
    for actor in briefing.actors:
        expected = tuple(e for e in briefing.events if actor.id in e.actors)
        assert briefing.events_of(actor.id) == expected
    assert briefing.events_of("nobody") == ()
    assert any(len(briefing.events_of(a.id)) > 1 for a in briefing.actors)


def test_events_at_each_place_are_there_in_timeline_order():
    briefing = load(SAMPLE)
    for place in briefing.places:
        expected = tuple(e for e in briefing.events if place.id in e.places)
        assert briefing.events_at(place.id) == expected
    assert briefing.events_at("nowhere") == ()
    assert any(len(briefing.events_at(p.id)) > 1 for p in briefing.places)


def test_a_model_from_the_cache_answers_the_same(tmp_path: Path):
    first, _ = open_briefing(SAMPLE, cache=True)
    for actor in first.actors:
        first.events_of(actor.id)  # built before the second open reads the stored model
    again, _ = open_briefing(SAMPLE, cache=True)
    assert again is not first
    assert all(again.events_of(a.id) == first.events_of(a.id) for a in first.actors)


def test_events_of_every_actor_takes_linear_time(tmp_path: Path):
    """10,000 events and 1,000 actors: asked for every actor, the scan took seconds; the
    lookup is built once. Counted, not timed: how many times the timeline is walked."""
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), "10000", str(tmp_path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    briefing = load(next(tmp_path.glob("*.yaml")))
    walks = 0

    class Counting(tuple):
        def __iter__(self):
            nonlocal walks
            walks += 1
            return super().__iter__()

    object.__setattr__(briefing, "events", Counting(briefing.events))
    for actor in briefing.actors:
        briefing.events_of(actor.id)
    assert len(briefing.actors) >= 1000 and walks == 1
