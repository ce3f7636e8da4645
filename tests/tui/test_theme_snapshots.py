"""Pictures of the reader in each bundled theme, without colour, and of the library.

Each docstring says what a reviewer should see. The scene is the same as
test_snapshots.test_main_screen_wide, after g (the reader opens on the newest
event; g brings the first, and the "?" claimed marks near the top, into view): the
sample at 120x40, the header with the summary's first two lines and "6 assessments
· i", the three lists down the left and Source on the right, first event selected in
the focused Timeline (heavy frame, title reversed), its quote highlighted in Source,
Turkey open in Reactions with its "+ supportive" stance, "?" (claimed) and
"✗" (denied) marks in Timeline.
Regenerate with: pytest tests/tui/test_theme_snapshots.py --snapshot-update
"""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing.format.loader import load
from briefing.tui.app import BriefingApp

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_data" / "hts-offensive-2024-12.yaml"
DATA = Path(__file__).resolve().parent / "data"


def sample_app(theme: str):
    return BriefingApp(load(SAMPLE), (), "hts-offensive-2024-12.yaml", theme=theme)


def test_briefing_dark(snap_compare):
    """The default theme: light grey text on blue-black panes, a lighter header bar. The
    selected event is a dark blue bar with white text, its date still readable; its quote in
    Source is white on amber with an amber ▌ bar beside it. the "?" (claimed) mark is amber,
    "✗" (denied) red, Turkey's "+ supportive" green. Selections in the other panes are a
    quiet grey with a › mark."""
    assert snap_compare(sample_app("briefing-dark"), press=["g"], terminal_size=(120, 40))


def test_briefing_light(snap_compare):
    """Dark text on off-white panes and a pale grey header. The selected event is a pale blue
    bar; its quote in Source is black on golden yellow with a dark gold ▌ bar. The "?" (claimed) mark is
    brown, "✗" (denied) dark red, "+ supportive" dark green: all readable on the white
    background. Selections in the other panes are paler, with a › mark."""
    assert snap_compare(sample_app("briefing-light"), press=["g"], terminal_size=(120, 40))


def test_briefing_high_contrast(snap_compare):
    """Pure black background, white text, white borders. The selected event is white on deep
    blue; its quote in Source is black on cyan with a yellow ▌ bar. The "?" (claimed) mark is
    gold, "✗" (denied) light red, "+ supportive" bright green; dates and roles are light grey."""
    assert snap_compare(sample_app("briefing-high-contrast"), press=["g"], terminal_size=(120, 40))


def test_briefing_terminal(snap_compare):
    """Only the 16 terminal colours (drawn here in Textual's default palette for them) on the
    terminal's own background. The selected event is a reversed bold bar; its quote in
    Source is black on cyan with a yellow ▌ bar. The "?" (claimed) mark is yellow, "✗"
    (denied) red, "+ supportive" green, actor kinds cyan. The focused Timeline's frame is
    heavy and magenta; selections in the other panes show only a › mark."""
    assert snap_compare(sample_app("briefing-terminal"), press=["g"], terminal_size=(120, 40))


def test_no_color(snap_compare, monkeypatch):
    """NO_COLOR set: the same screen in shades of grey only, no hue anywhere; the quote in
    Source stands out by brightness, the selected event as a reversed bar, the focused Timeline by
    its heavy frame and reversed title, and each stance and status by its mark and word."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(sample_app("briefing-dark"), press=["g"], terminal_size=(120, 40))


def test_library(snap_compare, tmp_path, monkeypatch):
    """The library of a folder at 100x30: "Briefings in briefings" on top; in the list, newest
    first, the Port Mirna strike (draft, amber), the HTS offensive (current, green), the
    Kessrin port strike (current); each with its date, counts and file name under the
    title. Last, "✗ broken.yaml  cannot be opened" in red with "line 1: the format version
    must be the integer 1" under it. The footer offers ⏎ Open, o Sort, r Rescan, / Filter,
    q Quit (it is the first screen) and ? Help (the library's own keys)."""
    folder = tmp_path / "briefings"
    folder.mkdir()
    for source in (DATA / "port-mirna.yaml", DATA / "port-mirna.txt", DATA / "wire.txt", SAMPLE):
        shutil.copy(source, folder)
    shutil.copy(REPO / "sample_data" / "article.txt", folder)
    for source in (REPO / "tests" / "data" / "valid").glob("harbour-strike*"):
        shutil.copy(source, folder)
    shutil.copy(REPO / "tests" / "data" / "invalid" / "wrong-types.yaml", folder / "broken.yaml")
    monkeypatch.chdir(tmp_path)  # the title shows the folder as given: keep it the same everywhere

    async def scanned(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = BriefingApp(None, folder=Path("briefings"), theme="briefing-dark")
    assert snap_compare(app, terminal_size=(100, 30), run_before=scanned)
