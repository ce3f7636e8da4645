"""Command line: argument parsing, dispatch and exit codes. No business logic here.

Exit codes: 0 success, 1 a briefing has errors, 2 the command could not do what
was asked (bad arguments, a file that cannot be read or written, output that
cannot be written), 3 an unexpected internal error (a bug: rerun with --debug).

`validate` checks every file it is given whatever one of them does, and exits
with the worst outcome: 3 if checking a file hit a bug, else 2 if a path names
nothing to check (missing, a folder), else 1 if a file is invalid or cannot be
read as a briefing (a FIFO, no permission, binary data: the loader's located
error). Each problem is a line on stderr naming the file, and each file gets one
summary line on stdout, so `validate *.yaml | grep -v ': ok'` lists them.

Writes tell the truth. A reader that closes the pipe early (`| head`) is not an
error in itself: output stops quietly, but the exit code is still that of the
whole run, so `validate a BAD b | head -1` checks every file and exits 1. Any
other failure to write stdout (a full disk) is the one line "cannot write to
stdout: <reason>" and exit 2. `export -o` replaces only a regular file or makes
a new one (settings.replaceable: a symlink is followed only to a regular file).

With stdout not a terminal there is no one to run the full-screen reader for:
`briefing FILE | cmd` prints the text view, and `briefing FOLDER | cmd` lists the
folder's briefings, one tab-separated line each (path, date, status, title; an
invalid file says "invalid" and its first error), exiting 1 if any is invalid;
a bare `briefing | cmd` is a usage error saying so.
`show --width` must be a positive number of columns; show keeps the width it
uses, and $COLUMNS, between 40 and 1000 (render.terminal.MAX_WIDTH).

Every file name the CLI prints itself passes the terminal gate, text.one_line
(and a name that is not UTF-8 shows U+FFFD where its bad bytes are).
"""

from __future__ import annotations

import os
import re
import stat
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from briefing import __version__
from briefing.format.text import REPLACEMENT, one_line

if TYPE_CHECKING:
    import argparse

    from briefing.user.library import LibraryEntry

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
SECTIONS = ("summary", "sources", "timeline", "actors", "places", "reactions", "assessments")
SUBCOMMANDS = ("validate", "show", "export", "themes", "paths", "open")
MAX_WIDTH_ARGUMENT = 10**6  # --width beyond this is clamped anyway (render.terminal.MAX_WIDTH)


_SURROGATES = re.compile("[\ud800-\udfff]")


def _shown(text: object) -> str:
    """``text`` as the CLI prints it: through the terminal gate, and printable in any locale.

    A file name that is not UTF-8 reaches Python as lone surrogates, which a UTF-8
    stdout refuses to encode (UnicodeEncodeError): they are shown as U+FFFD.
    """
    return _SURROGATES.sub(REPLACEMENT, one_line(text))


class UsageError(Exception):
    """A problem with the command line or the files named on it (exit 2)."""


