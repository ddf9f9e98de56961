"""The committed boundary files: every region we hold has a geometry, sizes stay small, names agree."""

from __future__ import annotations

import csv

import pytest

from geo import boundaries
from geo.winding import polygons
from settings import DATA_DIR, REFERENCE_DIR

SIZE_LIMITS_MB = {
    "counties.topojson": 2.0,
    "prefectures.topojson": 1.0,
    "provinces.topojson": 0.5,
    "maritime.geojson": 0.05,
}
SEED = {"621100": "定西市", "610000": "陕西省", "411702": "驿城区", "210781": "凌海市", "460000": "海南省"}
DINGXI_COUNTIES = {"621102", "621121", "621122", "621123", "621124", "621125", "621126"}


def _region_rows() -> list[dict]:
    with open(DATA_DIR / "regions.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _exit_codes() -> set[str]:
    with open(REFERENCE_DIR / "published-county-exits.csv", encoding="utf-8") as f:
        return {row["region_code"] for row in csv.DictReader(f)}


@pytest.mark.parametrize(("code", "name_zh"), sorted(SEED.items()))
def test_every_seed_region_has_a_geometry_with_its_name(code, name_zh):
    found = boundaries.feature(code)
    assert found is not None and found["id"] == code
    assert found["properties"]["name_zh"] == name_zh
    assert polygons(found["geometry"])


def test_every_region_of_the_region_table_has_a_geometry_at_its_level():
    missing = [(r["code"], r["name_zh"]) for r in _region_rows() if boundaries.feature(r["code"], r["level"]) is None]
    assert missing == []


def test_every_county_of_the_published_exits_has_a_geometry():
    assert len(_exit_codes()) == 56
    assert sorted(c for c in _exit_codes() if boundaries.feature(c, "county") is None) == []


def test_renamed_county_is_keyed_by_todays_code():
    assert boundaries.feature("610981", "county")["properties"]["name_zh"] == "旬阳市"
    assert boundaries.feature("610928") is None


def test_dingxi_has_its_seven_counties():
    assert {f["id"] for f in boundaries.children("621100")} == DINGXI_COUNTIES


@pytest.mark.parametrize(("level", "count"), [("province", 34), ("prefecture", 370), ("county", 2875)])
def test_each_level_is_complete(level, count):
    assert len(boundaries.level_features(level)) == count


def test_nation_children_are_the_provinces_and_counties_have_none():
    assert len(boundaries.children(None)) == 34
    assert boundaries.children("621102") == []


@pytest.mark.parametrize(("name", "limit_mb"), sorted(SIZE_LIMITS_MB.items()))
def test_boundary_files_stay_under_their_size_aim(name, limit_mb):
    size = (boundaries.BOUNDARY_DIR / name).stat().st_size
    assert 0 < size < limit_mb * 1_000_000, f"{name}: {size / 1e6:.2f} MB"


@pytest.mark.parametrize("code", ["621100", "621122"])
def test_bounding_box_centre_lies_inside_the_region_the_browser_test_clicks(code):
    west, south, east, north = boundaries.bounds([boundaries.feature(code)])
    assert _inside(((west + east) / 2, (south + north) / 2), polygons(boundaries.feature(code)["geometry"]))


def test_view_fits_dingxi_closer_than_china():
    dingxi = boundaries.view(boundaries.children("621100"))
    china = boundaries.view(boundaries.children(None))
    assert 6 < dingxi["zoom"] < 9 and 1.5 < china["zoom"] < 4
    assert 104 < dingxi["center"]["lon"] < 105.2 and 34.5 < dingxi["center"]["lat"] < 35.8


def test_view_of_hainan_fits_the_island_not_the_south_china_sea():
    hainan = boundaries.view([boundaries.feature("460000")])
    assert 18.5 < hainan["center"]["lat"] < 20.5 and hainan["zoom"] > 6
    assert boundaries.bounds([boundaries.feature("460000")])[1] < 5  # the islands are there, reaching 3°N


def test_maritime_boundary_is_available_for_the_national_map():
    lines = boundaries.maritime_lines()
    assert len(lines) >= 10 and all(108 < p[0] < 125 and 3 < p[1] < 26 for line in lines for p in line)


def _inside(point, polys) -> bool:
    x, y = point
    for rings in polys:
        ring, hit = rings[0], False
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                hit = not hit
        if hit:
            return True
    return False
