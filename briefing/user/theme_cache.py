"""The checked values of theme files, kept in the cache folder between starts.

Every start of the reader needs every theme: with unchanged theme files a start
parses no YAML and imports no PyYAML.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
from pathlib import Path
from types import MappingProxyType

from briefing.format.diagnostics import Diagnostic
from briefing.format.reading import ReadError, read_bytes
from briefing.resources import code_digest
from briefing.user import settings
from briefing.user.theme_checks import read_theme
from briefing.user.theme_spec import ThemeSpec

# yaml_fields.SETTINGS_MAX_SIZE, repeated: importing that module imports PyYAML, which a
# start with unchanged theme files does without.
_MAX_THEME_SIZE = 1024 * 1024
_MAX_CACHE_SIZE = 4 * 1024 * 1024  # _SpecCache.KEEP entries of a few KiB each, with room to spare


class _SpecCache:
    """The checked values of theme files, kept in one JSON file in the cache folder.

    An entry's key is a SHA-256 over the code that checks theme files (and builds them
    into Textual themes, the last check), the installed Textual (whose parsers they
    are checked with), the file's origin and path, and its bytes: any edit is a miss. Only themes without
    problems are kept, so a file with problems is read, and reported, each time.
    """

    KEEP = 64  # entries; the oldest written go first

    def __init__(self, file: Path) -> None:
        self.file = file
        self.changed = False
        try:
            # read_bytes opens only a regular file: a FIFO or /dev/zero here must not hang or fill memory.
            stored = json.loads(read_bytes(self.file, str(self.file), _MAX_CACHE_SIZE, "theme cache"))
        except (ReadError, ValueError):  # none yet, unreadable, special or damaged: read the files
            stored = {}
        self.entries: dict[str, object] = stored if isinstance(stored, dict) else {}
        textual = importlib.util.find_spec("textual")
        marker = os.stat(textual.origin) if textual is not None and textual.origin else None
        installed = f"{marker.st_mtime_ns} {marker.st_size}" if marker else ""
        self._base = hashlib.sha256(
            code_digest(
                "user.theme_spec",
                "user.theme_checks",
                "user.theme_cache",
                "user.yaml_fields",
                "format.reading",
                "format.text",
            )
        )
        self._base.update(installed.encode())

    def read(self, path: Path, origin: str, shown: str) -> tuple[ThemeSpec | None, list[Diagnostic]]:
        data = _bytes_or_none(path)
        if data is None:
            return read_theme(path, origin, shown=shown)  # it says why the file cannot be read
        key = self._base.copy()
        key.update(f"\0{origin}\0{path}\0".encode())
        key.update(data)
        name = key.hexdigest()
        spec = _spec_from_json(self.entries.get(name), path, origin)
        if spec is not None:
            return spec, []
        spec, problems = read_theme(path, origin, shown=shown)
        if spec is not None and _bytes_or_none(path) == data:  # not edited while it was read
            self.entries[name] = _spec_to_json(spec)
            self.changed = True
        return spec, problems

    def save(self) -> None:
        if not self.changed:
            return
        self.changed = False
        kept = dict(list(self.entries.items())[-self.KEEP :])
        with contextlib.suppress(OSError):  # a cache that cannot be written: read the files next time
            settings.write_atomic(self.file, json.dumps(kept), durable=False)


def theme_cache() -> _SpecCache:
    return _spec_cache(settings.cache_dir() / "themes.json")


@functools.cache
def _spec_cache(file: Path) -> _SpecCache:
    # One per cache file and process: the bundled themes and the user's are read at each
    # start, and each _SpecCache reads the file and hashes the checking code.
    return _SpecCache(file)


def _bytes_or_none(path: Path) -> bytes | None:
    """The bytes of a regular file; None for anything else (a FIFO would hang, /dev/zero never end)."""
    try:
        return read_bytes(path, str(path), _MAX_THEME_SIZE, "theme file")
    except ReadError:
        return None


def _spec_to_json(spec: ThemeSpec) -> dict[str, object]:
    return {
        "name": spec.name,
        "colours": dict(spec.colours),
        "variables": dict(spec.variables),
        "dark": spec.dark,
        "ansi": spec.ansi,
        "description": spec.description,
        "luminosity_spread": spec.luminosity_spread,
        "text_alpha": spec.text_alpha,
    }


def _spec_from_json(stored: object, path: Path, origin: str) -> ThemeSpec | None:
    """The spec a cache entry holds; None for no entry, or one not shaped as _spec_to_json writes."""
    if not isinstance(stored, dict):
        return None
    name, colours, variables = stored.get("name"), stored.get("colours"), stored.get("variables")
    dark, ansi, description = stored.get("dark"), stored.get("ansi"), stored.get("description")
    spread, alpha = stored.get("luminosity_spread"), stored.get("text_alpha")
    if not (
        isinstance(name, str)
        and _is_text_mapping(colours)
        and _is_text_mapping(variables)
        and isinstance(dark, bool)
        and isinstance(ansi, bool)
        and isinstance(description, str)
        and (spread is None or isinstance(spread, float))
        and (alpha is None or isinstance(alpha, float))
    ):
        return None
    return ThemeSpec(
        name=name,
        origin=origin,
        path=path,
        colours=MappingProxyType(dict(colours)),  # type: ignore[arg-type]
        variables=MappingProxyType(dict(variables)),  # type: ignore[arg-type]
        dark=dark,
        ansi=ansi,
        description=description,
        luminosity_spread=spread,
        text_alpha=alpha,
    )


def _is_text_mapping(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )
