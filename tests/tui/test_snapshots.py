"""Pictures of the reader. Each docstring says what a reviewer should see.

Deterministic by construction: the theme is pinned, the header has no clock,
the search field does not blink and the app never animates.
Regenerate with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing.format.loader import check, load
from briefing.tui.app import BriefingApp

REPO = Path(__file__).resolve().parents[2]
THEME = "textual-dark"  # pinned: the default theme may change
HARBOUR = REPO / "tests" / "data" / "valid" / "harbour-strike.yaml"
SAMPLE = REPO / "sample_data" / "hts-offensive-2024-12.yaml"
INVALID = REPO / "tests" / "data" / "invalid" / "wrong-types.yaml"


def sample_app():
    return BriefingApp(load(SAMPLE), (), "hts-offensive-2024-12.yaml", theme=THEME)


def test_main_screen_wide(snap_compare):
    """The sample at 120x40, as first opened: header (title; as-of date, status, "6
    assessments · i", source; then the summary's first two lines, the second ending in "…"),
    then the three lists down the left in reading order, numbered 1-3, and 4 Source beside
    them, full height. 1 Timeline (focused: heavy frame, title reversed) is scrolled to its
    end with the newest event, the Astana-format meeting (7–8 Dec 2024, → planned), selected
    on its last row (▶, a strong bar); dates in a 19-cell column, a "?" or "✗" mark before
    claimed and denied titles, explained in its border ("? claimed ✗ denied → planned");
    titles keep 55 cells. 2 Actors is scrolled to the meeting's actors, as moving onto it
    would: Government of Turkey at the top and Russia, each marked ●, Turkish officials between
    them (its own selection, HTS, is above, out of view). 3 Reactions shows all
    six countries, one line each with code, stance mark and word and headline; Turkey,
    selected (quiet ›), is open under its line: its headline in full, its statement, and "… 10
    more lines: Enter shows all". Source has the event's quote highlighted with a ▌ bar beside
    it (on the sidelines of the Doha Forum, a meeting in the "Astana format"). The footer
    lists the keys that work."""
    assert snap_compare(sample_app(), terminal_size=(120, 40))


def test_main_screen_narrow(snap_compare):
    """The sample at 80x24, as first opened: one pane at a time. The header has the title,
    the as-of line (with "6 assessments · i") and one line of the summary, ending in "…".
    Under it a strip names the four panes in order with their number keys, Timeline (focused)
    shown reversed. The Timeline fills the screen in a heavy frame, scrolled to its end: the
    newest event, the Astana-format meeting (→ planned), selected on the last row; dates, a
    "?" or "✗" mark where an event is claimed or denied (the border's legend says so), and
    titles, cut with … not wrapped."""
    assert snap_compare(sample_app(), terminal_size=(80, 24))


def test_event_selected_with_its_evidence(snap_compare):
    """At 120x40, g then twelve events down: "Militants take Hama" (5 Dec 2024) is selected
    in Timeline (▶, the twelfth of its 13 rows shown; the summary's two lines in the header
    took a row). Source, the narrow column on the right,
    has scrolled to its quote about the progress in Hama on December 5, highlighted in
    place (the quote jumped to is underlined) with a ▌ bar beside it, and Actors marks its
    two actors, HTS and the coalition, with ●. The Source border says "quote 1 of 3 · s:
    next". Reactions still shows all six countries, Turkey open."""
    assert snap_compare(sample_app(), press=["g", *["j"] * 11], terminal_size=(120, 40))


def test_actor_filter_on(snap_compare):
    """At 120x40: in Actors, Abu Mohammad al-Julani is selected and f pressed. The Timeline
    title says "only Abu Mohammad al-Julani (3 of 22)" with "? claimed · f: show all" below,
    and lists only his three events, each marked ● as linked to the selected actor, the quiet
    › cursor on the last, the CNN interview (the newest); it is three rows tall, and the rows
    it gave up went to Actors (focused, heavy frame, ▶ on al-Julani) and Reactions (Turkey
    open to four of its actions). The header's second line starts "Only: Abu Mohammad
    al-Julani · Esc" (which filters are on, and the key that clears them)."""
    assert snap_compare(sample_app(), press=["2", "j", "f"], terminal_size=(120, 40))


def test_search_with_matches(snap_compare):
    """At 120x40, after g (to the first event), searching "homs" and pressing Enter: the search bar
    above the footer shows the query and "1 of 12 · n/N", drawn over the panes' bottom row
    (their borders: Source's "quote 1 of 1" is under it), the panes as tall as without it (issue
    24: opening and closing the search redraws no pane). Matching events, actors and reactions
    carry a ◆ (or ● where linked), with the word highlighted where their rows show it (Syria's
    headline in Reactions); in Source every "Homs" is highlighted. The first match is selected
    in Timeline: "Turkish officials openly hope…" (5–7 Dec), whose detail, not shown in the row,
    mentions the turn toward Homs."""
    assert snap_compare(
        sample_app(), press=["g", "slash", "h", "o", "m", "s", "enter"], terminal_size=(120, 40)
    )


def test_help_screen(snap_compare):
    """At 80x24 after ?: the "Keys" title, then the keys that work everywhere with their
    descriptions (tab, shift+tab, 1-4, ⏎, i, m: the places on a map, s, f, /, n, N, cut at the
    bottom). The rest of the list scrolls; the footer says esc closes help (q closes it too, so
    no "q Quit")."""
    assert snap_compare(sample_app(), press=["question_mark"], terminal_size=(80, 24))


def test_detail_view(snap_compare):
    """At 120x40, Enter on the first reaction (Turkey): its code, stance, headline and actors
    by name (no ids), then its statement by Erdoğan, dated, with the quote highlighted inside
    the sentence around it, then its actions, each with its quote in context and a blank line
    before the next. The footer offers esc Back, s Evidence in source, f Place, # Ids and ? Help."""
    assert snap_compare(sample_app(), press=["3", "enter"], terminal_size=(120, 40))


def test_diagnostics_screen(snap_compare, tmp_path, monkeypatch):
    """At 100x30, a file with eight errors: "Cannot open wrong-types.yaml: 8 errors", then
    each error with file:line:column, message, key path and a hint where there is one; the
    last line says how to check the file again, the footer that q quits."""
    shutil.copy(INVALID, tmp_path / "wrong-types.yaml")
    monkeypatch.chdir(tmp_path)  # so the file is named as a user would type it
    briefing, diagnostics = check("wrong-types.yaml")
    assert briefing is None
    app = BriefingApp(None, diagnostics, "wrong-types.yaml", theme=THEME)
    assert snap_compare(app, terminal_size=(100, 30))


def test_several_sources_at_200x50(snap_compare):
    """The fictional harbour strike at 200x50: the header says "3 assessments · i" and "3
    sources" and names them, then the whole summary in four lines (from 50 rows the header
    shows up to six). After g and ten events down, on the disputed "Police use batons on
    pickets at Gate 4" (its ≠ mark), Source shows the union's bulletin (2/3 in its title) with
    the quote highlighted and "quote 1 of 3 · s: next"; Actors has scrolled to show one of the
    event's actors, Velmora police, marked ●; Timeline shows all 15 events and every date form
    in full: a year, a month, ranges, c. and ? marks, a time in UTC and one at +01:00; status
    marks in colour, all five explained in its border; titles with markup-like text as typed.
    Reactions lists all seven countries, Velmora open to its statements, action and quote.
    (The bulletin is short: Source ends above its bottom edge.) On the right, the map beside
    the panes (from 180x40): "Map · Gate 4, Kessrin port", that label reversed, the British
    Isles and the coast of Europe in braille, Rotterdam to the east."""
    app = BriefingApp(load(HARBOUR), (), "harbour-strike.yaml", theme=THEME)
    assert snap_compare(app, press=["g", *["j"] * 10], terminal_size=(200, 50))


def test_overview_screen(snap_compare):
    """At 80x24, after pressing i: a page titled "Overview" with the briefing's title (no id),
    "as of: 7 Dec 2024", status current, its tags and counts (22 events, 26 actors,
    6 reactions, 14 places), then the Summary heading and the start of the summary
    paragraph about the offensive. The footer offers esc Back, f Place (pick a place to
    filter the Timeline to), tab Event (to the events the assessments rest on, further down)
    and ? Help (q goes back too)."""
    assert snap_compare(sample_app(), press=["i"], terminal_size=(80, 24))
