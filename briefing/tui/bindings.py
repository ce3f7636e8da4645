"""Every key binding of the reader, by id: what config.yaml's `keys` may rebind."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from textual.binding import Binding


def bindings() -> Iterator[tuple[str, Binding]]:
    """(where, binding) for each binding with an id, app-wide ones first."""
    # Imported here: this module is read by the launcher before the app is built.
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.detail import DetailScreen
    from briefing.tui.screens.diagnostics import DiagnosticsScreen
    from briefing.tui.screens.help import HelpScreen
    from briefing.tui.screens.library import LibraryScreen
    from briefing.tui.screens.main import MainScreen
    from briefing.tui.screens.overview import OverviewScreen
    from briefing.tui.screens.scrolling import ReadingScreen
    from briefing.tui.widgets.item_list import ItemList
    from briefing.tui.widgets.source import SourceView

    places = (
        ("everywhere", BriefingApp),
        ("reader", MainScreen),
        ("Timeline, Actors, Reactions", ItemList),
        ("Source", SourceView),
        ("detail, help and diagnostics", ReadingScreen),
        ("detail", DetailScreen),
        ("overview", OverviewScreen),
        ("help", HelpScreen),
        ("diagnostics", DiagnosticsScreen),
        ("library", LibraryScreen),
    )
    for where, owner in places:
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                yield where, binding


def binding_ids() -> frozenset[str]:
    return frozenset(binding.id for _where, binding in bindings() if binding.id)


def keymap_clashes(keymap: Mapping[str, str]) -> list[str]:
    """What a rebinding takes away: a key given to one binding that another in the same place had.

    Textual gives the key to the rebound binding and silently drops it from the
    other one (Textual reports no clash between bindings that both have ids).
    """
    messages: list[str] = []
    places: dict[str, list[Binding]] = {}
    for where, binding in bindings():
        places.setdefault(where, []).append(binding)
    for where, group in places.items():
        for binding in group:
            if binding.id not in keymap:
                continue
            for key in (k.strip() for k in keymap[binding.id].split(",")):
                for other in group:
                    if other is not binding and other.id not in keymap and key in other.key.split(","):
                        messages.append(
                            f"keys: {binding.id} takes {key!r} from {other.id} ({where}), "
                            f"which is left without it"
                        )
    return messages
