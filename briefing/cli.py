"""Command line: argument parsing, dispatch and exit codes. No business logic here.

Exit codes: 0 success, 1 a briefing has errors, 2 usage errors (bad arguments,
missing files), 3 an unexpected internal error (a bug: rerun with --debug).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
SECTIONS = ("summary", "sources", "timeline", "actors", "places", "reactions", "assessments")
SUBCOMMANDS = ("validate", "show", "export", "themes", "paths", "open")


class UsageError(Exception):
    """A problem with the command line or the files named on it (exit 2)."""


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
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
    p_show.add_argument("--width", type=int, metavar="COLUMNS", help="wrap at this width")
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
        return _dispatch(args)
    except UsageError as error:
        print(f"briefing: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader closed the pipe (`briefing show x | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # the one top-level handler: report, never a raw traceback
        if debug:
            traceback.print_exc()
        print(
            f"briefing: internal error: {type(error).__name__}: {error}\n"
            "  This is a bug in briefing; rerun with --debug to see the traceback.",
            file=sys.stderr,
        )
        return EXIT_BUG


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command == "validate":
        return _validate(args)
    if command == "show":
        return _show(args)
    if command == "export":
        return _export(args)
    if command == "themes":
        from briefing.settings import print_themes

        return print_themes()
    if command == "paths":
        from briefing.settings import print_paths

        return print_paths()
    return _open(args.path, theme=args.theme, max_size=args.max_size, debug=args.debug)


def _require_file(path: Path) -> None:
    from briefing.reading import describe_os_error

    try:
        if path.is_dir():
            raise UsageError(f"{path}: is a directory, not a briefing file")
        path.stat()
    except OSError as error:
        raise UsageError(f"{path}: {describe_os_error(error)}") from None


def _validate(args: argparse.Namespace) -> int:
    from briefing.loader import check

    for path in args.paths:
        _require_file(path)
    worst = EXIT_OK
    for path in args.paths:
        _briefing, diagnostics = check(path, max_size=args.max_size)
        for diagnostic in diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        errors = sum(d.is_error for d in diagnostics)
        warnings = len(diagnostics) - errors
        if errors:
            worst = EXIT_INVALID
            print(f"{path}: invalid: {_count(errors, 'error')}, {_count(warnings, 'warning')}")
        elif not args.quiet:
            print(f"{path}: ok ({_count(warnings, 'warning')})")
    return worst


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _load_or_report(path: Path, max_size: int | None) -> object | None:
    """Load a briefing for a text command; print its diagnostics if it is invalid."""
    from briefing.loader import check

    _require_file(path)
    briefing, diagnostics = check(path, max_size=max_size)
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

    briefing = _load_or_report(args.path, args.max_size)
    if briefing is None:
        return EXIT_INVALID
    text = export(briefing, args.format)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    from briefing.settings import write_atomic

    if args.output.resolve() == args.path.resolve():
        raise UsageError(f"{args.output}: refusing to overwrite the briefing itself")
    try:
        write_atomic(args.output, text)
    except OSError as error:
        raise UsageError(f"{args.output}: cannot write: {error.strerror or error}") from None
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def _open(path: Path | None, *, theme: str | None, max_size: int | None, debug: bool) -> int:
    if path is not None and not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    if not sys.stdout.isatty() and path is not None and path.is_file():
        # In a pipe there is no one to read a full-screen app: print the text view.
        from briefing.render.terminal import render_show

        briefing = _load_or_report(path, max_size)
        if briefing is None:
            return EXIT_INVALID
        sys.stdout.write(render_show(briefing, width=None, sections=None, color=False))
        return EXIT_OK
    from briefing.tui.launch import launch

    return launch(path, theme=theme, max_size=max_size, debug=debug)
