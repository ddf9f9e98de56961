"""Boundaries by adcode from the committed TopoJSON in data/boundaries/, decoded once per process.

Example::

    feature("621100")["properties"]["name_zh"] == "定西市"
    [f["id"] for f in children("621100")][:2] == ["621102", "621121"]
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from geo.topojson import features as decode
from geo.winding import orient, polygons, signed_area
from settings import DATA_DIR

BOUNDARY_DIR = DATA_DIR / "boundaries"
FILES = {"province": "provinces.topojson", "prefecture": "prefectures.topojson", "county": "counties.topojson"}
LEVELS = tuple(FILES)
NATION = "100000"
CHILD_LEVEL = {None: "province", "province": "prefecture", "prefecture": "county"}


@cache
def level_features(level: str, directory: Path = BOUNDARY_DIR) -> dict[str, dict]:
    """adcode -> GeoJSON feature (``id`` = adcode, RFC 7946 winding) for one level."""
    topology = json.loads((directory / FILES[level]).read_text(encoding="utf-8"))
    out = {}
    for f in decode(topology):
        code = f["properties"]["adcode"]
        out[code] = {
            "type": "Feature",
            "id": code,
            "properties": f["properties"],
            "geometry": orient(f["geometry"], "ccw"),
        }
    return out


def guess_level(code: str) -> str:
    """The level an adcode's shape says: ``guess_level("620000") == "province"``, 621100 prefecture."""
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def feature(code: str, level: str | None = None) -> dict | None:
    """The boundary of one region, looked up at its level first (110000 is both province and prefecture)."""
    order = [level] if level else [guess_level(code), *(lv for lv in LEVELS if lv != guess_level(code))]
    for lv in order:
        found = level_features(lv).get(code)
        if found is not None:
            return found
    return None


def level_of(code: str) -> str | None:
    """The level of the boundary ``feature(code)`` finds, or None when no boundary has this code."""
    found = feature(code)
    return found["properties"]["level"] if found else None


def children(code: str | None) -> list[dict]:
    """Boundaries one level below a region (the provinces for None or 100000), sorted by adcode.

    A prefecture-level city without counties (东莞市, 儋州市) has none: the caller shows the region itself.
    """
    parent_level = None if code in (None, NATION) else level_of(code)
    child_level = CHILD_LEVEL.get(parent_level)
    if child_level is None:
        return []
    candidates = level_features(child_level).values()
    if parent_level is None:
        return sorted(candidates, key=lambda f: f["id"])
    return sorted((f for f in candidates if f["properties"]["parent"] == code), key=lambda f: f["id"])


def counties_in(code: str) -> list[dict]:
    """Every county boundary under a province or prefecture (the region itself if it is a county)."""
    level = level_of(code)
    if level == "county":
        return [feature(code)]
    parents = {code} if level == "prefecture" else {f["id"] for f in children(code)}
    return sorted(
        (f for f in level_features("county").values() if f["properties"]["parent"] in parents), key=lambda f: f["id"]
    )


def collection(features: list[dict]) -> dict:
    """A GeoJSON FeatureCollection of features (ids are adcodes)."""
    return {"type": "FeatureCollection", "features": list(features)}


def bounds(features: list[dict], min_share: float = 0.0) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) around features, or None for none.

    ``min_share`` > 0 fits only polygons at least that share of the largest one's area, so 海南's reefs in
    the South China Sea do not shrink the island of Hainan to a dot (small polygons inside big ones'
    box, like city districts, stay in view anyway).
    """
    rings = [rings[0] for f in features for rings in polygons(f["geometry"])]
    if min_share > 0 and rings:
        largest = max(abs(signed_area(r)) for r in rings)
        rings = [r for r in rings if abs(signed_area(r)) >= min_share * largest]
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def view(features: list[dict], width_px: int = 900, height_px: int = 540, min_share: float = 0.05) -> dict:
    """Map centre and zoom that fit features in a viewport (Web Mercator, 512 px tiles).

    Example: ``view(children("621100"))["zoom"]`` is about 7 for 定西's counties.
    """
    box = bounds(features, min_share)
    if box is None:
        return {"center": {"lon": 104.0, "lat": 36.0}, "zoom": 2.6}
    west, south, east, north = box

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    dx = max(east - west, 0.01) / 360
    dy = max(merc(north) - merc(south), 0.0002) / (2 * math.pi)
    zoom = min(math.log2(width_px / 512 / dx), math.log2(height_px / 512 / dy)) - 0.3
    center_lat = math.degrees(math.atan(math.sinh((merc(north) + merc(south)) / 2)))
    return {
        "center": {"lon": round((west + east) / 2, 4), "lat": round(center_lat, 4)},
        "zoom": round(min(max(zoom, 1.0), 11.0), 2),
    }


@cache
def maritime_lines(directory: Path = BOUNDARY_DIR) -> list[list[list[float]]]:
    """The maritime boundary line segments drawn on the national map (lon/lat lists)."""
    data = json.loads((directory / "maritime.geojson").read_text(encoding="utf-8"))
    lines = []
    for f in data["features"]:
        g = f["geometry"]
        lines.extend(g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]])
    return lines
