"""Writing the draft as YAML a person would have written: one item per block, block scalars for long text.

The emitter is small and knows only what a draft holds: mappings, lists and
strings. A string is written plain when YAML reads it back as the same string,
double-quoted otherwise (JSON's escapes are YAML's), folded (`>-`) when long, and
the source text as a literal block (`|`). Each list item's lines are recorded
with its path, so that an item the loader refuses can be found and left out.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping, Sequence

Path = tuple[object, ...]
WIDTH = 96  # fold long text at this column
_PLAIN = re.compile(r"[A-Za-z][\w ’'(),.\-–—/&]*[\w’')]|[A-Za-z]")
_RESERVED = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null"])
_ID_LIST = re.compile(r"[a-z0-9][a-z0-9-]*")


def scalar(value: object) -> str:
    """One value on one line, plain where YAML reads the plain form back unchanged."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and "  " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow_safe(text: str) -> bool:
    """Plain inside `[a, b]`: no comma or bracket, and read back unchanged."""
    return scalar(text) == text and not any(c in text for c in ",[]{}")


class Emitter:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.ranges: list[tuple[int, int, Path]] = []  # first line, last line (1-based), item path

    def mapping(
        self, data: Mapping[str, object], indent: int, path: Path, first_prefix: str | None = None
    ) -> None:
        pad = " " * indent
        for index, (key, value) in enumerate(data.items()):
            lead = first_prefix if index == 0 and first_prefix is not None else pad
            self.value(key, value, lead, indent, (*path, key))

    def value(self, key: str, value: object, lead: str, indent: int, path: Path) -> None:
        if value is None or value == [] or value == {}:
            return
        if isinstance(value, Mapping):
            self.lines.append(f"{lead}{key}:")
            self.mapping(value, indent + 2, path)
        elif isinstance(value, Sequence) and not isinstance(value, str):
            self.sequence(key, value, lead, indent, path)
        elif key == "text":
            self.lines.append(f"{lead}{key}: |")
            self.lines.extend(
                f"{' ' * (indent + 2)}{line}" if line else "" for line in str(value).rstrip("\n").split("\n")
            )
        elif isinstance(value, str) and len(value) + indent + len(key) + 2 > WIDTH and "\n" not in value:
            self.lines.append(f"{lead}{key}: >-")
            for line in textwrap.wrap(
                value, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False
            ):
                self.lines.append(f"{' ' * (indent + 2)}{line}")
        else:
            self.lines.append(f"{lead}{key}: {scalar(value)}")

    def sequence(self, key: str, items: Sequence[object], lead: str, indent: int, path: Path) -> None:
        if all(isinstance(i, str) and (_ID_LIST.fullmatch(i) or _flow_safe(i)) for i in items):
            self.lines.append(f"{lead}{key}: [{', '.join(str(i) for i in items)}]")
            return
        self.lines.append(f"{lead}{key}:")
        pad = " " * (indent + 2)
        for index, item in enumerate(items):
            first = len(self.lines) + 1
            if isinstance(item, Mapping):
                self.mapping(item, indent + 4, (*path, index), first_prefix=f"{pad}- ")
            else:
                self.lines.append(f"{pad}- {scalar(item)}")
            self.ranges.append((first, len(self.lines), (*path, index)))


def emit(comment: Sequence[str], data: Mapping[str, object]) -> tuple[str, list[tuple[int, int, Path]]]:
    """The YAML text and where each list item is; ``comment`` lines go on top, after the modeline."""
    emitter = Emitter()
    emitter.lines.extend(f"# {line}".rstrip() for line in comment)
    emitter.mapping(data, 0, ())
    return "\n".join(emitter.lines) + "\n", emitter.ranges


def item_at(ranges: list[tuple[int, int, Path]], line: int) -> Path | None:
    """The innermost list item holding ``line``: the one to leave out when the loader refuses it."""
    holding = [r for r in ranges if r[0] <= line <= r[1]]
    if not holding:
        return None
    return min(holding, key=lambda r: r[1] - r[0])[2]
