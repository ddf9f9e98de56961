"""The cumulative chart's plan line runs on over years a plan sets no target for; the actual line stops at a year
not reported, and the plan line at a year with only a stretch target (tests/test_rollup_honest.py).

TEST figures, the seed's shapes with a year left out: 定西 621100's plan (2015 12.5万, 2016 28.52万, 2017 21.65万)
with its third year set for 2018 instead, and 陕西 610000's (2018 101.7万, 2019 63.5万, 2020 18.07万) without 2019.
They go in through the app's own upload path, for 汉中 610700 or its county 洋县 610723 (no such figures in the
seed), and are read back as the region page and its data export read them.
"""

from __future__ import annotations

import pytest

from analysis.progress import cumulative_plan
from analysis.series import Point
from db.session import make_engine, session_factory
from export import routes
from layouts.charts import cumulative_figure
from tests.test_export_rollup import csv_rows
from tests.test_rollup_honest import HANZHONG, INDICATOR, YANG, actuals, upload, view_of
from tests.upload_files import target_row

SHAANXI_PLAN = {2018: 1017000.0, 2020: 180700.0}  # TEST: 陕西's plan without its 2019 target


def points(values: dict[int, float], partial: dict[int, tuple[int, int]] | None = None) -> dict[int, Point]:
    return {y: Point(y, v, partial=(partial or {}).get(y)) for y, v in values.items()}


@pytest.mark.parametrize(
    "years, unknown, partial, expected",
    [
        ([2018, 2019, 2020], (), None, [1017000.0, 1017000.0, 1197700.0]),  # 2019 set nothing: adds nothing
        ([2018, 2020], (), None, [1017000.0, 1197700.0]),  # the same when the axis skips 2019
        ([2018, 2019, 2020, 2021], (), None, [1017000.0, 1017000.0, 1197700.0, 1197700.0]),  # level after the end
        ([2018, 2019, 2020], (2019,), None, [1017000.0, None, None]),  # 2019 only a stretch target: unknown
        ([2018, 2020], (2019,), None, [1017000.0, None]),  # shown or skipped
        ([2018, 2020], (), {2020: (1, 10)}, [1017000.0, None]),  # a partial sum is no running total
    ],
)
def test_a_plans_running_total_adds_nothing_for_a_year_it_sets_no_target_for(years, unknown, partial, expected):
    assert cumulative_plan(points(SHAANXI_PLAN, partial), years, unknown) == expected


def target_rows(code: str, values: dict[int, str]) -> list[list]:
    return [[*target_row(code=code, name="", start=y, end=y, value=v), "必成"] for y, v in values.items()]


DINGXI_PLAN = {2015: "12.5万", 2016: "28.52万", 2018: "21.65万"}  # TEST: 定西's plan, its third year moved to 2018
DINGXI_ACTUALS = {2015: "12万", 2016: "27万", 2017: "5万", 2018: "20万"}  # TEST figures


def lines(db_url: str, code: str) -> dict[str, dict[str, float | None]]:
    """The region page's cumulative chart, as {trace name: {year: value}}."""
    view = view_of(db_url, code)
    p = view.progress
    figure = cumulative_figure(
        p.plan_points, p.series["actual"], view.years, "人", "t", "zh", p.stated_total, p.plan_unknown
    )
    return {trace["name"]: dict(zip(trace["x"], trace["y"], strict=True)) for trace in figure["data"]}


def test_the_plan_line_carries_its_total_through_a_year_without_a_target(db_url, tmp_path):
    upload(db_url, tmp_path, target_rows(HANZHONG, DINGXI_PLAN), actuals(HANZHONG, DINGXI_ACTUALS))
    shown = lines(db_url, HANZHONG)
    assert shown["累计计划"] == {"2015": 125000.0, "2016": 410200.0, "2017": 410200.0, "2018": 626700.0}
    assert shown["累计实际"] == {"2015": 120000.0, "2016": 390000.0, "2017": 440000.0, "2018": 640000.0}


def test_a_sum_of_sub_regions_carries_the_plan_line_as_the_sub_region_does(db_url, tmp_path):
    upload(db_url, tmp_path, target_rows(YANG, DINGXI_PLAN), actuals(YANG, DINGXI_ACTUALS))
    county, prefecture = lines(db_url, YANG), lines(db_url, HANZHONG)
    assert county["累计计划"] == prefecture["累计计划"]
    assert prefecture["累计计划"] == {"2015": 125000.0, "2016": 410200.0, "2017": 410200.0, "2018": 626700.0}


def test_years_the_axis_skips_carry_the_plan_line_and_stop_the_actual_one(db_url, tmp_path):
    plan = {2016: "28万", 2020: "28万"}  # TEST: a plan that sets 2016 and 2020 only
    upload(db_url, tmp_path, target_rows(HANZHONG, plan), actuals(HANZHONG, {2016: "26.5万", 2020: "30万"}))
    assert view_of(db_url, HANZHONG).years == [2016, 2020]
    shown = lines(db_url, HANZHONG)
    assert shown["累计计划"] == {"2016": 280000.0, "2020": 560000.0}
    assert shown["累计实际"] == {"2016": 265000.0, "2020": None}  # 2017–2019 not reported: no total


def test_the_cumulative_data_export_has_the_plan_total_of_a_year_without_a_target(db_url, tmp_path):
    upload(db_url, tmp_path, target_rows(HANZHONG, DINGXI_PLAN), actuals(HANZHONG, DINGXI_ACTUALS))
    args = {"region": HANZHONG, "indicator": INDICATOR, "chart": "cumulative", "plan": "revised", "lang": "zh"}
    with session_factory(make_engine(db_url))() as session:
        data, _ = routes.chart_bytes(session, "csv", routes.params(args), "http://127.0.0.1:8050")
    path = tmp_path / "cumulative.csv"
    path.write_bytes(data)
    plan = {r["年份 Year"]: r["数值 Value"] for r in csv_rows(path) if r["系列 series"].startswith("累计计划")}
    assert plan == {"2015": "125000", "2016": "410200", "2017": "410200", "2018": "626700"}
