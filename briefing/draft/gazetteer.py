"""The place names the draft knows: countries (with demonyms and capitals), provinces and cities.

Loaded once from data/gazetteer.tsv.gz (GeoNames, CC BY 4.0, and countryinfo;
see data/make_gazetteer.py for how it was made). A name can mean several places
("Tripoli", "Hama"): ``city`` prefers one in a country the article names, then
the most populous; outside those countries only large cities count, so that
common words that are also small towns' names are not mistaken for places.
"""

from __future__ import annotations

import gzip
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Outside the countries the article names, a city counts only if this big: many small
# towns share a name with a common word ("March", "Police") or with a bigger place.
NAME_POPULATION = 200_000
ALT_NAME_POPULATION = 1_000_000


@dataclass(frozen=True)
class Country:
    name: str
    code: str
    lat: float
    lon: float
    capital: str
    demonym: str


@dataclass(frozen=True)
class City:
    name: str
    code: str
    lat: float
    lon: float
    population: int
    by_alt: bool  # found by an alternate name


@dataclass
class Gazetteer:
    countries: dict[str, Country]  # by lower-case name, other name and demonym
    by_code: dict[str, Country]
    demonyms: dict[str, Country]  # lower-case demonym → country
    cities: dict[str, list[str]]  # lower-case name → rows of candidates
    provinces: dict[str, list[str]]  # lower-case name → country codes

    def country(self, name: str) -> Country | None:
        return self.countries.get(name.lower())

    def city(self, name: str, context: Collection[str]) -> City | None:
        """The city ``name`` most likely means, given the codes of countries the article names.

        ``context`` may count the mentions: a city in the country named most wins
        (Hyderabad in a story on Pakistan that also names India).
        """
        key = name.lower()
        found = [
            c
            for c in (_city(line, key) for line in self.cities.get(key, []))
            if c.code in context or c.population >= (ALT_NAME_POPULATION if c.by_alt else NAME_POPULATION)
        ]
        if not found:
            return None
        weight = context if isinstance(context, Mapping) else dict.fromkeys(context, 1)
        return max(found, key=lambda c: (weight.get(c.code, 0), not c.by_alt, c.population))

    def province(self, name: str, context: set[str]) -> str | None:
        codes = self.provinces.get(name.lower(), [])
        return next((c for c in codes if c in context), None)


@cache
def gazetteer() -> Gazetteer:
    """Read the shipped file once; rows are parsed only when a name is looked up (start-up time)."""
    data = resources.files("briefing.draft").joinpath("data/gazetteer.tsv.gz").read_bytes()
    countries: dict[str, Country] = {}
    by_code: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    cities: dict[str, list[str]] = {}
    provinces: dict[str, list[str]] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        kind, name, rest = line.split("\t", 2)
        if kind == "P":
            cities.setdefault(name.lower(), []).append(line)
            others = rest.rsplit("\t", 1)[1]
            if others:
                for other in others.lower().split("|"):
                    cities.setdefault(other, []).append(line)
        elif kind == "C":
            code, lat, lon, capital, demonym, others = rest.split("\t")
            country = Country(name, code, float(lat), float(lon), capital, demonym)
            by_code[code] = country
            for other in [name, *filter(None, others.split("|"))]:
                if len(other) > 2 or other.isupper():
                    countries.setdefault(other.lower(), country)
            if demonym:
                demonyms.setdefault(demonym.lower(), country)
        else:
            provinces.setdefault(name.lower(), []).append(rest)
    for country in by_code.values():  # a country's own name wins over another's other name
        countries[country.name.lower()] = country
    return Gazetteer(countries, by_code, demonyms, cities, provinces)


def _city(line: str, key: str) -> City:
    _, name, code, lat, lon, population, _others = line.split("\t")
    return City(name, code, float(lat), float(lon), int(population), name.lower() != key)
