"""Noticing that a briefing or its source text files changed on disk, by polling.

Polling a handful of files twice a second costs next to nothing and needs no
dependency or OS-specific API; it also sees editors that save by writing a new
file and renaming it over the old one (the inode changes).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from briefing.model import Briefing

# What a file looks like from outside: (inode, size, mtime in ns); None when it is missing.
Signature = tuple[int, int, int] | None


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
    """Remembers how some files looked; ``changed()`` says whether any differ now."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = tuple(paths)
        self._seen = {p: signature(p) for p in self.paths}

    def changed(self) -> bool:
        """True once per change: the new look is remembered as it is reported."""
        now = {p: signature(p) for p in self.paths}
        if now == self._seen:
            return False
        self._seen = now
        return True

    def watch(self, paths: Iterable[Path]) -> None:
        """Follow another set of files (after a reload added or dropped a text file)."""
        paths = tuple(paths)
        self._seen = {p: self._seen[p] if p in self._seen else signature(p) for p in paths}
        self.paths = paths
