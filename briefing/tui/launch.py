"""Starting the reader from the command line: settings, what to open, run it, report crashes."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import sys
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import collector
from briefing.format.diagnostics import Diagnostic
from briefing.format.text import clean, one_line

if TYPE_CHECKING:
    from briefing.model import Briefing
    from briefing.tui.app import BriefingApp

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


def launch(path: Path | None, *, theme: str | None, max_size: int | None, debug: bool) -> int:
    """Open ``path`` in the reader and return the exit code.

    A folder opens on its library. No path reopens the last briefing, or the
    bundled sample the first time (or when the last one is gone).
    """
    # Starting up makes a great many objects and frees few: the collector's passes until
    # the first frame walk everything imported so far and find next to nothing to free.
    # Off from here; the reader turns it back on once its first frame is out (_run).
    from briefing.user.settings import signals_as_exit

    with collector.paused(), signals_as_exit():
        app = prepare(path, theme=theme, max_size=max_size)
        if isinstance(app, int):
            return app
        return _run(app, debug=debug)


_M_ARENA_MAX = -8  # mallopt's parameter number, from glibc's malloc.h
# Past these, the reader's worker threads have megabytes to make and free (below,
# the arena they would keep is small, and importing ctypes costs 2-3 ms of the first paint).
_MANY_EVENTS = 1000
_LONG_TEXTS = 1 << 20  # characters of source text, all sources together


def _busy_threads(briefing: Briefing) -> bool:
    """Whether the reader's workers (wrapping, the search index) will have much to do for ``briefing``."""
    return len(briefing.events) >= _MANY_EVENTS or sum(len(s.text) for s in briefing.sources) >= _LONG_TEXTS


def _one_malloc_arena() -> None:
    """Have glibc's malloc serve every thread of the reader from one arena; called before any starts.

    glibc gives each new thread an arena of its own, and what a thread frees stays
    in its arena: the reader's workers (wrapping a source text, building the search
    index) left about 10 MB resident on a 10,000-event briefing. Python's threads
    take turns under the GIL, so they lose nothing by sharing one. Other C
    libraries (macOS, musl) are left as they are.
    """
    if sys.platform != "linux":
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError, ValueError):
        if os.confstr("CS_GNU_LIBC_VERSION"):
            ctypes.CDLL(None).mallopt(_M_ARENA_MAX, 1)


def prepare(path: Path | None, *, theme: str | None, max_size: int | None) -> BriefingApp | int:
    """Build the app the way the CLI does (settings, themes, state), or return an exit code."""
    from briefing.opening import open_briefing
    from briefing.tui.app import BriefingApp
    from briefing.tui.bindings import binding_ids
    from briefing.tui.memory import view_from
    from briefing.user import settings, state
    from briefing.user.theme_choice import chosen_theme
    from briefing.user.theme_files import USER, load_catalog

    remembered, state_problems = state.load_state()
    target = None if path is not None and path.is_dir() else _target(path, remembered.last_opened)
    catalog = load_catalog()
    names = available_themes(catalog.names)
    if theme is not None and theme not in names:
        print(f"briefing: error: unknown theme {theme!r}; choose from {', '.join(names)}", file=sys.stderr)
        return EXIT_USAGE
    config, config_problems = settings.load_config(known_bindings=binding_ids, known_themes=names)
    notices: list[Diagnostic] = [*config_problems, *catalog.problems, *state_problems]
    # None: the user chose no theme, and the app takes one that suits the terminal's colours.
    chosen = chosen_theme(theme, config.theme, remembered, os.environ)
    if chosen is not None and chosen not in names:
        # Picked in the app once but its theme file is gone since, or TEXTUAL_THEME names no theme.
        where = str(state.state_path()) if chosen == remembered.theme else "TEXTUAL_THEME"
        notices.append(Diagnostic(where, 0, 0, f"unknown theme {chosen!r}: using the default"))
        chosen = None
    user_themes = [t for t in catalog.themes if t.origin == USER]

    def build(
        briefing: Briefing | None, diagnostics: list[Diagnostic], shown: str, **where: object
    ) -> BriefingApp:
        return BriefingApp(
            briefing,
            diagnostics,
            shown,
            theme=chosen,
            config=config,
            themes=user_themes,
            notices=notices,
            remember=True,
            live=True,
            max_size=max_size,
            **where,  # type: ignore[arg-type]
        )

    if target is None:
        return build(None, [], str(path), folder=path)
    file, shown = target
    briefing, diagnostics = open_briefing(file, max_size=max_size, cache=True)
    if briefing is not None and _busy_threads(briefing):
        _one_malloc_arena()  # no thread has started yet
    return build(
        briefing, diagnostics, shown, file=file, state=view_from(dict(state.view_of(remembered, file)))
    )


def available_themes(catalog_names: tuple[str, ...]) -> list[str]:
    from textual.theme import BUILTIN_THEMES

    return list(dict.fromkeys((*catalog_names, *BUILTIN_THEMES)))


def _target(path: Path | None, last_opened: str | None) -> tuple[Path, str]:
    """The file to open and the name to show for it."""
    from briefing.resources import sample_path

    if path is not None:
        return path, str(path)
    if last_opened is not None and Path(last_opened).is_file():
        return Path(last_opened), last_opened
    sample = sample_path()
    return sample, sample.name


def _resume_collector() -> None:
    # Modules, settings and the briefing live as long as the reader: set them aside, so
    # the collector does not walk them all again on each full pass.
    gc.freeze()
    gc.enable()


def _run(app: BriefingApp, *, debug: bool) -> int:
    # Textual prints an unhandled error's traceback (with local variables) when it
    # exits. Catch it, so the reader sees one clear line unless they asked for --debug.
    from briefing.tui.hangup import Guard
    from briefing.tui.screen_diff import lean_driver

    captured = StringIO()
    app.error_console.file = captured
    # Our own loop (what asyncio.run would make), so that SIGHUP, SIGTERM and a terminal
    # gone away can reach the app from the moment it starts (see tui/hangup.py).
    with asyncio.Runner() as runner:
        guard = Guard(app, runner.get_loop())

        def first_frame() -> None:
            _resume_collector()
            guard.painted = True

        app.after_first_frame = first_frame
        app.driver_class = lean_driver(app.driver_class)
        guard.install()
        try:
            app.run(mouse=app.config.mouse, loop=runner.get_loop())
        finally:
            guard.uninstall()
        if guard.code is not None and not captured.getvalue():
            guard.end_now()  # hung up or terminated, and the place is kept: nothing left to wait for
    code = app.return_code or EXIT_OK
    report = captured.getvalue()
    if report:
        # Rich styled the traceback for a terminal; its locals may quote the file. Read as
        # plain text (Rich's own decoder drops the styling), then through the gate.
        from rich.text import Text

        report = Text.from_ansi(report).plain
        if debug:
            _tell(clean(report))
        last = [line.strip() for line in report.splitlines() if line.strip()]
        reason = one_line(last[-1]) if last else "unknown error"  # may quote the file
        _tell(
            f"briefing: the reader stopped on an internal error while showing {app.path}: {reason}\n"
            "  This is a bug in briefing; rerun with --debug to see the traceback.\n"
        )
        return EXIT_BUG
    return guard.code if guard.code is not None else code


def _tell(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except OSError:  # the terminal is gone: there is no one left to tell
        return
