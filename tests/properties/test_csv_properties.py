"""Any text in a CSV cell: read back by the csv module as written, and never the start of a formula."""

from __future__ import annotations

import csv
import io

from hypothesis import example, given
from hypothesis import strategies as st

from briefing.render.csv_export import FORMULA_STARTS, cell

# Text weighted towards what matters here: formula starts, quotes, commas and line breaks.
TEXT = st.text(
    alphabet=st.sampled_from([*FORMULA_STARTS, '"', ",", "\n", "'", " ", "a", "1", "é"]) | st.characters()
)


@given(st.lists(TEXT, min_size=1, max_size=4))
@example(['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"])
def test_cells_round_trip_and_never_start_a_formula(texts: list[str]):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow([cell(text) for text in texts])
    [row] = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    for text, read in zip(texts, row, strict=True):
        assert not read.startswith(FORMULA_STARTS)
        # Exactly the text, or the text behind one apostrophe when it would have been a formula.
        assert read == ("'" + text if text.startswith(FORMULA_STARTS) else text)
