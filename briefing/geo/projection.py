"""Where a longitude and latitude fall on a canvas of square dots.

Equirectangular, with longitudes shrunk by the cosine of the view's middle
latitude: over the few hundred kilometres a briefing's places span, shapes
and distances stay true enough, and north is up. Braille dots (2×4 a cell)
and the ASCII fallback's half-cells (1×2) are both about square.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_SPAN = 3.0  # degrees: one place, or places close together, still show their country
MARGIN = 0.12  # of the places' span, on each side


@dataclass(frozen=True)
class Projection:
    """A fitted view: degrees to dot coordinates (x right, y down) and back."""

    west: float
    north: float
    scale: float  # dots per degree of latitude
    shrink: float  # cos(middle latitude)
    width: int  # dots
    height: int

    def dot(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) * self.shrink * self.scale, (self.north - lat) * self.scale)

    def degrees(self, x: float, y: float) -> tuple[float, float]:
        return (self.west + x / (self.shrink * self.scale), self.north - y / self.scale)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) of the whole canvas."""
        east, south = self.degrees(self.width, self.height)
        return (self.west, south, east, self.north)


def zoomed(projection: Projection, factor: float, lon: float, lat: float) -> Projection:
    """``projection`` magnified ``factor`` times, centred on (lon, lat)."""
    scale = projection.scale * factor
    return Projection(
        west=lon - projection.width / 2 / (projection.shrink * scale),
        north=lat + projection.height / 2 / scale,
        scale=scale,
        shrink=projection.shrink,
        width=projection.width,
        height=projection.height,
    )


def fit(points: list[tuple[float, float]], width: int, height: int) -> Projection:
    """The view that shows every (lon, lat) in ``points``, centred, with a margin, on width×height dots."""
    lons = [p[0] for p in points] or [0.0]
    lats = [p[1] for p in points] or [0.0]
    middle_lat = (min(lats) + max(lats)) / 2
    shrink = max(math.cos(math.radians(middle_lat)), 0.05)
    span_x = max((max(lons) - min(lons)) * shrink, MIN_SPAN * shrink) * (1 + 2 * MARGIN)
    span_y = max(max(lats) - min(lats), MIN_SPAN) * (1 + 2 * MARGIN)
    scale = min(max(width, 1) / span_x, max(height, 1) / span_y)
    centre_lon = (min(lons) + max(lons)) / 2
    return Projection(
        west=centre_lon - width / 2 / (shrink * scale),
        north=middle_lat + height / 2 / scale,
        scale=scale,
        shrink=shrink,
        width=width,
        height=height,
    )
