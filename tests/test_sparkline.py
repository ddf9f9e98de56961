"""The overview's trend as plain data (layouts/sparkline.py): what the grid's Sparkline renderer draws."""

from __future__ import annotations

from analysis.series import Point
from layouts.sparkline import sparkline_data


def test_plan_and_actual_are_aligned_on_the_years_either_has_with_gaps_left_empty():
    plan = {2018: Point(2018, 1017000.0), 2019: Point(2019, 635000.0), 2020: Point(2020, 180700.0)}
    actual = {2017: Point(2017, 900000.0), 2019: Point(2019, 578800.0)}
    assert sparkline_data(plan, actual) == {
        "plan": [None, 1017000.0, 635000.0, 180700.0],  # 2017 has no target: a gap, never a zero
        "actual": [900000.0, None, 578800.0, None],
    }


def test_no_points_draw_nothing():
    assert sparkline_data({}, {}) == {"plan": [], "actual": []}
