"""briefing.search: folding, spans and what a query finds in each part of a briefing."""

from __future__ import annotations

from pathlib import Path

from briefing.format.loader import load
from briefing.search import SearchIndex, Spans, find_spans, fold

MIRNA = Path(__file__).resolve().parents[1] / "tui" / "data" / "port-mirna.yaml"


def test_fold_ignores_case_and_accents_and_compatibility_forms():
    assert fold("Erdoğan") == "erdogan"
    assert fold("ÉCOLE Ünïcode") == "ecole unicode"
    assert fold("İstanbul") == "istanbul"
    # The length may change: spans are mapped back to the original (tests/unit/test_search_fold.py).
    assert fold("Straße ﬁne a\u0301b 日本語…") == "strasse fine ab 日本語..."


def test_fold_reads_any_whitespace_as_a_space():
    assert fold("Homs\nprovince\u00a0now") == "homs province now"


def test_a_typed_apostrophe_quote_mark_or_hyphen_finds_the_typographic_ones():
    text = "Syria\u2019s \u201cnew phase\u201d \u2013 al\u2011Julani"
    assert [text[a:b] for a, b in find_spans(text, "syria's")] == ["Syria\u2019s"]
    assert [text[a:b] for a, b in find_spans(text, '"new phase"')] == ["\u201cnew phase\u201d"]
    assert [text[a:b] for a, b in find_spans(text, "- al-julani")] == ["\u2013 al\u2011Julani"]


def test_search_finds_records_by_their_typographic_punctuation_typed_plainly(sample_path):
    briefing = load(sample_path)
    result = SearchIndex(briefing).search("Hay'at Tahrir")  # the alias is written "Hay’at Tahrir al-Sham"
    assert "hts" in result.actors


def test_find_spans_are_spans_of_the_original_text():
    text = "Erdoğan said; then ERDOGAN said again"
    spans = find_spans(text, "erdogan")
    assert [text[a:b] for a, b in spans] == ["Erdoğan", "ERDOGAN"]
    assert find_spans(text, "") == []
    assert find_spans("aaaa", "aa") == [(0, 2), (2, 4)]  # non-overlapping, left to right


def test_search_finds_each_kind_of_record_by_its_words():
    index = SearchIndex(load(MIRNA))
    # An alias finds the actor and every event the actor takes part in.
    result = index.search("MDU")
    assert result.actors == ("union",)
    assert result.events == ("walkout", "rejected", "mediator", "second-walkout")
    # A statement's quote finds the reaction; a date as written finds the event.
    assert index.search("contracts would").reactions == ("kestland",)
    assert index.search("2025-03-05?").events == ("rejected",)
    # Markup-like text is text: the sign's title and quote, and the two events
    # of the actor whose name starts with "[@click".
    assert index.search("[@click").events == ("sign", "offer", "mediator")
    assert index.search("press here").events == ("sign",)  # its detail and its quote
    assert index.search("[@click").actors == ("board",)


def test_source_spans_cover_every_source():
    briefing = load(MIRNA)
    result = SearchIndex(briefing).search("Velmar")
    wire = briefing.source("wire").text
    assert set(result.source_spans) == {"wire"}
    assert [wire[a:b] for a, b in result.source_spans["wire"]] == ["Velmar"]
    assert result.total == len(result.events) + len(result.actors) + len(result.reactions) + 1


def test_a_blank_query_finds_nothing():
    result = SearchIndex(load(MIRNA)).search("   ")
    assert not result
    assert result.total == 0


def test_matches_do_not_run_across_two_fields():
    # "Union leader" is Dara Velic's role; her name ends in "Velic". Fields are
    # joined with a separator, so "velic union" matches nothing.
    assert SearchIndex(load(MIRNA)).search("velic union").actors == ()


def test_asking_id_by_id_finds_what_the_search_lists():
    """The panes ask, row by row, whether the search found an item: the same answer as its lists."""
    briefing = load(MIRNA)
    index = SearchIndex(briefing)
    kinds = {"events": briefing.events, "actors": briefing.actors, "reactions": briefing.reactions}
    for query in ("MDU", "union", "Kestland", "walk", "zzz", "  Mirna "):
        result = index.search(query)
        listed = {"events": result.events, "actors": result.actors, "reactions": result.reactions}
        for kind, records in kinds.items():
            matching = index.matching(kind, query)
            assert [r.id for r in records if r.id in matching] == list(listed[kind]), (query, kind)
    assert "walkout" not in index.matching("events", "   ")
    assert "no-such-id" not in index.matching("events", "walk")


def test_source_spans_are_made_as_they_are_asked_for_and_read_as_a_list():
    spans = Spans([2, 9, 30], 4)
    assert len(spans) == 3
    assert spans[1] == (9, 13) and spans[-1] == (30, 34)
    assert spans[1:] == [(9, 13), (30, 34)]
    assert list(spans) == [(2, 6), (9, 13), (30, 34)] == spans
    assert spans != [(2, 6)]
