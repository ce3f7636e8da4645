"""The bundled country borders and coastlines (Natural Earth 1:110m, public domain).

Made by scripts/make_borders.py; read once, on first use, from the package.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points, closed


@cache
def rings() -> tuple[Ring, ...]:
    """Every border and coast ring, in degrees."""
    data = resources.files("briefing.geo").joinpath("borders.json.gz").read_bytes()
    document = json.loads(gzip.decompress(data))
    scale = float(document["scale"])
    return tuple(
        tuple((flat[n] / scale, flat[n + 1] / scale) for n in range(0, len(flat), 2))
        for flat in document["rings"]
    )


@cache
def ring_bounds() -> tuple[tuple[float, float, float, float], ...]:
    """Each ring's (west, south, east, north), to skip those far from the view."""
    return tuple(
        (min(p[0] for p in r), min(p[1] for p in r), max(p[0] for p in r), max(p[1] for p in r))
        for r in rings()
    )
