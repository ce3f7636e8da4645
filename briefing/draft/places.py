"""Places: the countries, regions, provinces and cities the article names, with coordinates.

Countries are read first (by name and by demonym: "Turkish officials" names
Turkey), so that a city name is resolved to the one in a country the article is
about ("Tripoli" in a story on Libya). A region is a country with a compass
word ("northwestern Syria"); a province is a name followed by "province",
"region", "governorate" or "state".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.draft.gazetteer import Country, Gazetteer
from briefing.draft.phrases import Phrase, possessive

_COMPASS = (
    r"(?:north|south|east|west|central|north-?western|north-?eastern|south-?western|south-?eastern|"
    r"northwest|northeast|southwest|southeast|northern|southern|eastern|western)"
)
_VENUES = frozenset(
    [
        "Forum",
        "Summit",
        "Conference",
        "Airport",
        "University",
        "Talks",
        "Process",
        "Agreement",
        "Accords",
        "Port",
        "Stadium",
    ]
)
_PROVINCE_WORD = re.compile(r"\s+(province|region|governorate|state|district|oblast)\b", re.IGNORECASE)


@dataclass
class Place:
    name: str
    kind: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    first: int = 0  # offset of the first mention in the body
    names: set[str] = field(default_factory=set)  # every form the text uses


def country_mentions(body: str, found: list[Phrase], gaz: Gazetteer) -> Counter[str]:
    """How often each country is named, by name or demonym (codes)."""
    counts: Counter[str] = Counter()
    for phrase in found:
        name = possessive(phrase.text)
        country = gaz.country(name) or gaz.demonyms.get(name.lower())
        if country is None and " " in name:
            country = gaz.demonyms.get(name.split()[0].lower()) or gaz.country(possessive(name.split()[0]))
        if country:
            counts[country.code] += 1
    return counts


def find_places(body: str, found: list[Phrase], gaz: Gazetteer, context: set[str]) -> list[Place]:
    places: dict[str, Place] = {}

    def add(key: str, place: Place, text: str, start: int) -> None:
        existing = places.setdefault(key, place)
        existing.names.add(text)
        existing.first = min(existing.first, start) if existing is not place else start

    for match in re.finditer(rf"\b({_COMPASS})\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)", body):
        country = gaz.country(match[2])
        if country:
            name = f"{match[1]} {country.name}"
            add(name.lower(), Place(name, "region", country.name), match.group(0), match.start())
    for phrase in found:
        name = possessive(phrase.text)
        country = gaz.country(name)
        if country is not None:
            add(country.code, _country_place(country), name, phrase.start)
            continue
        first, _, rest = phrase.text.partition(" ")
        if rest and (possessive(first) != first or rest.split()[-1] in _VENUES):
            # "Israel’s Defense Forces", "the Doha Forum": the name holds a place.
            name = possessive(first)
            inner = gaz.country(name)
            if inner is not None:
                add(inner.code, _country_place(inner), name, phrase.start)
                continue
        after = _PROVINCE_WORD.match(phrase_tail(body, phrase.end))
        if after:
            code = gaz.province(name, context)
            city = gaz.city(name, context)
            if code or city:
                country_name = gaz.by_code[code or city.code].name if (code or city) else None  # type: ignore[union-attr]
                place = Place(f"{name} {after[1].lower()}", "province", country_name)
                if city:
                    place.lat, place.lon = city.lat, city.lon
                add(f"province:{name.lower()}", place, f"{name}{after.group(0)}", phrase.start)
                continue
        city = gaz.city(name, context)
        if city is not None and not name.isupper():
            country_name = gaz.by_code[city.code].name if city.code in gaz.by_code else None
            place = Place(name, "city", country_name, city.lat, city.lon)
            add(f"city:{city.code}:{city.name.lower()}", place, name, phrase.start)
    return sorted(places.values(), key=lambda p: p.first)


def phrase_tail(body: str, end: int) -> str:
    return body[end : end + 20]


def _country_place(country: Country) -> Place:
    return Place(country.name, "country", country.name, country.lat, country.lon)
