"""What a provincial leader and an analyst met on the seed database (trial of session 33), each fixed here.

城固县 610722 has one figure for 贫困县摘帽: its 2019 exit (an actual), no target. 汉中市 610700 has no figure of
its own; its counties' exits are actuals without targets too.
"""

from __future__ import annotations

import csv
import io
import subprocess
import unicodedata

import openpyxl
import pytest

from app import create_app
from db.session import make_engine, session_factory
from export import briefing, images, routes
from export.briefing import PAGE_H, PAGE_W, collect, row_status
from export.chart_data import page_figure, view
from harness.dash_client import DashClient
from layouts import ids
from layouts.charts import children_figure
from layouts.map_hover import progress_hover
from layouts.map_page import progress_rows
from views.map import build_view

CHENGGU, INDICATOR = "610722", "counties_exited"
NAMES = {"621100": "Dingxi", "610000": "Shaanxi", "411702": "Yicheng", "210781": "Linghai", "460000": "Hainan"}


def export_csv(db_url: str, region: str, chart: str, lang: str = "zh", indicator: str = INDICATOR) -> list[dict]:
    args = {"region": region, "indicator": indicator, "chart": chart, "lang": lang}
    with session_factory(make_engine(db_url))() as session:
        data, _ = routes.chart_bytes(session, "csv", routes.params(args), "http://127.0.0.1:8050")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def cumulative_page_figure(db_url: str, region: str) -> dict:
    with session_factory(make_engine(db_url))() as session:
        return page_figure(view(session, region, INDICATOR, "zh", ""), "cumulative", "zh")


# F1: a region without a target drew a cumulative plan of 0 and a gap "+1个" to it


def test_no_target_draws_no_cumulative_plan_line_and_no_gap_to_zero(seed_db_url):
    figure = cumulative_page_figure(seed_db_url, CHENGGU)
    names = [trace["name"] for trace in figure["data"]]
    assert names == ["累计实际"], names
    assert figure["layout"]["showlegend"] is True, "a line alone still says what it is"
    assert not any("差距" in a.get("text", "") for a in figure["layout"].get("annotations", []))


def test_no_target_exports_no_cumulative_plan_row_of_zero(seed_db_url):
    rows = export_csv(seed_db_url, CHENGGU, "cumulative")
    assert [(r["系列 series"], r["年份 Year"], r["数值 Value"]) for r in rows] == [("累计实际", "2019", "1")]


# F2: the map's table and hover, and the sub-regions bars, said "无报告数据 no reported figure" for a missing target


