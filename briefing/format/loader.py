"""YAML briefing → immutable model, with every problem reported in one pass.

The walk follows the format's declaration (briefing.model, read by
briefing.format.records): each record's keys are checked (unknown keys get a
"did you mean"), each value converted by its key's kind (values.py), then
records are built, ids, references and evidence quotes resolved
(building.py, evidence.py). Diagnostics carry the line and column of the YAML
node they are about.

The walk runs first over a lean tree without positions (lean.py), a third
of libyaml's node tree in memory. Should it find an error, or anything
unusual in the file, the walk runs again over libyaml's located tree, and
that pass's model and diagnostics are the answer. A valid briefing's
warnings are placed by one more pass over the parser's events, without a tree.
"""

from __future__ import annotations

from pathlib import Path

from briefing import collector, model
from briefing.format.building import Builder
from briefing.format.diagnostics import BriefingError, Diagnostic
from briefing.format.evidence import ReadFile
from briefing.format.lean import Relocate, compose_lean, find_places
from briefing.format.nodes import MAX_DIAGNOSTICS, Stop
from briefing.format.reading import ReadError, compose, decode_text, read_bytes, read_text
from briefing.format.text import clean

__all__ = ["MAX_DIAGNOSTICS", "check", "check_text", "load"]


def check(path: str | Path, *, max_size: int | None = None) -> tuple[model.Briefing | None, list[Diagnostic]]:
    """Load a briefing file; return the model (None if it has errors) and every diagnostic."""
    path = Path(path)
    shown = str(path)
    try:
        data = read_bytes(path, shown, max_size, what="briefing file")
        decode_text(data, shown, what="briefing file")  # checked as UTF-8; libyaml parses the bytes
    except ReadError as error:
        return None, [error.diagnostic]
    return check_text(data, shown=shown, base_dir=path.parent, max_size=max_size)


def check_text(
    text: str | bytes,
    *,
    shown: str = "<string>",
    base_dir: Path | None = None,
    max_size: int | None = None,
    read_file: ReadFile = read_text,
) -> tuple[model.Briefing | None, list[Diagnostic]]:
    """Like check(), for YAML already in memory; text_file paths resolve against base_dir.

    ``text`` is the YAML as a str, or as a file's bytes already checked as UTF-8
    (reading.decode_text), which libyaml parses without a copy.

    ``read_file`` reads a text_file as read_text does; briefing.opening passes one that
    hands over the bytes it already read for the cache's key, so each file is read once.
    """
    with collector.paused():
        # The node tree is freed when _walk returns, before the collector is back.
        briefing, diagnostics = _walk(text, shown, base_dir, max_size, read_file)
    diagnostics.sort(key=lambda d: (d.line, d.column))
    if any(d.is_error for d in diagnostics):
        return None, diagnostics
    return briefing, diagnostics


def _walk(
    text: str | bytes, shown: str, base_dir: Path | None, max_size: int | None, read_file: ReadFile
) -> tuple[model.Briefing | None, list[Diagnostic]]:
    builder = Builder(shown, len(text) + 100_000, base_dir or Path.cwd(), max_size, read_file)
    builder.located = False
    try:
        # A lean tree first (lean.py): a briefing with nothing to report needs no positions.
        briefing = builder.briefing(compose_lean(text))
        if briefing is not None:
            warnings = _placed(builder, text, shown)
            if warnings is not None:
                return briefing, warnings
    except Relocate:
        pass
    try:
        root = compose(text, shown)
    except ReadError as error:
        return None, [error.diagnostic]
    if root is None:
        return None, [Diagnostic(shown, 1, 1, "the file is empty", hint="start with `briefing: 1`")]
    lean, builder = builder, Builder(shown, len(text) + 100_000, base_dir or Path.cwd(), max_size, read_file)
    # Text files were read and indexed once already.
    builder.file_texts, builder.file_indexes = lean.file_texts, lean.file_indexes
    del lean
    try:
        briefing = builder.briefing(root)
    except Stop:
        briefing = None
    return briefing, builder.diagnostics


def _placed(builder: Builder, text: str | bytes, shown: str) -> list[Diagnostic] | None:
    """The warnings of a lean pass, placed as the located pass places them; None if one cannot be."""
    if not builder.waiting:
        return []
    places = find_places(text, {place.path for place, *_ in builder.waiting})
    placed = []
    for place, message, path, hint in builder.waiting:
        line, column, value = places.get(place.path, (0, 0, None))
        # The record's own id, as the walk read it: else the list was not the one built.
        if value is None or clean(value).strip() != place.record_id:
            return None
        placed.append(Diagnostic(shown, line, column, message, "warning", path, hint))
    return placed


def load(path: str | Path, *, max_size: int | None = None) -> model.Briefing:
    """Load a valid briefing or raise BriefingError carrying every diagnostic."""
    briefing, diagnostics = check(path, max_size=max_size)
    if briefing is None:
        raise BriefingError(str(path), diagnostics)
    return briefing
