"""The NFC map used to locate quotes: same text as unicodedata's NFC, and spans that hold the quote."""

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.format import nfc, spaces
from briefing.format.quotes import MarkRunError, SourceIndex, normalise

# Characters NFC composes, reorders, replaces or leaves alone: combining marks, Hangul
# jamo, singletons (Angstrom, Ohm, a CJK compatibility ideograph), an excluded composition
# (U+0958), a decomposing astral character (U+1D15E), emoji, whitespace and line breaks.
ALPHABET = [
    *"aeoAgs Hn\n\t.",
    "\u0301", "\u0306", "\u0323", "\u0307", "\u0344", "\u0345", "\u093c", "\u0915", "\u0958",
    "\u1100", "\u1161", "\u11a8", "\uac00", "\u212b", "\u2126", "\uf900", "\U0002f800",
    "\U0001d157", "\U0001d165", "\U0001d15e", "\U0001f600", "\u00e9", "\u00c5", "\u00a0",
]  # fmt: skip
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=200)


@pytest.fixture(params=[1 << 20, 3], ids=["one-chunk", "tiny-chunks"])
def chunk(request, monkeypatch):
    # The same for every example: chunks end before a line break or a non-space, wherever that is.
    monkeypatch.setattr(nfc, "NFC_CHUNK", request.param)
    monkeypatch.setattr(spaces, "COLLAPSE_CHUNK", request.param)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_the_map_gives_nfc_and_each_character_maps_inside_the_text(chunk, text):
    try:
        normal, mapping = nfc.nfc_with_map(text)
    except MarkRunError:  # over 30 marks in a row: refused, by design
        return
    assert normal == unicodedata.normalize("NFC", text)
    for index in range(len(normal)):
        start, end = mapping.start(index), mapping.end(index)
        assert 0 <= start < end <= len(text)
        assert normal[index] in unicodedata.normalize("NFC", text[start:end])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, data=st.data())
def test_any_slice_of_the_nfc_text_is_made_again_from_the_text_and_the_map(chunk, text, data):
    """The quote index keeps no NFC copy of a text: a chunk of it is made again when a quote needs it."""
    try:
        normal, mapping = nfc.nfc_with_map(text)
    except MarkRunError:
        return
    low = data.draw(st.integers(0, len(normal)))
    high = data.draw(st.integers(low, len(normal)))
    assert mapping.slice(text, low, high) == normal[low:high]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, data=st.data())
def test_a_quote_taken_from_the_text_is_located_on_text_that_holds_it(chunk, text, data):
    try:
        index = SourceIndex(text)
    except MarkRunError:
        return
    assert index.normal == normalise(text)
    if not index.normal:
        return
    start = data.draw(st.integers(0, len(index.normal) - 1))
    end = data.draw(st.integers(start + 1, len(index.normal)))
    quote = index.normal[start:end]
    span = index.locate(quote)
    if not normalise(quote):
        return
    assert span is not None
    assert normalise(quote) in normalise(text[span[0] : span[1]])


SPACES = [*"ab .", " ", "\n", "\t", "\r", "\x0c", "\u00a0", "\u3000", "é"]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(SPACES)))
def test_whitespace_is_collapsed_as_one_pattern_would(text):
    assert spaces.collapse_chunk(text) == spaces.SPACE.sub(" ", text)
