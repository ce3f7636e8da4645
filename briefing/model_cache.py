"""A cache of validated briefings, so that opening a big briefing again skips parsing it.

Only briefing.opening uses it: the reader opens a briefing through
open_briefing(..., cache=True), which answers exactly what the loader would.
Entries live in the user's cache folder, one file per briefing, named by a
SHA-256 over the code that builds the model, the briefing's resolved path and
its bytes: any edit to the file or to the program is a miss. Each entry holds
a SHA-256 of each text_file's bytes as the model was built from them,
compared on every hit, so editing an article is a miss too. The files are
read through the open's own reader (`Read`), which reads each from disk once:
the bytes hashed are the bytes the loader was given. Only valid briefings are
stored; `briefing validate` never uses the cache.

The entries are pickles. Unpickling runs code named by the data, which is why
entries are only read from the current user's own cache folder, which only
that user (or an attacker who already owns their account) can write. Each
entry carries a SHA-256 of its payload, checked before unpickling, so a
truncated or damaged entry is a miss rather than an error, and the unpickler
only builds the model's own classes.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import gc
import hashlib
import io
import os
import pickle
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO

from briefing import collector, model
from briefing.format.diagnostics import Diagnostic
from briefing.format.reading import ReadError
from briefing.resources import code_digest
from briefing.user.settings import cache_dir, write_atomic

KEEP = 8  # entries kept; the oldest-used go first
# A text_file's bytes, by its resolved path and its name as the briefing gives it; raises ReadError.
Read = Callable[[Path, str], bytes]
_MAGIC = b"briefing model cache 1\n"
_DIGEST = hashlib.sha256().digest_size
# The modules whose code decides what a briefing's model holds.
_BUILDERS = ("model", "format")  # the declaration, and the whole format package that reads it
_MODEL_CLASSES = (
    "Briefing",
    "Source",
    "Actor",
    "Affiliation",
    "Place",
    "Event",
    "Statement",
    "Action",
    "Reaction",
    "Assessment",
    "Evidence",
    "DateSpec",
    "DatePoint",
)
_ALLOWED: dict[tuple[str, str], object] = {
    **{("briefing.model", name): getattr(model, name) for name in _MODEL_CLASSES},
    ("briefing.format.diagnostics", "Diagnostic"): Diagnostic,
    ("briefing.model_cache", "_proxy"): None,  # these two are filled in below, once defined
    ("briefing.model_cache", "_briefing"): None,
    ("datetime", "date"): date,
    ("datetime", "datetime"): datetime,
    ("datetime", "timedelta"): timedelta,
    ("datetime", "timezone"): timezone,
}
# Errors that unpickling data written by another version of the code can raise
# even after its checksum matched (the code digest in the key makes it unlikely).
_STALE = (
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    IndexError,
    KeyError,
    TypeError,
    ValueError,
)


def _proxy(items: dict[str, object]) -> MappingProxyType[str, object]:
    return MappingProxyType(items)


def _briefing(values: dict[str, object]) -> model.Briefing:
    return model.Briefing(**values)  # type: ignore[arg-type]


_ALLOWED["briefing.model_cache", "_proxy"] = _proxy
_ALLOWED["briefing.model_cache", "_briefing"] = _briefing
_BRIEFING_FIELDS = tuple(f.name for f in dataclasses.fields(model.Briefing) if f.init)


def _reduce_briefing(briefing: model.Briefing) -> tuple[object, tuple[dict[str, object]]]:
    """Store a briefing without its lookup tables by id: rebuilding them is quicker than loading them."""
    return _briefing, ({name: getattr(briefing, name) for name in _BRIEFING_FIELDS},)


# The fields of each model class but Briefing (pickled by _reduce_briefing), in declared order.
_RECORD_FIELDS = {
    getattr(model, name): tuple(f.name for f in dataclasses.fields(getattr(model, name)))
    for name in _MODEL_CLASSES
    if name != "Briefing"
}


def _reduce_record(record: object) -> tuple[object, tuple[type], dict[str, object]]:
    """A record as pickle's default stores it, its state read field by field.

    The default reads the instance's ``__dict__``, and asking for it makes one: an
    instance keeps its attributes inline until then. Those dicts then lived as
    long as the model, 1.7 MB at 10,000 events, in every reader that stored one.
    """
    return (
        copyreg.__newobj__,
        (type(record),),
        {name: getattr(record, name) for name in _RECORD_FIELDS[type(record)]},
    )


def entry_path(path: Path, data: bytes) -> Path:
    """Where the model of the briefing at ``path``, whose bytes are ``data``, is kept."""
    key = hashlib.sha256(code_digest(*_BUILDERS))
    key.update(os.fsencode(path.resolve()))
    key.update(b"\0")
    key.update(data)
    return cache_dir() / "models" / f"{key.hexdigest()}.pickle"


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a cached briefing")
        return found


def lookup(entry: Path, folder: Path, read: Read) -> tuple[model.Briefing, list[Diagnostic]] | None:
    """The cached model and its warnings, or None when there is no usable entry.

    ``folder`` is the briefing's: its text files are read through ``read`` and
    compared with the digests kept beside the model.
    """
    try:
        blob = entry.read_bytes()
    except OSError:  # no entry yet, or unreadable: load the file
        return None
    header = len(_MAGIC) + _DIGEST
    payload = memoryview(blob)[header:]
    if blob[: len(_MAGIC)] != _MAGIC or blob[len(_MAGIC) : header] != hashlib.sha256(payload).digest():
        return None
    with collector.paused():  # as when loading: millions of objects, none garbage
        try:
            stored = _Unpickler(io.BytesIO(payload)).load()
        except _STALE:
            return None
        if not isinstance(stored, tuple) or len(stored) != 3 or not isinstance(stored[0], model.Briefing):
            return None
        briefing, diagnostics, texts = stored
        if _text_digests(briefing, folder, read) != texts:
            return None  # an article was edited: the open loads the briefing (its bytes are read already)
        # Kept for as long as it is shown, and free of cycles: set aside before the
        # collector is back, or its next pass would walk every object of it again.
        gc.freeze()
    with contextlib.suppress(OSError):  # a read-only cache still serves
        os.utime(entry)  # recently used: kept longest
    return briefing, list(diagnostics)


def store(
    entry: Path, briefing: model.Briefing, diagnostics: list[Diagnostic], folder: Path, read: Read
) -> None:
    """Keep a valid model with the digests of the text files it was built from.

    ``read`` must hand back the very bytes the loader was given (the open's reader
    does): a text file edited since is then a miss on the next open, never a
    model with the old text under the new file's digest.
    """
    texts = _text_digests(briefing, folder, read)
    if texts is not None:
        _write_entry(entry, briefing, diagnostics, texts)


def _text_digests(briefing: model.Briefing, folder: Path, read: Read) -> dict[str, bytes] | None:
    """A SHA-256 of each text_file's bytes; None if one cannot be read (the full load reports it).

    Hashing bytes is quicker than decoding and comparing texts on every open.
    """
    base = folder.resolve()
    digests: dict[str, bytes] = {}
    for source in briefing.sources:
        if source.text_file is None:
            continue
        target = (base / source.text_file).resolve()
        if not target.is_relative_to(base):
            return None
        try:
            digests[source.text_file] = hashlib.sha256(read(target, source.text_file)).digest()
        except ReadError:
            return None
    return digests


def _write_entry(
    entry: Path, briefing: model.Briefing, diagnostics: list[Diagnostic], texts: dict[str, bytes]
) -> None:
    """Store a model; a cache that cannot be written only means the next open loads again."""

    def write(handle: BinaryIO) -> None:
        # Pickled straight into the file, hashed on the way: a copy of a big model's pickle
        # in memory was the peak of a first open. The header is written last, over its place.
        handle.write(bytes(len(_MAGIC) + _DIGEST))
        hashed = _Hashed(handle)
        pickler = pickle.Pickler(hashed, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = {
            MappingProxyType: lambda proxy: (_proxy, (dict(proxy),)),
            model.Briefing: _reduce_briefing,
            **dict.fromkeys(_RECORD_FIELDS, _reduce_record),
        }
        pickler.dump((briefing, tuple(diagnostics), texts))
        handle.seek(0)
        handle.write(_MAGIC + hashed.digest.digest())

    try:
        write_atomic(entry, write, durable=False, private=True)
        _prune(entry.parent)
    except OSError:  # read-only or full disk: opening works, only slower next time
        return


class _Hashed:
    """A file that pickle writes into, hashing what passes."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self.handle.write(data)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
