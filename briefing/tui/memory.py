"""What the reader remembers between runs, through briefing.user.state: views, last briefing, theme pick.

A state folder that cannot be written must never stop the reader: each
failure is returned as a message for the app to show once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from briefing.tui.place import ViewState
from briefing.user import state

_VIEW_FIELDS = set(ViewState._fields)
# Held while state.json is written: a reader ended from another thread (tui/hangup.py)
# waits for it, so no save is cut short and leaves its temporary file behind.
SAVING = threading.RLock()


def view_from(saved: dict[str, str] | None) -> ViewState | None:
    """A ViewState from its saved fields; unknown fields (from another version) are ignored."""
    if not saved:
        return None
    return ViewState(**{k: v for k, v in saved.items() if k in _VIEW_FIELDS})


class Memory:
    """Saves to the state file when ``enabled`` (the CLI); tests and embedders leave it off."""

    def __init__(self, *, enabled: bool, config_theme: str | None = None) -> None:
        self.enabled = enabled
        self.config_theme = config_theme
        self._failed = False

    def view_of(self, file: Path) -> ViewState | None:
        if not self.enabled:
            return None
        current, _problems = state.load_state()  # problems were reported at start
        return view_from(dict(state.view_of(current, file)))

    def opened(self, file: Path) -> str | None:
        return self._update(lambda s: state.remember_opened(s, file))

    def save_view(self, file: Path, view: ViewState) -> str | None:
        return self._update(lambda s: state.remember_view(s, file, view._asdict()))

    def theme_picked(self, name: str) -> str | None:
        return self._update(lambda s: state.remember_theme(s, name, self.config_theme))

    def _update(self, change: Callable[[state.State], state.State]) -> str | None:
        """Apply ``change``; a message the first time saving fails, else None."""
        if not self.enabled:
            return None
        try:
            with SAVING:
                state.update_state(change)
        except OSError as error:
            if self._failed:
                return None
            self._failed = True
            return f"Cannot save where you are in {state.state_path()}: {error.strerror or error}"
        return None
