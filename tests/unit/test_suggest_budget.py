"""The "did you mean" search stays cheap however many ids a briefing has, and still finds typos."""

import pytest

from briefing.format.reading import SCAN_ALL, Suggester, suggest
from tests.unit import budget_child

IDS = [f"place-{i:06d}" for i in range(100_000)]


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("place-000017x", "place-000017"),  # a typo at the end
        ("plcae-000017", "place-000017"),  # near the start
        ("Place-000017", "place-000017"),  # case
        ("place_000017", "place-000017"),  # separator
    ],
)
def test_typos_are_still_found_among_many_ids(typo, meant):
    assert Suggester(IDS)(typo) == f"did you mean '{meant}'?"


def test_small_sets_compare_every_choice():
    choices = [f"id-{i}" for i in range(SCAN_ALL)] + ["hayat-tahrir-al-sham"]
    assert suggest("hayat-tahrir-alsham", choices) == "did you mean 'hayat-tahrir-al-sham'?"
    assert suggest("zzzz", ["title", "summary"]) is None


def test_a_huge_word_is_not_compared():
    assert suggest("a" * 100_000, ["a" * 10]) is None


def test_100_unknown_ids_among_100k_cost_well_under_two_seconds():
    # Before: difflib compared each unknown id with all 100k (~5 s each on a quiet machine).
    result = budget_child.run(
        """
        from briefing.format.reading import Suggester
        ids = [f"place-{i:06d}" for i in range(100_000)]
        """,
        """
        find = Suggester(ids)
        hints = [find(f"plcae-{i * 997:06d}") for i in range(100)]
        result["found"] = sum(h is not None for h in hints)
        """,
    )
    assert result["found"] == 100
    assert result["seconds"] < 2.0, result


def test_unknown_references_do_not_dominate_a_load():
    """100 bad references among 3,000 places: before, each cost a full difflib pass (~12 s in all)."""
    result = budget_child.run(
        """
        from briefing.format import loader
        def briefing(bad):
            lines = ["briefing: 1", "id: t", "title: T", 'as_of: "2024-12-07"', "sources:",
                     "  - {id: s, title: S, text: Hama fell.}", "places:"]
            lines += [f"  - {{id: place-{i:06d}, name: P}}" for i in range(3000)]
            refs = ", ".join(f"plcae-{i * 7:06d}" if i < bad else f"place-{i:06d}" for i in range(100))
            lines += ["events:", f'  - {{id: e, title: E, date: "2024-12-05", places: [{refs}],'
                      " evidence: [{quote: Hama fell}]}"]
            return "\\n".join(lines) + "\\n"
        good, bad = briefing(0), briefing(100)
        import time
        loader.check_text(good)  # warm up
        start = time.perf_counter()
        assert loader.check_text(good)[0] is not None
        result["baseline"] = time.perf_counter() - start
        """,
        """
        model, diagnostics = loader.check_text(bad)
        result["hints"] = sum(d.hint is not None and "did you mean" in d.hint for d in diagnostics)
        """,
    )
    assert result["hints"] == 100
    assert result["seconds"] < 2 * result["baseline"] + 1.0, result
