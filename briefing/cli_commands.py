"""The commands that print: validate, show, export, and `briefing PATH` when stdout is no terminal.

`validate` checks every file it is given whatever one of them does, and exits
with the worst outcome: 3 if checking a file hit a bug, else 2 if a path names
nothing to check (missing, a folder), else 1 if a file is invalid or cannot be
read as a briefing (a FIFO, no permission, binary data: the loader's located
error). Each problem is a line on stderr naming the file, and each file gets one
summary line on stdout, so `validate *.yaml | grep -v ': ok'` lists them.
Every briefing is opened through briefing.opening, without the model cache:
validate must really validate. `export -o` replaces only a regular file or
makes a new one (settings.replaceable: a symlink is followed only to a regular file).

With stdout not a terminal there is no one to run the full-screen reader for:
`briefing FILE | cmd` prints the text view, and `briefing FOLDER | cmd` lists the
folder's briefings, one tab-separated line each (path, date, status, title; an
invalid file says "invalid" and its first error), exiting 1 if any is invalid;
a bare `briefing | cmd` is a usage error saying so.
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli_output import (
    EXIT_BUG,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    printable,
    report_bug,
    say,
    text_command,
)
from briefing.render import SECTIONS

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from briefing.format.diagnostics import Diagnostic
    from briefing.user.library import LibraryEntry


def require_file(path: Path) -> None:
    from briefing.format.reading import describe_os_error

    try:
        if path.is_dir():
            raise UsageError(f"{path}: is a directory, not a briefing file")
        path.stat()
    except OSError as error:
        raise UsageError(f"{path}: {describe_os_error(error)}") from None


def _unreadable(path: Path) -> str | None:
    """Why ``path`` names nothing to check (missing, a folder, a link loop), or None.

    The same usage errors as `show` and `export` (exit 2); whatever else is wrong
    with a file (a FIFO, no permission, binary data) is the loader's located error.
    """
    from briefing.format.reading import describe_os_error

    try:
        if stat.S_ISDIR(path.stat().st_mode):
            return "is a directory, not a briefing file"
    except OSError as error:
        return describe_os_error(error)
    return None


def validate(args: argparse.Namespace) -> int:
    worst = EXIT_OK
    for path in args.paths:
        worst = max(worst, _validate_one(path, quiet=args.quiet, max_size=args.max_size, debug=args.debug))
    return worst


def _validate_one(path: Path, *, quiet: bool, max_size: int | None, debug: bool) -> int:
    """Check one file and print its outcome; never raises for what one file does."""
    from briefing.opening import open_briefing

    shown = printable(path)
    reason = _unreadable(path)
    if reason is not None:
        say(f"briefing: error: {shown}: {reason}", err=True)
        say(f"{shown}: cannot be read")
        return EXIT_USAGE
    try:
        _briefing, diagnostics = open_briefing(path, max_size=max_size, raise_bugs=True)
    except Exception as error:  # a bug met in this file: reported, and the others still checked
        report_bug(error, debug, where=shown)
        say(f"{shown}: not checked")
        return EXIT_BUG
    for diagnostic in diagnostics:
        say(diagnostic.format(), err=True)
    if any(d.is_error for d in diagnostics):
        say(invalid_line(shown, diagnostics))
        return EXIT_INVALID
    if not quiet:
        say(f"{shown}: ok ({_count(len(diagnostics), 'warning')})")
    return EXIT_OK


def invalid_line(shown: str, diagnostics: Sequence[Diagnostic]) -> str:
    """The line `validate` ends an invalid file's report with (diff says it too)."""
    errors = sum(d.is_error for d in diagnostics)
    return f"{shown}: invalid: {_count(errors, 'error')}, {_count(len(diagnostics) - errors, 'warning')}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _load_or_report(path: Path, max_size: int | None) -> object | None:
    """Load a briefing for a text command; print its diagnostics if it is invalid."""
    from briefing.opening import open_briefing

    require_file(path)
    briefing, diagnostics = open_briefing(path, max_size=max_size, raise_bugs=True)
    # The model lives until the command ends: out of the collector's reach, its millions of
    # objects are not walked again by each collection while the output is written.
    gc.freeze()
    for diagnostic in diagnostics:
        if briefing is None or not diagnostic.is_error:
            print(diagnostic.format(), file=sys.stderr)
    return briefing


