"""The place names the draft knows: countries (with demonyms and capitals), provinces and cities.

Read from data/gazetteer.zip (GeoNames, CC BY 4.0, and countryinfo;
see scripts/make_gazetteer.py for how it was made). A name can mean several places
("Tripoli", "Hama"): ``city`` prefers one in a country the article names, then
the most populous; outside those countries only large cities count, so that
common words that are also small towns' names are not mistaken for places.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Outside the countries the article names, a city counts only if this big: many small
# towns share a name with a common word ("March", "Police") or with a bigger place.
NAME_POPULATION = 200_000
ALT_NAME_POPULATION = 1_000_000
ROWS_PER_PART = 1000  # cities in each rows/ part of the archive (scripts/make_gazetteer.py: CHUNK)


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


class Gazetteer:
    """Countries and provinces in memory; cities read from the archive by name, a part at a time."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive
        self._names: dict[str, dict[str, str]] = {}  # index part → lower-case name → row numbers
        self._rows: dict[int, list[str]] = {}  # rows part → its lines
        self.countries: dict[str, Country] = {}  # by lower-case name, other name and demonym
        self.by_code: dict[str, Country] = {}
        self.demonyms: dict[str, Country] = {}  # lower-case demonym → country
        self.provinces: dict[str, list[str]] = {}  # lower-case name → country codes
        self.capitals: dict[str, Country] = {}  # lower-case capital → country ("officials in Manila")
        for line in self._lines("countries.tsv"):
            kind, name, rest = line.split("\t", 2)
            if kind == "C":
                code, lat, lon, capital, demonym, others = rest.split("\t")
                country = Country(name, code, float(lat), float(lon), capital, demonym)
                self.by_code[code] = country
                for other in [name, *filter(None, others.split("|"))]:
                    if len(other) > 2 or other.isupper():
                        self.countries.setdefault(other.lower(), country)
                if demonym:
                    self.demonyms.setdefault(demonym.lower(), country)
            else:
                self.provinces.setdefault(name.lower(), []).append(rest)
        for country in self.by_code.values():  # a country's own name wins over another's other name
            self.countries[country.name.lower()] = country
            if country.capital:
                self.capitals.setdefault(country.capital.lower(), country)

    def _lines(self, member: str) -> list[str]:
        try:
            return self._archive.read(member).decode("utf-8").splitlines()
        except KeyError:  # no name starts so
            return []

    def country(self, name: str) -> Country | None:
        return self.countries.get(name.lower())

    def city(self, name: str, context: Collection[str]) -> City | None:
        """The city ``name`` most likely means, given the codes of countries the article names.

        ``context`` may count the mentions: a city in the country named most wins
        (Hyderabad in a story on Pakistan that also names India).
        """
        key = name.lower()
        part = key[:2].encode("utf-8").hex()
        if part not in self._names:
            self._names[part] = dict(line.split("\t", 1) for line in self._lines(f"names/{part}.tsv"))
        numbers = self._names[part].get(key)
        if not numbers:
            return None
        candidates = (_city(self._row(int(n)), key) for n in numbers.split(","))
        found = [
            c
            for c in candidates
            if c.code in context or c.population >= (ALT_NAME_POPULATION if c.by_alt else NAME_POPULATION)
        ]
        if not found:
            return None
        weight = context if isinstance(context, Mapping) else dict.fromkeys(context, 1)
        return max(found, key=lambda c: (weight.get(c.code, 0), not c.by_alt, c.population))

    def _row(self, number: int) -> str:
        part = number // ROWS_PER_PART
        if part not in self._rows:
            self._rows[part] = self._lines(f"rows/{part}.tsv")
        return self._rows[part][number % ROWS_PER_PART]

    def province(self, name: str, context: Collection[str]) -> str | None:
        codes = self.provinces.get(name.lower(), [])
        return next((c for c in codes if c in context), None)


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, opened once; see scripts/make_gazetteer.py for its layout."""
    data = resources.files("briefing.draft").joinpath("data/gazetteer.zip").read_bytes()
    return Gazetteer(zipfile.ZipFile(io.BytesIO(data)))


def _city(line: str, key: str) -> City:
    _, name, code, lat, lon, population = line.split("\t")
    return City(name, code, float(lat), float(lon), int(population), name.lower() != key)
