"""Noticing that a briefing or its source text files changed on disk, by polling.

Polling a handful of files a few times a second costs next to nothing and
needs no dependency or OS-specific API; it also sees editors that save by
writing a new file and renaming it over the old one (the inode changes).

A change is reported once the files have held still for one poll: a file
written in place in two parts (or truncated, then filled) looks different on
each poll until the writing is done, so its first half is never read as the
briefing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from briefing.model import Briefing

# What a file looks like from outside: (inode, size, mtime in ns); None when it is missing.
Signature = tuple[int, int, int] | None
Look = dict[Path, Signature]


def signature(path: Path) -> Signature:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def watched_paths(path: Path, briefing: Briefing | None) -> tuple[Path, ...]:
    """The briefing file and the text files its sources read (relative to its folder)."""
    paths = [path]
    if briefing is not None:
        paths += [path.parent / s.text_file for s in briefing.sources if s.text_file]
    return tuple(dict.fromkeys(paths))


class FileWatch:
    """Remembers how some files looked; ``changed()`` says whether they changed and then held still."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = tuple(paths)
        self._seen: Look = self.look()  # as last reported (or as first seen)
        self._moving: Look | None = None  # a new look, waiting one poll to see whether it holds

    def look(self) -> Look:
        return {p: signature(p) for p in self.paths}

    def changed(self) -> bool:
        """True once per change, on the first poll that finds the files as the poll before found them.

        Called every POLL_SECONDS, a change is reported one to two polls after
        the last write; a file still being written is not reported until then.
        """
        now = self.look()
        if now == self._seen:
            self._moving = None  # changed and changed back: nothing to read
            return False
        if now != self._moving:
            self._moving = now  # still moving, or just moved: wait for the next poll
            return False
        self._seen, self._moving = now, None
        return True

    def watch(self, paths: Iterable[Path]) -> None:
        """Follow another set of files (after a reload added or dropped a text file)."""
        paths = tuple(paths)
        self._seen = {p: self._seen[p] if p in self._seen else signature(p) for p in paths}
        self._moving = None
        self.paths = paths
