"""The map drawn as characters (briefing/geo): projection, borders, markers, labels, ASCII."""

from __future__ import annotations

import gzip
import json
from importlib import resources

from hypothesis import given
from hypothesis import strategies as st

from briefing.format.loader import load
from briefing.geo import borders
from briefing.geo.canvas import Canvas, clip
from briefing.geo.drawing import MapPlace, draw
from briefing.geo.layout import cell_width, lay_out
from briefing.geo.places import contents
from briefing.geo.projection import fit, zoomed


def _sample_map(sample_path, columns: int, rows: int, *, braille: bool = True):
    places, exact = contents(load(sample_path)).to_draw()
    return draw(places, columns, rows, braille=braille, exact=exact)


def test_the_border_file_says_where_it_comes_from_and_that_it_is_public_domain():
    data = resources.files("briefing.geo").joinpath("borders.json.gz").read_bytes()
    document = json.loads(gzip.decompress(data))
    assert "Natural Earth" in document["source"]
    assert document["license"] == "Public domain"
    assert len(data) < 60_000  # compact: shipped in the package


def test_the_borders_pass_along_the_syrian_coast():
    """Latakia is on the coast at about (35.78 E, 35.52 N): a ring passes within 0.2 degrees."""
    near = [
        (lon, lat)
        for ring in borders.rings()
        for lon, lat in ring
        if abs(lon - 35.8) < 0.2 and abs(lat - 35.5) < 0.2
    ]
    assert near


def test_the_projection_keeps_north_up_and_east_right_and_every_point_inside():
    points = [(36.0, 33.0), (44.0, 37.0), (40.0, 30.0)]
    projection = fit(points, 100, 80)
    dots = [projection.dot(*p) for p in points]
    assert all(0 < x < 100 and 0 < y < 80 for x, y in dots)
    assert dots[1][0] > dots[0][0]  # 44 E is right of 36 E
    assert dots[1][1] < dots[2][1]  # 37 N is above 30 N
    lon, lat = projection.degrees(*projection.dot(40.0, 33.0))
    assert abs(lon - 40.0) < 1e-9 and abs(lat - 33.0) < 1e-9


def test_a_degree_of_longitude_is_shorter_than_one_of_latitude_away_from_the_equator():
    """At 60 degrees north a degree of longitude is half a degree of latitude (cos 60 = 0.5)."""
    projection = fit([(10.0, 59.0), (12.0, 61.0)], 200, 200)
    x0, y0 = projection.dot(10.0, 60.0)
    x1, _ = projection.dot(11.0, 60.0)
    _, y1 = projection.dot(10.0, 61.0)
    assert abs((x1 - x0) / (y0 - y1) - 0.5) < 0.01


def test_one_place_still_shows_a_country_around_it():
    projection = fit([(36.3, 33.5)], 100, 80)
    west, south, east, north = projection.bounds
    assert north - south >= 3 and east - west >= 3


def test_aleppo_is_north_and_east_of_damascus_on_the_sample_map(sample_path):
    picture = _sample_map(sample_path, 60, 20)
    aleppo, damascus = picture.spots["aleppo"].marker, picture.spots["damascus"].marker
    assert aleppo is not None and damascus is not None
    assert aleppo[0] < damascus[0]  # row: higher up
    assert aleppo[1] > damascus[1]  # column: Aleppo 37.13 E, Damascus 36.28 E


def test_the_sample_map_at_40_by_20_labels_the_main_cities(sample_path):
    lines = _sample_map(sample_path, 40, 20).lines()
    text = "\n".join(lines)
    for city in ("Aleppo", "Hama", "Homs", "Damascus"):
        assert city in text
    assert all(len(line) == 40 for line in lines)
    assert any("\u2801" <= c <= "\u28ff" for c in text)  # braille borders drawn


def test_the_ascii_map_is_only_ascii(sample_path):
    lines = _sample_map(sample_path, 60, 20, braille=False).lines()
    assert all(line.isascii() and len(line) == 60 for line in lines)
    assert "Iraq's" in "\n".join(lines)  # the curly apostrophe straightened


def test_the_selected_place_keeps_its_label_when_the_map_is_crowded():
    """Ten areas on one point: only a few labels fit; the chosen one is among them, in full,
    though it comes last in importance."""
    places = [MapPlace(f"p{n}", f"Place number {n}", 36.0, 35.0, str(n)) for n in range(10)]
    picture = draw(places, 30, 8, first=["p9"], exact=0)
    assert picture.spots["p9"].text == "Place number 9"
    assert sum(spot.text == "" for spot in picture.spots.values()) >= 3  # crowded: some have none


def test_lesser_places_are_shortened_or_dropped_first():
    spots = lay_out([("big", "Aleppo city", 2, 5), ("small", "Aleppo countryside", 2, 6)], 5, 20)
    assert spots[0].text == "Aleppo city"
    assert spots[1].text != "Aleppo countryside"


def test_a_segment_far_outside_the_canvas_draws_nothing():
    canvas = Canvas(10, 5)
    canvas.line(-1e9, -5, 1e9, -5)
    assert clip(-1e9, -5, 1e9, -5, 20, 20) is None
    assert "".join(canvas.text_rows()).strip() == ""
    canvas.line(-1e9, 3, 1e9, 3)
    assert canvas.text_rows()[0] == "\u28c0" * 10  # dots 7 and 8, the bottom row of each cell


places_strategy = st.lists(
    st.tuples(
        st.text(alphabet="abcdefghij 界", min_size=1, max_size=14),
        st.integers(min_value=0, max_value=9),
        st.integers(min_value=0, max_value=29),
    ),
    max_size=25,
)


@given(places_strategy)
def test_labels_and_markers_never_overlap(places):
    rows, columns = 10, 30
    spots = lay_out([(f"p{n}", name, r, c) for n, (name, r, c) in enumerate(places)], rows, columns)
    taken: dict[tuple[int, int], str] = {}
    for spot in spots:
        if spot.marker is not None:
            assert spot.marker not in taken
            taken[spot.marker] = spot.place
    for spot in spots:
        if spot.label is None:
            continue
        row, column = spot.label
        width = cell_width(spot.text)
        assert 0 <= row < rows and column >= 0 and column + width <= columns
        for n in range(width):
            assert (row, column + n) not in taken
            taken[(row, column + n)] = spot.place
        # Nothing of another place touches the label's ends.
        for end in ((row, column - 1), (row, column + width)):
            assert taken.get(end, spot.place) == spot.place


def test_zooming_keeps_the_centre_and_magnifies():
    projection = fit([(36.0, 33.0), (44.0, 37.0)], 100, 80)
    closer = zoomed(projection, 4, 37.13, 36.20)
    x, y = closer.dot(37.13, 36.20)
    assert abs(x - 50) < 1e-6 and abs(y - 40) < 1e-6
    assert abs(closer.scale / projection.scale - 4) < 1e-9
