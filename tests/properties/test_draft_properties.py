"""Whatever the article says, `briefing draft` gives a briefing that validates (issue 25).

Articles are made of pieces the rules react to (names, titles, dates, quotes,
possessives, YAML and markup punctuation, hostile control characters) in any order.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.draft.article import parse_article
from briefing.draft.build import build
from briefing.format.loader import check_text
from tests.hostile_text import hostile

PIECES = [
    "President Recep Tayyip Erdoğan said on Friday",
    "Turkish officials",
    "Russia’s embassy in Syria",
    "the Rapid Support Forces (RSF)",
    "according to CNN",
    "in Hama",
    "Homs province",
    "since late November",
    "a day after",
    "on December 5, and by the end of the week",
    "“We hope it goes smoothly,” he said.",
    '"quoted # not a comment: {x} [y]"',
    "- dash: colon",
    "[bold]markup[/bold]",
    "is expected to meet on Thursday",
    "in the past ten days",
    "Officials in Manila",
    "El Salvador and Guatemala have also sent",
    "the town of Foo",
    "Al-Julani",
    "’s",
    ".",
    ",",
    "\n\n",
    "\t",
    "  ",
    "yes",
    "null",
    "2024-02-30",
    "\u00a0",
    "e\u0301",
    hostile("draft"),
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.dates(date(1990, 1, 1), date(2030, 12, 31))
)
def test_any_article_gives_a_valid_draft(pieces: list[str], published: date) -> None:
    text = " ".join(pieces)
    if not text.strip():
        return  # an empty article is refused before drafting
    draft = build(parse_article(text), published, "prop", None)
    briefing, diagnostics = check_text(draft, shown="<draft>")
    assert briefing is not None, [d.format() for d in diagnostics]
    assert briefing.status == "draft"
