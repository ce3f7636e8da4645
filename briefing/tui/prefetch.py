"""Filling the caches in a second process while the reader's own modules load.

On a first open, importing YAML and the loader and parsing the briefing and the
theme files take about a tenth of the time to the first screen (25 ms of the
sample's 290), and importing Textual takes much longer. A second process does
the first while the reader does the second, on another core; the reader then
finds both in the cache, as on a second open. The helper only writes the cache:
its output goes nowhere, and whatever goes wrong in it, the reader loads the file
itself and reports what it finds.

The helper is a new interpreter (``python -m briefing.tui.prefetch FILE``), not a
fork: after a fork, each memory page the reader writes to is copied first, which
made its Textual import about 4 ms slower, more than starting afresh costs it.

python -m briefing.tui.prefetch FILE [MAX_SIZE]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Bytes. Past this, what the overlap saves is eaten by the model's trip through the
# cache (pickled there, unpickled here): no faster at 10,000 events (3.4 MB).
LARGEST = 1 << 20


def start(file: Path, max_size: int | None) -> int | None:
    """Start a process that caches ``file`` and the themes; its pid, or None where that would not pay."""
    if not hasattr(os, "posix_spawn") or not sys.executable or _usable_cores() < 2:
        return None
    try:
        size = file.stat().st_size
    except OSError:
        return None
    if size > (LARGEST if max_size is None else min(LARGEST, max_size)) or not file.is_file():
        return None
    from briefing.model_cache import has_entry

    if has_entry(file, max_size=max_size):
        return None
    import briefing

    # The helper imports this very package, wherever the reader found it.
    root = str(Path(briefing.__file__).parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (root, os.environ.get("PYTHONPATH")))))
    nowhere = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
    limit = "" if max_size is None else str(max_size)
    args = [sys.executable, "-m", __name__, str(file), limit]
    return os.posix_spawn(sys.executable, args, env, file_actions=nowhere)


def wait(pid: int | None) -> None:
    """Wait for the process started by start(), so its cache entries are complete."""
    if pid is not None:
        os.waitpid(pid, 0)


def _fill(file: Path, max_size: int | None) -> None:
    from briefing.model_cache import check_cached
    from briefing.theme_files import load_catalog

    load_catalog()
    check_cached(file, max_size=max_size)


def _usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):  # the cores this process may run on, not the machine's
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


if __name__ == "__main__":
    _fill(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] else None)