class _ReaderGone(Exception):
    """The reader of stdout or stderr closed the pipe (`| head`): stop writing to it."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__("the pipe was closed")
        self.stream = stream


class _OutputError(Exception):
    """stdout or stderr cannot be written (a full disk, an I/O error): exit 2."""

    def __init__(self, name: str, stream: TextIO, error: OSError) -> None:
        super().__init__(f"cannot write to {name}: {error.strerror or error}")
        self.stream = stream


class _Guarded:
    """A standard stream whose write errors say which stream failed.

    Without this, a full disk on stdout is an OSError like any other and would
    be reported as an internal error; and a closed pipe could not be told from
    a broken pipe to some other process.
    """

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._name = name

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise _ReaderGone(self._stream) from None
        except OSError as error:
            raise _OutputError(self._name, self._stream, error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise _ReaderGone(self._stream) from None
        except OSError as error:
            raise _OutputError(self._name, self._stream, error) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def _guarded() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout = _Guarded(saved[0], "stdout")  # type: ignore[assignment]
    sys.stderr = _Guarded(saved[1], "stderr")  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _text_command(run: Callable[[], int]) -> int:
    """Run a command that prints text; its exit code survives a reader that stopped reading."""
    from briefing.user.settings import signals_as_exit

    with _guarded(), signals_as_exit():
        code = run()
        try:
            sys.stdout.flush()  # here, not at interpreter exit, so a failure is reported
        except _ReaderGone as gone:
            _silence(gone.stream)
        return code


def _silence(stream: TextIO) -> None:
    """Point a stream that can no longer be written at /dev/null.

    Python flushes stdout once more at exit; on a closed pipe or a full disk
    that flush would print "Exception ignored ... BrokenPipeError" and exit 120.
    """
    try:
        fd = stream.fileno()
    except (OSError, ValueError):  # not a real file (a test's capture): nothing is flushed at exit
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _say(text: str, *, err: bool = False) -> None:
    """Print a line of a report that goes on when its reader has gone (exit codes still count)."""
    stream = sys.stderr if err else sys.stdout
    try:
        print(text, file=stream)
    except _ReaderGone as gone:
        _silence(gone.stream)


def _tell(text: str) -> None:
    """A last message on stderr; if even that cannot be written, there is no one left to tell."""
    try:
        print(text, file=sys.stderr)
    except OSError:
        _silence(sys.stderr)


def _parser() -> argparse.ArgumentParser:
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:  # type: ignore[override]
            # argparse repeats unknown arguments as typed: they pass the terminal gate.
            super().error(_shown(message))

    parser = Parser(
        prog="briefing",
        description="Read situation briefings in the terminal.",
        epilog="With no command, opens PATH (default: the last briefing, or the bundled sample).",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    common.add_argument(
        "--max-size",
        type=_size,
        default=None,
        metavar="BYTES",
        help="refuse briefing files larger than this (suffixes k, M allowed)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_open = sub.add_parser("open", parents=[common], help="open a briefing or folder in the reader")
    p_open.add_argument("path", nargs="?", type=Path, metavar="PATH")
    p_open.add_argument("--theme", metavar="NAME", help="theme for this run")

    p_val = sub.add_parser("validate", parents=[common], help="check briefing files")
    p_val.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p_val.add_argument("-q", "--quiet", action="store_true", help="print only problems")

    p_show = sub.add_parser("show", parents=[common], help="print a briefing as text")
    p_show.add_argument("path", type=Path, metavar="PATH")
    p_show.add_argument("--width", type=_width, metavar="COLUMNS", help="wrap at this width")
    p_show.add_argument("--only", metavar="SECTIONS", help=f"comma-separated sections: {','.join(SECTIONS)}")

    p_exp = sub.add_parser("export", parents=[common], help="write a briefing as Markdown, JSON or HTML")
    p_exp.add_argument("path", type=Path, metavar="PATH")
    p_exp.add_argument("--format", required=True, choices=("markdown", "json", "html"))
    p_exp.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (default: stdout)")

    sub.add_parser("themes", parents=[common], help="list the available themes")
    sub.add_parser("paths", parents=[common], help="print the config, themes, state and briefings folders")
    return parser


def _size(text: str) -> int:
    import argparse

    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    number, unit = (text[:-1], text[-1].lower()) if text[-1:].lower() in units else (text, "")
    try:
        value = int(number) * units.get(unit, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("size must be positive")
    return value


def _width(text: str) -> int:
    """--width: a positive number of columns; show clamps it to a sane range."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of columns: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"the width must be a positive number of columns, not {value}")
    return min(value, MAX_WIDTH_ARGUMENT)


def _normalise_argv(argv: list[str]) -> list[str]:
    """Let `briefing PATH` and `briefing` mean `briefing open ...`."""
    words = [a for a in argv if not a.startswith("-")]
    if any(a in ("-h", "--help", "--version") for a in argv) and not words:
        return argv
    if not words or words[0] not in SUBCOMMANDS:
        return ["open", *argv]
    return argv


