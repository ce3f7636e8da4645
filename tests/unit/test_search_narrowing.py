"""A search typed key by key, with backspaces and new words, finds what a fresh search finds."""

import pytest

from briefing.loader import load
from briefing.search import SearchIndex

TYPED = ["h", "ha", "ham", "hama", "ham", "hams", "ha", "", "erdog", "erdoğan", "erdo", "syria", "syrian a"]


@pytest.fixture(scope="module")
def briefing(request):
    return load(request.config.rootpath / "sample_data" / "hts-offensive-2024-12.yaml")


def test_each_query_of_a_typing_session_matches_a_fresh_search(briefing):
    typing = SearchIndex(briefing)
    for query in TYPED:
        assert typing.search(query) == SearchIndex(briefing).search(query), query


def test_typing_on_narrows_to_what_the_shorter_query_matched(briefing):
    index = SearchIndex(briefing)
    wide, narrow = index.search("ha"), index.search("hama")
    assert set(narrow.events) < set(wide.events)
    assert narrow.events and all(event_id in wide.events for event_id in narrow.events)
