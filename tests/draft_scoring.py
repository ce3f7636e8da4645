"""Score `briefing draft` against a hand-written answer key (tests/data/articles/*.key.yaml).

A key lists the article's named actors (each with the names a draft may use),
its places (cities with true coordinates), the countries that react, and each
dated fact: a phrase from its clause and the true span the text allows. A fact
is dated right when a draft event quoting that phrase has a date containing the
truth and at most twice as wide; each event answers for one fact only.

Run as a script for the table in docs/draft.md: `python -m tests.draft_scoring`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from briefing.draft.article import parse_article, read_article
from briefing.draft.build import build
from briefing.format.dates import parse_date
from briefing.format.loader import check_text
from briefing.model import Briefing, DateSpec

ARTICLES = Path(__file__).parent / "data" / "articles"
MAX_KM = 30.0


@dataclass
class Score:
    name: str
    actors: tuple[int, int] = (0, 0)  # found, in the key
    places: tuple[int, int] = (0, 0)
    cities: tuple[int, int, int] = (0, 0, 0)  # within 30 km, with coordinates, in the key
    reactions: tuple[int, int] = (0, 0)
    facts: tuple[int, int] = (0, 0)
    extra_reactions: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def keys() -> list[Path]:
    return sorted(ARTICLES.glob("*.key.yaml"))


def draft(key: dict[str, object]) -> Briefing:
    article = parse_article(read_article(ARTICLES / str(key["article"])))
    published = date.fromisoformat(str(key["published"]))
    text = build(article, published, "scored", None)
    briefing, diagnostics = check_text(text, shown="<draft>")
    assert briefing is not None, [d.format() for d in diagnostics]
    return briefing


def _span(spec: DateSpec) -> tuple[date, date]:
    return spec.start.earliest, (spec.end or spec.start).latest


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def score(key_path: Path) -> Score:
    key = yaml.safe_load(key_path.read_text(encoding="utf-8"))
    briefing = draft(key)
    result = Score(key_path.name.removesuffix(".key.yaml"))
    names = {n.lower() for a in briefing.actors for n in (a.name, *a.aliases)}
    found = [entry for entry in key["actors"] if any(n.lower() in names for n in entry)]
    result.actors = (len(found), len(key["actors"]))
    result.misses += [f"actor {entry[0]}" for entry in key["actors"] if entry not in found]
    places = {p.name.lower(): p for p in briefing.places}
    hits = cities = near = 0
    for entry in key["places"]:
        place = next((places[n.lower()] for n in entry["names"] if n.lower() in places), None)
        if place is None:
            result.misses.append(f"place {entry['names'][0]}")
            continue
        hits += 1
        if "lat" in entry and place.lat is not None and place.lon is not None:
            cities += 1
            distance = _km(entry["lat"], entry["lon"], place.lat, place.lon)
            near += distance <= MAX_KM
            if distance > MAX_KM:
                result.misses.append(f"city {place.name} {distance:.0f} km off")
        elif "lat" in entry:
            result.misses.append(f"city {place.name} without coordinates")
    result.places = (hits, len(key["places"]))
    result.cities = (near, cities, sum("lat" in e for e in key["places"]))
    countries = {r.country for r in briefing.reactions}
    result.reactions = (len(countries & set(key["reactions"])), len(key["reactions"]))
    result.extra_reactions = sorted(countries - set(key["reactions"]))
    result.misses += [f"reaction {c}" for c in key["reactions"] if c not in countries]
    result.facts = (_facts(briefing, key["facts"], result.misses), len(key["facts"]))
    return result


def _facts(briefing: Briefing, facts: list[dict[str, str]], misses: list[str]) -> int:
    used: set[int] = set()
    right = 0
    for fact in facts:
        truth = _span(parse_date(fact["truth"]))
        width = (truth[1] - truth[0]).days + 1
        candidates = [
            i
            for i, e in enumerate(briefing.events)
            if i not in used and any(fact["phrase"] in q.quote for q in e.evidence)
        ]

        good = [i for i in candidates if _fits(briefing.events[i].date, truth, width)]
        best = next(iter(good), candidates[0] if candidates else None)
        if best is None:
            misses.append(f"fact '{fact['phrase']}': no event")
            continue
        used.add(best)
        if best in good:
            right += 1
        else:
            misses.append(f"fact '{fact['phrase']}': {briefing.events[best].date.text} for {fact['truth']}")
    return right


def _fits(spec: DateSpec, truth: tuple[date, date], width: int) -> bool:
    """The draft's date holds the truth and is at most twice as wide."""
    lo, hi = _span(spec)
    return lo <= truth[0] and truth[1] <= hi and (hi - lo).days + 1 <= 2 * width


def _pct(pair: tuple[int, ...]) -> str:
    return f"{pair[0]}/{pair[1]}"


def main() -> None:
    print(
        "| article | actors | places | cities ≤ 30 km (with coordinates; cities) | reactions | dated facts |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for path in keys():
        s = score(path)
        cities = f"{s.cities[0]}/{s.cities[1]} ({s.cities[2]} cities)"
        row = [s.name, _pct(s.actors), _pct(s.places), cities, _pct(s.reactions), _pct(s.facts)]
        print("| " + " | ".join(row) + " |")
        for miss in s.misses:
            print(f"<!-- {s.name}: {miss} -->")
        if s.extra_reactions:
            print(f"<!-- {s.name}: extra reactions {s.extra_reactions} -->")


if __name__ == "__main__":
    main()