def _is_plain_open(argv: list[str]) -> bool:
    """`briefing` or `briefing PATH`: what the parser would make `open [PATH]` of.

    The commonest command needs no parser; importing argparse and building this one
    are about 10 ms of the reader's start on a slow machine.
    """
    return not argv or (len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in SUBCOMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    try:
        if _is_plain_open(args_list):
            path = Path(args_list[0]) if args_list else None
            return _open(path, theme=None, max_size=None, debug=False)
        args = _parser().parse_args(_normalise_argv(args_list))
        args.debug = debug  # `--debug` before or after the command
        return _dispatch(args)
    except UsageError as error:
        _tell(f"briefing: error: {_shown(error)}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except _ReaderGone as gone:
        # The reader closed the pipe (`briefing show x | head`): not an error. Commands
        # whose exit code depends on what comes later (validate) handle it themselves.
        _silence(gone.stream)
        return EXIT_OK
    except _OutputError as error:
        _silence(error.stream)
        _tell(f"briefing: error: {error}")
        return EXIT_USAGE
    except Exception as error:  # the one top-level handler: report, never a raw traceback
        _report_bug(error, debug)
        return EXIT_BUG


def _report_bug(error: Exception, debug: bool, where: str = "briefing") -> None:
    if debug:
        try:
            traceback.print_exc()
        except OSError:
            _silence(sys.stderr)
    _tell(
        f"{where}: internal error: {type(error).__name__}: {_shown(error)}\n"
        "  This is a bug in briefing; rerun with --debug to see the traceback."
    )


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command == "validate":
        return _text_command(lambda: _validate(args))
    if command == "show":
        return _text_command(lambda: _show(args))
    if command == "export":
        return _text_command(lambda: _export(args))
    if command == "themes":
        from briefing.user.theme_listing import print_themes

        return _text_command(print_themes)
    if command == "paths":
        from briefing.user.settings import print_paths

        return _text_command(print_paths)
    return _open(args.path, theme=args.theme, max_size=args.max_size, debug=args.debug)


def _require_file(path: Path) -> None:
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


def _validate(args: argparse.Namespace) -> int:
    worst = EXIT_OK
    for path in args.paths:
        worst = max(worst, _validate_one(path, quiet=args.quiet, max_size=args.max_size, debug=args.debug))
    return worst


def _validate_one(path: Path, *, quiet: bool, max_size: int | None, debug: bool) -> int:
    """Check one file and print its outcome; never raises for what one file does."""
    from briefing.opening import open_briefing

    shown = _shown(path)
    reason = _unreadable(path)
    if reason is not None:
        _say(f"briefing: error: {shown}: {reason}", err=True)
        _say(f"{shown}: cannot be read")
        return EXIT_USAGE
    try:
        _briefing, diagnostics = open_briefing(path, max_size=max_size, raise_bugs=True)
    except Exception as error:  # a bug met in this file: reported, and the others still checked
        _report_bug(error, debug, where=shown)
        _say(f"{shown}: not checked")
        return EXIT_BUG
    for diagnostic in diagnostics:
        _say(diagnostic.format(), err=True)
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    if errors:
        _say(f"{shown}: invalid: {_count(errors, 'error')}, {_count(warnings, 'warning')}")
        return EXIT_INVALID
    if not quiet:
        _say(f"{shown}: ok ({_count(warnings, 'warning')})")
    return EXIT_OK


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _load_or_report(path: Path, max_size: int | None) -> object | None:
    """Load a briefing for a text command; print its diagnostics if it is invalid."""
    from briefing.opening import open_briefing

    _require_file(path)
    briefing, diagnostics = open_briefing(path, max_size=max_size, raise_bugs=True)
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


def _show(args: argparse.Namespace) -> int:
    from briefing.render.terminal import render_show

    sections = _sections(args.only)
    briefing = _load_or_report(args.path, args.max_size)
    if briefing is None:
        return EXIT_INVALID
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(render_show(briefing, width=args.width, sections=sections, color=color))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from briefing.render import export

    output = args.output
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
    text = export(briefing, args.format)
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    from briefing.user.settings import write_atomic

    try:
        write_atomic(output, text)
    except OSError as error:
        raise UsageError(f"{output}: cannot write: {error.strerror or error}") from None
    print(f"wrote {_shown(output)}", file=sys.stderr)
    return EXIT_OK


def _open(path: Path | None, *, theme: str | None, max_size: int | None, debug: bool) -> int:
    if path is not None and not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    if not sys.stdout.isatty():
        # In a pipe there is no one to read a full-screen app: print text instead.
        if path is None:
            raise UsageError(
                "the reader needs a terminal; name a briefing file or folder to print it as text"
            )
        if path.is_dir():
            return _text_command(lambda: _list_folder(path, max_size=max_size, debug=debug))
        return _text_command(lambda: _show_plain(path, max_size))
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
        _say(f"briefing: no briefings ({', '.join(SUFFIXES)}) in {_shown(folder)}", err=True)
        return EXIT_OK
    worst = EXIT_OK
    for path in files:
        try:
            entry = scan_file(path, max_size=max_size)
        except Exception as error:  # a bug met in this file: reported, and the others still listed
            _report_bug(error, debug, where=_shown(path))
            fields = (path, "", "not checked", f"internal error: {type(error).__name__}")
            worst = EXIT_BUG
        else:
            fields = _entry_fields(entry)
            worst = max(worst, EXIT_OK if entry.error is None else EXIT_INVALID)
        # one_line makes tabs spaces, so the columns hold whatever the names are.
        _say("\t".join(_shown(field) for field in fields))
    return worst


def _entry_fields(entry: LibraryEntry) -> tuple[object, ...]:
    if entry.error is None:
        return (entry.path, entry.as_of or "", entry.status or "", entry.title or "")
    _say(entry.error.format(), err=True)
    return (entry.path, "", "invalid", entry.error.message)
