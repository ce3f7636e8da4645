"""Pictures of the layout at five terminal sizes (issue 22): the sample (120x40 and 80x24 are in
test_snapshots.py) and a fictional briefing with few events and many reactions. In none does a
pane keep more than 3 blank rows while another is cut. Each docstring says what to look for.

Regenerate with: pytest tests/tui/test_layout_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

from briefing.format.loader import load
from briefing.tui.app import BriefingApp

REPO = Path(__file__).resolve().parents[2]
THEME = "textual-dark"  # pinned: the default theme may change
SAMPLE = REPO / "sample_data" / "hts-offensive-2024-12.yaml"
MANY_REACTIONS = REPO / "tests" / "data" / "valid" / "many-reactions.yaml"


def sample_app() -> BriefingApp:
    return BriefingApp(load(SAMPLE), (), "hts-offensive-2024-12.yaml", theme=THEME)


def many_app() -> BriefingApp:
    return BriefingApp(load(MANY_REACTIONS), (), "many-reactions.yaml", theme=THEME)


def test_sample_at_100x30(snap_compare):
    """The sample at 100x30: the header shows two lines of the summary, the second ending in
    "…"; the strip under it names the panes 1-4, Timeline reversed (focused) and Source bold
    (both shown). Timeline, on top across the whole width, takes 12 rows with titles of 45
    cells and more, its legend in the border, scrolled to its end: the newest event, the
    Astana-format meeting, selected on the last row; Source under it shows that event's
    quote highlighted, ▌ bars beside it."""
    assert snap_compare(sample_app(), terminal_size=(100, 30))


def test_sample_at_160x50(snap_compare):
    """The sample at 160x50: the header shows the whole summary (six lines: from 50 rows it
    may take up to six). The lists down the left, Source on the right. Timeline (focused,
    heavy frame) shows the last 15 of its 22 events, the newest, the Astana-format meeting,
    selected on the last row; Actors 8 rows, scrolled to the meeting's actors as moving onto it
    would (Government of Turkey and Russia marked ●; HTS, its selection, above); Reactions every
    country, Turkey open to its statement and two actions then "… 6 more lines: Enter shows
    all". Source shows the meeting's quote. No list has a blank row."""
    assert snap_compare(sample_app(), terminal_size=(160, 50))


def test_sample_at_220x60(snap_compare):
    """The sample at 220x60: the whole summary in the header, in four lines. Timeline shows
    21 of its 22 events, no blank row under them, the newest (the Astana-format meeting, its
    quote highlighted in Source) selected on the last row; Turkey open in Reactions
    (statement, four actions, "2 more lines") above the five other countries; Actors, cut,
    has the rest of the column. Source, 68 columns wide, shows the selected event's quote in
    its paragraph. On the right, 50 columns wide, the map beside the panes: "Map · Doha",
    Doha reversed at the bottom right, the Syrian places labelled in the middle."""
    assert snap_compare(sample_app(), terminal_size=(220, 60))


def test_many_reactions_at_80x24(snap_compare):
    """Six events and eight reactions at 80x24, after 3: under the header (its third line the
    summary's first, ending in "…", and "0 assessments · i" on the second), the Reactions
    pane alone, in a heavy frame, strip showing 3 Reactions reversed. All eight countries, one line each,
    stances as a mark and a word (+ supportive, ! concerned, ○ neutral, ? unclear,
    − opposed, ± mixed) in the file's order; Norway, selected (▶), open under its line to
    its statement and its action."""
    assert snap_compare(many_app(), press=["3"], terminal_size=(80, 24))


def test_many_reactions_at_100x30(snap_compare):
    """Six events and eight reactions at 100x30: Timeline on top takes just its six rows
    (a 12-cell date column, ✓ ? ≠ → marks where a status is set, all four explained in the
    border), the newest (12 May, the salvage crew, → planned) selected on the last; the rows
    it does not need go to Source below, which shows that event's quote highlighted. The
    header shows two lines of the summary, the second ending in "…"."""
    assert snap_compare(many_app(), terminal_size=(100, 30))


def test_many_reactions_at_120x40(snap_compare):
    """Six events and eight reactions at 120x40: the header with two lines of the summary, the
    second ending in "…". Timeline (focused) six rows, the newest (12 May, the salvage crew)
    selected on the last, Actors six of its seven actors (the European Commission, last, is
    below: the summary's second line took its row, and Actors shows a scrollbar), Reactions all
    eight countries with Norway open (its headline in full, its statement and action): no list
    has a blank row while another is cut. Source on the right shows the salvage crew's quote
    highlighted ("A salvage crew is due on 12 May")."""
    assert snap_compare(many_app(), terminal_size=(120, 40))


def test_many_reactions_at_160x50(snap_compare):
    """Six events and eight reactions at 160x50, after 3 and five j (the header shows the
    whole summary): Brazil selected (▶)
    in the focused Reactions pane, open to its full headline and its quote ("unilateral and
    disproportionate", highlighted in Source); the countries above and below it each on one
    line. Everything fits; the rows left over are under the last country, none elsewhere."""
    assert snap_compare(many_app(), press=["3", "j", "j", "j", "j", "j"], terminal_size=(160, 50))


def test_many_reactions_at_220x60(snap_compare):
    """Six events and eight reactions at 220x60: the whole summary in the header; every list
    whole (six events, the newest selected, seven actors, eight countries with Norway open),
    Source whole on the right; the rows left over are at the bottom of the Reactions pane,
    none between the lists."""
    assert snap_compare(many_app(), terminal_size=(220, 60))
