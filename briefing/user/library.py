"""A folder of briefings: each file's title, date, status and counts, or its first error.

No Textual import: the library screen runs ``scan_file`` in a worker thread
and shows entries as they come.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from briefing.format.diagnostics import Diagnostic
from briefing.opening import open_briefing

SUFFIXES = (".yaml", ".yml")
SORT_KEYS = ("as_of", "title", "status", "file")
_STATUS_ORDER = {"current": 0, "draft": 1, "superseded": 2}


@dataclass(frozen=True)
class LibraryEntry:
    """One file of the folder: a summary of the briefing, or why it cannot be opened."""

    path: Path
    title: str | None = None  # None when the file has errors
    as_of: str | None = None  # for display, e.g. "7 Dec 2024"
    as_of_key: tuple[date, date] | None = None
    status: str | None = None
    events: int = 0
    actors: int = 0
    reactions: int = 0
    sources: int = 0
    warnings: int = 0
    error: Diagnostic | None = None  # the first error of an invalid file
    id: str | None = None  # the briefing's id: files sharing one are revisions of one briefing
    newer: Path | None = None  # set on an older revision: the file of the newest (group_revisions)

    @property
    def valid(self) -> bool:
        return self.error is None


def briefing_files(folder: Path) -> list[Path]:
    """The briefing files directly in ``folder``, by name; hidden files left out.

    Raises OSError (FileNotFoundError, NotADirectoryError, ...) when the folder cannot be listed.
    """
    return sorted(
        (p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and not p.name.startswith(".")),
        key=lambda p: p.name.lower(),
    )


def scan_file(path: Path, *, max_size: int | None = None) -> LibraryEntry:
    """The file's summary, or its first error; never raises, so one bad file cannot stop a scan."""
    # Not through the cache: a scan would push the briefings last read out of it.
    briefing, diagnostics = open_briefing(path, max_size=max_size)
    if briefing is None:
        first = next((d for d in diagnostics if d.is_error), None)
        return LibraryEntry(path, error=first or Diagnostic(str(path), 0, 0, "cannot be opened"))
    return LibraryEntry(
        path,
        title=briefing.title,
        as_of=briefing.as_of.display,
        as_of_key=briefing.as_of.sort_key,
        status=briefing.status,
        events=len(briefing.events),
        actors=len(briefing.actors),
        reactions=len(briefing.reactions),
        sources=len(briefing.sources),
        warnings=sum(not d.is_error for d in diagnostics),
        id=briefing.id,
    )


def scan(folder: Path, *, max_size: int | None = None) -> list[LibraryEntry]:
    return [scan_file(path, max_size=max_size) for path in briefing_files(folder)]


def group_revisions(entries: list[LibraryEntry]) -> list[LibraryEntry]:
    """Revisions of one briefing (files sharing an id) together, where the first of them is.

    The newest ``as_of`` comes first (file name breaks ties), and the older ones
    right under it, each with ``newer`` naming the newest's file.
    """
    by_id: dict[str, list[LibraryEntry]] = {}
    for entry in entries:
        if entry.id is not None:
            by_id.setdefault(entry.id, []).append(entry)
    grouped: list[LibraryEntry] = []
    for entry in entries:
        revisions = by_id.get(entry.id or "", [entry])
        if len(revisions) == 1:
            grouped.append(entry)
        elif entry is revisions[0]:  # the group's place in this order
            newest_first = sorted(revisions, key=_revision_order, reverse=True)
            newest = newest_first[0]
            grouped += [newest, *(replace(r, newer=newest.path) for r in newest_first[1:])]
    return grouped


def _revision_order(entry: LibraryEntry) -> tuple[tuple[date, date], str]:
    return entry.as_of_key or (date.min, date.min), entry.path.name.lower()


def sort_entries(entries: Iterable[LibraryEntry], key: str, *, reverse: bool = False) -> list[LibraryEntry]:
    """Entries ordered by ``key`` (one of SORT_KEYS); files with errors always come last.

    ``as_of`` puts the newest first unless ``reverse``; the others go A to Z.
    File name breaks ties, so the order never depends on the scan.
    """
    if key not in SORT_KEYS:
        raise ValueError(f"unknown sort key {key!r}")
    entries = list(entries)
    valid = [e for e in entries if e.valid]
    invalid = sorted((e for e in entries if not e.valid), key=lambda e: e.path.name.lower())
    valid.sort(key=lambda e: e.path.name.lower())  # the tie-breaker: sorts below are stable
    if key == "as_of":
        valid.sort(key=lambda e: e.as_of_key or (date.min, date.min), reverse=not reverse)
    elif key == "title":
        valid.sort(key=lambda e: (e.title or "").casefold(), reverse=reverse)
    elif key == "status":
        valid.sort(key=lambda e: _STATUS_ORDER.get(e.status or "", 9), reverse=reverse)
    elif reverse:
        valid.reverse()
    return valid + invalid


def matching(entries: Iterable[LibraryEntry], query: str) -> list[LibraryEntry]:
    """The entries whose title or file name holds ``query``, in any case and without accents."""
    from briefing.search import fold

    wanted = fold(query).strip()
    if not wanted:
        return list(entries)
    return [e for e in entries if wanted in fold(f"{e.title or ''} {e.path.name}")]


def library_folder(configured: Path | None, default: Path, open_file: Path | None) -> tuple[Path, str | None]:
    """The folder `L` shows from a briefing, and a hint when it is not the briefings folder.

    The configured folder (else the default one) when it exists; otherwise the
    folder of the briefing open, if there is one, with a line on how to set one.
    """
    wanted = configured if configured is not None else default
    if wanted.is_dir() or open_file is None:
        return wanted, None
    # What to do first: a narrow terminal cuts the end of the line, where the path is.
    if configured is None:
        hint = f"Showing this briefing's folder: set `briefings:` in config.yaml (no {default})"
    else:
        hint = f"Showing this briefing's folder: `briefings:` in config.yaml is not a folder: {configured}"
    return open_file.parent, hint
