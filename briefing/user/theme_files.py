"""Theme files: the bundled ones and the user's, found, read and checked into one catalog.

What a checked theme holds is briefing.user.theme_spec; how one file is read and
checked, briefing.user.theme_checks; the checked values are kept between starts
by briefing.user.theme_cache. A file with problems is reported and skipped.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

from briefing.format.diagnostics import Diagnostic
from briefing.resources import themes_folder
from briefing.user import settings
from briefing.user.theme_cache import theme_cache
from briefing.user.theme_checks import read_theme
from briefing.user.theme_spec import (
    BUNDLED,
    DEFAULT_THEME,
    USER,
    ThemeSpec,
    app_variable_defaults,
    to_textual,
)

# The reader and the commands import these from here, wherever each is defined.
__all__ = [
    "BUNDLED",
    "DEFAULT_THEME",
    "USER",
    "ThemeCatalog",
    "ThemeSpec",
    "app_variable_defaults",
    "bundled_themes",
    "load_catalog",
    "read_theme",
    "to_textual",
]


class ThemeCatalog(NamedTuple):
    """Every theme file found, and the problems of those that were skipped."""

    themes: tuple[ThemeSpec, ...]
    problems: tuple[Diagnostic, ...]

    def get(self, name: str) -> ThemeSpec | None:
        return next((t for t in self.themes if t.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.themes)


def load_catalog(user_dir: Path | None = None) -> ThemeCatalog:
    """The bundled themes, then the user's (from ``user_dir``, default the config's themes dir).

    A user theme may replace a bundled one by using its name; two user files with
    one name are an error in the second (by file name order).
    """
    themes: dict[str, ThemeSpec] = {}
    problems: list[Diagnostic] = []
    for spec in bundled_themes():
        themes[spec.name] = spec
    folder = settings.themes_dir() if user_dir is None else user_dir
    cache = theme_cache()
    for path in _user_files(folder, problems):
        spec, diagnostics = cache.read(path, USER, str(path))
        problems += diagnostics
        if spec is None:
            continue
        earlier = themes.get(spec.name)
        if earlier is not None and earlier.origin == USER:
            problems.append(
                Diagnostic(
                    str(path), 0, 0, f"theme '{spec.name}' is already defined in {earlier.path}: skipped"
                )
            )
            continue
        themes[spec.name] = spec
    cache.save()
    return ThemeCatalog(tuple(themes.values()), tuple(problems))


@functools.cache
def bundled_themes() -> tuple[ThemeSpec, ...]:
    """The themes shipped with briefing (checked by the tests, so never skipped in a release)."""
    cache = theme_cache()
    specs = [cache.read(path, BUNDLED, f"(bundled) {path.name}")[0] for path in _bundled_files()]
    cache.save()
    return tuple(spec for spec in specs if spec is not None)


def _bundled_files() -> list[Path]:
    return sorted(themes_folder().glob("*.yaml"))


def _user_files(folder: Path, problems: list[Diagnostic]) -> list[Path]:
    try:
        entries = sorted(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as error:
        problems.append(Diagnostic(str(folder), 0, 0, f"cannot list themes: {error.strerror or error}"))
        return []
    return [p for p in entries if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")]
