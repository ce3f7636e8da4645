"""Checked theme files as Textual themes, and the app's colour variables for any theme."""

from __future__ import annotations

from collections.abc import Mapping

from textual.theme import Theme

from briefing.theme_files import ThemeSpec, app_variable_defaults


def to_textual(spec: ThemeSpec) -> Theme:
    """A Textual theme from a theme file already checked by briefing.theme_files."""
    theme = Theme(
        name=spec.name, dark=spec.dark, ansi=spec.ansi, variables=dict(spec.variables), **spec.colours
    )
    if spec.luminosity_spread is not None:
        theme.luminosity_spread = spec.luminosity_spread
    if spec.text_alpha is not None:
        theme.text_alpha = spec.text_alpha
    return theme


def variable_defaults(theme: Theme) -> dict[str, str]:
    """The app's variables that ``theme`` leaves out, derived from its own colours."""
    generated: Mapping[str, str] = {**theme.to_color_system().generate(), **theme.variables}
    return app_variable_defaults(generated)