def test_the_map_says_no_target_where_a_region_has_an_actual_but_no_target(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        view = build_view(session, None, {"indicator": "poor_population_reduced"}, "en")
    hainan = view.progress["460000"]
    assert hainan.plan is None and hainan.actual is not None
    row = dict(zip(view.progress, progress_rows(NAMES, view.progress, view.unit, "en"), strict=True))["460000"]
    assert row[2] == "no target" and row[3] == "190,421 people", row
    hover = progress_hover("海南省", hainan, view.unit, "zh").split("<br>")
    assert hover[2:4] == ["计划: 无目标", "实际: 19.0421万人"], hover


def test_a_sub_regions_bar_without_a_target_is_not_called_unreported():
    rows = [{"code": CHENGGU, "label": "城固县 · 2019", "plan": None, "actual": 1.0, "status": None}]
    plan, actual = children_figure(rows, "个", "t", "zh")["data"]
    assert plan["text"] == ["无目标"] and actual["text"] == ["1个"]


# F4: the sub-regions export's 地区 Region column held the chart's label ("南郑区 · 2019"), not the region's name


def test_the_sub_regions_export_names_each_region_and_gives_its_years_in_columns(seed_db_url):
    rows = {r["地区代码 region code"]: r for r in export_csv(seed_db_url, "621100", "children")}
    anding = rows["621102"]  # 安定区: planned 2016, exited 2019; its status is of 2016
    assert anding["地区 Region"] == "安定区"
    assert (anding["期间 Period"], anding["状态 Status"], anding["状态年份 Status of years"]) == (
        "2016, 2019",
        "✖ 落后",
        "2016",
    )
    hanzhong = export_csv(seed_db_url, "610700", "children")
    assert {r["地区 Region"] for r in hanzhong} >= {"城固县", "南郑区"}
    assert {r["状态年份 Status of years"] for r in hanzhong} == {""}, "no target, no status, no status years"


# F5: where a year's plan is a sum of only some sub-regions (定西 2016: 3 of its 7 counties' exit targets, Σ) the page
# says 「? 部分下级报告:7个下级中3个」; the data export and the briefing pack said "? 无报告数据" (no reported figure)


def test_a_partial_sum_reads_the_same_in_the_data_export_as_on_the_page(seed_db_url):
    rows = export_csv(seed_db_url, "621100", "annual")
    status = {(r["系列 series"], r["年份 Year"]): r["状态 Status"] for r in rows}
    assert status[("原计划", "2016")] == status[("实际", "2016")] == "? 部分下级报告:7个下级中3个"
    assert status[("实际", "2017")] == "? 部分下级报告:7个下级中4个"


def test_a_partial_sum_reads_the_same_in_the_briefing_pack_as_on_the_page(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        dingxi, shaanxi = collect(session, "621100", "en"), collect(session, "610000", "zh")
    page = next(p for p in dingxi.pages if p.chart.indicator["code"] == INDICATOR)
    words = {r["year"]: row_status(r, "en") for r in page.status}
    assert words[2016] == "? partial: 3 of 7 sub-regions report"
    assert words[2017] == "? partial: 4 of 7 sub-regions report"
    own = next(p for p in shaanxi.pages if p.chart.indicator["code"] == "poor_population_reduced")
    assert [row_status(r, "zh") for r in own.status] == ["—", "✔ 达成", "✖ 落后", "✔ 达成"], "own figures: as before"


# F6: the briefing pack's sub-regions table clipped its fifth row unseen in English (labels wrap to three lines, not
# two), and its year table clipped 「? 部分下级报告:7个下级中3个」 to 「? 部分下级报」 in its narrow status column


def briefing_page(db_url: str, lang: str):
    with session_factory(make_engine(db_url))() as session:
        pack = collect(session, "621100", lang)
    number, page = next((i, p) for i, p in enumerate(pack.pages, 2) if p.chart.indicator["code"] == INDICATOR)
    return page, briefing.page_figure(page, number, len(pack.pages) + 1)


def test_the_english_sub_regions_table_shows_only_rows_with_room_and_counts_the_rest(seed_db_url, tmp_path):
    page, figure = briefing_page(seed_db_url, "en")
    path = tmp_path / "dingxi-en.pdf"
    path.write_bytes(images.kaleido_server.render(figure, "pdf", PAGE_W, PAGE_H))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    table = next(d for d in figure["data"] if d.get("header", {}).get("values", [""])[0] == "<b>Sub-regions</b>")
    labels = table["cells"]["values"][0]
    assert labels[-1] == f"… +{len(page.children) - (len(labels) - 1)} (XLSX)" and labels[-1] in text
    assert len(labels) - 1 == 3, "three rows of three lines each, then the count of the rest"


def test_the_year_tables_status_words_fit_their_column_in_chinese(seed_db_url):
    _, figure = briefing_page(seed_db_url, "zh")
    table = next(d for d in figure["data"] if d.get("header", {}).get("values", [""])[0] == "<b>年份</b>")
    words = table["cells"]["values"][-1]
    assert words[0].replace("<br>", "") == "?部分下级报告:7个下级中3个"
    assert all(width(line) <= 10 for cell in words for line in cell.split("<br>")), words  # 5 Chinese characters


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# F7: the data export's 数据口径 basis said a summed target of 3 counties was 「7个下级中0个有数据」 (it counted the
# counties reporting an actual), and a derived zero year (no county exited in 2016) 「下级合计 Σ(7个下级中2–5个有数据)」
# (the years its counties did exit), where the page shows 3 Σ and a plain 0


def test_the_basis_column_counts_a_summed_targets_sub_regions_and_names_a_derived_zero(seed_db_url):
    rows = export_csv(seed_db_url, "621100", "annual")
    basis = {(r["系列 series"], r["年份 Year"]): r["数据口径 basis"] for r in rows}
    assert basis[("原计划", "2016")] == "下级合计 Σ(7个下级中3个有数据,部分下级)"
    assert basis[("原计划", "2017")] == "下级合计 Σ(7个下级中4个有数据,部分下级)"
    assert basis[("实际", "2016")] == basis[("实际", "2018")] == "推得"
    assert basis[("实际", "2019")] == "下级合计 Σ(7个下级中5个有数据,部分下级)"
    own = export_csv(seed_db_url, "610000", "annual", indicator="poor_population_reduced")
    assert {r["数据口径 basis"] for r in own} == {"本级"}


# F8: an English export's 来源 Sources sheet named each figure's region in Chinese (延长县), its data sheet in English


def test_an_english_exports_sources_name_regions_in_english(seed_db_url):
    args = {"region": "610000", "indicator": INDICATOR, "chart": "children", "lang": "en"}
    with session_factory(make_engine(seed_db_url))() as session:
        data, _ = routes.chart_bytes(session, "xlsx", routes.params(args), "http://127.0.0.1:8050")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["来源 Sources"]
    names = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"Yanchang County", "Chenggu County"} <= names and not any(width(n) > len(n) for n in names), names


# F9: an exported page's footer never wrapped: the English briefing page's roll-up note ran off the page at
# "the status covers only t…" (and a long note, 说明, would too)


def test_footer_lines_wrap_to_the_page(seed_db_url):
    _, figure = briefing_page(seed_db_url, "en")
    footer = figure["layout"]["annotations"][-1]["text"].split("<br>")
    room = (PAGE_W - figure["layout"]["margin"]["l"] - 12) / 5.6  # half-width characters of 11 px type
    assert all(width(line) <= room for line in footer), [width(line) for line in footer]
    assert " ".join(footer[:2]).endswith("the status covers only those")
    bottom = figure["layout"]["margin"]["b"]
    assert bottom == 8 + 16 * len(footer) + 12, "the plot leaves room for every line"


def test_a_long_note_wraps_on_a_chart_export_too(seed_db_url):
    note = "说明 Note 2019: " + "受洪灾影响部分县脱贫进度推迟" * 12
    out = images.with_footer({"data": [], "layout": {}}, [note, "http://127.0.0.1:8050/region/610000"], legend=False)
    lines = out["layout"]["annotations"][-1]["text"].split("<br>")
    assert len(lines) >= 3 and "".join(lines[:-1]).replace(" ", "") == note.replace(" ", "")
    assert lines[-1] == "http://127.0.0.1:8050/region/610000"


# F10: a map address with a year (/map?indicator=…&year=2018) lost its year as the page set its dropdowns, so the
# language button, a bookmark or a copied link showed the latest year instead of 2018


@pytest.fixture(scope="module")
def dash_client(seed_db_url):
    return DashClient(create_app(seed_db_url, build_if_empty=False, progress=lambda _m: None))


def choose(client, search: str, indicator: str, year) -> str:
    output = next(k for k in client.map if ids.MAP_INDICATOR in str(client.map[k]["inputs"]))
    values = {
        f"{ids.MAP_INDICATOR}.value": indicator,
        f"{ids.MAP_YEAR}.value": year,
        f"{ids.MAP_COLOUR}.value": "achievement",
        f"{ids.MAP_PLAN}.value": "original",
        f"{ids.URL}.search": search,
    }
    body, _ = client.call(output, values, triggered=[f"{ids.MAP_INDICATOR}.value"])
    return (body.get("response") or {}).get(ids.URL, {}).get("search", "no_update")


def test_the_maps_year_stays_in_its_address_when_the_page_sets_its_dropdowns(dash_client):
    search = "?indicator=poor_population_reduced&year=2018&colour=achievement"
    kept = choose(dash_client, search, "poor_population_reduced", 2018)
    assert kept == "no_update" or "year=2018" in kept, kept
    changed = choose(dash_client, search, "counties_exited", 2018)
    assert "indicator=counties_exited" in changed and "year=" not in changed, "a new indicator picks its own year"


# F17: the sub-regions chart keyed "目标" in its legend when none of the sub-regions had a target


def test_the_sub_regions_key_names_only_the_series_that_draw_bars():
    rows = [{"code": CHENGGU, "label": "城固县 · 2019", "plan": None, "actual": 1.0, "status": None}]
    plan, actual = children_figure(rows, "个", "t", "zh")["data"]
    assert (plan["showlegend"], actual["showlegend"]) == (False, True)
    rows.append({"code": "2", "label": "乙县", "plan": 3.0, "actual": None, "status": None})
    plan, actual = children_figure(rows, "个", "t", "zh")["data"]
    assert (plan["showlegend"], actual["showlegend"]) == (True, True)


# F16: the cumulative export of 汉中's counties (partial sums, which the line does not cumulate) had a row per year
# with an empty value


def test_the_cumulative_export_has_no_row_for_a_point_the_line_does_not_draw(seed_db_url):
    figure = cumulative_page_figure(seed_db_url, "610700")
    drawn = [(x, y) for trace in figure["data"] for x, y in zip(trace["x"], trace["y"], strict=True) if y is not None]
    rows = export_csv(seed_db_url, "610700", "cumulative")
    assert [(r["年份 Year"], r["数值 Value"]) for r in rows] == [(str(x), f"{y:g}") for x, y in drawn]
    assert all(r["数值 Value"] for r in rows)
    assert export_csv(seed_db_url, "610700", "annual"), "the yearly chart of the same page still has its rows"
