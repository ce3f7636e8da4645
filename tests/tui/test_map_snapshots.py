"""Pictures of the map (issue 27): the sample at 80x24 and 120x40, and a briefing in another region.

Regenerate with: pytest tests/tui/test_map_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

from briefing.format.loader import load
from briefing.tui.app import BriefingApp
from tests.tui.test_colour_snapshots import LINUX_CONSOLE, XTERM_ON_WHITE, reader, terminal

__all__ = ["terminal"]  # the fixture, used below

REPO = Path(__file__).resolve().parents[2]
THEME = "textual-dark"  # pinned: the default theme may change
SAMPLE = REPO / "sample_data" / "hts-offensive-2024-12.yaml"
SAHEL = REPO / "tests" / "tui" / "data" / "sahel-exercise.yaml"


def app_for(path: Path) -> BriefingApp:
    return BriefingApp(load(path), (), path.name, theme=THEME)


async def _on_aleppo(pilot) -> None:
    await pilot.pause()  # the reader has put itself on the newest event
    pilot.app.screen.timeline.select_id("aleppo-advance")
    await pilot.press("m")


def test_sample_map_at_80x24(snap_compare):
    """The sample's map at 80x24, opened on the Aleppo advance: the title names that event
    (6/17). Braille borders: Turkey's border across the top, the Mediterranean coast down the
    left, Syria's borders with Iraq and Jordan, the Gulf and Qatar at the bottom right with
    "EDoha". Labels Idlib, Aleppo (reversed: highlighted), Hama, Homs, Damascus in the west,
    Baghdad, Iraq in the east; none overlaps another. The legend on the right, Aleppo's "2"
    entry highlighted and marked ▶, each place with its count of events and dates."""
    assert snap_compare(app_for(SAMPLE), terminal_size=(80, 24), run_before=_on_aleppo)


def test_sample_map_at_120x40(snap_compare):
    """The sample's map at 120x40, opened on the Aleppo advance: the same map, larger, with
    every place labelled in full, Aleppo reversed; Cyprus's outline at the left edge; the
    legend lists all 14 places with their events and dates."""
    assert snap_compare(app_for(SAMPLE), terminal_size=(120, 40), run_before=_on_aleppo)


def test_sahel_map_at_100x30(snap_compare):
    """A briefing in the Sahel (fictional events at real towns), at 100x30, opened on its
    newest event: Ouagadougou reversed. Bamako in the south-west, Timbuktu, Gao and Ménaka
    along the Niger bend in the north, Niamey to the east; Mali's, Burkina Faso's and Niger's
    borders between them. Under the legend: "Not on the map (no coordinates): Liptako-Gourma"."""
    assert snap_compare(app_for(SAHEL), terminal_size=(100, 30), press=["m"])


def test_sample_map_in_16_colours_on_white(snap_compare, terminal):
    """TERM=xterm, xterm's own 16 colours on white, at 100x30 on the Aleppo advance: borders
    in grey dots, markers bold in a colour that reads on white, labels black; Aleppo's
    marker and label reversed; the legend's cursor bar on Aleppo. Nothing white on white."""
    terminal("xterm")
    assert snap_compare(reader(XTERM_ON_WHITE), terminal_size=(100, 30), run_before=_on_aleppo)


def test_sample_map_without_colour(snap_compare, terminal, monkeypatch):
    """TERM=linux and NO_COLOR at 100x30 on the Aleppo advance: no colour at all, yet each
    place is told by its key (1-9, A-E) on the map and in the legend, Aleppo's "2Aleppo"
    reversed on the map, its legend entry marked ▶ (a background would not show here)."""
    terminal("linux")
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(reader(LINUX_CONSOLE), terminal_size=(100, 30), run_before=_on_aleppo)
