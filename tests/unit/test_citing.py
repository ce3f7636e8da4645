"""What `y` and `Y` copy: a quote with its citation; an item as Markdown with its quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.citing import citation, cite_quote, item_markdown
from briefing.format.loader import load
from briefing.model import Briefing

BRIEFING = """\
briefing: 1
id: cite-test
title: Cite test
as_of: "2025-03-07"
sources:
  - id: courier
    title: "Port *Mirna* walks out"
    publisher: Mirna Courier
    published: "2025-03-04"
    url: https://example.org/mirna?a=1
    text: "Dockworkers walked out on 3 March. The union said: <b>we stay</b> out."
  - id: blog
    title: A blog
    url: "javascript:alert(1)"
    text: Nobody knows.
places:
  - {id: north, name: Northern terminal}
events:
  - id: walkout
    date: "2025-03-03"
    title: "Walkout [unlawful?]"
    places: [north]
    detail: "First paragraph.\\n\\nSecond # paragraph."
    evidence:
      - {source: courier, quote: Dockworkers walked out on 3 March}
      - {source: courier, quote: "<b>we stay</b>"}
  - id: rumour
    date: "2025-03-04"
    title: Rumour
    evidence:
      - {source: blog, quote: Nobody knows}
"""


@pytest.fixture
def briefing(tmp_path: Path) -> Briefing:
    path = tmp_path / "cite.yaml"
    path.write_text(BRIEFING, encoding="utf-8")
    return load(path)


def test_a_quote_is_followed_by_publisher_title_date_and_url(briefing: Briefing) -> None:
    quote = briefing.event("walkout").evidence[0]
    assert cite_quote(briefing, quote) == (
        "“Dockworkers walked out on 3 March”\n"
        "— Mirna Courier, Port *Mirna* walks out, 4 Mar 2025, https://example.org/mirna?a=1\n"
    )


def test_a_citation_leaves_out_what_the_source_lacks(briefing: Briefing) -> None:
    assert citation(briefing.source("blog")) == "A blog, javascript:alert(1)"


def test_an_event_as_markdown_has_its_heading_places_text_and_cited_quotes(briefing: Briefing) -> None:
    assert item_markdown(briefing, briefing.event("walkout")) == (
        "### 3 Mar 2025 — Walkout \\[unlawful?\\]\n\n"
        + "*Northern terminal*\n\n"
        + "First paragraph.\n\n"
        + "Second \\# paragraph.\n\n"
        + "> “Dockworkers walked out on 3 March”\\\n"
        + "> — Mirna Courier, Port \\*Mirna\\* walks out, 4 Mar 2025, <https://example.org/mirna?a=1>\n\n"
        + "> “\\<b\\>we stay\\</b\\>”\\\n"
        + "> — Mirna Courier, Port \\*Mirna\\* walks out, 4 Mar 2025, <https://example.org/mirna?a=1>\n"
    )


def test_an_address_that_is_not_http_stays_text_in_markdown(briefing: Briefing) -> None:
    text = item_markdown(briefing, briefing.event("rumour"))
    assert "> — A blog, javascript:alert(1)" in text
    assert "<javascript" not in text


def test_nothing_copied_holds_a_control_character(briefing: Briefing) -> None:
    texts = [item_markdown(briefing, e) for e in briefing.events]
    texts += [cite_quote(briefing, q) for e in briefing.events for q in e.evidence]
    for text in texts:
        assert not [c for c in text if ord(c) < 32 and c != "\n"], text
