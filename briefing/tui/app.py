"""The Textual app: which screen to show, app-wide keys and themes; the CLI and the tests build it alike."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import BindingType
from textual.command import Provider
from textual.filter import LineFilter, Monochrome, NoColor
from textual.screen import Screen

from briefing.format.diagnostics import Diagnostic
from briefing.format.text import one_line
from briefing.model import Briefing
from briefing.tui import keys
from briefing.tui.bindings import keymap_clashes
from briefing.tui.colours import variable_defaults
from briefing.tui.live import LiveFile
from briefing.tui.memory import Memory
from briefing.tui.news import NewsKeeper
from briefing.tui.place import ViewState
from briefing.tui.screens.main import MainScreen
from briefing.user.settings import Config, config_path
from briefing.user.settings import notices as settings_notices
from briefing.user.theme_choice import automatic_theme
from briefing.user.theme_files import ThemeSpec, bundled_themes, to_textual

if TYPE_CHECKING:
    from briefing.tui.screens.library_screen import LibraryScreen
    from briefing.tui.widgets.item_list import ItemList
    from briefing.tui.widgets.source import SourceView

NOTICE_SECONDS = 12  # problems with the user's files stay up long enough to be read
_NO_COLOUR = NoColor()  # NO_COLOR with the terminal's own colours (see get_line_filters)


def _briefing_commands() -> type[Provider]:
    # Imported when the palette first opens, not before the first screen is drawn.
    from briefing.tui.commands import BriefingCommands

    return BriefingCommands


class BriefingApp(App[None]):
    """Reads one briefing at a time; a file with errors opens on its diagnostics instead."""

    # No app stylesheet: each screen and widget carries its own CSS (DEFAULT_CSS), so a screen
    # not shown yet costs nothing at start, and none is parsed twice (Textual parses the app's
    # stylesheet once before and once after the theme's variables are set).
    COMMANDS = App.COMMANDS | {_briefing_commands}
    BINDINGS: list[BindingType] = keys.bindings_for("app")

    def __init__(
        self,
        briefing: Briefing | None,
        diagnostics: Sequence[Diagnostic] = (),
        path: str = "",
        *,
        file: Path | None = None,
        theme: str | None = None,
        state: ViewState | None = None,
        keymap: Mapping[str, str] | None = None,
        config: Config | None = None,
        themes: Sequence[ThemeSpec] = (),
        notices: Sequence[Diagnostic] = (),
        folder: Path | None = None,
        remember: bool = False,
        live: bool = False,
        max_size: int | None = None,
    ) -> None:
        """Build the reader from plain values: the one way the CLI and the tests make the app.

        ``briefing`` None means the file had errors: the app shows ``diagnostics``
        (or, with ``folder``, the library of that folder). ``path`` is the name
        shown (default: the briefing's own). ``file`` is the briefing on disk,
        followed when ``live`` and remembered when ``remember``. ``state`` puts
        the reader back on a pane and items; ``keymap`` maps binding ids to keys
        (default: the config's). ``theme`` None means the user chose none: the
        reader picks one for the terminal's colours (user/theme_choice.py). ``themes``
        are user themes, registered beside the bundled ones; ``notices`` are
        problems with the user's files, shown once.
        """
        super().__init__()
        self.config = config or Config()
        self.briefing = briefing
        self.diagnostics = list(diagnostics)
        # As shown: in the subtitle, notices and messages; a file name can hold escapes.
        self.path = one_line(path or (briefing.path if briefing is not None and briefing.path else ""))
        self.file = file  # the file on disk, when there is one
        self.initial_state = state
        self.folder = folder  # open on the library of this folder instead of a briefing
        self.max_size = max_size
        self.memory = Memory(enabled=remember, config_theme=self.config.theme)
        self.live = LiveFile(self) if live else None
        self.news = NewsKeeper(self)  # what is new since the briefing was last read
        self.notices = list(notices)
        self.after_first_frame: Callable[[], None] | None = None  # run once the first frame is out
        for spec in (*bundled_themes(), *themes):  # a user theme may replace a bundled one
            self.register_theme(to_textual(spec))
        # Textual's console has found the terminal's colours (COLORTERM, TERM) by now.
        automatic = automatic_theme(self.console.color_system)
        theme = theme or automatic
        if theme not in self.available_themes:
            self.notices.append(Diagnostic("theme", 0, 0, f"unknown theme {theme!r}; using {automatic}"))
            theme = automatic
        self.theme = theme
        self.start_theme = theme
        # Scrolling jumps rather than glides: quicker to read, and screenshots are stable.
        self.animation_level = "none"
        self._show_titles()
        self.keymap = dict(keymap if keymap is not None else self.config.keys)
        if self.keymap:
            self.set_keymap(self.keymap)
            where = str(config_path()) if config is not None else "keys"
            self.notices += [Diagnostic(where, 0, 0, c, "warning") for c in keymap_clashes(self.keymap)]

    def get_line_filters(self) -> Sequence[LineFilter]:
        filters = super().get_line_filters()
        if self.no_color and self.native_ansi_color:
            # Textual picks its NO_COLOR filter before any theme is set: greys made of an ANSI
            # theme's colours (the terminal's default among them) come out black on black. With
            # the terminal's own colours, NO_COLOR drops them, as Textual means to.
            return [_NO_COLOUR if isinstance(f, Monochrome) else f for f in filters]
        return filters

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Stance, status and evidence colours for themes that do not set them (Textual's own).
        return variable_defaults(self.current_theme)

    def get_default_screen(self) -> Screen[None]:
        if self.folder is not None:
            from briefing.tui.screens.library_screen import LibraryScreen

            return LibraryScreen(self.folder, max_size=self.max_size)
        if self.briefing is None:
            from briefing.tui.screens.diagnostics_screen import DiagnosticsScreen

            return DiagnosticsScreen(self.path, self.diagnostics)
        return MainScreen(self.briefing, state=self.initial_state)

    def on_mount(self) -> None:
        # SIGHUP, SIGTERM and a terminal gone away call quit_keeping_place (tui/hangup.py).
        for notice in settings_notices(self.notices):  # a few, the rest counted: each is a widget
            self.notify(notice, title="Settings", severity="warning", timeout=NOTICE_SECONDS, markup=False)
        warnings = [d for d in self.diagnostics if not d.is_error]
        if self.briefing is not None and warnings:
            count = f"{len(warnings)} warning{'' if len(warnings) == 1 else 's'}"
            self.notify(f"{count}: run `briefing validate {self.path}` to see them", markup=False)
        if self.file is not None and self.folder is None:
            # After the first frame: saving re-reads state.json and writes it to disk.
            opened = self.file
            self.call_after_refresh(lambda: self._say(self.memory.opened(opened)))
            if self.briefing is not None:
                self.call_after_refresh(self.news.arrived, self.briefing)
        if self.live is not None:
            self.live.start()

    def on_ready(self) -> None:
        if self.after_first_frame is not None:
            self.after_first_frame()

    def _show_titles(self) -> None:
        self.title = self.briefing.title if self.briefing is not None else "briefing"
        self.sub_title = self.path

    def _say(self, problem: str | None) -> None:
        if problem:
            self.notify(problem, severity="warning", timeout=NOTICE_SECONDS, markup=False)

    # -- where the reader is ----------------------------------------------------------

    @property
    def main_screen(self) -> MainScreen | None:
        """The reader's screen, wherever it is in the stack (under help, detail, ...)."""
        return next((s for s in reversed(self.screen_stack) if isinstance(s, MainScreen)), None)

    @property
    def library_screen(self) -> LibraryScreen | None:
        from briefing.tui.screens.library_screen import LibraryScreen

        return next((s for s in self.screen_stack if isinstance(s, LibraryScreen)), None)

    def view_state(self) -> ViewState | None:
        """Where the reader is, for saving between runs (None when no briefing is shown)."""
        main = self.main_screen
        return main.view_state() if main is not None else None

    def save_view(self) -> None:
        view = self.view_state()
        if view is not None and self.file is not None and self.briefing is not None:
            self._say(self.memory.save_view(self.file, view))

    async def action_quit(self) -> None:
        self.quit_keeping_place()

    def quit_keeping_place(self) -> None:
        """Keep where the reader is, and a theme picked in the palette, for next time; then exit."""
        self.save_view()
        if self.theme != self.start_theme:
            self._say(self.memory.theme_picked(self.theme))
        self.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help":  # the reader's keys, or a screen's own (HELP_SECTIONS), or none
            return getattr(self.screen, "READER_HELP", True) or hasattr(self.screen, "HELP_SECTIONS")
        if action in ("next_change", "clear_changes"):
            return self.news.any_unread or (action == "clear_changes" and self.news.news is not None)
        return True

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(getattr(self.screen, "HELP_SECTIONS", None)))

    # -- new since last read (tui/news.py) ---------------------------------------------

    def on_item_list_moved(self, message: ItemList.Moved) -> None:
        self.news.read(message.item_list.id, message.item_id)

    def on_source_view_turned(self, message: SourceView.Turned) -> None:
        self.news.read("source", message.source_id)

    def action_next_change(self) -> None:
        self.news.step()

    def action_clear_changes(self) -> None:
        self.news.clear()

    def action_show_news(self) -> None:
        from briefing.tui.screens.news_screen import NewsScreen

        if self.news.news is not None and self.briefing is not None:
            self.push_screen(NewsScreen(self.news.news.headline(), self.news.lines(self.briefing)))

    def action_show_map(self) -> None:
        from briefing.tui.map_link import open_map

        if self.main_screen is not None and self.screen is self.main_screen:
            open_map(self.main_screen)

    # -- the library ------------------------------------------------------------------

    def action_library(self) -> None:
        """Back to the library; from a briefing opened directly, the briefings folder (or its own).

        On a library shown over a briefing, back to that briefing as it was.
        """
        self.save_view()
        library = self.library_screen
        if library is None:
            from briefing.tui.screens.library_screen import LibraryScreen
            from briefing.user.library import library_folder
            from briefing.user.settings import default_briefings_dir

            folder, hint = library_folder(self.config.briefings, default_briefings_dir(), self.file)
            self.push_screen(LibraryScreen(folder, max_size=self.max_size, hint=hint))
        elif self.screen is library and library is not self.screen_stack[0]:
            self.pop_screen()
        else:
            while self.screen is not library:
                self.pop_screen()

    def open_briefing(self, file: Path) -> None:
        """Open ``file`` from the library: checked in a thread, then shown."""
        self.run_worker(lambda: self._check(file), thread=True, exclusive=True, group="open")

    def _check(self, file: Path) -> None:
        from briefing.opening import open_briefing

        briefing, diagnostics = open_briefing(file, max_size=self.max_size, cache=True)
        self.call_from_thread(self._show_opened, file, briefing, diagnostics)

    async def _show_opened(
        self, file: Path, briefing: Briefing | None, diagnostics: list[Diagnostic]
    ) -> None:
        self.save_view()
        self.file, self.path = file, one_line(file)
        self.briefing, self.diagnostics = briefing, diagnostics
        self._show_titles()
        self._say(self.memory.opened(file))
        if self.live is not None:
            self.live.follow(file, briefing)
        if briefing is not None:
            self.call_after_refresh(self.news.arrived, briefing)
        if briefing is None:
            from briefing.tui.screens.diagnostics_screen import DiagnosticsScreen

            self.push_screen(DiagnosticsScreen(self.path, diagnostics, can_go_back=True))
            return
        state = self.memory.view_of(file)
        main = self.main_screen
        if main is not None and main is self.screen_stack[0]:
            # The briefing opened first stays at the bottom of the stack: show the new one there.
            while self.screen is not main:
                self.pop_screen()
            await main.show_briefing(briefing, state or ViewState())
        else:
            self.push_screen(MainScreen(briefing, state=state))
