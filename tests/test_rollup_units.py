"""The pure parts behind honest roll-ups: a sum's comparator, the years a sub-region is compared over, a
children check that knows how many sub-regions report, and an actual running total that a year not
reported breaks."""

from __future__ import annotations

import pytest

from analysis.children import compared_years, years_text
from analysis.consistency import Check
from analysis.progress import cumulative
from analysis.series import Point, annual_points, summed_comparator
from tests.test_series_rollup import fig


@pytest.mark.parametrize(
    "comparators, expected",
    [
        ({"="}, "="),
        ({">="}, ">="),  # ≥28万 alone: the sum is ≥28万
        ({"=", ">="}, ">="),  # 28万 + ≥5万 is at least 33万
        ({">", ">="}, ">="),
        ({"<=", "="}, "<="),
        ({">=", "<="}, "~"),  # bounds both ways: only approximately the sum
        ({"~", "="}, "~"),
    ],
)
def test_a_sum_keeps_the_comparator_its_parts_imply(comparators, expected):
    assert summed_comparator(comparators) == expected


def test_a_roll_up_of_at_least_targets_is_at_least_their_sum():
    rows = [{**fig(1, "530602", 2018, 280000, kind="target"), "comparator": ">="}]
    point = annual_points(rows, "530600", "original")[2018]
    assert (point.value, point.comparator, point.rolled_up) == (280000, ">=", True)


@pytest.mark.parametrize(
    "plan_years, actual_years, kind, expected",
    [
        ([2016, 2018, 2019, 2020], [2015, 2016], "flow", ([2016], [2016])),  # 昭通: 2016 against 2016
        ([2016, 2017], [2016, 2017, 2018], "flow", ([2016, 2017], [2016, 2017])),
        ([2018, 2020], [2017, 2018, 2019], "stock", ([2018], [2018])),  # a level: the last year with both
        ([2020], [2019], "flow", ([2020], [2019])),  # nothing in common: each side as reported, no comparison
        ([], [2019], "flow", ([], [2019])),
    ],
)
def test_a_sub_region_is_compared_over_the_years_with_both(plan_years, actual_years, kind, expected):
    assert compared_years(plan_years, actual_years, kind) == expected


@pytest.mark.parametrize(
    "years, text", [([2016], "2016"), ([2016, 2018, 2019, 2020], "2016, 2018–2020"), ([2019, 2018], "2018–2019")]
)
def test_years_are_said_as_runs(years, text):
    assert years_text(years) == text


@pytest.mark.parametrize(
    "stated, summed, sub_regions, reporting, agrees",
    [
        (265000, 12000, 11, 1, None),  # 昭通 2016: 1 of 11 counties; the other 10 may hold the rest
        (265000, 300000, 11, 1, False),  # above the region even with 10 not reporting: inconsistent
        (265000, 265000, 11, 1, True),
        (265000, 12000, 11, 11, False),  # every county reports and they fall short: inconsistent
        (265000, 300000, 11, 11, False),
        (265000, 12000, None, None, False),  # sub-regions not known: every part taken as reported, as before
    ],
)
def test_a_children_check_alarms_only_above_the_region_or_on_a_full_set(stated, summed, sub_regions, reporting, agrees):
    check = Check("children", "actual", 2016, 2016, stated, summed, 1, [], [], sub_regions, reporting)
    assert check.agrees is agrees


def test_a_year_the_axis_skips_breaks_the_actual_running_total_as_a_missing_year_does():
    points = {y: Point(y, 280000.0) for y in (2016, 2018, 2019)}
    assert cumulative(points, [2016, 2018, 2019]) == [280000.0, None, None]
    assert cumulative(points, [2016, 2017, 2018, 2019]) == [280000.0, None, None, None]
    assert cumulative({**points, 2017: Point(2017, 1.0)}, [2016, 2017, 2018]) == [280000.0, 280001.0, 560001.0]
