"""A briefing drafted from the sample article opens in the reader, and its header says "draft"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.draft.article import parse_article, read_article
from briefing.draft.build import build
from briefing.format.loader import check_text
from briefing.tui.screens.main import MainScreen

ARTICLE = Path(__file__).parents[2] / "sample_data" / "article.txt"


async def test_a_draft_opens_and_its_header_says_draft(make_app) -> None:  # type: ignore[no-untyped-def]
    text = build(parse_article(read_article(ARTICLE)), date(2024, 12, 7), "hts-draft", None)
    briefing, _ = check_text(text, shown="hts-draft.yaml")
    assert briefing is not None
    app = make_app(briefing)
    async with app.run_test(size=(120, 40)):
        assert isinstance(app.screen, MainScreen)
        header = app.screen.query_one("BriefingHeader").render().plain
        assert "as of 7 Dec 2024  draft  " in header
