"""Where briefing keeps its config, themes, state and cache (platformdirs), and safe writes.

No Textual import here: the CLI's text commands use it too.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "briefing"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def themes_dir() -> Path:
    return config_dir() / "themes"


def state_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old file or the new one, never half.

    The temporary file sits beside the target so the final rename stays on one
    file system, which is what makes it atomic.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def print_paths() -> int:
    print(f"config     {config_dir() / 'config.yaml'}")
    print(f"themes     {themes_dir()}")
    print(f"state      {state_dir()}")
    print(f"cache      {cache_dir()}")
    return 0


def print_themes() -> int:
    print("themes: not implemented yet")
    return 0
