"""The installed `briefing` command in a real (pseudo-)terminal: keys in, screen out."""

from __future__ import annotations

import shutil
import signal
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from .terminal import Terminal, installed_briefing

REPO = Path(__file__).resolve().parents[2]
HARBOUR = REPO / "tests" / "data" / "valid" / "harbour-strike.yaml"
INVALID = REPO / "tests" / "data" / "invalid" / "wrong-types.yaml"


@pytest.fixture
def run() -> Iterator:
    command = installed_briefing()
    terminals: list[Terminal] = []

    def start(*args: str, size: tuple[int, int]) -> Terminal:
        terminal = Terminal([command, *args], size=size)
        terminals.append(terminal)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


def test_a_new_reader_at_80x24_reads_searches_and_quits(run):
    term = run(size=(80, 24))  # no file: the bundled sample
    # The pane strip under the header says where the other panes are; the summary's first
    # line is in the header, the newest event selected; g goes to the first.
    term.wait_for(
        *("HTS advances toward Damascus", "6 assessments · i", "An offensive led by Hayat Tahrir"),
        *("1 Timeline", "2 Actors", "4 Source", "▶ 7–8 Dec 2024"),
    )
    term.press("g")
    term.wait_for("▶ 2017–2024")
    term.press("j")
    term.wait_for("▶ 2018")
    term.press("4")  # the quote behind the selected event, in the article
    term.wait_for("4 Source · Elrisala", "quote 1 of 1")
    term.press("2")
    term.wait_for("2 Actors (26)", "Hayat Tahrir al-Sham")
    term.press("/", "Homs", "enter")
    # The search starts where the reader is: the first matching actor, the Homs governor,
    # comes after four matching events.
    term.wait_for("5 of 12 · n/N", "▶◆Numeir Mahlouf")
    term.press("n")
    term.wait_for("6 of 12 · n/N")
    term.press("?")
    term.wait_for("Keys", "Go to the next pane")
    term.press("escape")
    term.wait_for("6 of 12 · n/N")
    term.press("escape", "q")
    assert term.wait_exit() == 0
    # Textual left the alternate screen: the reader's own terminal is back.
    assert b"\x1b[?1049l" in term.raw


def test_several_sources_at_200x50_every_pane_and_the_actor_filter(run):
    term = run(str(HARBOUR), size=(200, 50))
    term.wait_for(
        *("1 Timeline (15)", "2 Actors (19)", "3 Reactions (7)", "4 Source 1/3"),
        *("Feb 2024 – c. 4 Mar 2024", "8 Mar 2024 16:30 +01:00", "6 Mar 2024?", "Mar 2024 "),
        "[bold]not bold[/bold]",  # markup-like text shown as written
    )
    term.press("2", "f")
    term.wait_for("only Harbour Workers’ Federation of Velmora (7 of 15)", "f: show all")
    # The federation's last event, the planned mediation, has quotes in all three sources:
    # s shows each in turn, switching to the source it is in.
    term.press("1", "G")
    term.wait_for("▶ 12 Mar 2024")
    term.press("s")
    term.wait_for("4 Source 1/3 · Velmora Wire Service", "quote 1 of 3")
    term.press("s")
    term.wait_for("4 Source 3/3 · Ministry of Transport of Velmora", "quote 2 of 3")
    term.press("s")
    term.wait_for("4 Source 2/3 · Harbour Workers’ Federation of Velmora", "quote 3 of 3")
    # A query typed straight after / in one burst lands in the search field, Enter included;
    # from Source, the first match is the next "baton" in the text on screen.
    term.type_at_once("/baton\r")
    term.wait_for("Search: baton", "4 of 4 · n/N")  # the filter hides one matching event
    term.press("q")
    assert term.wait_exit() == 0


