"""Every key binding of the reader, by id: what config.yaml's `keys` may rebind."""

from __future__ import annotations

from collections.abc import Iterator

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
    from briefing.tui.screens.reading import ReadingScreen
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
