"""Which theme the reader starts on: the one the user chose, else one that suits the terminal's colours.

The bundled default (briefing-dark) is made of true colours that still read when
a terminal with 256 colours shows the nearest of its own. With 16 colours (plain
xterm, the Linux console) those colours would land on a few garish ones, so a
reader who chose no theme gets briefing-terminal there: the terminal's own
palette, which follows its light or dark scheme. No Textual import at module level.
"""

from __future__ import annotations

from collections.abc import Mapping

from briefing.user import state
from briefing.user.theme_spec import DEFAULT_THEME

TERMINAL_THEME = "briefing-terminal"
# Rich's names for the colour systems of 16 colours (and Windows' 8 + bright); the others are
# "256" and "truecolor", or None when Textual draws for a terminal it cannot tell.
FEW_COLOURS = frozenset({"standard", "windows"})


def chosen_theme(
    cli_theme: str | None, config_theme: str | None, remembered: state.State, environ: Mapping[str, str]
) -> str | None:
    """The theme the user chose, or None: --theme; a pick in the command palette, while
    config.yaml's theme is still the one it was picked over; config.yaml's theme; then
    TEXTUAL_THEME, Textual's setting for every Textual app, so the reader's own come first."""
    return state.choose_theme(cli_theme, config_theme, remembered, "") or environ.get("TEXTUAL_THEME") or None


def automatic_theme(color_system: str | None) -> str:
    """The theme for a reader who chose none, by the colours the terminal shows (Rich's names)."""
    return TERMINAL_THEME if color_system in FEW_COLOURS else DEFAULT_THEME


def terminal_colour_system() -> str | None:
    """The colours Textual draws with in this terminal, found the way its own console finds them:
    TEXTUAL_COLOR_SYSTEM if set, else COLORTERM (truecolor/24bit) and TERM (xterm-256color: 256;
    xterm, linux, screen: 16). NO_COLOR changes how colours are written, not this."""
    from rich.console import Console
    from textual import constants

    return Console(color_system=constants.COLOR_SYSTEM, force_terminal=True).color_system
