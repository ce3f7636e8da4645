"""`y` / `Y` copy through OSC 52 in a real terminal and inside tmux; `e` runs the user's editor."""

from __future__ import annotations

import base64
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .terminal import Terminal, installed_briefing

BRIEFING = """\
briefing: 1
id: copy-test
title: Copy test
as_of: "2025-03-07"
sources:
  - id: courier
    title: Port Mirna walks out
    publisher: Mirna Courier
    published: "2025-03-04"
    url: https://example.org/mirna
    text: "Dockworkers walked out on 3 March. Talks failed on 5 March, the union said."
events:
  - id: walkout
    date: "2025-03-03"
    title: Dockworkers walk out
    evidence:
      - quote: Dockworkers walked out on 3 March
  - id: talks
    date: "2025-03-05"
    title: Talks fail
    evidence:
      - quote: Talks failed on 5 March
"""
# What `y` copies on the newest event, the one selected at start: checked by hand against the file.
TALKS_CITED = "“Talks failed on 5 March”\n— Mirna Courier, Port Mirna walks out, 4 Mar 2025, https://example.org/mirna\n"
OSC_52 = re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)")


@pytest.fixture
def briefing_file(tmp_path: Path) -> Path:
    path = tmp_path / "copy.yaml"
    path.write_text(BRIEFING, encoding="utf-8")
    return path


def user_env(tmp_path: Path, **more: str) -> dict[str, str]:
    """A fresh user: their config and state live in tmp_path, not in the tester's home."""
    home = tmp_path / "home"
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        **more,
    }


@pytest.fixture
def run(tmp_path: Path) -> Iterator:
    terminals: list[Terminal] = []

    def start(*args: str, env: dict[str, str] | None = None) -> Terminal:
        terminal = Terminal(
            [installed_briefing(), *args], size=(100, 30), env=user_env(tmp_path, **(env or {}))
        )
        terminals.append(terminal)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


def copied(term: Terminal) -> list[str]:
    return [base64.b64decode(payload).decode("utf-8") for payload in OSC_52.findall(bytes(term.raw))]


def test_y_sends_the_quote_and_its_citation_as_osc_52(run, briefing_file):
    term = run(str(briefing_file))
    term.wait_for("Talks fail")
    term.press("y")
    term.wait_for(f"Copied {len(TALKS_CITED)} characters")
    assert copied(term) == [TALKS_CITED]


def test_Y_sends_the_item_as_markdown(run, briefing_file):
    term = run(str(briefing_file))
    term.wait_for("Talks fail")
    term.press("k", "Y")  # the first event
    term.wait_for("Copied")
    assert copied(term) == [
        "### 3 Mar 2025 — Dockworkers walk out\n\n"
        "> “Dockworkers walked out on 3 March”\\\n"
        "> — Mirna Courier, Port Mirna walks out, 4 Mar 2025, <https://example.org/mirna>\n"
    ]


def test_clipboard_false_in_the_config_sends_nothing(run, briefing_file, tmp_path):
    config = tmp_path / "home" / "config" / "briefing" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("clipboard: false\n", encoding="utf-8")
    term = run(str(briefing_file))
    term.wait_for("Talks fail")
    term.press("y")
    term.wait_for("Copying is off")
    assert copied(term) == []


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_inside_tmux_with_set_clipboard_on_the_copy_lands_in_tmux_buffer(briefing_file, tmp_path):
    socket = str(tmp_path / "tmux.sock")

    def tmux(*args: str) -> str:
        done = subprocess.run(["tmux", "-S", socket, *args], capture_output=True, text=True, timeout=10)
        return done.stdout

    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in user_env(tmp_path).items())
    pythonpath = os.environ.get("PYTHONPATH", "")
    command = (
        f"env {env} PYTHONPATH={shlex.quote(pythonpath)} {shlex.quote(installed_briefing())} {briefing_file}"
    )
    tmux("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "sh", "-c", command)
    try:
        tmux("set-option", "-g", "set-clipboard", "on")
        assert _wait(lambda: "Talks fail" in tmux("capture-pane", "-p"))
        tmux("send-keys", "y")
        assert _wait(lambda: "Copied" in tmux("capture-pane", "-p")), tmux("capture-pane", "-p")
        assert tmux("show-buffer") == TALKS_CITED
    finally:
        tmux("kill-server")


def _wait(done, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_e_opens_the_editor_at_the_items_line_and_reads_the_file_again(run, briefing_file, tmp_path):
    record = tmp_path / "argv.txt"
    editor = tmp_path / "fake-editor"
    # Records its arguments, then edits the file as a person would: a new title for the event.
    editor.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        f"pathlib.Path({str(record)!r}).write_text(repr(sys.argv[1:]))\n"
        "path = pathlib.Path(sys.argv[-1])\n"
        "path.write_text(path.read_text().replace('title: Talks fail', 'title: Talks collapse'))\n",
        encoding="utf-8",
    )
    editor.chmod(0o755)
    term = run(str(briefing_file), env={"VISUAL": "", "EDITOR": str(editor)})
    term.wait_for("Talks fail")
    term.press("e")
    term.wait_for("Talks collapse")  # read again after the editor: the new title on screen
    line = BRIEFING.splitlines().index("  - id: talks") + 1
    assert record.read_text() == repr([f"+{line}", str(briefing_file)])