def _sections(only: str | None) -> tuple[str, ...] | None:
    if not only:
        return None
    chosen = tuple(s.strip() for s in only.split(",") if s.strip())
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        raise UsageError(f"unknown section {unknown[0]!r}; choose from {', '.join(SECTIONS)}")
    return chosen


def show(args: argparse.Namespace) -> int:
    from briefing.render.terminal import render_show

    sections = _sections(args.only)
    briefing = _load_or_report(args.path, args.max_size)
    if briefing is None:
        return EXIT_INVALID
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(render_show(briefing, width=args.width, sections=sections, color=color))
    return EXIT_OK


def export(args: argparse.Namespace) -> int:
    from briefing.render import export

    output = args.output
    if args.table is not None and args.format != "csv":
        raise UsageError("--table goes with --format csv only")
    if output is not None:
        # Refused before anything is read or written: a FIFO, a device, a folder, a bad link.
        from briefing.user.settings import replaceable

        try:
            replaceable(output)
        except OSError as error:
            raise UsageError(f"{output}: {error.strerror or error}") from None
        if os.path.realpath(output) == os.path.realpath(args.path):
            raise UsageError(f"{output}: refusing to overwrite the briefing itself")
    briefing = _load_or_report(args.path, args.max_size)
    if briefing is None:
        return EXIT_INVALID
    if output is not None:
        # A source's text_file is the briefing's too: an export written over it loses the article.
        texts = {os.path.realpath(args.path.parent / s.text_file) for s in briefing.sources if s.text_file}
        if os.path.realpath(output) in texts:
            raise UsageError(f"{output}: refusing to overwrite a source text the briefing reads")
    text = export(briefing, args.format, args.table or "events")
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    from briefing.user.settings import write_atomic

    try:
        write_atomic(output, text)
    except OSError as error:
        raise UsageError(f"{output}: cannot write: {error.strerror or error}") from None
    print(f"wrote {printable(output)}", file=sys.stderr)
    return EXIT_OK


def open_path(path: Path | None, *, theme: str | None, max_size: int | None, debug: bool) -> int:
    if path is not None and not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    if not sys.stdout.isatty():
        # In a pipe there is no one to read a full-screen app: print text instead.
        if path is None:
            raise UsageError(
                "the reader needs a terminal; name a briefing file or folder to print it as text"
            )
        if path.is_dir():
            return text_command(lambda: _list_folder(path, max_size=max_size, debug=debug))
        return text_command(lambda: _show_plain(path, max_size))
    from briefing.tui.launch import launch

    return launch(path, theme=theme, max_size=max_size, debug=debug)


def _show_plain(path: Path, max_size: int | None) -> int:
    from briefing.render.terminal import render_show

    briefing = _load_or_report(path, max_size)
    if briefing is None:
        return EXIT_INVALID
    sys.stdout.write(render_show(briefing, width=None, sections=None, color=False))
    return EXIT_OK


def _list_folder(folder: Path, *, max_size: int | None, debug: bool) -> int:
    """`briefing FOLDER | cmd`: the library as lines of path, date, status and title, tab-separated.

    An invalid file is listed with "invalid" and its first error (located, on stderr)
    and makes the exit code 1, as `briefing FILE | cmd` does for one file.
    """
    from briefing.format.reading import describe_os_error
    from briefing.user.library import SUFFIXES, briefing_files, scan_file

    try:
        files = briefing_files(folder)
    except OSError as error:
        raise UsageError(f"{folder}: {describe_os_error(error)}") from None
    if not files:
        say(f"briefing: no briefings ({', '.join(SUFFIXES)}) in {printable(folder)}", err=True)
        return EXIT_OK
    worst = EXIT_OK
    for path in files:
        try:
            entry = scan_file(path, max_size=max_size)
        except Exception as error:  # a bug met in this file: reported, and the others still listed
            report_bug(error, debug, where=printable(path))
            fields = (path, "", "not checked", f"internal error: {type(error).__name__}")
            worst = EXIT_BUG
        else:
            fields = _entry_fields(entry)
            worst = max(worst, EXIT_OK if entry.error is None else EXIT_INVALID)
        # one_line makes tabs spaces, so the columns hold whatever the names are.
        say("\t".join(printable(field) for field in fields))
    return worst


def _entry_fields(entry: LibraryEntry) -> tuple[object, ...]:
    if entry.error is None:
        return (entry.path, entry.as_of or "", entry.status or "", entry.title or "")
    say(entry.error.format(), err=True)
    return (entry.path, "", "invalid", entry.error.message)
