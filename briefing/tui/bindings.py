"""What config.yaml's `keys` may rebind, and what a rebinding takes away: read from the registry."""

from __future__ import annotations

from collections.abc import Mapping

from briefing.tui.keys import KeySpec, rebindable


def binding_ids() -> frozenset[str]:
    return frozenset(key.id for _where, key in rebindable())


def config_table() -> str:
    """docs/config.md's table of binding ids, in Markdown (a test keeps the two the same)."""
    lines = ["| id | default keys | where | what |", "| --- | --- | --- | --- |"]
    for where, key in rebindable():
        names = ", ".join(f"`{name}`" for name in key.keys.split(","))
        lines.append(f"| `{key.id}` | {names} | {where} | {key.description} |")
    return "\n".join(lines) + "\n"


def keymap_clashes(keymap: Mapping[str, str]) -> list[str]:
    """What a rebinding takes away: a key given to one binding that another in the same place had.

    Textual gives the key to the rebound binding and silently drops it from the
    other one (Textual reports no clash between bindings that both have ids).
    """
    messages: list[str] = []
    places: dict[str, list[KeySpec]] = {}
    for where, key in rebindable():
        places.setdefault(where, []).append(key)
    for where, group in places.items():
        for rebound in group:
            if rebound.id not in keymap:
                continue
            for taken in (k.strip() for k in keymap[rebound.id].split(",")):
                for other in group:
                    if other is not rebound and other.id not in keymap and taken in other.keys.split(","):
                        messages.append(
                            f"keys: {rebound.id} takes {taken!r} from {other.id} ({where}), "
                            f"which is left without it"
                        )
    return messages
