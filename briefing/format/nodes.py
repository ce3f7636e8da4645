"""The base of the loader's walk over a YAML node tree: located reports, the work budget, lists
and x- extension values.

Every diagnostic carries the line and column of the node it is about; the walk
stops (raises Stop) past MAX_DIAGNOSTICS problems or when alias expansion
exhausts the budget.
"""

from __future__ import annotations

from types import MappingProxyType

import yaml

from briefing.format.diagnostics import Diagnostic
from briefing.format.lean import LeanPlace, Relocate
from briefing.format.reading import PLAIN_TAGS, YAML_TAG, kind_of
from briefing.format.text import clean, excerpt

MAX_DIAGNOSTICS = 500  # past this, more reports would only bury the first ones


class Stop(Exception):
    """Raised when going on would be unsafe or pointless (alias bomb, too many errors)."""


class NodeWalker:
    """Reports problems at nodes and counts the work the walk does."""

    def __init__(self, shown: str, budget: int) -> None:
        self.shown = shown
        self.budget = budget
        # False for the pass over a lean tree (lean.py): it places nothing, so a report relocates.
        self.located = True
        self.waiting: list[tuple[LeanPlace, str, str, str | None]] = []  # (place, message, key path, hint)
        self.diagnostics: list[Diagnostic] = []

    def report(
        self,
        node: yaml.Node | None,
        path: str,
        message: str,
        hint: str | None = None,
        severity: str = "error",
    ) -> None:
        if not self.located:
            # A warning about a listed record waits for its place (lean.find_places); anything
            # else, or a warning too many, needs the located pass.
            if (
                severity != "warning"
                or not isinstance(node, LeanPlace)
                or len(self.waiting) + 1 >= MAX_DIAGNOSTICS
            ):
                raise Relocate
            self.waiting.append((node, message, path, hint))
            return
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (0, 0)
        self.diagnostics.append(Diagnostic(self.shown, line, column, message, severity, path, hint))
        if len(self.diagnostics) >= MAX_DIAGNOSTICS:
            self.diagnostics.append(
                Diagnostic(self.shown, line, column, f"stopped after {MAX_DIAGNOSTICS} problems")
            )
            raise Stop

    def spend(self, node: yaml.Node) -> None:
        """Count work per node, so alias expansion ("billion laughs") stops early."""
        cost = 1 + (len(node.value) // 16 if isinstance(node, yaml.ScalarNode) else 0)
        self.budget -= cost
        if self.budget < 0:
            self.report(
                node,
                "",
                "too much alias expansion: the document refers to its anchors too many times",
                hint="this looks like a 'billion laughs' YAML bomb; write the values out instead",
            )
            raise Stop
        tag = node.tag
        if tag not in PLAIN_TAGS and tag != YAML_TAG + "merge":
            self.report(
                node,
                "",
                f"YAML tag '{excerpt(tag.replace(YAML_TAG, '!!'))}' is not allowed: "
                "a briefing holds plain data only",
                hint="remove the '!' tag",
            )
            raise Stop

    def sequence(self, node: yaml.Node, path: str) -> list[yaml.Node] | None:
        self.spend(node)
        if isinstance(node, yaml.SequenceNode):
            return node.value
        if isinstance(node, yaml.ScalarNode) and node.tag == YAML_TAG + "null":
            return []
        self.report(
            node, path, f"expected a list, found {kind_of(node)}", hint="write [a, b] or one '- ' per line"
        )
        return None

    def plain(self, node: yaml.Node, path: str, depth: int, active: set[int]) -> object:
        """An x- extension value as plain Python data (kept, not interpreted)."""
        self.spend(node)
        if id(node) in active or depth > 32:
            self.report(node, path, "extension value refers to itself or nests too deeply")
            raise Stop
        if isinstance(node, yaml.ScalarNode):
            return clean(node.value) if node.tag != YAML_TAG + "null" else None
        active = active | {id(node)}
        if isinstance(node, yaml.SequenceNode):
            return tuple(self.plain(item, path, depth + 1, active) for item in node.value)
        mapping: dict[str, object] = {}
        for key_node, value_node in node.value:
            self.spend(key_node)
            # A complex key (`? [*a, *a]`) would be turned into text by expanding every
            # alias in it, outside the budget: keys are plain scalars or nothing.
            if not isinstance(key_node, yaml.ScalarNode):
                self.report(key_node, path, f"keys must be plain text, not {kind_of(key_node)}")
                continue
            mapping[clean(key_node.value)] = self.plain(value_node, path, depth + 1, active)
        return MappingProxyType(mapping)


def child(node: yaml.Node, key: str) -> yaml.Node | None:
    """The value node of one key of a mapping node."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    return None
