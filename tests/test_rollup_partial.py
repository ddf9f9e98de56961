"""A sum of only some sub-regions is never judged against a target it does not cover (dogfood 29b, 巴中 511900).

The tester's 巴中 case moved to the seed's 汉中 610700 (10 counties), through the real upload path: 汉中 has its own
targets (2018 ≥10万, 2019 ≥8万); 洋县 has targets (≥2.5万, ≥2万) and actuals (2.6万, 1.9万); 城固县 targets only.
"""

from __future__ import annotations

import json

from analysis.progress import cumulative
from db.session import make_engine, session_factory
from layouts.region_page import year_table
from tests.test_rollup_honest import HANZHONG, INDICATOR, SEARCH, YANG, page, upload, view_of
from tests.upload_files import actual_row, target_row

CHENGGU = "610722"
COUNTIES = ("610703", CHENGGU, YANG, "610724", "610725", "610726", "610727", "610728", "610729", "610730")


def target(code: str, year: int, value: str) -> list:
    return [*target_row(code=code, name="", start=year, end=year, comparator=">=", value=value), "必成"]


def actual(code: str, year: int, value: str) -> list:
    return actual_row(code=code, name="", start=year, end=year, value=value)


def bazhong_like(db_url, tmp_path, own_actuals: dict[int, str] | None = None) -> None:
    targets = [
        target(HANZHONG, 2018, "10万"),
        target(HANZHONG, 2019, "8万"),
        target(YANG, 2018, "2.5万"),
        target(YANG, 2019, "2万"),
        target(CHENGGU, 2018, "3万"),
        target(CHENGGU, 2019, "3万"),
    ]
    actuals = [actual(YANG, 2018, "2.6万"), actual(YANG, 2019, "1.9万")]
    actuals += [actual(HANZHONG, y, v) for y, v in (own_actuals or {}).items()]
    upload(db_url, tmp_path, targets, actuals)


# Item 1: a partial sum is not judged against the region's own target


def test_a_partial_sum_gets_no_judgement_against_the_regions_own_target(db_url, tmp_path):
    bazhong_like(db_url, tmp_path)
    view = view_of(db_url, HANZHONG)
    p = view.progress
    cell = {c.year: c for c in p.years}[2018]
    assert cell.actual.rolled_up and cell.actual.value == 26000
    assert (cell.status, cell.partial, cell.achievement) == ("no_data", (1, 10), None)  # not 26% ✖ 落后
    assert p.latest.status == "no_data" and p.latest.partial == (1, 10)
    assert p.period.status == "no_data" and p.period.partial == (1, 10) and p.period.actual is None
    assert p.period_actual_ids == []
    shown = page(db_url, HANZHONG)
    assert "? 部分下级报告:10个下级中1个" in shown
    table = json.dumps(year_table(p, view.years, "zh"), ensure_ascii=False)
    assert "? 部分下级报告:10个下级中1个" in table and "2.6万人 Σ" in table  # the partial value still shown, Σ
    assert "26.0%" not in table and "落后" not in table and "(部分下级)" not in table
    english = page(db_url, HANZHONG, f"{SEARCH}&lang=en")
    assert "? partial: 1 of 10 sub-regions report" in english


def test_the_status_grid_the_overview_and_the_api_leave_a_partial_sum_unjudged(db_url, tmp_path):
    from api.progress import csv_rows, region_progress
    from views.overview import overview_view
    from views.region import indicator_summary

    bazhong_like(db_url, tmp_path)
    view = view_of(db_url, HANZHONG)
    grid = dict((q.indicator["code"], q) for _, q in indicator_summary(view))
    assert grid[INDICATOR].latest.partial == (1, 10) and grid[INDICATOR].latest.status == "no_data"
    with session_factory(make_engine(db_url))() as session:
        rows = overview_view(session, f"?region={HANZHONG}&plan=revised&indicator={INDICATOR}").rows
        items = region_progress(session, HANZHONG, INDICATOR, "revised", None, None)
    (row,) = [p for region, p in rows if region["code"] == HANZHONG]
    assert {c.year: (c.status, c.partial) for c in row.years} == {
        2018: ("no_data", (1, 10)),
        2019: ("no_data", (1, 10)),
    }
    assert row.period.status == "no_data"
    years = {y["year"]: y for y in items[0]["years"]}
    assert years[2018]["status"] == "no_data" and years[2018]["achievement"] is None
    # the API says why it is unjudged, as the page's 「? 部分下级报告:10个下级中1个」 does
    assert years[2018]["partial"] == {"sub_regions_reporting": 1, "sub_regions_total": 10}
    assert items[0]["period"]["partial"] == {"sub_regions_reporting": 1, "sub_regions_total": 10}
    (csv_2018,) = [r for r in csv_rows(items) if r["scope"] == "year" and r["period_end"] == 2018]
    assert (csv_2018["sub_regions_reporting"], csv_2018["sub_regions_total"]) == (1, 10)


