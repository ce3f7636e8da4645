"""Files shipped with briefing: the sample briefing, the bundled themes and its own code.

Installed, they live in the packages briefing.sample_data and briefing.themes
(pyproject.toml maps the repository's top-level folders there). Run from a
source checkout (`python -m briefing` in the repository), the top-level
`briefing/` folder is imported instead and those packages do not exist, so the
files are found in the checkout's own folders.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import sys
from pathlib import Path

from briefing import __version__

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


@functools.cache  # asked for on every open, live reloads too; the files do not change meanwhile
def code_digest(*modules: str) -> bytes:
    """A SHA-256 over the source of these modules of the package ("format.loader"), and the Python version.

    A name may also be a package ("format"): every module in it counts, so a
    module split in two, or added, is covered without a change to the list.
    Caches put it in their keys, so that new code never reads what old code
    stored. The files are read from the package folder rather than taken from
    sys.modules, so the digest does not depend on what is imported already.
    Raises OSError for a name that is neither: a stale list is a bug, not a miss.
    """
    digest = hashlib.sha256(f"{__version__} {sys.version}".encode())
    package = Path(__file__).parent
    for name in modules:
        where = package.joinpath(*name.split("."))
        files = sorted(where.rglob("*.py")) if where.is_dir() else [where.with_suffix(".py")]
        for file in files:
            digest.update(str(file.relative_to(package)).encode() + b"\0")
            digest.update(file.read_bytes())
    return digest.digest()
