"""Filling the caches in a second process while the reader's own modules load.

On a first open, importing YAML and the loader and parsing the briefing and the
theme files take about a tenth of the time to the first screen (25 ms of the
sample's 290), and importing Textual takes much longer. A forked child does the
first while the reader does the second, on another core; the reader then finds
both in the cache, as on a second open. The child only writes the cache: it
prints nothing, and whatever goes wrong in it, the reader loads the file itself
and reports what it finds.

A fork, not a new interpreter: the child starts with the reader's modules loaded.
A new one would spare the reader copying the pages it writes to after the fork
(about 4 ms of its Textual import) but must start Python and import them itself,
which put 70 ms on a first open of 1,000 events.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

# Bytes. Past this, what the overlap saves is eaten by the model's trip through the
# cache (pickled there, unpickled here): no faster at 10,000 events (3.4 MB).
LARGEST = 1 << 20


def start(file: Path, max_size: int | None) -> int | None:
    """Fork a child that caches ``file`` and the themes; its pid, or None where that would not pay."""
    if not hasattr(os, "fork") or _usable_cores() < 2:
        return None
    # Forking a process that runs threads can leave the child waiting on a lock
    # one of them held; the CLI has none yet, a test process may.
    if threading.active_count() > 1:
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
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            _fill(file, max_size)
            status = 0
        finally:
            os._exit(status)  # never back into the CLI: only the reader reports
    return pid


def wait(pid: int | None) -> None:
    """Wait for the child started by start(), so its cache entries are complete."""
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
