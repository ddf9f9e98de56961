"""Roll-ups: a region's own figure wins; otherwise the highest reporting sub-regions are summed, once."""

from __future__ import annotations

import pytest

from analysis.series import adcode_ancestors, annual_points


def fig(id_, code, year, value, kind="actual", start=None):
    return {
        "id": id_,
        "kind": kind,
        "region_code": code,
        "period_start": start or year,
        "period_end": year,
        "value": value,
        "comparator": "=",
        "plan_version_kind": "original" if kind == "target" else "",
        "plan_version_id": 1 if kind == "target" else None,
        "batch_id": 1,
        "reliability": "official",
        "quote": "",
        "source_url": "",
        "source": "",
        "plan_version": "",
    }


@pytest.mark.parametrize(
    "code, expected",
    [
        ("621122", {"620000", "621100"}),
        ("621100", {"620000"}),
        ("620000", set()),
        ("621122101001", {"620000", "621100", "621122", "621122101000"}),
    ],
)
def test_adcode_ancestors(code, expected):
    assert adcode_ancestors(code) == expected


def test_prefecture_and_its_counties_are_not_counted_twice():
    rows = [fig(1, "610900", 2019, 10), fig(2, "610902", 2019, 4), fig(3, "610921", 2019, 6), fig(4, "610300", 2019, 5)]
    point = annual_points(rows, "610000", "actual")[2019]
    assert point.value == 15
    assert sorted(point.figure_ids) == [1, 4]
    assert point.rolled_up


def test_own_figure_wins_over_children_and_spans_never_add_to_years():
    rows = [fig(1, "621100", 2019, 5), fig(2, "621122", 2019, 1), fig(3, "621100", 2020, 99, start=2014)]
    points = annual_points(rows, "621100", "actual")
    assert points[2019].value == 5 and not points[2019].rolled_up
    assert 2020 not in points
