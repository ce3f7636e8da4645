"""`briefing themes`: every theme the app can use, where it comes from, and broken theme files."""

from __future__ import annotations

import os
import sys

from briefing.format.text import one_line
from briefing.user import settings, state
from briefing.user.theme_choice import automatic_theme, chosen_theme, terminal_colour_system
from briefing.user.theme_files import BUNDLED, load_catalog


def print_themes() -> int:
    """List bundled, user and Textual's built-in themes; exit 1 if a theme file was skipped."""
    from textual.theme import BUILTIN_THEMES  # listing Textual's themes needs Textual

    catalog = load_catalog()
    config, _config_problems = settings.load_config()
    remembered, _state_problems = state.load_state()
    # From config.yaml, state.json or TEXTUAL_THEME, unchecked here: printed only through the gate.
    chosen = chosen_theme(None, config.theme, remembered, os.environ)
    current = one_line(chosen or automatic_theme(terminal_colour_system()))

    rows: list[tuple[str, str, str]] = []
    for theme in catalog.themes:
        where = theme.description if theme.origin == BUNDLED else str(theme.path)
        rows.append((one_line(theme.name), theme.origin, one_line(where)))  # a file name may hold escapes
    for name, builtin in BUILTIN_THEMES.items():
        if catalog.get(name) is None:
            rows.append((name, "textual", "built into Textual" + ("" if builtin.dark else " (light)")))
    width = max(len(name) for name, _, _ in rows)
    folder = str(settings.themes_dir())
    print(f"user themes folder: {one_line(folder)}")
    for name, origin, where in rows:
        mark = "*" if name == current else " "
        print(f"{mark} {name:<{width}}  {origin:<7}  {where}")
    # Without a choice the theme depends on the terminal: say so, or the mark looks arbitrary.
    why = "" if chosen else " for this terminal's colours"
    print(f"* in use: {current}{why}   (change it with `briefing --theme NAME`, config.yaml or ctrl+p)")
    for index, problem in enumerate(catalog.problems):
        print(problem.format(), file=sys.stderr)
        following = catalog.problems[index + 1] if index + 1 < len(catalog.problems) else None
        last_of_file = following is None or following.path != problem.path
        if last_of_file and problem.path != one_line(folder):  # not for "cannot list themes"
            print(f"{problem.path}: this theme file is skipped", file=sys.stderr)
    return 1 if catalog.problems else 0
