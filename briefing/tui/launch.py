"""Starting the reader from the command line: load, build the app, run it, report crashes."""

from __future__ import annotations

import sys
from io import StringIO
from pathlib import Path

from briefing.loader import check
from briefing.resources import sample_path

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


def launch(path: Path | None, *, theme: str | None, max_size: int | None, debug: bool) -> int:
    """Open ``path`` (None: the bundled sample) in the reader; return the exit code."""
    if path is None:
        sample = sample_path()
        return _run(sample, sample.name, theme=theme, max_size=max_size, debug=debug)
    return _run(path, str(path), theme=theme, max_size=max_size, debug=debug)


def _run(path: Path, shown: str, *, theme: str | None, max_size: int | None, debug: bool) -> int:
    from textual.theme import BUILTIN_THEMES

    from briefing.tui.app import create_app

    if theme is not None and theme not in BUILTIN_THEMES:
        names = ", ".join(sorted(BUILTIN_THEMES))
        print(f"briefing: error: unknown theme {theme!r}; choose from {names}", file=sys.stderr)
        return EXIT_USAGE
    briefing, diagnostics = check(path, max_size=max_size)
    app = create_app(briefing, diagnostics, shown, theme=theme)
    # Textual prints an unhandled error's traceback (with local variables) when it
    # exits. Catch it, so the reader sees one clear line unless they asked for --debug.
    captured = StringIO()
    app.error_console.file = captured
    app.run()
    code = app.return_code or EXIT_OK
    report = captured.getvalue()
    if report:
        if debug:
            sys.stderr.write(report)
        last = [line.strip() for line in report.splitlines() if line.strip()]
        reason = last[-1] if last else "unknown error"
        print(
            f"briefing: the reader stopped on an internal error while showing {shown}: {reason}\n"
            "  This is a bug in briefing; rerun with --debug to see the traceback.",
            file=sys.stderr,
        )
        return EXIT_BUG
    return code
