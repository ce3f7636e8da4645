"""Pausing Python's cyclic garbage collector while a big model is built (and the reader starts).

Loading or unpickling a large briefing allocates millions of objects that all
stay alive, so the collector runs again and again and finds nothing to free:
it took more than half the time of loading a 10,000-event briefing.
Reference counting still frees whatever is dropped meanwhile, and a cycle
(a recursive YAML alias) is collected once the collector is back on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
