"""Command line: argument parsing, dispatch and exit codes. No business logic here.

Exit codes: 0 success, 1 a briefing has errors, 2 the command could not do what
was asked (bad arguments, a file that cannot be read or written, output that
cannot be written), 3 an unexpected internal error (a bug: rerun with --debug).
What each command does is briefing.cli_commands; how the CLI writes (the
terminal gate, a closed pipe, a full disk) is briefing.cli_output.

`show --width` must be a positive number of columns; show keeps the width it
uses, and $COLUMNS, between 40 and 1000 (render.terminal.MAX_WIDTH).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from briefing import __version__
from briefing.cli_commands import export, open_path, show, validate
from briefing.cli_output import (
    EXIT_BUG,
    EXIT_OK,
    EXIT_USAGE,
    OutputError,
    ReaderGone,
    UsageError,
    printable,
    report_bug,
    silence,
    tell,
    text_command,
)
from briefing.render import CSV_TABLES, FORMATS, SECTIONS

if TYPE_CHECKING:
    import argparse

SUBCOMMANDS = ("validate", "show", "export", "diff", "draft", "themes", "paths", "open")
MAX_WIDTH_ARGUMENT = 10**6  # --width beyond this is clamped anyway (render.terminal.MAX_WIDTH)


def _parser() -> argparse.ArgumentParser:
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:  # type: ignore[override]
            # argparse repeats unknown arguments as typed: they pass the terminal gate.
            super().error(printable(message))

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

    p_exp = sub.add_parser("export", parents=[common], help="write a briefing in another format")
    p_exp.add_argument("path", type=Path, metavar="PATH")
    p_exp.add_argument("--format", required=True, choices=FORMATS)
    p_exp.add_argument("--table", choices=CSV_TABLES, help="with --format csv: the records (default: events)")
    p_exp.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (default: stdout)")

    p_diff = sub.add_parser("diff", parents=[common], help="compare two revisions of a briefing")
    p_diff.add_argument("old", type=Path, metavar="OLD")
    p_diff.add_argument("new", type=Path, metavar="NEW")
    p_diff.add_argument("--format", default="text", choices=("text", "markdown", "json"))
    p_diff.add_argument("--force", action="store_true", help="compare briefings with different ids")
    p_draft = sub.add_parser("draft", parents=[common], help="draft a briefing from an article (a text file)")
    p_draft.add_argument("article", type=Path, metavar="ARTICLE")
    p_draft.add_argument(
        "--published", type=_published, metavar="DATE", help="the article's date, YYYY-MM-DD"
    )
    p_draft.add_argument("--id", metavar="ID", help="the briefing's id (default: from the file name)")
    p_draft.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here (default: ARTICLE's stem .yaml)"
    )
    p_draft.add_argument("--force", action="store_true", help="replace FILE if it exists")

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


def _published(text: str) -> object:
    from briefing.draft.command import published_date

    return published_date(text)


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
            return open_path(path, theme=None, max_size=None, debug=False)
        args = _parser().parse_args(_normalise_argv(args_list))
        args.debug = debug  # `--debug` before or after the command
        return _dispatch(args)
    except UsageError as error:
        tell(f"briefing: error: {printable(error)}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except ReaderGone as gone:
        # The reader closed the pipe (`briefing show x | head`): not an error. Commands
        # whose exit code depends on what comes later (validate) handle it themselves.
        silence(gone.stream)
        return EXIT_OK
    except OutputError as error:
        silence(error.stream)
        tell(f"briefing: error: {error}")
        return EXIT_USAGE
    except Exception as error:  # the one top-level handler: report, never a raw traceback
        report_bug(error, debug)
        return EXIT_BUG


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command == "validate":
        return text_command(lambda: validate(args))
    if command == "show":
        return text_command(lambda: show(args))
    if command == "export":
        return text_command(lambda: export(args))
    if command == "diff":
        from briefing.cli_diff import diff_command

        return text_command(lambda: diff_command(args))
    if command == "draft":
        from briefing.draft.command import run

        return text_command(lambda: run(args))
    if command == "themes":
        from briefing.user.theme_listing import print_themes

        return text_command(print_themes)
    if command == "paths":
        from briefing.user.settings import print_paths

        return text_command(print_paths)
    return open_path(args.path, theme=args.theme, max_size=args.max_size, debug=args.debug)
