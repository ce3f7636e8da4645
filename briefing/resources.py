"""Files shipped with briefing: the sample briefing and the bundled themes.

Installed, they live in the packages briefing.sample_data and briefing.themes
(pyproject.toml maps the repository's top-level folders there). Run from a
source checkout (`python -m briefing` in the repository), the top-level
`briefing/` folder is imported instead and those packages do not exist, so the
files are found in the checkout's own folders.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
SAMPLE_NAME = "hts-offensive-2024-12.yaml"


def bundled_folder(package: str, checkout_folder: str) -> Path:
    """The folder of a shipped data package, installed or in the checkout."""
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return _CHECKOUT / checkout_folder


def sample_path() -> Path:
    """The bundled sample briefing."""
    return bundled_folder("briefing.sample_data", "sample_data") / SAMPLE_NAME


def themes_folder() -> Path:
    """The folder of the bundled theme files."""
    return bundled_folder("briefing.themes", "themes")
