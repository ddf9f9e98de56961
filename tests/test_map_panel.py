"""The region page's map panel shows its region's whole outline: nothing cut at the top or bottom."""

from __future__ import annotations

import math
import re

import pytest

from callbacks.map import region_map_panel
from db.session import make_engine, session_factory
from geo import boundaries
from layouts import ids


@pytest.fixture(scope="module")
def session(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as s:
        yield s


def _graph(component):
    found = [c for c in component.children if getattr(c, "id", None) == ids.REGION_MAP]
    return found[0]


def _height_px(style: dict, viewport_height: int = 768) -> float:
    """The graph's height on a 1366×768 laptop (the user test's screen)."""
    value = re.fullmatch(r"([\d.]+)(px|vh)", style["height"])
    height = float(value[1]) * (viewport_height / 100 if value[2] == "vh" else 1)
    low = re.fullmatch(r"([\d.]+)px", style.get("minHeight", "0px"))
    return max(height, float(low[1]))


def _merc_px(lat: float, zoom: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / (2 * math.pi) * 512 * 2**zoom


@pytest.mark.parametrize(
    ("code", "indicator"),
    [("610000", "counties_exited"), ("621100", "counties_exited"), ("610000", "poor_population_reduced")],
)
def test_the_panel_map_shows_the_whole_outline_of_its_region(session, code, indicator):
    graph = _graph(region_map_panel(session, code, indicator, "zh"))
    layout = graph.figure.layout
    drawn = _height_px(graph.style) - layout.margin.t - layout.margin.b
    _west, south, _east, north = boundaries.bounds([boundaries.feature(code)], min_share=0.05)
    centre = _merc_px(layout.map.center.lat, layout.map.zoom)
    above, below = _merc_px(north, layout.map.zoom) - centre, centre - _merc_px(south, layout.map.zoom)
    assert max(above, below) <= drawn / 2, f"outline {above + below:.0f} px tall in a {drawn:.0f} px drawing area"


@pytest.mark.parametrize("code", [None, "610000", "621100"])
def test_the_map_page_shows_the_whole_outline_on_a_short_window(session, code):
    from callbacks.map import render_map
    from tests.components import find_component

    graph = find_component(render_map(session, code, {"indicator": "counties_exited"}, "zh"), ids.MAP_GRAPH)
    layout = graph.figure.layout
    drawn = _height_px(graph.style, viewport_height=640) - layout.margin.t - layout.margin.b  # a 1366×640 window
    features = [boundaries.feature(code)] if code else boundaries.children(None)
    _west, south, _east, north = boundaries.bounds(features, min_share=0.05)
    centre = _merc_px(layout.map.center.lat, layout.map.zoom)
    above, below = _merc_px(north, layout.map.zoom) - centre, centre - _merc_px(south, layout.map.zoom)
    assert max(above, below) <= drawn / 2 + 1, f"outline {above + below:.0f} px tall in a {drawn:.0f} px drawing area"
