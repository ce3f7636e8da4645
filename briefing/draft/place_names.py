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
_TOWNS = frozenset(("town", "city", "village", "port", "capital", "settlement", "camp"))
_CUE = re.compile(
    r"\b(town|city|village|port|capital|settlement|camp|district|province|region|state|county|governorate)"
    r"\s+of\s+$",
    re.IGNORECASE,
)
_PROVINCE_WORD = re.compile(
    r"\s+(province|region|governorate|state|district|oblast|department|prefecture|camp|river)\b",
    re.IGNORECASE,
)


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


def find_places(body: str, found: list[Phrase], gaz: Gazetteer, context: Counter[str]) -> list[Place]:
    places: dict[str, Place] = {}

    def add(key: str, place: Place, text: str, start: int) -> None:
        existing = places.setdefault(key, place)
        existing.names.add(text)
        existing.first = min(existing.first, start) if existing is not place else start

    for match in re.finditer(rf"\b((?i:{_COMPASS}))\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)", body):
        country = gaz.country(match[2])
        if country:
            name = f"{match[1]} {country.name}"
            add(name.lower(), Place(name, "region", country.name), match.group(0), match.start())
    for phrase in found:
        name = possessive(phrase.text)
        # A name the article already placed means the same place again ("near Palma").
        if any(name in p.names for p in places.values()):
            continue
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
        if after:  # "Cabo Delgado province", "the Darfur region": a place, known or not
            code = gaz.province(name, context)
            city = gaz.city(name, context)
            code = code or (city.code if city else None)
            word = after[1].lower()
            kind = {"region": "region", "district": "region", "camp": "site", "river": "site"}.get(
                word, "province"
            )
            place = Place(f"{name} {word}", kind, gaz.by_code[code].name if code in gaz.by_code else None)
            if city:
                place.lat, place.lon = city.lat, city.lon
            add(f"province:{name.lower()}", place, f"{name}{after.group(0)}", phrase.start)
            places[f"province:{name.lower()}"].names.add(name)  # "Cabo Delgado" alone means it too
            continue
        cue = _CUE.search(body[max(0, phrase.start - 30) : phrase.start])
        city = gaz.city(name, context)
        local = city is not None and cue is not None and city.code not in context
        if (city is None or local) and cue and not gaz.demonyms.get(name.split()[0].lower()):
            # A "district of" or "town of" is small: a namesake abroad is not it (Palma, Mozambique
            # is not Palma de Mallorca), so it is kept without coordinates.
            kind = "city" if cue[1].lower() in _TOWNS else "region"
            add(f"cue:{name.lower()}", Place(name, kind), name, phrase.start)
            continue
        if city is not None and not name.isupper():
            country_name = gaz.by_code[city.code].name if city.code in gaz.by_code else None
            place = Place(name, "city", country_name, city.lat, city.lon)
            add(f"city:{city.code}:{city.name.lower()}", place, name, phrase.start)
    return sorted(places.values(), key=lambda p: p.first)


def phrase_tail(body: str, end: int) -> str:
    return body[end : end + 20]


def _country_place(country: Country) -> Place:
    return Place(country.name, "country", country.name, country.lat, country.lon)
