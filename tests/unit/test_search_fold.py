"""One fold for matching and highlighting: a record the search finds is highlighted where it matched.

The fold may change a text's length ("ﬁ" is "fi", "…" is "...", "ß" is "ss",
accents are dropped), so each case checks both halves: the search counts the
record, and the highlight covers exactly the original characters that matched.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.format.loader import load
from briefing.search import SearchIndex, find_spans, fold

# (a record's text, the query typed, the part of the text to highlight)
MATCHES = [
    # Compatibility forms (NFKC/NFKD): ligatures, full-width letters, superscripts.
    ("A tax on \ufb01nance", "finance", "\ufb01nance"),
    ("Cancelled \ufb02ights", "flights", "\ufb02ights"),
    ("Tax on \ufb01nance", "\ufb01nance", "\ufb01nance"),
    ("Tax on \ufb01nance", "inance", "\ufb01nance"),  # starts inside the ligature: all of it
    ("Tax on \ufb01nance", "on f", "on \ufb01"),  # ends inside it
    (
        "\uff26\uff49\uff4e\uff41\uff4e\uff43\uff45 ministry",
        "finance",
        "\uff26\uff49\uff4e\uff41\uff4e\uff43\uff45",
    ),
    ("Emissions of CO\u00b2 rose", "co2 rose", "CO\u00b2 rose"),
    ("Up 10\u00b3 times", "103", "10\u00b3"),
    # Accents, precomposed and combining; the combining mark goes with its letter.
    ("Talks with Erdo\u011fan", "erdogan", "Erdo\u011fan"),
    ("Talks with Erdog\u0306an", "erdogan", "Erdog\u0306an"),
    ("A cafe\u0301 au lait", "cafe", "cafe\u0301"),
    ("A cafe\u0301 au lait", "caf\u00e9 au", "cafe\u0301 au"),
    ("A caf\u00e9 au lait", "cafe\u0301", "caf\u00e9"),
    ("\u00c9COLE NORMALE", "ecole", "\u00c9COLE"),
    # Hangul and kana fold to themselves: one character each, as typed.
    ("\ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8", "\uad6d\uc5b4", "\uad6d\uc5b4"),
    ("\u304c\u3063\u3053\u3046\u3078", "\u304c\u3063\u3053\u3046", "\u304c\u3063\u3053\u3046"),
    # Full case folding.
    ("The Stra\u00dfe is closed", "strasse", "Stra\u00dfe"),
    ("The Strasse is closed", "stra\u00dfe", "Strasse"),
    ("THE STRA\u1e9eE", "strasse", "STRA\u1e9eE"),
    # Typographic punctuation typed plainly, and the other way round.
    ("Hay\u2019at Tahrir", "hay'at", "Hay\u2019at"),
    ("a \u201cnew phase\u201d began", '"new phase"', "\u201cnew phase\u201d"),
    ("in 2024\u20132025", "2024-2025", "2024\u20132025"),
    ("war \u2014 again", "war - again", "war \u2014 again"),
    ("and then\u2026 nothing", "then...", "then\u2026"),
    ("and then\u2026 nothing", "then\u2026 no", "then\u2026 no"),
    ("and then... nothing", "then\u2026", "then..."),
    ("a.\u2026 so", "a..", "a.\u2026"),  # ends inside the "\u2026": all of it
]

# (a record's text, a query it does not hold)
MISSES = [
    ("A tax on \ufb01nance", "fiance"),
    ("A tax on \ufb01nance", "f inance"),
    ("and then\u2026 nothing", "then...."),
    ("and then\u2026 nothing", "then.. ."),
    ("The Stra\u00dfe", "strase"),
    ("Talks with Erdo\u011fan", "erdogen"),
    ("CO\u00b2", "co3"),
    ("\u304c\u3063\u3053\u3046", "\u304b\u3063\u3053\u3046"),  # a voicing mark is not an accent
]


def _briefing_file(folder: Path, titles: list[str], source_text: str = "A wire text.") -> Path:
    """A briefing whose events are titled ``titles``, in order, ids e0, e1, ..."""
    events = "".join(
        f'  - id: e{number}\n    date: "2025-03-03"\n    title: "{title}"\n'
        "    evidence:\n      - source: wire\n        quote: A wire\n"
        for number, title in enumerate(titles)
    )
    path = folder / "fold.yaml"
    path.write_text(
        'briefing: 1\nid: fold\ntitle: Folding\nas_of: "2025-03-07"\n'
        "sources:\n  - id: wire\n    title: Wire\n    text_file: wire.txt\n"
        f"events:\n{events}",
        encoding="utf-8",
    )
    (folder / "wire.txt").write_text(source_text, encoding="utf-8")
    return path


def _highlighted(text: str, query: str) -> list[str]:
    return [text[a:b] for a, b in find_spans(text, query)]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    titles = [text for text, _query, _part in MATCHES] + [text for text, _query in MISSES]
    return SearchIndex(load(_briefing_file(tmp_path_factory.mktemp("fold"), titles)))


@pytest.mark.parametrize(("number", "text", "query", "part"), [(n, *c) for n, c in enumerate(MATCHES)])
def test_a_record_found_is_highlighted_where_it_matched(index, number, text, query, part):
    assert f"e{number}" in index.search(query).events
    assert f"e{number}" in index.matching("events", query)
    assert _highlighted(text, query) == [part]


@pytest.mark.parametrize(
    ("number", "text", "query"), [(len(MATCHES) + n, *case) for n, case in enumerate(MISSES)]
)
def test_a_record_not_found_has_no_highlight(index, number, text, query):
    assert f"e{number}" not in index.search(query).events
    assert f"e{number}" not in index.matching("events", query)
    assert _highlighted(text, query) == []


def test_source_spans_are_the_original_characters_that_matched(tmp_path):
    text = "A wire: a tax on \ufb01nance\u2026 and on \ufb01nance... Stra\u00dfe, cafe\u0301, Erdo\u011fan"
    briefing = load(_briefing_file(tmp_path, ["Nothing"], source_text=text))
    index = SearchIndex(briefing)
    for query, parts in [
        ("finance...", ["\ufb01nance\u2026", "\ufb01nance..."]),
        ("strasse", ["Stra\u00dfe"]),
        ("cafe,", ["cafe\u0301,"]),
        ("erdogan", ["Erdo\u011fan"]),
    ]:
        spans = index.search(query).source_spans["wire"]
        assert [text[a:b] for a, b in spans] == parts, query
        assert list(spans) == find_spans(text, query), query
    assert "wire" not in index.search("fiance").source_spans


def test_fold_keeps_what_search_did_before():
    assert fold("Erdo\u011fan") == "erdogan"
    assert fold("\u0130stanbul") == "istanbul"
    assert fold("Homs\nprovince\u00a0now\u2028then\tthere") == "homs province now then there"
    assert fold("Hay\u2019at \u201cHTS\u201d \u2013 al\u2011Sham") == 'hay\'at "hts" - al-sham'


def test_fold_is_the_same_folded_twice_and_every_space_is_one():
    for code in range(0x30000):
        char = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        once = fold(char)
        assert fold(once) == once, hex(code)
        if char.isspace():
            assert once == " ", hex(code)


# Letters that fold to more, fewer or other characters, among plain ones.
TRICKY = (
    "af i.s-'\"e\u0301\u0306\ufb01\ufb02\u2026\u00df\u1e9e"
    + "\u00e9\u011f\uff21\u00b2\u2019\u201c\u2013\u2014\n\u00a0\uac00"
)


@settings(deadline=None)  # the first examples compile each set of characters' pattern: slow on a busy machine
@given(text=st.text(alphabet=TRICKY, max_size=30), data=st.data())
def test_every_span_found_holds_the_query_when_folded(text, data):
    """A query taken from the folded text: each span found is the original characters the folded
    match came from, from the one its first folded character is part of to the one its last is
    (with the accents after it), and no wider."""
    folded = fold(text)
    start = data.draw(st.integers(0, len(folded)))
    query = folded[start : data.draw(st.integers(start, len(folded)))]
    spans = find_spans(text, query)
    assert bool(spans) == bool(query)
    assert spans == sorted(spans)
    matches = []  # where the folded text holds the query, counted there, not overlapping
    at = folded.find(query) if query else -1
    while at >= 0:
        matches.append((at, at + len(query)))
        at = folded.find(query, at + len(query))
    assert len(spans) == len(matches)

    def folded_before(index: int) -> int:  # each character folds on its own in this alphabet
        return len(fold(text[:index]))

    for (a, b), (s, e) in zip(spans, matches, strict=True):
        assert query in fold(text[a:b])
        assert folded_before(a) <= s < folded_before(a + 1)  # "." of ".…": the match starts there
        last = b
        while fold(text[last - 1]) == "":  # the accents that follow the last letter
            last -= 1
        assert folded_before(last - 1) < e <= folded_before(last)


def test_a_long_text_folds_as_its_lines_do_and_its_spans_map_back():
    """A source text is folded a part at a time: the same fold, and the same spans."""
    line = "Tax on \ufb01nance\u2026 in the Stra\u00dfe, cafe\u0301 \u201cnow\u201d\n"
    text = line * 5_000 + "the last \ufb01nance\u2026"
    assert len(text) > 1 << 16
    assert fold(text) == "".join(fold(one) for one in text.splitlines(keepends=True))
    spans = find_spans(text, "finance...")
    assert len(spans) == 5_001
    assert {text[a:b] for a, b in spans} == {"\ufb01nance\u2026"}
    assert spans[-1] == (len(text) - 7, len(text))
