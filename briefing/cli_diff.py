"""`briefing diff OLD NEW`: two revisions of a briefing compared (briefing.diff), printed.

Exit codes as diff(1) has them: 0 nothing differs, 1 something does, 2 trouble
(a file that cannot be read, an invalid briefing, two different briefings
without --force, output that cannot be written). An invalid side is reported as
`validate` reports it: its located errors, then "PATH: invalid: N errors, M
warnings", here all on stderr, as stdout holds the diff.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli_output import EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, printable, say

if TYPE_CHECKING:
    import argparse

    from briefing.model import Briefing


def diff_command(args: argparse.Namespace) -> int:
    from briefing.diff import compare, document

    old = _load(args.old, args.max_size)
    new = _load(args.new, args.max_size)
    if old is None or new is None:
        return EXIT_USAGE
    if old.id != new.id and not args.force:
        raise UsageError(
            f"{printable(args.old)} and {printable(args.new)} are different briefings"
            f" (ids {old.id!r} and {new.id!r}); --force compares them anyway"
        )
    result = compare(old, new)
    if args.format == "json":
        sys.stdout.write(json.dumps(document(result), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        from briefing.render.diff_view import render_markdown

        sys.stdout.write(render_markdown(result))
    else:
        from briefing.render.diff_view import render_text

        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(render_text(result, color=color))
    return EXIT_OK if result.same else EXIT_INVALID


def _load(path: Path, max_size: int | None) -> Briefing | None:
    """The briefing at ``path``, or None once its errors are reported as `validate` reports them."""
    from briefing.cli_commands import invalid_line, require_file
    from briefing.opening import open_briefing

    require_file(path)
    briefing, diagnostics = open_briefing(path, max_size=max_size, raise_bugs=True)
    for diagnostic in diagnostics:
        say(diagnostic.format(), err=True)
    if briefing is None:
        say(invalid_line(printable(path), diagnostics), err=True)
    return briefing
