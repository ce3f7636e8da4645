"""Small settings-like YAML files (config, themes): flat mappings of located scalars.

These files are read with the same protections as briefings (size limit,
UTF-8, depth check, compose only, no tags) and every problem becomes a
Diagnostic with the line and column of the YAML node it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from briefing.format.diagnostics import Diagnostic
from briefing.format.reading import PLAIN_TAGS, YAML_TAG, ReadError, compose, kind_of, read_text, suggest
from briefing.format.text import excerpt

SETTINGS_MAX_SIZE = 1024 * 1024  # a config or theme file is a few hundred bytes
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}
_DECIMAL = re.compile(r"[-+]?(?:[0-9]{1,20}(?:\.[0-9]{0,20})?|\.[0-9]{1,20})", re.ASCII)


class NotAMapping(Exception):
    """The file is not YAML, or not a mapping at its top: it cannot be used at all."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


class Reporter:
    """Collects located diagnostics for one file."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.diagnostics: list[Diagnostic] = []

    def report(self, node: yaml.Node | None, key_path: str, message: str, *, hint: str | None = None) -> None:
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (0, 0)
        # Diagnostic passes every field through the terminal gate; a long key path is cut here.
        self.diagnostics.append(
            Diagnostic(self.shown, line, column, message, "error", excerpt(key_path, 80), hint)
        )

    def entries(self, node: yaml.Node, key_path: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
        """The (key, key node, value node) pairs of a mapping; bad and repeated keys are reported."""
        if not isinstance(node, yaml.MappingNode):
            self.report(node, key_path, f"expected a mapping of keys, found {kind_of(node)}")
            return []
        out: list[tuple[str, yaml.Node, yaml.Node]] = []
        seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != YAML_TAG + "str":
                self.report(key_node, key_path, "keys must be plain text")
                continue
            key = key_node.value
            shown = excerpt(key)  # a key is repeated in every message about it
            where = f"{key_path}.{shown}" if key_path else shown
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.report(key_node, where, f"duplicate key '{shown}' (first given on line {first})")
                continue
            seen[key] = key_node
            out.append((key, key_node, value_node))
        return out

    def unknown_key(self, key: str, key_node: yaml.Node, where: str, what: str, known: Iterable[str]) -> None:
        self.report(key_node, where, f"unknown key '{excerpt(key)}' in {what}", hint=suggest(key, known))

    def text(self, node: yaml.Node, where: str) -> str | None:
        """A scalar as text (numbers too, as written); None after reporting anything else."""
        if isinstance(node, yaml.ScalarNode) and node.tag != YAML_TAG + "null":
            return node.value
        self.report(node, where, f"expected text, found {kind_of(node)}")
        return None

    def boolean(self, node: yaml.Node, where: str) -> bool | None:
        if isinstance(node, yaml.ScalarNode):
            word = node.value.lower()
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
        self.report(node, where, f"expected true or false, found {describe(node)}")
        return None

    def number(self, node: yaml.Node, where: str, low: float, high: float) -> float | None:
        if isinstance(node, yaml.ScalarNode) and node.tag in (YAML_TAG + "int", YAML_TAG + "float"):
            # ASCII decimals only: float() would also read "١٢", "1_0" and "infinity".
            value = float(node.value) if _DECIMAL.fullmatch(node.value) else None
            if value is not None and low <= value <= high:
                return value
        self.report(node, where, f"expected a number from {low:g} to {high:g}, found {describe(node)}")
        return None


def read_mapping(path: Path, shown: str, what: str) -> yaml.MappingNode | None:
    """Compose a settings file; None when it is empty. Raises NotAMapping when unusable."""
    try:
        text = read_text(path, shown, SETTINGS_MAX_SIZE, what=what)
        root = compose(text, shown)
    except ReadError as error:
        raise NotAMapping(error.diagnostic) from None
    if root is None:
        return None
    _refuse_tags(root, shown)
    if not isinstance(root, yaml.MappingNode):
        line, column = root.start_mark.line + 1, root.start_mark.column + 1
        message = f"a {what} is a mapping of keys, but this is {kind_of(root)}"
        raise NotAMapping(Diagnostic(shown, line, column, message))
    return root


def _refuse_tags(root: yaml.Node, shown: str) -> None:
    """Explicit tags (`!!python/...`, `!foo`) have no place in a settings file."""
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:  # aliases share nodes: visit each once, so a "billion laughs" stays cheap
            continue
        seen.add(id(node))
        if node.tag not in PLAIN_TAGS:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
            tag = node.tag.replace(YAML_TAG, "!!")
            message = f"YAML tag '{tag}' is not allowed here: settings hold plain values only"
            raise NotAMapping(Diagnostic(shown, line, column, message))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


def describe(node: yaml.Node) -> str:
    """The value as written, for messages about a bad scalar."""
    if isinstance(node, yaml.ScalarNode) and node.tag != YAML_TAG + "null":
        value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        return repr(value)
    return kind_of(node)
