"""The search's words marked in a list's row, and whether a new query changes how a row looks."""

from __future__ import annotations

from rich.style import Style

from briefing.tui.styling import Run, as_layers, layered


def highlighted(runs: list[Run], query: str, match: Style) -> list[Run]:
    """``runs`` with the text matching ``query`` in the ``match`` style, over their own."""
    from briefing.search import find_spans  # not imported before the first screen

    plain, layers = as_layers(runs)
    layers += [(a, b, match) for a, b in find_spans(plain, query)]
    return layered(plain, layers)


def row_changes(runs: list[Run], before: str | None, now: str | None) -> bool:
    """Whether a row of ``runs`` highlights other words for query ``now`` than for ``before``.

    None: the row's item is not matched by that query (nothing on it is highlighted).
    """
    from briefing.search import find_spans

    plain = "".join(text for text, _style in runs)
    spans_before = find_spans(plain, before) if before is not None else []
    spans_now = find_spans(plain, now) if now is not None else []
    return spans_before != spans_now
