"""Opening a briefing: the one way in. A path goes in; the model (None if the file has errors) and
every located diagnostic come out.

Every command and screen opens a briefing here: validate, show and export, the
reader's first open and its library, live reload and the library's scan. The
model cache (briefing.model_cache) sits inside, used where it was asked for
(the reader's opens): `validate` must really validate, and a scan or a reload
would only push the reader's briefings out of the cache.

Each file is read from disk once per open, the briefing and each text_file
alike: the bytes hashed for the cache are the bytes the loader is given, so a
file edited meanwhile can never be cached under the wrong digest. The loader
is imported only on a miss: a cached open needs no YAML.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from briefing import model_cache
from briefing.format.diagnostics import Diagnostic
from briefing.format.reading import ReadError, decode_text, read_bytes
from briefing.model import Briefing

Opened = tuple[Briefing | None, list[Diagnostic]]


def open_briefing(
    path: str | Path, *, max_size: int | None = None, cache: bool = False, raise_bugs: bool = False
) -> Opened:
    """The briefing at ``path``, checked: the model (None if it has errors) and every diagnostic.

    With ``cache`` a valid briefing whose file and text files are unchanged comes
    from the model cache, and a valid one loaded is kept there. Should the
    loader fail (a bug), its error is the file's one diagnostic; with
    ``raise_bugs`` the exception is raised instead, for the CLI to report with
    its traceback under --debug.
    """
    path = Path(path)
    shown = str(path)
    try:
        data = read_bytes(path, shown, max_size, what="briefing file")
    except ReadError as error:
        return None, [error.diagnostic]
    files = _Files(max_size)
    entry = model_cache.entry_path(path, data) if cache else None
    if entry is not None:
        cached = model_cache.lookup(entry, path.parent, files.read)
        if cached is not None:
            return _named(shown, *cached)
    try:
        decode_text(data, shown, what="briefing file")  # checked as UTF-8, with a located error
    except ReadError as error:
        return None, [error.diagnostic]
    from briefing.format import loader  # only on a miss: a cached open needs no YAML

    try:
        # The bytes, not the text: libyaml parses UTF-8, so it copies no str into bytes,
        # and a file with one accent is not held as a str of two bytes a character.
        briefing, diagnostics = loader.check_text(
            data, shown=shown, base_dir=path.parent, max_size=max_size, read_file=files.read_text
        )
    except Exception as error:  # the loader should never raise; if it does, the caller says so
        if raise_bugs:
            raise
        return None, [internal_error(shown, error)]
    if entry is not None and briefing is not None:
        model_cache.store(entry, briefing, diagnostics, path.parent, files.read)
    return briefing, diagnostics


def check_unsaved(text: str, shown: str) -> Opened:
    """A briefing's YAML that is not a file yet (`briefing draft` checks what it is about to
    write): the same checks, text files named in it read from the working folder."""
    from briefing.format import loader

    return loader.check_text(text, shown=shown, base_dir=Path.cwd())


def internal_error(shown: str, error: Exception) -> Diagnostic:
    """What the reader shows for a file the loader failed on (a bug), instead of stopping."""
    text = str(error)
    text = text if len(text) <= 200 else f"{text[:199]}…"  # a message may quote a whole value
    return Diagnostic(
        shown, 0, 0, f"internal error: {type(error).__name__}: {text}", hint="this is a bug in briefing"
    )


def _named(shown: str, briefing: Briefing, diagnostics: list[Diagnostic]) -> Opened:
    """A cached model under the name the file was given this time (the same file, named another way)."""
    if briefing.path == shown:
        return briefing, diagnostics
    renamed = [dataclasses.replace(d, path=shown) for d in diagnostics]
    return dataclasses.replace(briefing, path=shown), renamed


class _Files:
    """The text files of one open, each read from disk at most once, however many times it is asked for.

    The cache's check of a stale entry, the loader and the digests of a new
    entry all read through here.
    """

    def __init__(self, max_size: int | None) -> None:
        self.max_size = max_size
        self.found: dict[Path, bytes | Diagnostic] = {}  # by resolved path: the bytes, or why not

    def read(self, target: Path, name: str) -> bytes:
        """``target``'s bytes (``name`` is how the briefing names it); raises ReadError."""
        found = self.found.get(target)
        if found is None:
            try:
                found = read_bytes(target, name, self.max_size, what="text file")
            except ReadError as error:
                found = error.diagnostic
            self.found[target] = found
        if isinstance(found, Diagnostic):
            raise ReadError(found)
        return found

    def read_text(self, target: Path, name: str, _max_size: int | None, what: str) -> str:
        """The loader's ``read_file``: as reading.read_text, from the bytes read once."""
        return decode_text(self.read(target, name), name, what)
