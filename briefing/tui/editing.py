"""`e`: open the briefing in the user's editor at the selected item's line, then read it again.

The reader is suspended (App.suspend) while the editor has the terminal.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from briefing.format.text import one_line

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

# Editors that take the line as `--goto FILE:LINE` (and need --wait to stay until closed);
# every other (vi, vim, nvim, nano, emacs, micro, kak, ...) takes `+LINE FILE`.
GOTO_EDITORS = {"code", "code-insiders", "codium", "cursor"}


def editor_command(editor: str, file: str, line: int) -> list[str]:
    """The command that opens ``file`` at ``line`` in ``editor`` ($VISUAL or $EDITOR, options and all)."""
    words = shlex.split(editor)
    if Path(words[0]).name in GOTO_EDITORS:
        wait = [] if "--wait" in words or "-w" in words else ["--wait"]
        return [*words, *wait, "--goto", f"{file}:{line}"]
    return [*words, f"+{line}", file]


def _run(command: list[str]) -> str | None:
    """Run the editor; the reason it could not run, or None."""
    try:
        subprocess.run(command, check=False)
    except OSError as error:
        return f"Cannot run the editor {one_line(command[0])}: {error.strerror or error}"
    return None


def line_in_file(file: Path, item_id: str) -> int:
    """Where the record ``item_id`` is declared in ``file`` (the top if it cannot be found)."""
    from briefing.format.lean import line_of_id
    from briefing.format.reading import ReadError, decode_text, read_bytes

    try:
        text = decode_text(read_bytes(file, str(file)), str(file))
    except ReadError:  # gone or changed since: the editor will say what it finds
        return 1
    return line_of_id(text, item_id) or 1


async def edit_at(app: BriefingApp, item_id: str) -> None:
    """Open the briefing at the line of ``item_id``, wait for the editor, and show the file as it is after."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if app.file is None:
        app.notify("This briefing was not read from a file", severity="warning")
        return
    line = line_in_file(app.file, item_id)
    if not editor or not editor.strip():
        app.notify("Set VISUAL or EDITOR to the editor to open the briefing in", severity="warning")
        return
    try:
        command = editor_command(editor, str(app.file), line)
    except ValueError as error:  # unbalanced quotes in the variable
        app.notify(f"Cannot read VISUAL or EDITOR: {one_line(error)}", severity="error")
        return
    try:
        with app.suspend():
            problem = _run(command)
    except SuspendNotSupported:  # no terminal to hand over (a headless run): run it all the same
        problem = _run(command)
    if problem is not None:
        app.notify(problem, severity="error")
        return
    await reload(app)


async def reload(app: BriefingApp) -> None:
    """Read the file again: through the live watch when the reader follows it, else once, here."""
    if app.live is not None:
        app.live.reload()
        return
    from briefing.opening import open_briefing

    main = app.main_screen
    assert app.file is not None
    briefing, diagnostics = open_briefing(app.file, max_size=app.max_size)
    if briefing is None:
        first = diagnostics[0].message if diagnostics else "cannot be read"
        app.notify(f"The file now has errors: {one_line(first)}", severity="error")
    elif main is not None:
        app.briefing = briefing
        await main.show_briefing(briefing)
