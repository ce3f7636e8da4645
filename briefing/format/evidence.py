"""Source texts (given, or read from a text_file beside the briefing) and the quotes located in them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from briefing.format.nodes import child
from briefing.format.quotes import MAX_MARK_RUN, MarkRunError, SourceIndex, normalise
from briefing.format.reading import ReadError, read_text
from briefing.format.text import clean, excerpt
from briefing.format.values import ValueReader, Values

# Reads a text_file as reading.read_text does: (path, name as written, size limit, what it is).
ReadFile = Callable[[Path, str, int | None, str], str]
# A source's text, read from a file or given, and the path of that file (None when given).
SourceText = tuple[str, Path | None]


class Locator(ValueReader):
    """Reads and indexes source texts, and finds each quote in its source."""

    def __init__(
        self, shown: str, budget: int, base_dir: Path, max_size: int | None, read_file: ReadFile = read_text
    ) -> None:
        super().__init__(shown, budget)
        self.base_dir = base_dir
        self.max_size = max_size
        self.read_file = read_file
        self.sources: dict[str, SourceIndex] = {}
        self.cited: set[str] = set()
        self.file_texts: dict[Path, str | ReadError] = {}  # text_file by resolved path: read once
        self.file_indexes: dict[Path, SourceIndex | MarkRunError] = {}

    def source_text(self, node: yaml.Node, path: str, values: Values) -> SourceText | None:
        """The text a source gives, or reads from its text_file; None after reporting why not."""
        text, text_file = values.get("text"), values.get("text_file")
        if "text" in values and "text_file" in values:
            self.report(node, path, "give either 'text' or 'text_file', not both")
            return None
        if text is None and text_file is None:
            if "text" not in values and "text_file" not in values:
                self.report(node, path, "source needs its verbatim 'text' or a 'text_file'")
            return None
        target = None
        if text_file is not None:
            file_node, where = child(node, "text_file"), f"{path}.text_file"
            target = self.source_path(text_file, file_node, where)
            text = None if target is None else self.read_source_file(target, text_file, file_node, where)
        return None if text is None else (text, target)

    def index_for(
        self, text: str, target: Path | None, node: yaml.Node | None, where: str
    ) -> SourceIndex | None:
        """The quote index of a source's text; sources naming the same file share one."""
        found = self.file_indexes.get(target) if target else None
        if found is None:
            try:
                found = SourceIndex(text)
            except MarkRunError as error:
                found = error
            if target:
                self.file_indexes[target] = found
        if isinstance(found, MarkRunError):
            self.report(
                node,
                where,
                f"the source text has {found}; no writing system needs more than {MAX_MARK_RUN} in a row",
                hint="remove the extra marks",
            )
            return None
        return found

    def source_path(self, name: str, node: yaml.Node | None, where: str) -> Path | None:
        """The file a text_file names, resolved; None after reporting one outside the folder."""
        relative = Path(name)
        if relative.is_absolute() or name.startswith("~") or re.match(r"^[A-Za-z]:", name):
            self.report(
                node, where, f"text_file '{excerpt(name)}' must be a path relative to the briefing's folder"
            )
            return None
        base = self.base_dir.resolve()
        target = (base / relative).resolve()
        if not target.is_relative_to(base):
            self.report(
                node,
                where,
                f"text_file '{excerpt(name)}' leads outside the briefing's folder",
                hint=("keep source texts in the briefing's folder or below it"),
            )
            return None
        return target

    def read_source_file(self, target: Path, name: str, node: yaml.Node | None, where: str) -> str | None:
        """A text file's cleaned text, read once per load however many sources name it."""
        if target not in self.file_texts:
            try:
                self.file_texts[target] = clean(self.read_file(target, name, self.max_size, "text file"))
            except ReadError as error:
                self.file_texts[target] = error
        found = self.file_texts[target]
        if isinstance(found, ReadError):
            d = found.diagnostic
            located = f" at line {d.line}, column {d.column}" if d.line else ""
            self.report(node, where, f"text_file '{excerpt(name)}': {d.message}{located}", hint=d.hint)
            return None
        return found

    def locate(self, node: yaml.Node, path: str, values: Values) -> tuple[str, int, int] | None:
        """Find a quote (with its source and occurrence) in its source: (source id, start, end)."""
        quote = values.get("quote")
        if quote is None:
            return None
        source_id = self.source_for(node, path, values.get("source"))
        if source_id is None:
            return None
        occurrence = values.get("occurrence") or 1
        index = self.sources[source_id]
        quote_node = child(node, "quote") or node
        try:
            span = index.locate(quote, occurrence)
            count = index.count(quote) if span is None else 1
        except MarkRunError as error:
            message = f"the quote has {error}; no writing system needs more than {MAX_MARK_RUN} in a row"
            self.report(quote_node, f"{path}.quote", message, hint="remove the extra marks")
            return None
        if span is None:
            if count:
                self.report(
                    quote_node,
                    f"{path}.quote",
                    f"quote occurs {count} time{'s' if count > 1 else ''} in source '{source_id}', "
                    f"so occurrence {occurrence} does not exist",
                )
            else:
                self.report(
                    quote_node,
                    f"{path}.quote",
                    f"quote not found in source '{source_id}'",
                    hint=_near_miss(index, quote),
                )
            return None
        self.cited.add(source_id)
        return source_id, span[0], span[1]

    def source_for(self, node: yaml.Node, path: str, source_id: str | None) -> str | None:
        if source_id is None:
            if len(self.sources) == 1:
                return next(iter(self.sources))
            if len(self.sources) > 1:
                self.report(
                    node,
                    path,
                    f"evidence must name its 'source': this briefing has {len(self.sources)} sources",
                    hint=f"add source: one of {', '.join(sorted(self.sources))}",
                )
            return None
        if source_id not in self.sources:
            return None  # reported as a dangling reference
        return source_id


def _near_miss(index: SourceIndex, quote: str) -> str | None:
    """Say how much of a missing quote does match, to point at the typo.

    Bounded: a scan for the folded quote (only when it holds quotation marks) and one
    for its first characters; hundreds of missing quotes in a long text stay cheap.
    """
    if index.has_folded(quote):
        return "the source uses different quotation marks or apostrophes (’ “ ” vs ' \"): copy them exactly"
    low = index.longest_prefix(quote)
    if low >= 8:
        needle = normalise(quote)
        return (
            f"the source matches up to “{needle[:low][-40:]}” "
            f"but not the next characters “{needle[low : low + 20]}”"
        )
    return "copy the sentence from the source text; spacing may differ, words may not"
