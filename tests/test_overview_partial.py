"""A province whose figure is a sum of only some sub-regions says so on the overview and the map (dogfood 30, F15).

The tester's 广西 case on a copy of the seed with the national regions loaded (`etl regions`), through the real upload
path, all figures TEST/synthetic: 百色 451000 a 2016 actual 21.84万, a 2017 target 9.99万 and actual 9.5万; 柳州
450200 a 2016 target 8.5万; 马山县 450124 (南宁) a 2020 target 3904; 广西 450000 a target of its own of another
indicator (so that 广西 is the plan region, as the tester's 危房改造 4894户 made it).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from db.session import make_engine, session_factory
from etl.cli import cli
from layouts.map_hover import progress_hover
from layouts.map_page import progress_rows
from layouts.overview_page import grid_row
from tests.test_rollup_honest import INDICATOR, page, upload
from tests.upload_files import actual_row, target_row
from views.map import build_view
from views.overview import overview_view

GUANGXI, BAISE, LIUZHOU, MASHAN = "450000", "451000", "450200", "450124"
SEARCH = f"?plan=revised&indicator={INDICATOR}"  # an upload's targets are a restatement (a revision)


def target(code: str, year: int, value: str, indicator: str = INDICATOR) -> list:
    row = target_row(code=code, name="", indicator=indicator, start=year, end=year, value=value, note="TEST")
    return [*row, "必成"]


def actual(code: str, year: int, value: str) -> list:
    return actual_row(code=code, name="", start=year, end=year, value=value, note="TEST")


def national(db_url: str) -> None:
    loaded = CliRunner().invoke(cli, ["--database-url", db_url, "regions"])
    assert loaded.exit_code == 0, loaded.output


def guangxi(db_url, tmp_path, targets: list, actuals: list) -> None:
    national(db_url)
    own = [target(GUANGXI, 2020, "660", "villages_exited")]  # a target of 广西's own: 广西 is the plan region
    upload(db_url, tmp_path, own + targets, actuals)


def the_testers_case(db_url, tmp_path) -> None:
    guangxi(
        db_url,
        tmp_path,
        [target(BAISE, 2017, "9.99万"), target(LIUZHOU, 2016, "8.5万"), target(MASHAN, 2020, "3904")],
        [actual(BAISE, 2016, "21.84万"), actual(BAISE, 2017, "9.5万")],
    )


def overview(db_url: str, search: str):
    with session_factory(make_engine(db_url))() as session:
        return overview_view(session, search)


def cells(db_url: str, code: str, lang: str = "zh", search: str = SEARCH) -> dict[str, str]:
    view = overview(db_url, f"{search}&region={GUANGXI}&lang={lang}")
    (found,) = [(r, p) for r, p in view.rows if r["code"] == code and p.indicator["code"] == INDICATOR]
    row = grid_row(found[1], found[0], lang, "")
    return {k: v["text"] for k, v in row.items() if isinstance(v, dict) and "text" in v}


def test_the_overview_marks_a_provinces_sum_of_one_city_partial(db_url, tmp_path):
    the_testers_case(db_url, tmp_path)
    shown = cells(db_url, GUANGXI)
    # 百色's target against 百色's actual is judged (the README's rule), but as 1 of 14 prefectures'
    assert shown["y2017"].splitlines() == ["✖ 落后", "? 部分下级 1/14", "9.5万人 Σ / 9.99万人 Σ", "95.1%"]
    assert "? 部分下级 1/14" in shown["latest"]
    # 马山县's target is no 广西 target: a county's, summed, said so
    assert shown["y2020"].splitlines() == ["? 无报告数据", "? 部分下级 1/14", "— / 3904人 Σ", "—"]
    english = cells(db_url, GUANGXI, "en")
    assert english["y2017"].splitlines()[:2] == ["✖ behind", "? partial: 1 of 14 sub-regions"]
    assert "— / 3,904 people Σ" in english["y2020"]


def test_the_region_filter_lists_the_sub_regions_whose_figures_make_the_sum(db_url, tmp_path):
    the_testers_case(db_url, tmp_path)
    rows = overview(db_url, f"{SEARCH}&region={GUANGXI}").rows
    people = [r["code"] for r, p in rows if p.indicator["code"] == INDICATOR]
    assert sorted(people) == [GUANGXI, MASHAN, LIUZHOU, BAISE]
    baise = cells(db_url, BAISE)
    assert baise["y2017"].splitlines() == ["✖ 落后", "9.5万人 / 9.99万人", "95.1%"]  # 百色's own: no Σ, no mark
    whole = overview(db_url, SEARCH).rows
    assert BAISE not in {r["code"] for r, _ in whole}, "the whole country's overview keeps its plan regions"


def test_a_period_of_different_cities_years_is_no_plan_of_the_province(db_url, tmp_path):
    guangxi(
        db_url,
        tmp_path,
        [target(BAISE, 2017, "9.99万"), target(LIUZHOU, 2016, "8.5万")],
        [actual(BAISE, 2016, "21.84万"), actual(BAISE, 2017, "9.5万")],
    )
    rows = overview(db_url, f"{SEARCH}&region={GUANGXI}").rows
    (p,) = [p for r, p in rows if r["code"] == GUANGXI and p.indicator["code"] == INDICATOR]
    assert p.period is None and p.period_ids == []  # not 「2016–2017 — / 18.49万人」
    assert cells(db_url, GUANGXI)["period"] == "无全期目标:各年目标仅为部分下级之和"
    assert (
        cells(db_url, GUANGXI, "en")["period"]
        == "no period target: the yearly targets are sums of only some sub-regions"
    )
    shown = page(db_url, GUANGXI, SEARCH)
    assert "无全期目标:各年目标仅为部分下级之和" in shown
    assert "18.49万" not in shown, "nor a cumulative plan 8.5万 → 18.49万 on the chart"


def test_a_period_of_one_city_alone_is_judged_for_it_and_marked_partial(db_url, tmp_path):
    guangxi(
        db_url,
        tmp_path,
        [target(BAISE, 2016, "20万"), target(BAISE, 2017, "9.99万")],
        [actual(BAISE, 2016, "21.84万"), actual(BAISE, 2017, "9.5万")],
    )
    period = cells(db_url, GUANGXI)["period"].splitlines()
    assert period[:3] == ["2016–2017", "31.34万人 / 29.99万人", "104.5% ✔ 达成"]
    assert "? 部分下级 1/14" in period


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_map_marks_a_province_coloured_from_one_city(db_url, tmp_path, lang):
    the_testers_case(db_url, tmp_path)
    with session_factory(make_engine(db_url))() as session:
        latest = build_view(session, None, {"indicator": INDICATOR, "plan": "revised"}, lang)
        y2016 = build_view(session, None, {"indicator": INDICATOR, "plan": "revised", "year": "2016"}, lang)
    gx = latest.progress[GUANGXI]
    assert (gx.year, gx.status, gx.partial) == (2017, "behind", (1, 14))  # judged for 百色 alone, and said so
    names = {f["id"]: f["properties"]["name_zh"] for f in latest.features}
    row = table_row(latest, names, lang)
    said = {"zh": "✖ 落后 · ? 部分下级 1/14", "en": "✖ behind · ? partial: 1 of 14 sub-regions"}[lang]
    assert row[-1] == said and said in progress_hover("广西", gx, latest.unit, lang)
    figure = json.dumps(build_figure(latest, lang), ensure_ascii=False)
    assert said in figure, "the hover of the map itself"
    # 2016: 柳州's target against 百色's actual is not judged, nor rated
    gx16 = y2016.progress[GUANGXI]
    assert (gx16.status, gx16.partial, gx16.ratio) == ("partial", (1, 14), None)
    row = table_row(y2016, names, lang)
    assert row[-1] == {"zh": "? 部分下级报告:14个下级中1个", "en": "? partial: 1 of 14 sub-regions report"}[lang]


def table_row(view, names: dict[str, str], lang: str) -> list[str]:
    """广西's row of the table under the map."""
    rows = progress_rows(names, view.progress, view.unit, lang)
    return dict(zip(view.progress, rows, strict=True))[GUANGXI]


def build_figure(view, lang: str) -> dict:
    from views.map import figure_of

    return figure_of(view, lang).to_plotly_json()


def test_the_api_says_a_judged_sum_of_one_city_is_partial_too(db_url, tmp_path):
    # the overview's 「✖ 落后 · ? 部分下级 1/14」 for 广西 2017, in /api/v1/progress
    from api.progress import region_progress

    the_testers_case(db_url, tmp_path)
    with session_factory(make_engine(db_url))() as session:
        (item,) = region_progress(session, GUANGXI, INDICATOR, "revised", None, None)
    years = {y["year"]: y for y in item["years"]}
    assert years[2017]["status"] == "behind"
    assert years[2017]["partial"] == {"sub_regions_reporting": 1, "sub_regions_total": 14}