def test_a_partial_sum_of_the_same_sub_regions_as_the_plan_is_still_judged(db_url, tmp_path):
    # 汉中 without targets of its own: 洋县's plan against 洋县's actual speaks for 洋县 (the README's rule)
    upload(db_url, tmp_path, [target(YANG, 2018, "2.5万")], [actual(YANG, 2018, "2.6万")])
    cell = view_of(db_url, HANZHONG).progress.years[0]
    assert (cell.status, cell.partial) == ("achieved", None)


def test_a_sum_of_every_sub_region_is_judged_as_before(db_url, tmp_path):
    upload(db_url, tmp_path, [target(HANZHONG, 2018, "10万")], [actual(code, 2018, "1.2万") for code in COUNTIES])
    cell = view_of(db_url, HANZHONG).progress.years[0]
    assert cell.actual.rolled_up and cell.actual.value == 120000
    assert (cell.status, cell.partial) == ("achieved", None)


def test_a_sum_covers_a_region_only_when_all_its_sub_regions_are_in_it():
    from analysis.children import covered_regions

    parents = {"511900": "510000", "511921": "511900", "511922": "511900", "510100": "510000"}
    children = {"510000": ["510100", "511900"], "511900": ["511921", "511922"]}
    assert covered_regions({"511921"}, parents, children) == {"511921"}  # 四川: 通江 is not 巴中
    assert covered_regions({"511921", "511922"}, parents, children) == {"511900"}
    assert covered_regions({"511921", "511922", "510100"}, parents, children) == {"510000"}
    assert covered_regions({"511921", "511922", "510100"}, parents, children, top="511900") == {"511900", "510100"}


# Item 2: the Σ note counts the sub-regions of each summed series; the region's own target is no Σ


def test_the_sum_note_counts_only_the_sub_regions_in_the_summed_actual(db_url, tmp_path):
    bazhong_like(db_url, tmp_path)
    r = view_of(db_url, HANZHONG).progress.rollup
    assert (r.counts, r.plan_counts, r.total) == ({2018: 1, 2019: 1}, {}, 10)  # 城固's targets are in no actual
    shown = page(db_url, HANZHONG)
    assert "Σ 下级合计 · 实际:10个下级中1个有数据(2018–2019年)" in shown
    assert "目标:10个下级" not in shown  # the targets shown are 汉中's own
    assert "≥10万人 Σ" not in shown and "≥10万人" in shown


# Item 3: no running total of the region's own figure and a partial sum


def test_the_cumulative_actual_stops_at_a_partial_sum(db_url, tmp_path):
    bazhong_like(db_url, tmp_path, own_actuals={2018: "2万"})
    p = view_of(db_url, HANZHONG).progress
    assert not p.series["actual"][2018].rolled_up and p.series["actual"][2019].partial == (1, 10)
    assert cumulative(p.series["actual"], [2018, 2019]) == [20000.0, None]  # not 3.9万
    assert p.period.status == "no_data" and p.period.actual is None  # not 3.9万 of 18万, behind
    assert {c.year: c.status for c in p.years} == {2018: "behind", 2019: "no_data"}


# Item 4: a sub-region's status says which years it is of when they are not the years its bars compare


def test_a_sub_regions_label_says_which_years_its_status_is_of(db_url, tmp_path):
    upload(
        db_url,
        tmp_path,
        [target(YANG, 2018, "2.5万"), target(YANG, 2019, "2万")],
        [actual(YANG, 2018, "2.6万"), actual(YANG, 2019, "1.9万")],
    )
    (row,) = [r for r in view_of(db_url, HANZHONG).children if r["code"] == YANG]
    assert (row["plan"], row["actual"], row["status"]) == (45000.0, 45000.0, "behind")  # 100%, yet 2019 behind
    assert row["status_years"] == [2019]
    assert row["label"] == "洋县 · 2018–2019(状态:2019年)"
    (english,) = [r for r in view_of(db_url, HANZHONG, lang="en").children if r["code"] == YANG]
    assert english["label"].endswith("· 2018–2019 (status: 2019)")
