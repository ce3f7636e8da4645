"""Reading files safely: size limits, UTF-8 with located errors, and YAML to a node tree.

The YAML is only *composed* into nodes (with positions), never constructed
into Python objects, so no tag can run code. Nesting depth is checked before
composing because libyaml's composer recurses on the C stack.
"""

from __future__ import annotations

import bisect
import difflib
import errno
import functools
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.format.diagnostics import Diagnostic

# PyYAML is imported by the functions that need it: opening a briefing from the model
# cache reads bytes with this module but parses no YAML, and importing it costs ~10 ms.
if TYPE_CHECKING:
    import yaml

YAML_TAG = "tag:yaml.org,2002:"
# The tags plain YAML data resolves to; any other tag would construct an object.
PLAIN_TAGS = frozenset(
    YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
DEFAULT_MAX_SIZE = 64 * 1024 * 1024  # bytes; raise with --max-size
MAX_DEPTH = 64  # nesting levels of YAML collections
_BRACKETS = re.compile(r"[\[\]{}]")
_INDENT = re.compile(r"^[ \t-]*", re.MULTILINE)


class ReadError(Exception):
    """A file that cannot be read as text; carries one located diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


def read_text(path: Path, shown: str, max_size: int | None = None, what: str = "file") -> str:
    """Read a UTF-8 text file, refusing what is too big, binary or not UTF-8."""
    return decode_text(read_bytes(path, shown, max_size, what), shown, what)


def read_bytes(path: Path, shown: str, max_size: int | None = None, what: str = "file") -> bytes:
    """Read a regular file's bytes, refusing folders, special files and what is too big."""
    limit = DEFAULT_MAX_SIZE if max_size is None else max_size
    try:
        if path.is_dir():
            raise ReadError(Diagnostic(shown, 0, 0, f"is a directory, not a {what}"))
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise ReadError(Diagnostic(shown, 0, 0, f"not a regular file, so not a {what}"))
        size = info.st_size
        if size > limit:
            raise ReadError(
                Diagnostic(
                    shown,
                    0,
                    0,
                    f"{what} is {_human(size)}, over the size limit of {_human(limit)}",
                    hint="raise the limit with --max-size if you trust this file",
                )
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise ReadError(Diagnostic(shown, 0, 0, describe_os_error(error))) from None
    if len(data) > limit:  # grew while we looked, or a special file
        raise ReadError(Diagnostic(shown, 0, 0, f"{what} is over the size limit of {_human(limit)}"))
    return data


def decode_text(data: bytes, shown: str, what: str = "file") -> str:
    """Decode a file's bytes as UTF-8 text, refusing binary data with a located error."""
    if b"\x00" in data[:8192]:
        raise ReadError(Diagnostic(shown, 0, 0, f"binary data (NUL bytes), not a text {what}"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        raise ReadError(
            Diagnostic(
                shown,
                line,
                column,
                f"not UTF-8: byte 0x{byte:02x} at offset {error.start} cannot be decoded",
                hint="save the file as UTF-8",
            )
        ) from None


def describe_os_error(error: OSError) -> str:
    """A one-line reason for an OSError, without the path (callers add it)."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {error.strerror or error}"


def _human(size: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


@functools.cache
def _loader() -> type[yaml.SafeLoader]:
    import yaml

    try:  # the C loader is several times faster; fall back to pure Python
        return yaml.CSafeLoader  # type: ignore[return-value]
    except AttributeError:  # pragma: no cover - depends on how PyYAML was built
        return yaml.SafeLoader


def compose(text: str | bytes, shown: str) -> yaml.Node | None:
    """Compose YAML text (or its UTF-8 bytes, checked by decode_text) into a node tree; None if empty."""
    import yaml

    if isinstance(text, bytes):  # the depth check reads text
        text = text.decode("utf-8-sig")
    _check_depth(text, shown)
    try:
        return yaml.compose(text, Loader=_loader())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or error.context or "invalid YAML"
        if error.context and error.problem:
            message = f"{error.problem} ({error.context}"
            if error.context_mark and error.context_mark is not mark:
                started = error.context_mark
                message += f" that starts at line {started.line + 1}, column {started.column + 1}"
            message += ")"
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        if "another document" in message:
            message = "a briefing file holds one YAML document, but a second one starts here"
            raise ReadError(Diagnostic(shown, line, column, message, hint="remove the '---' line")) from None
        raise ReadError(Diagnostic(shown, line, column, f"YAML syntax: {message}")) from None
    except yaml.YAMLError as error:
        raise ReadError(Diagnostic(shown, 0, 0, f"YAML syntax: {error}")) from None
    except RecursionError:
        raise ReadError(Diagnostic(shown, 0, 0, f"nested more than {MAX_DEPTH} levels deep")) from None


def _check_depth(text: str, shown: str) -> None:
    """Refuse documents nested deeper than MAX_DEPTH before the composer sees them.

    Cheap upper bounds come first: block nesting needs one more column of
    indentation (or one more "- ") per level, and flow nesting one more bracket
    (brackets inside strings only make the bound larger). Only when the bounds
    are exceeded do we walk the parser's events to measure the real depth.
    """
    opened = text.count("[") + text.count("{")  # at least as many as are ever open at once
    if opened < MAX_DEPTH and not _indented(text, MAX_DEPTH - opened):
        return  # the bound below holds: found without a string per line or a match per bracket
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    indent = max(map(len, _INDENT.findall(text)), default=0)
    if deepest + indent < MAX_DEPTH:
        return
    import yaml

    depth = 0
    try:
        for event in yaml.parse(text, Loader=_loader()):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise ReadError(
                        Diagnostic(
                            shown,
                            mark.line + 1,
                            mark.column + 1,
                            f"nested more than {MAX_DEPTH} levels deep",
                            hint="a briefing needs only a few levels; is this file generated?",
                        )
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # compose() reports the syntax error with its position


def _indented(text: str, columns: int) -> bool:
    """Whether a line of ``text`` starts with at least ``columns`` of indentation (spaces, tabs, dashes)."""
    first = _INDENT.match(text)
    return (first is not None and first.end() >= columns) or _indent_after_break(columns).search(
        text
    ) is not None


@functools.cache
def _indent_after_break(columns: int) -> re.Pattern[str]:
    # Starts with a line break, a literal the regex engine looks for in a tight loop.
    return re.compile(f"\n[ \t-]{{{columns}}}")


def kind_of(node: yaml.Node) -> str:
    """What a node holds, in a reader's words, for "expected X, found Y" messages."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    names = {
        "null": "nothing",
        "bool": "true/false",
        "int": "a number",
        "float": "a number",
        "timestamp": "a date",
    }
    return names.get(node.tag.removeprefix(YAML_TAG), "text")


# Past this many choices, difflib compares against a few neighbours, not all of them:
# each comparison costs ~5 µs, so 100k ids made every unknown reference cost seconds.
SCAN_ALL = 1000
NEIGHBOURS = 24  # on each side, in each sort order
MAX_WORD = 200  # a longer "word" is no typo of a key or id


def _fold(word: str) -> str:
    return word.casefold().replace("_", "-").replace(" ", "-")


class Suggester:
    """Hints ("did you mean ...?") against one set of choices, at a bounded cost per word.

    With many choices, the candidates are the choices that sort next to the word
    (a typo near its end) or next to it read backwards (a typo near its start),
    plus one spelt the same but for case and separators; difflib picks among those.
    """

    def __init__(self, choices: Iterable[str]) -> None:
        self.choices = list(dict.fromkeys(choices))
        self.large = len(self.choices) > SCAN_ALL
        if self.large:
            self.forward = sorted(self.choices)
            self.backward = sorted(c[::-1] for c in self.choices)
            self.folded = {_fold(c): c for c in reversed(self.choices)}  # the first spelling wins

    def candidates(self, word: str) -> list[str]:
        if not self.large:
            return self.choices
        at = bisect.bisect_left(self.forward, word)
        found = self.forward[max(0, at - NEIGHBOURS) : at + NEIGHBOURS]
        at = bisect.bisect_left(self.backward, word[::-1])
        found += (c[::-1] for c in self.backward[max(0, at - NEIGHBOURS) : at + NEIGHBOURS])
        return list(dict.fromkeys(found))

    def __call__(self, word: str) -> str | None:
        if len(word) > MAX_WORD:
            return None
        same = self.folded.get(_fold(word)) if self.large else None
        if same is not None:  # "Event-7" for "event-7": no need to compare
            return f"did you mean '{same}'?"
        close = difflib.get_close_matches(word, self.candidates(word), n=1, cutoff=0.6)
        return f"did you mean '{close[0]}'?" if close else None


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """A "did you mean" hint for a misspelt key, id or value."""
    return Suggester(choices)(word)
