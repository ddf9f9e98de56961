"""Sums of sub-regions said as such, through the app's own write path (an upload into a copy of the seed).

The colleague's case was 云南 530000 / 昭通 530600 (16 prefectures, 11 counties); the seed's tree has 陕西 610000 /
汉中 610700 (10 counties) with no 脱贫人口 figures below 陕西, so the same figures go there: 昭通's become 汉中's
(targets 2016 28万, 2017 only a 力争 stretch figure, 2018–2020 ≥28万; actuals 2015 21.72万, 2016 26.5万).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from app import create_app
from db.session import make_engine, session_factory
from etl.cli import cli
from layouts.charts import cumulative_figure
from tests.test_dashboard_http import route
from tests.upload_files import ACTUAL_HEADERS, TARGET_HEADERS, actual_row, target_row, xlsx

INDICATOR = "poor_population_reduced"
SEARCH = f"?indicator={INDICATOR}&plan=revised"  # an upload's targets are a restatement (a revision)
HANZHONG, YANG = "610700", "610723"  # 汉中市 and one of its 10 counties, 洋县


def targets(code: str) -> list[list]:
    return [
        [*target_row(code=code, name="", start=2016, end=2016, value="28万"), "必成"],
        [*target_row(code=code, name="", start=2017, end=2017, value="30万"), "力争"],
        *[
            [*target_row(code=code, name="", start=y, end=y, comparator=">=", value="28万"), "必成"]
            for y in (2018, 2019, 2020)
        ],
    ]


def actuals(code: str, values: dict[int, str]) -> list[list]:
    return [actual_row(code=code, name="", start=y, end=y, value=v) for y, v in values.items()]


def upload(db_url: str, tmp_path, target_rows: list[list], actual_rows: list[list]) -> None:
    path = tmp_path / f"upload-{len(list(tmp_path.iterdir()))}.xlsx"
    sheets = {"目标 Targets": [[*TARGET_HEADERS, "档次 tier"], *target_rows]} if target_rows else {}
    if actual_rows:
        sheets["实际 Actuals"] = [ACTUAL_HEADERS, *actual_rows]
    path.write_bytes(xlsx(sheets))
    result = CliRunner().invoke(
        cli, ["--database-url", db_url, "import", str(path), "--note", "昭通 figures, synthetic", "--user", "王芳"]
    )
    assert result.exit_code == 0, result.output


def view_of(db_url: str, code: str, search: str = SEARCH, lang: str = "zh"):
    from views.region import region_view

    with session_factory(make_engine(db_url))() as session:
        return region_view(session, code, search, lang=lang)


def page(db_url: str, code: str, search: str = SEARCH) -> str:
    client = create_app(db_url, build_if_empty=False, progress=lambda _m: None).server.test_client()
    return route(client, f"/region/{code}", search)


# Finding 1: a sub-region's plan and actual are compared over the same years


def test_a_sub_regions_row_compares_plan_and_actual_of_the_same_years(db_url, tmp_path):
    upload(db_url, tmp_path, targets(HANZHONG), actuals(HANZHONG, {2015: "21.72万", 2016: "26.5万"}))
    view = view_of(db_url, "610000")
    row = next(r for r in view.children if r["code"] == HANZHONG)
    # not 112万 (2016 + 2018–2020) against 48.22万 (2015 + 2016): 2016 against 2016
    assert (row["plan"], row["actual"]) == (280000.0, 265000.0)
    assert row["years"] == [2016]
    assert row["label"] == "汉中市 · 2016", "the row says which year it compares"
    assert len(row["plan_ids"]) == 1 and len(row["actual_ids"]) == 1
    assert row["status"] == "behind"  # 26.5万 of 28万 in 2016, as 汉中's own page judges 2016


# Finding 2: a region whose figures are sums of its sub-regions says so, keeps ≥ and calls the status partial


def test_a_region_without_figures_of_its_own_says_its_figures_are_a_partial_sum(db_url, tmp_path):
    upload(db_url, tmp_path, targets(YANG), actuals(YANG, {2015: "21.72万", 2016: "26.5万"}))
    view = view_of(db_url, HANZHONG)
    p = view.progress
    assert all(p.plan_points[y].rolled_up for y in (2016, 2018, 2019, 2020))
    assert [p.plan_points[y].comparator for y in (2016, 2018, 2019, 2020)] == ["=", ">=", ">=", ">="]
    assert p.rollup is not None and p.rollup.total == 10 and p.rollup.reporting == (1, 1) and p.rollup.partial
    shown = page(db_url, HANZHONG)
    assert "Σ 下级合计 · 实际:10个下级中1个有数据(2015–2016年)" in shown
    assert "目标:10个下级中1个有数据(2016, 2018–2020年)" in shown
    assert "状态仅反映这些下级" in shown
    assert "(部分下级)" in shown  # beside the year's ✖ 落后 in the year table
    assert "≥28万人 Σ" in shown  # the comparator kept, the cell marked as a sum
    english = page(db_url, HANZHONG, f"{SEARCH}&lang=en")
    assert "Σ sum of sub-regions · actual: 1 of 10 report" in english and "(partial)" in english


def test_a_region_with_figures_of_its_own_has_no_roll_up_note(db_url, tmp_path):
    upload(db_url, tmp_path, targets(HANZHONG), actuals(HANZHONG, {2015: "21.72万", 2016: "26.5万"}))
    assert view_of(db_url, HANZHONG).progress.rollup is None
    assert "下级合计:" not in page(db_url, HANZHONG)


# Finding 3: sub-regions summing to less than the region is no alarm when not all report; more is


@pytest.mark.parametrize(
    "county_2016, agrees, verdict",
    [
        ("1.2万", None, "? 无法核对"),  # 1 of 10 counties reporting: the other 9 may hold the rest
        ("30万", False, "✖ 不一致"),  # one county alone above its prefecture: inconsistent whoever else reports
        ("26.5万", True, "✔ 一致"),
    ],
)
def test_a_partial_sum_of_sub_regions_is_inconsistent_only_above_the_region(
    db_url, tmp_path, county_2016, agrees, verdict
):
    upload(db_url, tmp_path, [], [*actuals(HANZHONG, {2016: "26.5万"}), *actuals(YANG, {2016: county_2016})])
    shown = page(db_url, HANZHONG)
    assert f"{verdict}: " in shown and "10个下级中1个有本级数据" in shown
    checks = [c for c in view_of(db_url, HANZHONG).checks if c.check == "children"]
    assert [(c.start, c.kind, c.agrees, c.sub_regions, c.reporting) for c in checks] == [
        (2016, "actual", agrees, 10, 1)
    ]


# Finding 4: the same figures give the same cumulative plan line at both levels


def test_the_cumulative_plan_line_stops_at_the_same_gap_at_both_levels(db_url, tmp_path):
    upload(db_url, tmp_path, targets(YANG), actuals(YANG, {2015: "21.72万", 2016: "26.5万"}))
    lines = {}
    for code in (YANG, HANZHONG):
        view = view_of(db_url, code)
        p = view.progress
        figure = cumulative_figure(
            p.plan_points, p.series["actual"], view.years, "人", "t", "zh", p.stated_total, p.plan_unknown
        )
        plan = figure["data"][0]
        lines[code] = {x: y for x, y in zip(plan["x"], plan["y"], strict=True) if y is not None}
    # 2017 has only a stretch figure: no committed plan, so the running plan total is unknown from 2017 on
    assert lines[YANG] == lines[HANZHONG] == {"2016": 280000.0}
