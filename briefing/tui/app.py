"""The Textual app: which screen to show, app-wide keys, and the one factory that builds it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from briefing.diagnostics import Diagnostic
from briefing.model import Briefing
from briefing.tui.commands import BriefingCommands
from briefing.tui.screens.diagnostics import DiagnosticsScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.state import ViewState

DEFAULT_THEME = "textual-dark"


class BriefingApp(App[None]):
    """Reads one briefing; a file with errors opens on its diagnostics instead."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    BINDINGS: list[BindingType] = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit briefing"),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit-anywhere",
            show=False,
            priority=True,
            tooltip="Quit, even while typing a search",
        ),
        Binding("question_mark", "help", "Help", id="help", tooltip="This list of keys"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            id="command-palette",
            show=False,
            priority=True,
            tooltip="Commands: jump to an event, actor or country; toggle the filter",
        ),
    ]

    def __init__(
        self,
        briefing: Briefing | None,
        diagnostics: Sequence[Diagnostic],
        path: str,
        *,
        theme: str = DEFAULT_THEME,
        state: ViewState | None = None,
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.briefing = briefing
        self.diagnostics = list(diagnostics)
        self.path = path
        self.initial_state = state
        self.keymap = dict(keymap or {})
        self.theme = theme
        # Scrolling jumps rather than glides: quicker to read, and screenshots are stable.
        self.animation_level = "none"
        self.title = briefing.title if briefing is not None else "briefing"
        self.sub_title = path
        if self.keymap:
            self.set_keymap(self.keymap)

    def get_default_screen(self) -> Screen[None]:
        if self.briefing is None:
            return DiagnosticsScreen(self.path, self.diagnostics)
        return MainScreen(self.briefing, state=self.initial_state)

    def on_mount(self) -> None:
        warnings = [d for d in self.diagnostics if not d.is_error]
        if self.briefing is not None and warnings:
            count = f"{len(warnings)} warning{'' if len(warnings) == 1 else 's'}"
            self.notify(f"{count}: run `briefing validate {self.path}` to see them", markup=False)

    @property
    def main_screen(self) -> MainScreen | None:
        bottom = self.screen_stack[0] if self.screen_stack else None
        return bottom if isinstance(bottom, MainScreen) else None

    def view_state(self) -> ViewState | None:
        """Where the reader is, for saving between runs (None on the diagnostics screen)."""
        main = self.main_screen
        return main.view_state() if main is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help":  # the keys listed are the reader's, not the diagnostics'
            return not isinstance(self.screen, DiagnosticsScreen)
        return True

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def create_app(
    briefing: Briefing | None,
    diagnostics: Sequence[Diagnostic] = (),
    path: str = "",
    *,
    theme: str | None = None,
    state: ViewState | None = None,
    keymap: Mapping[str, str] | None = None,
) -> BriefingApp:
    """Build the reader from plain values: the one way the CLI and the tests make the app.

    ``briefing`` None means the file had errors: the app shows ``diagnostics``.
    ``state`` puts the reader back on a pane and items; ``keymap`` maps binding ids to keys.
    """
    return BriefingApp(
        briefing,
        diagnostics,
        path or (briefing.path if briefing is not None and briefing.path else ""),
        theme=theme or DEFAULT_THEME,
        state=state,
        keymap=keymap,
    )
