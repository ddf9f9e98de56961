"""Exports and the region page say what the page judges, in words (dogfood 30, F10, F11, F17, F24).

The figures are TEST data (synthetic), uploaded through the app's own import path (tests/test_rollup_honest.py):
洋县 610723 gets a committed 2016 target of 28万, a stretch (力争) 2017 target of 30万 and committed 2018–2020
targets, with actuals 21.72万 (2015) and 26.5万 (2016): 2016 is behind (94.6%). Each export is read back from the
bytes the download routes send (``export.routes.chart_bytes`` / ``briefing_bytes``).
"""

from __future__ import annotations

import csv
import io

import openpyxl

from analysis.consistency import consistency_checks
from db import queries
from db.session import make_engine, session_factory
from export import briefing, routes
from export.charts import build_chart
from layouts.region_page import consistency_list
from layouts.sources import source_cards
from tests.test_rollup_honest import YANG, actuals, targets, upload
from tests.upload_files import target_row

INDICATOR = "poor_population_reduced"
ACTUALS = {2015: "21.72万", 2016: "26.5万"}


def chart_data(db_url: str, fmt: str, code: str = YANG, lang: str = "zh") -> bytes:
    args = {"region": code, "indicator": INDICATOR, "plan": "revised", "lang": lang}
    with session_factory(make_engine(db_url))() as session:
        data, _ = routes.chart_bytes(session, fmt, routes.params(args), "http://127.0.0.1:8050")
    return data


def strings(tree) -> list[str]:
    """Every text in a plain layout tree (dicts of components, as the layouts return them)."""
    if isinstance(tree, str):
        return [tree]
    if isinstance(tree, dict):
        return [s for value in tree.values() for s in strings(value)]
    if isinstance(tree, list | tuple):
        return [s for item in tree for s in strings(item)]
    children = getattr(tree, "children", None)  # a Dash component (the source cards)
    return strings(children) if children is not None else []


# F17 (b): the annual data say the year's achievement and status, as the page's year table


def test_the_annual_csv_says_achievement_and_status_on_the_actual_and_the_plan_it_is_judged_against(db_url, tmp_path):
    upload(db_url, tmp_path, targets(YANG), actuals(YANG, ACTUALS))
    rows = list(csv.DictReader(io.StringIO(chart_data(db_url, "csv").decode("utf-8-sig"))))
    by = {(r["系列 series"], r["年份 Year"]): r for r in rows}
    # a first upload for a county with no plan sets its original plan (migration 0011), shown under ?plan=revised too
    for series in ("原计划", "实际"):
        assert by[(series, "2016")]["完成率 Achievement"] == "94.6", series
        assert by[(series, "2016")]["状态 Status"] == "✖ 落后", series
    assert by[("力争目标", "2017")]["状态 Status"] == "", "a stretch target is never what a year is judged on"
    assert by[("实际", "2015")]["状态 Status"] == "", "no plan in 2015: nothing judged"


def test_the_annual_xlsx_data_sheet_has_the_status_in_english_too(db_url, tmp_path):
    upload(db_url, tmp_path, targets(YANG), actuals(YANG, ACTUALS))
    ws = openpyxl.load_workbook(io.BytesIO(chart_data(db_url, "xlsx", lang="en")))["数据 Data"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    actual_2016 = next(r for r in rows if r["系列 series"] == "Actual" and r["年份 Year"] == 2016)
    assert actual_2016["完成率 Achievement"] == 94.6
    assert actual_2016["状态 Status"] == "✖ behind"


# F17 (c): the sources sheet tells a stretch target from a committed one


def test_the_xlsx_sources_sheet_names_a_stretch_target_as_such(db_url, tmp_path):
    upload(db_url, tmp_path, targets(YANG), actuals(YANG, ACTUALS))
    ws = openpyxl.load_workbook(io.BytesIO(chart_data(db_url, "xlsx")))["来源 Sources"]
    header = [c.value for c in ws[1]]
    kinds = {
        (r[header.index("期间 Period")], r[header.index("类型 Kind")])
        for r in ws.iter_rows(min_row=2, values_only=True)
    }
    assert (2017, "力争目标") in kinds
    assert (2016, "目标") in kinds and (2016, "实际") in kinds


# F10: the source card of a stretch figure says 力争目标


def test_a_stretch_figures_source_card_says_stretch_target(db_url, tmp_path):
    upload(db_url, tmp_path, targets(YANG), actuals(YANG, ACTUALS))
    with session_factory(make_engine(db_url))() as session:
        rows = queries.figures(session, region_codes=[YANG], indicator=INDICATOR)
        detail = queries.sources_of(session, [int(r["id"]) for r in rows])
    stretch = [r for r in detail if r["tier"] == "stretch"]
    committed = [r for r in detail if r["kind"] == "target" and r["tier"] == "committed"]
    assert stretch and committed
    assert "力争目标" in strings(source_cards(stretch, "zh"))
    assert "Stretch target" in strings(source_cards(stretch, "en"))
    assert "目标" in strings(source_cards(committed[:1], "zh")), "a committed target stays 目标"


# F11: the consistency line keeps the comparator of a "more than" target


def test_the_consistency_line_keeps_the_more_than_of_a_period_target(db_url, tmp_path):
    rows = [
        [*target_row(code=YANG, name="", start=2016, end=2016, value="8.5万"), "必成"],
        [*target_row(code=YANG, name="", start=2016, end=2020, comparator=">", value="30万"), "必成"],
    ]
    upload(db_url, tmp_path, rows, [])
    with session_factory(make_engine(db_url))() as session:
        figures = queries.figures(session, region_codes=[YANG], indicator=INDICATOR)
    checks = consistency_checks(figures, YANG, "revised")
    english = " ".join(strings(consistency_list(checks, "人", "en")))
    chinese = " ".join(strings(consistency_list(checks, "人", "zh")))
    assert "total > 300,000 people" in english, english
    assert "合计 >30万人" in chinese, chinese


# F24: a period of one year reads as that year


def test_the_briefing_cover_writes_a_one_year_plan_period_as_the_year(db_url, tmp_path):
    one_year = [[*target_row(code=YANG, name="", start=2016, end=2016, value="28万"), "必成"]]
    upload(db_url, tmp_path, one_year, actuals(YANG, ACTUALS))
    with session_factory(make_engine(db_url))() as session:
        pack = briefing.collect(session, YANG, "zh", "http://127.0.0.1:8050", "?plan=revised")
    cover = briefing.cover_figure(pack)
    periods = cover["data"][0]["cells"]["values"][3]
    assert any(p.startswith("2016: ") for p in periods), periods
    assert not any("2016–2016" in p for p in periods), periods


def test_the_sub_regions_chart_title_says_the_years_its_bars_cover(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        export = build_chart(session, "610000", "counties_exited", chart="children")
    years = sorted({y for kid in export.context.children for y in kid["years"]})
    assert (years[0], years[-1]) == (2017, 2019), "the seed's 陕西 county exits by prefecture"
    assert export.title.endswith("下级地区 2017–2019"), export.title
