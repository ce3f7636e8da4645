"""Pictures of finding things: the search's list of results and `d`'s prompt for a day.

Each docstring says what a reviewer should see. Regenerate with:
pytest tests/tui/test_find_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

from briefing.format.loader import load
from briefing.tui.app import BriefingApp

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "hts-offensive-2024-12.yaml"


def sample_app():
    return BriefingApp(load(SAMPLE), (), "hts-offensive-2024-12.yaml", theme="textual-dark")


def test_search_results_listed_under_the_field(snap_compare):
    """At 100x30, `/homs` then ↓↓: under "Search: homs" (12 matches in the panes), six result lines:
    summary, the two assessments (the first, "…will probably take Homs within days", chosen: ▶
    and reversed), the places Homs and Homs province, the first event (5–7 Dec 2024, Turkish
    officials…, named before the words around "Homs"); "Homs" marked in each line. The last
    line: "2 of 17 · ↑↓ choose · ⏎ go · Esc clears". The field and the list are drawn over the
    panes, which keep their size (Source's title shows above the field, its text under the list;
    issue 24: opening the search redraws no pane). (The PNG converter draws the space after a
    marked word too narrow.)"""
    keys = ["slash", "h", "o", "m", "s", "down", "down"]
    assert snap_compare(sample_app(), press=keys, terminal_size=(100, 30))


def test_day_prompt(snap_compare):
    """At 100x30, `d` then "5 dec": over the bottom of the reader, a box with "Go to a day
    (the briefing is as of Sat 7 Dec 2024):", the field with "5 dec", and "Thu 5 Dec 2024:
    1 event that day, 11 around it · ⏎ go · Ctrl+F only that day · Esc cancel · (Ctrl+P finds
    an event by its date or title)" wrapping to a second line. The reader above is dimmed a little."""
    assert snap_compare(sample_app(), press=["d", "5", "space", "d", "e", "c"], terminal_size=(100, 30))
