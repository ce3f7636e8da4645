"""A search typed key by key, with backspaces and new words, finds what a fresh search finds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.format.loader import load
from briefing.search import SearchIndex, _Found, _Vocabulary, find_spans, source_matches

TYPED = ["h", "ha", "ham", "hama", "ham", "hams", "ha", "", "erdog", "erdoğan", "erdo", "syria", "syrian a"]


@pytest.fixture(scope="module")
def briefing(request):
    return load(request.config.rootpath / "sample_data" / "hts-offensive-2024-12.yaml")


def test_each_query_of_a_typing_session_matches_a_fresh_search(briefing):
    typing = SearchIndex(briefing)
    for query in TYPED:
        assert typing.search(query) == SearchIndex(briefing).search(query), query


def _typed(*phrases: str) -> list[str]:
    """Each phrase typed a key at a time, then deleted back a key at a time."""
    queries = []
    for phrase in phrases:
        queries += [phrase[:end] for end in range(1, len(phrase) + 1)]
        queries += [phrase[:end] for end in range(len(phrase) - 1, 0, -1)]
    return queries


def test_typing_with_the_words_known_matches_a_fresh_search(briefing):
    """Once the index knows every word, typing on within one skips records it cannot drop.

    The phrases run on past a word into the next ("syrian o"), and through
    apostrophes and hyphens, where what was known of the shorter word no
    longer tells which records match.
    """
    typing = SearchIndex(briefing)
    typing.prepare_words()
    phrases = ("syrian opposition", "hama's administrative", "al-julani", "erdogan", "damascus", "north")
    for query in _typed(*phrases):
        assert typing.search(query) == SearchIndex(briefing).search(query), query


def test_typing_on_narrows_to_what_the_shorter_query_matched(briefing):
    index = SearchIndex(briefing)
    wide, narrow = index.search("ha"), index.search("hama")
    assert set(narrow.events) < set(wide.events)
    assert narrow.events and all(event_id in wide.events for event_id in narrow.events)


def test_deleting_back_to_an_earlier_query_finds_what_it_found_before(briefing):
    index = SearchIndex(briefing)
    first = index.search("ham")
    index.search("hama")
    index.search("homs")
    assert index.search("ham") == first == SearchIndex(briefing).search("ham")


# Source texts: occurrences typed on from a shorter needle's must be those a fresh scan
# lists, non-overlapping and left to right, also when the shorter needle's listing was
# cut at the limit and when either needle can overlap itself ("aa", "aba").
# Two letters make overlaps and repeats common.
texts = st.text(alphabet="ab", max_size=60)
needles = st.text(alphabet="ab", min_size=1, max_size=4)


@settings(max_examples=500)
@given(text=texts, keys=st.lists(st.sampled_from("ab"), min_size=1, max_size=5), limit=st.integers(1, 8))
def test_source_matches_typed_key_by_key_are_a_fresh_scan(text, keys, limit):
    typed = ""
    matches = None
    for key in keys:
        typed += key
        matches = source_matches(text, typed, limit, typed_from=matches)
        assert matches == source_matches(text, typed, limit), typed
        assert matches.spans == find_spans(text, typed, limit=limit)


@given(text=texts, shorter=needles, longer=needles, limit=st.integers(1, 8))
def test_source_matches_ignore_a_needle_they_cannot_narrow_from(text, shorter, longer, limit):
    # Not typed on from it ("ab" then "ba"): a fresh scan, not a narrowing.
    matches = source_matches(text, longer, limit, typed_from=source_matches(text, shorter, limit))
    assert matches == source_matches(text, longer, limit)


# Records' words typed on: with the words known, the records found must be those that
# hold the needle. A space and a hyphen end words; "ab" makes words within words.
record_texts = st.lists(st.text(alphabet="ab -", max_size=12), max_size=6)


@settings(max_examples=500)
@given(texts=record_texts, keys=st.lists(st.sampled_from("ab -"), min_size=1, max_size=6))
def test_records_typed_on_with_the_words_known_are_those_holding_the_needle(texts, keys):
    found = _Found.every([(str(number), text) for number, text in enumerate(texts)])
    vocabulary = _Vocabulary(texts)
    typed = ""
    for key in keys:
        typed += key
        found = found.narrowed(typed, vocabulary)
        assert found.ids == tuple(str(number) for number, text in enumerate(texts) if typed in text), typed


def test_the_words_holding_a_needle_are_listed_up_to_a_limit():
    vocabulary = _Vocabulary(["ab ba", "bb-ab"])
    assert sorted(vocabulary.holding("b") or ()) == ["ab", "ba", "bb"]
    assert vocabulary.holding("b", limit=3) is not None
    assert vocabulary.holding("b", limit=2) is None  # more words than that: not worth listing
    assert vocabulary.holding("zz") == ()
