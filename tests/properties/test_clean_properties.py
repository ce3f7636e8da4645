"""clean() on long texts: checked a slice at a time, it replaces what one pattern over the whole would."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.format import text as text_module
from briefing.format.text import REPLACEMENT, clean

# Safe ASCII, every kind of character clean() replaces or turns into a line break or a space,
# and safe characters outside ASCII, inside and past the Basic Multilingual Plane.
ALPHABET = [
    *"ab \n\t.", "\x00", "\x1b", "\x7f", "\x85", "\u202e", "\u2067", "\ufdd0", "\ufffe", "\U0001fffe",
    "\U0010ffff", "\r", "\u2028", "\u3164", "é", "\u0301", "\U0001f600", "\U0002f800", "\ufffd",
]  # fmt: skip


def reference(text: str) -> str:
    """clean() as it was: every replacement made by one pattern over the whole text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\u3164", " ").replace("\uffa0", " ")
    return text_module._UNSAFE.sub(REPLACEMENT, text)


@pytest.fixture
def long_path(monkeypatch):
    monkeypatch.setattr(text_module, "_SHORT", 0)  # every text takes the long path
    monkeypatch.setattr(text_module, "CLEAN_CHUNK", 7)  # in many slices


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(alphabet=st.sampled_from(ALPHABET), max_size=60))
def test_a_long_text_is_cleaned_as_one_pattern_would_clean_it(long_path, text):
    assert clean(text) == reference(text)


def test_a_long_clean_text_is_given_back_as_it_is():
    text = "Nothing to replace here, only “quotes” and accents: é.\n" * 20_000
    assert clean(text) is text
