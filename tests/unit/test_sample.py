"""The bundled sample and the multi-source test briefing are valid and as complete as the issue asks."""

import re
from pathlib import Path

from briefing import cli
from briefing.format import loader

REPO = Path(__file__).resolve().parents[2]
HARBOUR = REPO / "tests" / "data" / "valid" / "harbour-strike.yaml"


def test_validate_sample_data_exits_zero_without_warnings(capsys):
    paths = [*sorted(str(p) for p in (REPO / "sample_data").glob("*.yaml")), str(HARBOUR)]
    assert cli.main(["validate", *paths]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.count(": ok (0 warnings)") == len(paths)


def test_sample_covers_the_article(sample_path):
    briefing = loader.load(sample_path)
    countries = {r.country for r in briefing.reactions}
    assert {"Turkey", "Russia", "Iraq", "Israel", "Iran"} <= countries
    names = " | ".join(f"{a.name} {' '.join(a.aliases)}" for a in briefing.actors)
    for who in (
        "HTS",
        "al-Julani",
        "Bashar al-Assad",
        "Syrian Arab Army",
        "Erdoğan",
        "Turkish officials",
        "Lavrov",
        "Embassy of Russia",
        "Mahlouf",
        "southern Syria",
        "Foreign Minister of Syria",
        "Foreign Minister of Iran",
        "Foreign Minister of Iraq",
        "Israel Defense Forces",
        "CNN",
        "Axios",
        "Defense One",
    ):
        assert who in names, who
    titles = " | ".join(e.title for e in briefing.events)
    for what in (
        "offensive begins",
        "Aleppo",
        "Hama",
        "Homs",
        "CNN",
        "Erdoğan",
        "Doha Forum",
        "Astana-format",
        "Baghdad",
        "consultations",
        "southern Syria",
    ):
        assert what.lower() in titles.lower(), what
    # Honest precision: "by the end of the week" is not a single day.
    homs = next(e for e in briefing.events if "toward Homs" in e.title)
    assert homs.date.is_range


def test_every_quote_is_highlightable_in_the_article(sample_path):
    briefing = loader.load(sample_path)
    text = briefing.source("article").text
    quotes = [ev for e in briefing.events for ev in e.evidence]
    quotes += [ev for r in briefing.reactions for ev in r.all_evidence]
    quotes += [ev for a in briefing.actors for ev in a.evidence]
    assert len(quotes) > 40
    for evidence in quotes:
        assert re.sub(r"\s+", " ", text[evidence.start : evidence.end]) == re.sub(r"\s+", " ", evidence.quote)


def test_docs_example_is_taken_from_the_sample(sample_path):
    docs = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    example = docs.split("## An example, from the sample", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    sample_lines = set(sample_path.read_text(encoding="utf-8").splitlines())
    missing = [line for line in example.splitlines() if line not in sample_lines]
    assert missing == []
