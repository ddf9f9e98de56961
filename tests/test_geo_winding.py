"""Ring winding: the GeoJSON given to go.Choroplethmap is RFC 7946 (outer counter-clockwise, holes clockwise)."""

from __future__ import annotations

import pytest

from geo import boundaries
from geo.topojson import decode_arcs, features
from geo.winding import orient, signed_area, winding_errors
from layouts.map_figures import exit_map, progress_map

CCW_SQUARE = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]
CW_HOLE = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]


@pytest.mark.parametrize(
    ("ring", "area"),
    [
        (CCW_SQUARE, 16.0),
        (CCW_SQUARE[::-1], -16.0),
        (CW_HOLE, -1.0),
    ],
)
def test_signed_area_is_positive_counter_clockwise(ring, area):
    assert signed_area(ring) == area


@pytest.mark.parametrize("outer", ["ccw", "cw"])
def test_orient_winds_outer_rings_and_holes_opposite(outer):
    wrong = {"type": "Polygon", "coordinates": [CCW_SQUARE[::-1], CW_HOLE[::-1]]}
    fixed = orient(wrong, outer)
    assert winding_errors(fixed, outer) == []
    assert (signed_area(fixed["coordinates"][0]) > 0) == (outer == "ccw")
    assert (signed_area(fixed["coordinates"][1]) > 0) == (outer != "ccw")


def test_winding_errors_name_the_wrong_ring():
    polygon = {"type": "MultiPolygon", "coordinates": [[CCW_SQUARE], [CCW_SQUARE, CW_HOLE[::-1]]]}
    assert winding_errors(polygon, "ccw") == ["polygon 1 ring 1 (hole)"]
    assert winding_errors(polygon, "cw") == ["polygon 0 ring 0 (outer)", "polygon 1 ring 0 (outer)"]


def test_topojson_decodes_quantized_delta_arcs_and_reversed_arcs():
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [100, 30]},
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
        "objects": {
            "x": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"adcode": "1"}},
                    {"type": "Polygon", "arcs": [[~1, ~0]], "properties": {"adcode": "2"}},
                ],
            }
        },
    }
    assert decode_arcs(topology)[0] == [[100.0, 30.0], [101.0, 30.0], [101.0, 31.0]]
    first, second = features(topology)
    assert first["geometry"]["coordinates"] == [[[100, 30], [101, 30], [101, 31], [100, 31], [100, 30]]]
    assert second["geometry"]["coordinates"] == [[[100, 30], [100, 31], [101, 31], [101, 30], [100, 30]]]
    assert first["properties"] == {"adcode": "1"}


@pytest.mark.parametrize("level", boundaries.LEVELS)
def test_every_loaded_boundary_is_wound_for_choroplethmap(level):
    wrong = {
        code: errors
        for code, f in boundaries.level_features(level).items()
        if (errors := winding_errors(f["geometry"], "ccw"))
    }
    assert wrong == {}


def test_rings_are_closed():
    for f in boundaries.level_features("county").values():
        for rings in (
            [f["geometry"]["coordinates"]] if f["geometry"]["type"] == "Polygon" else f["geometry"]["coordinates"]
        ):
            assert all(ring[0] == ring[-1] and len(ring) >= 4 for ring in rings), f["id"]


def test_geojson_inside_the_map_figures_is_rfc7946_wound():
    from geo.progress import ExitDelay, Progress

    counties = boundaries.children("621100")
    view = boundaries.view(counties)
    progress = {f["id"]: Progress(f["id"], None, None, "no_data", None) for f in counties}
    delays = {f["id"]: ExitDelay(f["id"], None, None, None, "none") for f in counties}
    for fig in (progress_map(counties, progress, "人", "t", view), exit_map(counties, delays, "t", view)):
        for trace in fig.data:
            for feature in trace.geojson["features"]:
                assert winding_errors(feature["geometry"], "ccw") == [], feature["id"]
