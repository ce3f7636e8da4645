"""Long source texts are searched through a word index: it must find exactly what a plain scan finds."""

import pytest

from briefing.format import quotes
from briefing.format.quotes import SourceIndex

# Repeated sentences (so quotes occur several times, overlapping too), words
# that are prefixes of other words, mixed whitespace and a typographic quote.
SENTENCES = [
    "The convoy reached Hama at dawn,\n  officials said.",
    "The convoy reached Hamah\u00a0at noon; “we hope it goes smoothly,” he said.",
    "na na na na na batman.",
    "Rebels took\tthe airport, then the airport road.",
]
TEXT = "  " + "  ".join(SENTENCES[i % 4] + f" Note {i}." for i in range(1200)) + "\n"

QUOTES = [
    "The convoy reached Hama at dawn, officials said.",  # whole sentence, many times
    "convoy reached Hama",  # also matches inside "Hamah": quotes are substrings, whole words or not
    "onvoy reached Hamah at noon",  # starts and ends inside words
    "na na na",  # overlapping occurrences
    "the airport, then the airport road. Note 1199.",  # only at the very end
    "said. Note 7. The convoy",  # across sentences
    "“we hope it goes smoothly,” he said",
    '"we hope it goes smoothly," he said',  # straight quotes are not in the text
    "reached Hama at noon",  # every word exists, the phrase does not
    "reached Damascus at dawn",  # a word the text does not have
    "Hama",  # one word: scanned
    "Note 999.",  # two words: scanned
]


@pytest.mark.parametrize("quote", QUOTES)
@pytest.mark.parametrize("occurrence", [1, 2, 3, 400])
def test_index_finds_the_same_spans_as_a_scan(quote, occurrence, monkeypatch):
    assert len(TEXT) > quotes.INDEX_FROM  # the indexed path is the one under test
    monkeypatch.setattr(quotes, "SCANS_BEFORE_INDEX", 0)  # indexed from the first quote
    indexed = SourceIndex(TEXT)
    found = indexed.locate(quote, occurrence), indexed.count(quote)
    monkeypatch.setattr(quotes, "INDEX_FROM", len(TEXT) * 2)
    scanned = SourceIndex(TEXT)
    assert found[0] == scanned.locate(quote, occurrence)
    if quote != "na na na":  # the one whose matches overlap: the index counts each (see below)
        assert found[1] == scanned.count(quote)


def test_a_long_text_is_scanned_for_its_first_quotes_and_counts_as_its_index_would(monkeypatch):
    monkeypatch.setattr(quotes, "SCANS_BEFORE_INDEX", 3)
    index = SourceIndex(TEXT)
    spans = [index.locate(q) for q in QUOTES[:3]]
    assert index._words is None and not index._words_tried  # three scans, no index yet
    assert index.count("na na na") == 900  # overlapping: 300 sentences with three each
    assert index._words_tried  # a needle that overlaps itself is counted through the index
    monkeypatch.setattr(quotes, "SCANS_BEFORE_INDEX", 0)
    assert [SourceIndex(TEXT).locate(q) for q in QUOTES[:3]] == spans


def test_index_spans_point_at_the_quoted_words_in_the_original_text():
    index = SourceIndex(TEXT)
    start, end = index.locate("Hamah at noon; “we hope", 3)
    assert TEXT[start:end] == "Hamah\u00a0at noon; “we hope"
    first, _ = index.locate("Hamah at noon; “we hope", 1)
    assert first < start
    assert index.locate("reached Hama at noon") is None
