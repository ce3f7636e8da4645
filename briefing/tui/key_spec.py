"""What a key binding is, as the registry declares it (tui/keys.py, tui/view_keys.py)."""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding


class KeySpec(NamedTuple):
    """One binding: the keys that press it, the action they run, and how footer and help name it."""

    id: str  # what config.yaml's `keys:` names; "" for a key a widget handles itself (help lists it)
    keys: str  # Textual's key names, comma-separated: "down,j"
    action: str
    label: str  # the footer's word for it: "Pane"
    does: str = ""  # help's line and the footer's tooltip (default: the label)
    footer: bool = True  # shown in the footer where it works (help lists every key)
    priority: bool = False  # runs before the focused widget sees the key

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.footer,
            priority=self.priority,
            tooltip=self.does,
            id=self.id or None,
        )

    @property
    def description(self) -> str:
        return self.does or self.label


class Place(NamedTuple):
    """Where a group of keys works, as config.yaml's messages and docs/config.md name it."""

    where: str
    keys: tuple[KeySpec, ...]


PICK_PLACE = "Pick a place: back to the panes, showing only the events there"
COPY_QUOTE = "Copy the item's quote (in Source: the quote shown) with its source"
COPY_ITEM = "Copy the item as Markdown, with its quotes and their sources"
EDIT = "Edit the briefing in $VISUAL or $EDITOR at the item's line; read it again after"
