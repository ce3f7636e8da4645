"""Quote normalisation and location: the rule that ties every claim to its sentence."""

from briefing.format.quotes import SourceIndex, normalise

TEXT = "HTS took  Hama\non December 5.\u00a0“We hope it goes smoothly,” he said. Hama fell."


def span_text(index: SourceIndex, quote: str, occurrence: int = 1) -> str | None:
    span = index.locate(quote, occurrence)
    return None if span is None else index.text[span[0] : span[1]]


def test_whitespace_runs_newlines_and_nbsp_match_one_space():
    index = SourceIndex(TEXT)
    assert span_text(index, "took Hama on December 5. “We") == "took  Hama\non December 5.\u00a0“We"


def test_span_points_into_the_original_text_not_the_normalised_one():
    index = SourceIndex("  \n  lead   space. Target here.")
    start, end = index.locate("Target here.")
    assert (start, end) == (19, 31)  # 5 leading blanks + "lead" + 3 blanks + "space. "


def test_typographic_quotes_are_not_folded():
    index = SourceIndex(TEXT)
    assert index.locate('"We hope it goes smoothly," he said') is None
    assert span_text(index, "“We hope it goes smoothly,” he said") == "“We hope it goes smoothly,” he said"


def test_nfc_composed_and_decomposed_forms_match_each_other():
    decomposed = "Erdog\u0306an said it."  # g + combining breve
    index = SourceIndex(decomposed)
    assert span_text(index, "Erdoğan said") == "Erdog\u0306an said"
    composed = SourceIndex("Erdoğan said it.")
    assert span_text(composed, "Erdog\u0306an said") == "Erdoğan said"


def test_occurrence_picks_the_nth_match_and_counts_them():
    index = SourceIndex(TEXT)
    first, second = index.locate("Hama"), index.locate("Hama", 2)
    assert first is not None and second is not None and first[0] < second[0]
    assert TEXT[second[0] : second[1]] == "Hama" and TEXT[second[0] - 1] == " "
    assert index.locate("Hama", 3) is None
    assert index.count("Hama") == 2


def test_empty_and_missing_quotes_find_nothing():
    index = SourceIndex(TEXT)
    assert index.locate("   ") is None
    assert index.locate("Homs") is None


def test_normalise_strips_and_collapses():
    assert normalise("  a \t\n b\u00a0\u2009c  ") == "a b c"
