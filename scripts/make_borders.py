"""Make briefing/geo/borders.json.gz, the map's country borders and coastlines.

Source: Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (naturalearthdata.com),
which is in the public domain ("No permission is needed to use Natural Earth"). A copy
ships as the test fixture `naturalearth_lowres` of the pyogrio wheel (copied there from
GeoPandas, also marked public domain):

    pip download pyogrio --no-deps -d /tmp/ne
    unzip -o /tmp/ne/pyogrio-*.whl 'pyogrio/tests/fixtures/naturalearth_lowres/*' -d /tmp/ne
    python scripts/make_borders.py /tmp/ne/pyogrio/tests/fixtures/naturalearth_lowres/naturalearth_lowres.shp

The shapefile is read here with the standard library (polygons only, as that file holds),
so making the file needs nothing installed. Coordinates are rounded to a hundredth of a
degree (about 1 km, far below a braille dot at any zoom the map uses) and stored as
integers; points that round onto the previous one are dropped.
"""

from __future__ import annotations

import gzip
import json
import struct
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "briefing" / "geo" / "borders.json.gz"
SCALE = 100  # stored integers are hundredths of a degree
POLYGON = 5


def read_rings(shp: bytes) -> list[list[tuple[float, float]]]:
    """Every ring of every polygon in a shapefile, as (lon, lat) points."""
    rings: list[list[tuple[float, float]]] = []
    offset = 100  # past the file header
    while offset < len(shp):
        _number, length = struct.unpack(">ii", shp[offset : offset + 8])
        content = shp[offset + 8 : offset + 8 + 2 * length]
        offset += 8 + 2 * length
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type != POLYGON:
            continue
        parts_count, points_count = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", content[44 : 44 + 4 * parts_count]))
        start = 44 + 4 * parts_count
        flat = struct.unpack(f"<{2 * points_count}d", content[start : start + 16 * points_count])
        points = list(zip(flat[0::2], flat[1::2], strict=True))
        for first, end in zip(parts, [*parts[1:], points_count], strict=True):
            rings.append(points[first:end])
    return rings


def compact(ring: list[tuple[float, float]]) -> list[int]:
    """A ring as flat integers, lon, lat, lon, lat..., without repeated points."""
    flat: list[int] = []
    last: tuple[int, int] | None = None
    for lon, lat in ring:
        point = (round(lon * SCALE), round(lat * SCALE))
        if point != last:
            flat.extend(point)
            last = point
    return flat


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    rings = [compact(ring) for ring in read_rings(Path(argv[0]).read_bytes())]
    document = {
        "source": "Natural Earth 1:110m Admin 0 - Countries (naturalearthdata.com)",
        "license": "Public domain",
        "scale": SCALE,
        "rings": [ring for ring in rings if len(ring) >= 6],
    }
    text = json.dumps(document, separators=(",", ":"))
    # mtime=0: the same input makes the same bytes, so a rerun changes nothing in git.
    OUT.write_bytes(gzip.compress(text.encode(), mtime=0))
    print(f"{OUT}: {len(document['rings'])} rings, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
