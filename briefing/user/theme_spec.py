"""What a theme file holds, once checked: ThemeSpec, the colours and the app's own variables.

A theme file holds Textual's theme colours (primary, background, ...) and the
app's own variables (stance colours, status marks, evidence highlight); a theme
that leaves some of those out gets fallbacks made of its own colours. No
Textual import at module level: to_textual imports it when a theme is built.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from textual.theme import Theme

BUNDLED, USER = "bundled", "user"
DEFAULT_DARK, DEFAULT_LIGHT = "briefing-dark", "briefing-light"
DEFAULT_THEME = DEFAULT_DARK
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

# Textual's Theme colour fields, in the order a theme file usually lists them.
THEME_COLOURS = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)

# The app's own CSS variables. Every bundled theme sets all of them; a user
# theme may leave some out and gets the fallbacks below.
APP_VARIABLES: Mapping[str, str] = MappingProxyType(
    {
        "stance-supportive": "reaction stance: supports the action",
        "stance-opposed": "reaction stance: opposes it",
        "stance-concerned": "reaction stance: voices concern",
        "stance-neutral": "reaction stance: neutral",
        "stance-mixed": "reaction stance: mixed",
        "stance-unclear": "reaction stance: unclear",
        "status-confirmed": "event status mark: confirmed",
        "status-claimed": "event status mark: claimed by a party",
        "status-disputed": "event status mark: disputed",
        "status-denied": "event status mark: denied",
        "status-planned": "event status mark: planned",
        "evidence-background": "source pane: background of the quotes behind the selected item",
        "evidence-foreground": "source pane: text of those quotes",
        "evidence-current-background": "source pane: background of the quote jumped to",
        "evidence-current-foreground": "source pane: text of the quote jumped to",
        "evidence-bar": "source pane: the gutter bar beside lines with evidence",
        "match-background": "search matches: background",
        "match-foreground": "search matches: text",
        "match-current-background": "the search match jumped to: background",
        "match-current-foreground": "the search match jumped to: text",
    }
)

# Fallbacks for themes that do not set an app variable (user themes, Textual's
# built-ins): expressed through the theme's own colours, so they fit any theme.
_FALLBACKS: Mapping[str, str] = MappingProxyType(
    {
        "stance-supportive": "$text-success",
        "stance-opposed": "$text-error",
        "stance-concerned": "$text-warning",
        "stance-neutral": "$text-secondary",
        "stance-mixed": "$text-accent",
        "stance-unclear": "$text-muted",
        "status-confirmed": "$text-success",
        "status-claimed": "$text-warning",
        "status-disputed": "$text-error",
        "status-denied": "$text-error",
        "status-planned": "$text-accent",
        "evidence-background": "$accent-muted",
        "evidence-foreground": "$text",
        "evidence-current-background": "$accent-muted",
        "evidence-current-foreground": "$text",
        "evidence-bar": "$accent",
        "match-background": "$warning-muted",
        "match-foreground": "$text",
        "match-current-background": "$warning",
        "match-current-foreground": "$background",
    }
)


class ThemeSpec(NamedTuple):
    """A checked theme, ready to become a ``textual.theme.Theme``."""

    name: str
    origin: str  # BUNDLED or USER
    path: Path | None
    colours: Mapping[str, str]  # Textual Theme colour fields that the file sets
    variables: Mapping[str, str] = MappingProxyType({})  # CSS variables the file sets
    dark: bool = True
    ansi: bool = False  # use the terminal's own 16-colour palette
    description: str = ""
    luminosity_spread: float | None = None
    text_alpha: float | None = None


def app_variable_defaults(variables: Mapping[str, str]) -> dict[str, str]:
    """The app variables for a theme, with fallbacks for the ones it does not set.

    ``variables`` is the theme's generated variable set (Textual's colour system
    plus the theme's own). Each fallback names one of Textual's variables and is
    resolved against it here, because a CSS variable cannot refer to another one.
    """
    return {
        name: variables.get(fallback.removeprefix("$"), "ansi_default")
        for name, fallback in _FALLBACKS.items()
        if name not in variables
    }


def to_textual(spec: ThemeSpec) -> Theme:
    """A Textual theme from a checked theme file: what the reader registers, and the last check."""
    from textual.theme import Theme

    theme = Theme(
        name=spec.name, dark=spec.dark, ansi=spec.ansi, variables=dict(spec.variables), **spec.colours
    )
    if spec.luminosity_spread is not None:
        theme.luminosity_spread = spec.luminosity_spread
    if spec.text_alpha is not None:
        theme.text_alpha = spec.text_alpha
    return theme
