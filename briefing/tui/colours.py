"""The app's colour variables for any theme (theme_files.to_textual builds the themes)."""

from __future__ import annotations

from collections.abc import Mapping

from textual.theme import Theme

from briefing.user.theme_files import app_variable_defaults


def variable_defaults(theme: Theme) -> dict[str, str]:
    """The app's variables that ``theme`` leaves out, derived from its own colours."""
    generated: Mapping[str, str] = {**theme.to_color_system().generate(), **theme.variables}
    return app_variable_defaults(generated)
