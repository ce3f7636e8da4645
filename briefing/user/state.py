"""What the app remembers between runs: the last briefing, where the reader was in each, the theme.

Kept as JSON in the user state dir. Every write re-reads the file and changes
only its own entries, then replaces the file atomically, so two instances at
once never leave a half-written file and rarely lose each other's entries.
A file that cannot be read as state is moved aside and the app starts fresh.
No Textual import here.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from briefing.format.diagnostics import Diagnostic
from briefing.format.reading import ReadError, read_bytes
from briefing.user import settings

STATE_NAME = "state.json"
STATE_VERSION = 1
MAX_REMEMBERED = 200  # briefings whose view is kept; the least recently used go first
_MAX_STATE_SIZE = 4 * 1024 * 1024  # far more than MAX_REMEMBERED views take


class State(NamedTuple):
    """What state.json remembers between runs."""

    last_opened: str | None = None  # absolute path of the last briefing opened
    theme: str | None = None  # the theme last picked in the app
    theme_config: str | None = None  # config.yaml's theme when that pick was made
    views: Mapping[str, Mapping[str, str]] = MappingProxyType({})  # path -> view fields


def state_path() -> Path:
    return settings.state_dir() / STATE_NAME


def briefing_key(path: str | Path) -> str:
    """The key a briefing's view is remembered under: its absolute, resolved path."""
    return str(Path(path).expanduser().resolve())


def load_state(path: Path | None = None) -> tuple[State, list[Diagnostic]]:
    """Read the state file; a corrupt one is renamed aside and fresh state returned."""
    path = state_path() if path is None else path
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return State(), []
    except OSError as error:
        return State(), [Diagnostic(str(path), 0, 0, f"cannot read state: {error.strerror or error}")]
    if stat.S_ISREG(info.st_mode) and info.st_size > _MAX_STATE_SIZE:
        return State(), [_set_aside(path, "too large")]
    try:
        # Opens only a regular file: a FIFO named state.json would block the reader's start.
        data = read_bytes(path, str(path), _MAX_STATE_SIZE, "state file")
    except ReadError as error:
        return State(), [error.diagnostic]
    try:
        return _parse(json.loads(data.decode("utf-8"))), []
    except (ValueError, TypeError, RecursionError) as error:  # JSON and UTF-8 errors are ValueErrors
        return State(), [_set_aside(path, str(error))]


def _parse(data: object) -> State:
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        raise ValueError(f"not a briefing state file of version {STATE_VERSION}")
    views = data.get("views", {})
    if not isinstance(views, dict):
        raise ValueError("'views' is not a mapping")
    clean_views: dict[str, Mapping[str, str]] = {}
    for key, view in views.items():
        # One odd entry (say, from a newer version) costs only that briefing's place.
        if isinstance(view, dict):
            clean_views[key] = {k: v for k, v in view.items() if isinstance(k, str) and isinstance(v, str)}
    return State(
        last_opened=_text_or_none(data.get("last_opened")),
        theme=_text_or_none(data.get("theme")),
        theme_config=_text_or_none(data.get("theme_config")),
        views=clean_views,
    )


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _set_aside(path: Path, reason: str) -> Diagnostic:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    try:
        path.replace(aside)
    except OSError as error:
        return Diagnostic(
            str(path), 0, 0, f"state file is corrupt ({reason}) and could not be moved: {error.strerror}"
        )
    return Diagnostic(
        str(path),
        0,
        0,
        f"state file was corrupt ({reason}); moved to {aside.name}, starting fresh",
        severity="warning",
    )


def save_state(state: State, path: Path | None = None) -> None:
    path = state_path() if path is None else path
    data = {
        "version": STATE_VERSION,
        "last_opened": state.last_opened,
        "theme": state.theme,
        "theme_config": state.theme_config,
        "views": {k: dict(v) for k, v in state.views.items()},
    }
    settings.write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n", private=True)


def update_state(change: Callable[[State], State], path: Path | None = None) -> State:
    """Apply ``change`` to the state as it is on disk now, and save the result.

    Reading again right before writing keeps what another instance saved since
    we started. Raises OSError when the state dir cannot be written.
    """
    current, _problems = load_state(path)
    new = change(current)
    save_state(new, path)
    return new


def remember_view(state: State, briefing_path: str | Path, view: Mapping[str, str | None]) -> State:
    """``state`` with the view of one briefing stored (and that briefing the last opened)."""
    key = briefing_key(briefing_path)
    views = {k: v for k, v in state.views.items() if k != key}
    views[key] = {k: v for k, v in view.items() if v is not None}  # the newest goes last
    while len(views) > MAX_REMEMBERED:
        del views[next(iter(views))]
    return state._replace(views=views, last_opened=key)


def remember_opened(state: State, briefing_path: str | Path) -> State:
    return state._replace(last_opened=briefing_key(briefing_path))


def remember_theme(state: State, theme: str, config_theme: str | None) -> State:
    return state._replace(theme=theme, theme_config=config_theme)


def view_of(state: State, briefing_path: str | Path) -> Mapping[str, str]:
    return state.views.get(briefing_key(briefing_path), {})


def choose_theme(cli_theme: str | None, config_theme: str | None, state: State, default: str) -> str:
    """The theme to start with: --theme, then the last one picked in the app, then config.yaml's.

    A pick in the app is remembered together with config.yaml's theme at the
    time; once the user changes config.yaml, the config wins again.
    """
    if cli_theme:
        return cli_theme
    if state.theme and state.theme_config == config_theme:
        return state.theme
    return config_theme or default
