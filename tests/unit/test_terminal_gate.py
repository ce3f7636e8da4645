"""The terminal gate in text.py: line separators, Hangul fillers, and what one-line fields accept."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len

from briefing.format.loader import check_text
from briefing.format.text import clean, one_line

from ..hostile_text import BASE, terminal_cells

SEPARATORS = {"line separator U+2028": "\u2028", "paragraph separator U+2029": "\u2029"}


@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_unicode_line_separators_are_line_breaks_and_one_line_makes_them_spaces(separator: str):
    assert clean(f"first{separator}second") == "first\nsecond"
    assert one_line(f"first{separator}second") == "first second"


# One-line fields of each record, as the YAML that sets them in BASE.
ONE_LINE_FIELDS = {
    "briefing title": 'title: "Harbour report"',
    "source title": 'title: "Wire"',
    "actor name": 'name: "Dock union"',
    "event title": 'title: "Walkout"',
}


@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
@pytest.mark.parametrize("written", ONE_LINE_FIELDS.values(), ids=ONE_LINE_FIELDS.keys())
def test_a_line_separator_in_a_one_line_field_is_a_located_error(written: str, separator: str):
    key, value = written.split(": ", 1)
    value = json.loads(value)
    broken = f"{key}: {json.dumps(value[:2] + separator + value[2:])}"
    briefing, diagnostics = check_text(BASE.replace(written, broken, 1), shown="b.yaml")
    assert briefing is None, "a line separator was accepted in a one-line field"
    [error] = [d for d in diagnostics if d.is_error]
    assert error.message == f"'{key}' must be one line"
    assert error.line == next(n for n, line in enumerate(BASE.splitlines(), 1) if written in line)


def test_a_line_separator_in_a_text_field_is_a_line_break():
    text = BASE.replace(
        'title: "Harbour report"\n', 'title: "Harbour report"\nsummary: "One.\\LTwo.\\PThree."\n'
    )
    briefing, diagnostics = check_text(text, shown="b.yaml")
    assert briefing is not None, [d.format() for d in diagnostics]
    assert briefing.summary == "One.\nTwo.\nThree."


def test_a_reaction_headline_with_a_line_separator_is_refused():
    reaction = (
        "reactions:\n  - id: norway\n    country: Norway\n    stance: concerned\n"
        '    headline: "Watching\\Lclosely"\n'
    )
    briefing, diagnostics = check_text(BASE + reaction, shown="b.yaml")
    assert briefing is None
    assert [d.message for d in diagnostics if d.is_error] == ["'headline' must be one line"]


@pytest.mark.parametrize("filler", ["\u3164", "\uffa0"], ids=["HANGUL FILLER", "HALFWIDTH HANGUL FILLER"])
def test_hangul_fillers_become_spaces_that_rich_and_terminals_measure_alike(filler: str):
    text = f"Dock{filler}{filler}union"
    assert terminal_cells(text) != cell_len(text)  # the misalignment the fix is for
    cleaned = clean(text)
    assert cleaned == "Dock  union"
    assert len(cleaned) == len(text)  # quote spans index into cleaned text: positions are kept
    assert terminal_cells(cleaned) == cell_len(cleaned)


@pytest.mark.parametrize(
    "text",
    [
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: ZWNJ joins a prefix to its verb
        "\u0915\u094d\u200d\u0937",  # Devanagari: ZWJ asks for a half form
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # an emoji family, drawn as one in tmux 3.3
        "\u115f\u1161",  # old Hangul: a choseong filler with a vowel, 2 cells everywhere
    ],
    ids=["ZWNJ in Persian", "ZWJ in Devanagari", "ZWJ in emoji", "choseong filler"],
)
def test_joiners_and_conjoining_fillers_are_kept(text: str):
    assert clean(text) == text
