"""Escape sequences hidden in a briefing never reach a real terminal: no title change, no clipboard write.

The briefing below carries OSC 0 (set window title), OSC 52 (write the
clipboard), a cursor move and a screen clear in its title, actor names, event
titles and source text. The reader must show them as inert text.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ..hostile_text import BASE, INVALID, WITH_EXTENSION, hostile, leaks, write_hostile_settings
from .terminal import Terminal, installed_briefing

TITLE_OSC = "\\e]0;PWNED-TITLE\\a"
CLIPBOARD_OSC = "\\e]52;c;cHduZWQ=\\a"  # base64 of "pwned"
HOSTILE = f"""\
briefing: 1
id: hostile
title: "Harbour{TITLE_OSC} report [bold]not bold[/bold]"
as_of: "2024-03-09"
sources:
  - id: wire
    title: "Wire{CLIPBOARD_OSC} copy"
    text: "Dockers walked out{CLIPBOARD_OSC} at dawn. \\e[2J\\e[HThe port closed [@click=app.quit]now[/]."
actors:
  - id: union
    name: "Dock union{TITLE_OSC}"
    kind: organisation
events:
  - id: walkout
    title: "Walkout{CLIPBOARD_OSC} [@click=app.quit]click me[/]"
    date: "2024-03-04"
    actors: [union]
    evidence:
      - quote: "Dockers walked out"
reactions:
  - id: norway
    country: Norway
    code: "NO"
    stance: concerned
    headline: "Watching closely{TITLE_OSC}"
    statements:
      - speaker: union
        quote: "The port closed"
