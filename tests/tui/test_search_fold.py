"""What the search finds through folding is drawn highlighted, over exactly the characters matched.

A ligature ("ﬁ"), an ellipsis ("…"), "ß" and a combining accent fold to a
different number of characters; the rows and source lines drawn must still
highlight the original characters the query matched, and nothing else.
"""

from __future__ import annotations

from pathlib import Path

from rich.style import Style

from briefing.format.loader import load
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.item_list import ItemList
from briefing.tui.widgets.pane import Pane

TITLE = "Tax on \ufb01nance\u2026 in the Stra\u00dfe cafe\u0301"
SOURCE = "A wire.\n\ufb01nance\u2026 Stra\u00dfe cafe\u0301\n"  # the match on a line of its own


def _briefing(folder: Path) -> Path:
    path = folder / "fold.yaml"
    path.write_text(
        'briefing: 1\nid: fold\ntitle: Folding\nas_of: "2025-03-07"\n'
        "sources:\n  - id: wire\n    title: Wire\n    text_file: wire.txt\n"
        f'events:\n  - id: tax\n    date: "2025-03-03"\n    title: "{TITLE}"\n'
        "    evidence:\n      - source: wire\n        quote: A wire\n"
        '  - id: other\n    date: "2025-03-04"\n    title: "Fiance and flights"\n'
        "    evidence:\n      - source: wire\n        quote: A wire\n",
        encoding="utf-8",
    )
    (folder / "wire.txt").write_text(SOURCE, encoding="utf-8")
    return path


def _highlighted(pane: Pane, y: int, match: Style) -> list[str]:
    """The runs of text drawn on line ``y`` of ``pane`` in the match's background.

    (A row's gutter mark of a match, "◆", is drawn so too: it is left out.)
    """
    runs: list[str] = []
    joined = False
    for segment in pane.render_line(y):
        if segment.style is not None and segment.style.bgcolor == match.bgcolor:
            if joined:
                runs[-1] += segment.text
            else:
                runs.append(segment.text)
            joined = True
        else:
            joined = False
    return [run for run in runs if run != "\u25c6"]


async def _search(pilot, text: str) -> None:
    await pilot.press("slash")
    for key in text:
        await pilot.press(key if key != " " else "space")
    await pilot.pause()


def _row(pane: ItemList, item_id: str) -> int:
    return next(index for index in range(pane.count) if pane.item_id(index) == item_id)


async def test_folded_matches_are_highlighted_in_the_row_and_the_source(tmp_path, make_app):
    app = make_app(load(_briefing(tmp_path)))
    async with app.run_test(size=(160, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.source.show_source("wire")
        timeline, source = screen.timeline, screen.source
        row_match = timeline.component_style("item-list--match")
        source_match = source.component_style("source--match")
        for query, shown in [
            ("finance...", "\ufb01nance\u2026"),
            ("strasse cafe", "Stra\u00dfe cafe\u0301"),
        ]:
            await _search(pilot, query)
            assert "tax" in timeline.matched and "other" not in timeline.matched, query
            assert _row(timeline, "tax") == 0  # the first row, drawn on the first line
            assert _highlighted(timeline, 0, row_match) == [shown], query
            assert _highlighted(timeline, 1, row_match) == [], query  # "other": no match, no highlight
            assert _highlighted(source, 1, source_match) == [shown], query
            await pilot.press("escape")
