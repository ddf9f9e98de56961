"""Rates and levels per person do not add up over regions (planner trial T9, session 32): two counties' 人均纯收入
targets of 1.9万元 and 1.5万元 make no 3.4万元 for their prefecture, nor do 2% and 3% make 5%. Counts still do.

Through the real upload path into 汉中 610700's counties 洋县 and 城固县 (synthetic test figures)."""

from __future__ import annotations

from tests.test_rollup_honest import HANZHONG, YANG, page, upload, view_of
from tests.upload_files import target_row

CHENGGU = "610722"


def target(code: str, indicator: str, value: str, unit: str = "") -> list:
    return [*target_row(code=code, name="", indicator=indicator, start=2024, end=2024, value=value, unit=unit), "必成"]


def counties_targets(db_url, tmp_path, *own: list) -> None:
    rows = [
        target(YANG, "other:per_capita_income", "19198", "元"),
        target(CHENGGU, "other:per_capita_income", "15000", "元"),
        target(YANG, "poverty_incidence", "2", "%"),
        target(CHENGGU, "poverty_incidence", "3", "%"),
        target(YANG, "poor_population_reduced", "2万"),
        target(CHENGGU, "poor_population_reduced", "1万"),
        *own,
    ]
    upload(db_url, tmp_path, rows, [])


def test_per_capita_and_rate_targets_are_not_summed_for_the_region_above(db_url, tmp_path):
    counties_targets(db_url, tmp_path)
    for indicator in ("other:per_capita_income", "poverty_incidence"):
        view = view_of(db_url, HANZHONG, f"?indicator={indicator}")
        assert 2024 not in view.progress.plan_points, indicator
        listed = {c["code"]: c["plan"] for c in view.children}  # each county's own target is still listed
        assert listed[YANG] and listed[CHENGGU], indicator
    counts = view_of(db_url, HANZHONG, "?indicator=poor_population_reduced")
    assert counts.progress.plan_points[2024].value == 30000 and counts.progress.plan_points[2024].rolled_up
    shown = page(db_url, HANZHONG, "?indicator=other:per_capita_income")
    assert "3.4198万" not in shown and "34198" not in shown


def test_no_sum_check_for_a_rate_the_region_sets_itself(db_url, tmp_path):
    counties_targets(db_url, tmp_path, target(HANZHONG, "poverty_incidence", "2.5", "%"))
    view = view_of(db_url, HANZHONG, "?indicator=poverty_incidence")
    assert view.progress.plan_points[2024].value == 2.5  # its own figure
    assert view.checks == []  # 2% + 3% is no sum to hold 2.5% against
    counted = view_of(db_url, HANZHONG, "?indicator=poor_population_reduced")
    assert counted.progress.plan_points[2024].rolled_up


def test_at_scale_a_sum_of_several_rates_is_no_figure_but_a_count_still_adds_up(db_url, tmp_path, monkeypatch):
    from db import scaled_views
    from db.session import make_engine, session_factory
    from views.overview import overview_view

    counties_targets(db_url, tmp_path)
    monkeypatch.setattr(scaled_views, "SMALL", 5)  # every subtree read as sums, as at millions of figures
    with session_factory(make_engine(db_url))() as session:
        rows = overview_view(session, "").rows
        shaanxi = {p.indicator["code"]: p for r, p in rows if r["code"] == "610000"}
        rate = shaanxi.get("poverty_incidence")
        assert rate is None or 2024 not in rate.plan_points  # 2% + 3% summed is no 5%: no row, or no 2024
        assert shaanxi["poor_population_reduced"].plan_points[2024].value == 30000  # counts still add up
    view = view_of(db_url, "610000", "?indicator=other:per_capita_income")  # 汉中's bar: a sum of two levels
    bars = {c["code"]: c["plan"] for c in view.children}
    assert not bars.get(HANZHONG), bars
    counted = view_of(db_url, "610000", "?indicator=poor_population_reduced")
    assert {c["code"]: c for c in counted.children}[HANZHONG]["plan"]