"""


@pytest.fixture
def terminal(tmp_path: Path):
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    term = Terminal([installed_briefing(), str(path)], size=(120, 40))
    yield term
    term.close()


def test_osc_title_and_clipboard_sequences_do_not_reach_the_terminal(terminal):
    screen = terminal.wait_for("Harbour", "1 Timeline")
    # Walk every pane, open the detail view, search and use the palette, as a reader would.
    terminal.press("2", "3", "4", "1", "enter")
    terminal.wait_for("Walkout")
    terminal.press("escape", "/", "Dock", "enter", "n", "escape", "ctrl+p", "Walk")
    terminal.settle()
    terminal.press("escape")
    screen = terminal.settle()

    assert terminal.process.poll() is None, "the reader quit: [@click=app.quit] must not run"
    assert "PWNED" not in terminal.screen.title, f"the window title was changed to {terminal.screen.title!r}"
    raw = bytes(terminal.raw)
    # Textual itself sends one OSC: 22 (pointer shape). Anything else came from the data.
    oscs = set(re.findall(rb"\x1b\](\d*);", raw))
    assert oscs <= {b"22"}, f"OSC sequences reached the terminal: {oscs}"
    assert b"PWNED-TITLE\x07" not in raw
    assert b"\x1b[2J\x1b[H" not in raw.split(b"Dockers", 1)[-1]
    # What was an ESC is shown as the replacement character, the rest literally.
    assert "Harbour\ufffd]0;PWNED-TITLE\ufffd report [bold]not bold[/bold]" in screen
    terminal.press("q")
    assert terminal.wait_exit() == 0


def test_show_in_a_pipe_carries_no_escape_from_the_data(tmp_path):
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "show", str(path)], capture_output=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout
    assert "Harbour\ufffd]0;PWNED-TITLE\ufffd report [bold]not bold[/bold]" in result.stdout.decode()


def run_all(commands: dict[str, list[str]], env: dict[str, str], cwd: Path) -> dict[str, str]:
    """Run the CLI commands side by side; return each one's leaks on stdout and stderr, if any."""
    processes = {
        name: subprocess.Popen(
            [sys.executable, "-m", "briefing", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
        )
        for name, args in commands.items()
    }
    problems = {}
    for name, process in processes.items():
        stdout, stderr = process.communicate(timeout=60)
        assert process.returncode in (0, 1, 2), f"{name} crashed: {stderr.decode(errors='replace')}"
        for stream, raw in (("stdout", stdout), ("stderr", stderr)):
            found = leaks(raw)
            if found:
                problems[f"{name} ({stream})"] = found
        assert b"PWNED" in stdout + stderr, (
            f"{name} printed nothing of the hostile text: the test lost its path"
        )
    return problems


def _environment(home: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state")}


def test_diagnostics_quoting_keys_tags_and_values_print_no_escape(tmp_path: Path):
    for kind, text in INVALID.items():
        (tmp_path / f"{kind}.yaml").write_text(text, encoding="utf-8")
    files = [f"{kind}.yaml" for kind in INVALID]
    commands = {
        "validate": ["validate", *files],
        "show": ["show", "key.yaml"],
        "export": ["export", "--format", "json", "bool.yaml"],
        "open in a pipe": ["verbatim-tag.yaml"],
    }
    problems = run_all(commands, _environment(tmp_path), tmp_path)
    assert not problems, "hostile text reached the terminal:\n" + "\n".join(
        f"{k}: {v}" for k, v in problems.items()
    )


def test_file_names_print_no_escape(tmp_path: Path):
    valid = f"valid{hostile('NAME')}.yaml"
    invalid = f"invalid{hostile('NAME')}.yaml"
    (tmp_path / valid).write_text(BASE, encoding="utf-8")
    (tmp_path / invalid).write_text(INVALID["key"], encoding="utf-8")
    folder = f"folder{hostile('NAME')}"
    (tmp_path / folder).mkdir()
    commands = {
        "validate": ["validate", valid, invalid],
        "validate a missing file": ["validate", f"missing{hostile('NAME')}.yaml"],
        "show": ["show", invalid],
        "export": ["export", "--format", "markdown", invalid],
        "export -o": ["export", "--format", "html", "-o", f"out{hostile('NAME')}.html", valid],
        "show with two names (a glob)": ["show", valid, invalid],
        "validate a folder": ["validate", folder],
        "open a missing file": [f"missing{hostile('NAME')}.yaml"],
    }
    problems = run_all(commands, _environment(tmp_path), tmp_path)
    assert not problems, "hostile text reached the terminal:\n" + "\n".join(
        f"{k}: {v}" for k, v in problems.items()
    )


def test_config_and_theme_problems_print_no_escape(tmp_path: Path):
    write_hostile_settings(tmp_path / "config" / "briefing")
    write_hostile_settings(tmp_path / "tagged" / "config" / "briefing", tagged=True)
    problems = run_all({"paths": ["paths"], "themes": ["themes"]}, _environment(tmp_path), tmp_path)
    problems |= run_all({"paths, tagged config": ["paths"]}, _environment(tmp_path / "tagged"), tmp_path)
    assert not problems, "hostile text reached the terminal:\n" + "\n".join(
        f"{k}: {v}" for k, v in problems.items()
    )


# -- The reader, in a real terminal -----------------------------------------------------------------


def _reader(args: list[str], tmp_path: Path) -> Terminal:
    return Terminal([installed_briefing(), *args], size=(120, 40), cwd=str(tmp_path))


def _shown(term: Terminal, *texts: str, timeout: float = 15.0) -> bool:
    """Whether ``texts`` came on screen; stops early once anything hostile came through."""

    def done() -> bool:
        screen = term.text()
        return all(text in screen for text in texts) or bool(leaks(bytes(term.raw), terminal=True))

    return term.wait_until(done, timeout) and all(text in term.text() for text in texts)


def _assert_clean(term: Terminal, where: str) -> None:
    found = leaks(bytes(term.raw), terminal=True)
    assert not found, f"hostile text reached the terminal from {where}: {found}"
    assert "PWNED" not in term.screen.title, f"{where} changed the window title to {term.screen.title!r}"


def test_diagnostics_screen_shows_hostile_names_and_keys_inertly(tmp_path: Path):
    name = f"invalid{hostile('NAME')}.yaml"
    (tmp_path / name).write_text(INVALID["key"], encoding="utf-8")
    term = _reader([name], tmp_path)
    try:
        seen = _shown(term, "Cannot open", "unknown key", "PWNED-KEY", "briefing validate")
        _assert_clean(term, "the diagnostics screen (file name, key, key path)")
        assert seen, f"the diagnostics screen was not drawn as text:\n{term.text()}"
    finally:
        term.close()


def test_notices_show_hostile_names_config_and_themes_inertly(tmp_path: Path):
    # One run shows the settings notices, the "N warnings" notice, the key bar, an actor's
    # details (its x- keys) and a reload notice.
    write_hostile_settings(Path(os.environ["XDG_CONFIG_HOME"]) / "briefing")
    name = f"valid{hostile('NAME')}.yaml"
    path = tmp_path / name
    path.write_text(WITH_EXTENSION, encoding="utf-8")
    term = _reader([name], tmp_path)
    try:
        started = _shown(term, "Harbour report", "1 warning")
        term.press("2", "enter")
        details = _shown(term, "Extensions", "PWNED-XKEY")
        term.press("escape")
        path.write_text(INVALID["key"], encoding="utf-8")
        # The notice's first line can sit under the settings notices; its others show.
        reloaded = _shown(term, "next valid save", "PWNED-KEY\ufffd")
        _assert_clean(term, "the reader's notices (settings, themes, warnings, reload), key bar or details")
        assert started, f"the reader or its warnings notice was not drawn as text:\n{term.text()}"
        assert details, f"the actor's details were not drawn as text:\n{term.text()}"
        assert reloaded, f"the reload notice was not drawn as text:\n{term.text()}"
    finally:
        term.close()


def test_library_lists_hostile_names_and_errors_inertly(tmp_path: Path):
    folder = tmp_path / f"folder{hostile('FOLDER')}"
    folder.mkdir()
    (folder / f"valid{hostile('NAME')}.yaml").write_text(BASE, encoding="utf-8")
    (folder / f"invalid{hostile('NAME')}.yaml").write_text(INVALID["key-path"], encoding="utf-8")
    term = _reader([folder.name], tmp_path)
    try:
        listed = _shown(term, "Harbour report", "cannot be opened", "PWNED-NAME")
        term.press("down", "enter")  # the file that cannot be opened: its diagnostics
        opened = _shown(term, "Cannot open", "unknown key")
        _assert_clean(term, "the library (folder and file names, errors) or a file opened from it")
        assert listed, f"the library was not drawn as text:\n{term.text()}"
        assert opened, f"the invalid file's diagnostics were not drawn as text:\n{term.text()}"
    finally:
        term.close()