@pytest.mark.parametrize("stop", [signal.SIGHUP, signal.SIGTERM], ids=["hung-up", "terminated"])
def test_a_reader_hung_up_or_terminated_keeps_its_place(run, stop):
    # A dropped SSH connection hangs the reader up; `kill` terminates it. Either way the
    # next start opens where the reader was, as it does after q.
    term = run(str(HARBOUR), size=(100, 30))
    term.wait_for("▶ 12 Mar 2024")  # opened on the newest event
    term.press("g", "j", "j")
    term.wait_for("▶ 1 Mar 2024")
    term.process.send_signal(stop)
    term.wait_exit()
    again = run(str(HARBOUR), size=(100, 30))
    again.wait_for("▶ 1 Mar 2024")


def test_an_invalid_file_shows_its_errors_then_exits_1(run, tmp_path, monkeypatch):
    shutil.copy(INVALID, tmp_path / "wrong-types.yaml")
    monkeypatch.chdir(tmp_path)
    term = run("wrong-types.yaml", size=(100, 30))
    screen = term.wait_for(
        "Cannot open wrong-types.yaml: 8 errors", "wrong-types.yaml:3:8 error: expected one line of text"
    )
    assert "Traceback" not in screen
    term.press("q")
    assert term.wait_exit() == 1


def test_a_crash_inside_the_reader_is_reported_not_dumped(tmp_path):
    # A bug planted in the timeline: the app must restore the terminal, name the
    # file, say it is a bug, and exit 3 without a traceback (unless --debug).
    script = tmp_path / "crashing.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys
            from briefing.cli import main
            from briefing.tui.widgets.timeline import TimelineView

            def broken(self, index, width):
                raise RuntimeError("planted bug")

            TimelineView.item_lines = broken
            sys.exit(main(sys.argv[1:]))
            """
        )
    )
    term = Terminal([sys.executable, str(script), str(HARBOUR)], size=(100, 30))
    try:
        assert term.wait_exit() == 3
        screen = term.settle().replace("\n", "")  # long lines wrap
        assert f"internal error while showing {HARBOUR}" in screen
        assert "RuntimeError: planted bug" in screen
        assert "rerun with --debug" in screen
        assert "Traceback" not in screen and "locals" not in screen
    finally:
        term.close()
    term = Terminal([sys.executable, str(script), "--debug", str(HARBOUR)], size=(100, 30))
    try:
        assert term.wait_exit() == 3
        assert "planted bug" in term.settle()
        assert b"Traceback" in term.raw or b"locals" in term.raw
    finally:
        term.close()


def test_keys_typed_in_one_burst_after_a_query_go_where_enter_took_the_reader(tmp_path):
    # `/hama⏎n` in one write: Enter goes to a match and moves focus to its pane before the
    # `n` after it is handed on, so `n` steps to the next match rather than being typed
    # into the query ("haman", no matches). Enter alone goes to the 7th of Hama's 12
    # matches from the newest event (checked by hand), so n is on the 8th.
    term = Terminal([installed_briefing()], size=(100, 30), env={"HOME": str(tmp_path)})
    try:
        term.wait_for("assessments · i")
        term.settle()
        term.type_at_once("/hama\rn")
        screen = term.wait_for("Search: hama ", "8 of 12 · n/N")
        assert "haman" not in screen
    finally:
        term.close()


def test_a_day_typed_in_one_burst_with_the_keys_after_it(tmp_path):
    # `d5 dec⏎j` in one write: Enter puts the Timeline at the first event from 5 Dec (the
    # fall of Hama) and gives it focus before the `j` after it is handed on: j goes down one.
    term = Terminal([installed_briefing()], size=(100, 30), env={"HOME": str(tmp_path)})
    try:
        term.wait_for("assessments · i")
        term.settle()
        term.type_at_once("d5 dec\rj")
        term.wait_for("▶ 5–7 Dec 2024")
        screen = term.settle()
        assert "Go to a day" not in screen  # the prompt is gone, j was not typed into it
        assert "Turkish officials openly hope" in screen
    finally:
        term.close()
