"""A cache of validated briefings, so that opening a big briefing again skips parsing it.

The reader opens a briefing through check_cached(), which answers exactly
what loader.check() would. Entries live in the user's cache folder, one file
per briefing, named by a SHA-256 over the code that builds the model, the
briefing's resolved path and its bytes: any edit to the file or to the
program is a miss. The texts of its text_file sources are compared with the
cached ones on every hit, so editing an article is a miss too. Only valid
briefings are stored; `briefing validate` never uses the cache.

The entries are pickles. Unpickling runs code named by the data, which is why
entries are only read from the current user's own cache folder, which only
that user (or an attacker who already owns their account) can write. Each
entry carries a SHA-256 of its payload, checked before unpickling, so a
truncated or damaged entry is a miss rather than an error, and the unpickler
only builds the model's own classes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import io
import os
import pickle
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import MappingProxyType

from briefing import collector, model
from briefing.format.diagnostics import Diagnostic
from briefing.format.reading import ReadError, decode_text, read_bytes
from briefing.format.text import clean
from briefing.resources import code_digest
from briefing.user.settings import cache_dir, write_atomic

KEEP = 8  # entries kept; the oldest-used go first
_MAGIC = b"briefing model cache 1\n"
_DIGEST = hashlib.sha256().digest_size
# The modules whose code decides what a briefing's model holds.
_BUILDERS = (
    "model",
    "format.loader",
    "format.quotes",
    "format.dates",
    "format.spec",
    "format.text",
    "format.reading",
    "format.diagnostics",
)
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


def check_cached(
    path: str | Path, *, max_size: int | None = None
) -> tuple[model.Briefing | None, list[Diagnostic]]:
    """loader.check(), answered from the cache when the briefing and its texts are unchanged.

    Never raises: should the loader fail, its error is the file's one diagnostic.
    """
    path = Path(path)
    shown = str(path)
    try:
        data = read_bytes(path, shown, max_size, what="briefing file")
    except ReadError as error:
        return None, [error.diagnostic]
    entry = _entry_path(path, data)
    cached = _read_entry(entry, path.parent, max_size)
    if cached is not None:
        briefing, diagnostics = cached
        if briefing.path != shown:  # the same file, named another way this time
            briefing = dataclasses.replace(briefing, path=shown)
            diagnostics = [dataclasses.replace(d, path=shown) for d in diagnostics]
        return briefing, diagnostics
    try:
        text = decode_text(data, shown, what="briefing file")
    except ReadError as error:
        return None, [error.diagnostic]
    from briefing.format.loader import check_text  # only on a miss: a hit needs no YAML

    try:
        briefing, diagnostics = check_text(text, shown=shown, base_dir=path.parent, max_size=max_size)
    except Exception as error:  # the loader should never raise; if it does, the reader says so
        return None, [internal_error(shown, error)]
    if briefing is not None:
        texts = _text_digests(briefing, path.parent, max_size, verify=True)
        if texts is not None:
            _write_entry(entry, briefing, diagnostics, texts)
    return briefing, diagnostics


def internal_error(shown: str, error: Exception) -> Diagnostic:
    """What the reader shows for a file the loader failed on (a bug), instead of stopping."""
    text = str(error)
    text = text if len(text) <= 200 else f"{text[:199]}…"  # a message may quote a whole value
    return Diagnostic(
        shown, 0, 0, f"internal error: {type(error).__name__}: {text}", hint="this is a bug in briefing"
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


def _entry_path(path: Path, data: bytes) -> Path:
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


def _read_entry(
    entry: Path, folder: Path, max_size: int | None
) -> tuple[model.Briefing, list[Diagnostic]] | None:
    """The cached model and its warnings, or None when there is no usable entry."""
    try:
        blob = entry.read_bytes()
    except OSError:  # no entry yet, or unreadable: load the file
        return None
    header = len(_MAGIC) + _DIGEST
    payload = memoryview(blob)[header:]
    if blob[: len(_MAGIC)] != _MAGIC or blob[len(_MAGIC) : header] != hashlib.sha256(payload).digest():
        return None
    try:
        with collector.paused():  # as when loading: millions of objects, none garbage
            stored = _Unpickler(io.BytesIO(payload)).load()
            # Kept for as long as it is shown, and free of cycles: set aside before the
            # collector is back, or its next pass would walk every object of it again.
            gc.freeze()
    except _STALE:
        return None
    if not isinstance(stored, tuple) or len(stored) != 3 or not isinstance(stored[0], model.Briefing):
        return None
    briefing, diagnostics, texts = stored
    if _text_digests(briefing, folder, max_size) != texts:
        return None
    with contextlib.suppress(OSError):  # a read-only cache still serves
        os.utime(entry)  # recently used: kept longest
    return briefing, list(diagnostics)


def _text_digests(
    briefing: model.Briefing, folder: Path, max_size: int | None, *, verify: bool = False
) -> dict[str, bytes] | None:
    """A SHA-256 of each text_file's bytes; None if one cannot be read (the full load reports it).

    Hashing bytes is quicker than decoding and comparing texts on every open.
    With ``verify`` (when an entry is written) the bytes must also give the
    text the model holds, so a file edited while the briefing loaded is not
    cached with the wrong text.
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
            data = read_bytes(target, source.text_file, max_size, what="text file")
            if verify and clean(decode_text(data, source.text_file)) != source.text:
                return None
        except ReadError:
            return None
        digests[source.text_file] = hashlib.sha256(data).digest()
    return digests


def _write_entry(
    entry: Path, briefing: model.Briefing, diagnostics: list[Diagnostic], texts: dict[str, bytes]
) -> None:
    """Store a model; a cache that cannot be written only means the next open loads again."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {
        MappingProxyType: lambda proxy: (_proxy, (dict(proxy),)),
        model.Briefing: _reduce_briefing,
    }
    pickler.dump((briefing, tuple(diagnostics), texts))
    payload = buffer.getvalue()
    try:
        write_atomic(entry, _MAGIC + hashlib.sha256(payload).digest() + payload, durable=False, private=True)
        _prune(entry.parent)
    except OSError:  # read-only or full disk: opening works, only slower next time
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
