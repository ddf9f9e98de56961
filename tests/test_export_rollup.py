"""Exports say which figures are sums of sub-regions, as the region page does (Σ, "下级合计:N个下级中M个有数据",
"(部分下级)"), and the sub-regions CSV's period is the years each row compares.

The figures go in through the app's own upload path (tests/test_rollup_honest.py): 汉中 610700 has no figure of its
own, one of its 10 counties (洋县 610723) reports, so 汉中's figures are a partial sum. Each export is written to a
file and read back (pdftotext for the PDF, openpyxl for XLSX, csv for CSV), through the functions the download
routes call (``export.routes.briefing_bytes`` / ``chart_bytes``).
"""

from __future__ import annotations

import csv
import io
import subprocess

import openpyxl
import pytest

from db.session import make_engine, session_factory
from export import routes
from tests.test_rollup_honest import HANZHONG, INDICATOR, SEARCH, YANG, actuals, targets, upload

ACTUALS = {2015: "21.72万", 2016: "26.5万"}


def briefing_file(db_url: str, tmp_path, fmt: str, code: str = HANZHONG, lang: str = "zh"):
    with session_factory(make_engine(db_url))() as session:
        data, _ = routes.briefing_bytes(session, fmt, code, lang, "http://127.0.0.1:8050", SEARCH)
    path = tmp_path / f"briefing-{code}-{lang}.{fmt}"
    path.write_bytes(data)
    return path


def data_file(db_url: str, tmp_path, fmt: str, chart: str, code: str = HANZHONG, lang: str = "zh"):
    args = {"region": code, "indicator": INDICATOR, "chart": chart, "plan": "revised", "lang": lang}
    with session_factory(make_engine(db_url))() as session:
        data, _ = routes.chart_bytes(session, fmt, routes.params(args), "http://127.0.0.1:8050")
    path = tmp_path / f"data-{code}-{chart}-{lang}.{fmt}"
    path.write_bytes(data)
    return path


def csv_rows(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def indicator_sheet(path):
    wb = openpyxl.load_workbook(path)
    titles = [t for t in wb.sheetnames if t.startswith(("脱贫人口", "Poverty", "People"))]
    assert titles, wb.sheetnames
    return wb[titles[0]]


def year_table(ws) -> dict[int, dict]:
    """The indicator sheet's year table (header on row 4) as year -> {header: value}."""
    header = [c.value for c in ws[4]]
    out = {}
    for row in ws.iter_rows(min_row=5, values_only=True):
        if not isinstance(row[0], int):
            break
        out[row[0]] = dict(zip(header, row, strict=False))
    return out


# Item 1: the briefing pack


def test_the_briefing_pdf_marks_summed_values_and_says_how_many_sub_regions_report(db_url, tmp_path):
    upload(db_url, tmp_path, targets(YANG), actuals(YANG, ACTUALS))
    path = briefing_file(db_url, tmp_path, "pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "下级合计·实际:10个下级中1个有数据" in "".join(text.split()), "the page's roll-up note"
    assert "部分下级的合计不与本级目标比较" in "".join(text.split())
    assert "Σ" in text, "summed values carry the page's Σ"
    assert "部分下级" in text, "a status judging a partial sum is tagged as on the page"


def test_the_briefing_xlsx_has_a_note_and_a_basis_column_for_summed_years(db_url, tmp_path):
    upload(db_url, tmp_path, targets(YANG), actuals(YANG, ACTUALS))
    ws = indicator_sheet(briefing_file(db_url, tmp_path, "xlsx"))
    assert "10个下级中1个有数据" in ws["A3"].value and "下级合计" in ws["A3"].value
    rows = year_table(ws)
    year = rows[2016]
    assert year["实际 Actual"] == 265000  # still a number in its cell
    assert year["数据口径 basis"].startswith("下级合计 Σ")
    assert "10个下级中1个有数据" in year["数据口径 basis"] and "部分下级" in year["数据口径 basis"]
    assert year["状态 Status"].endswith("(部分下级)")


def test_the_english_briefing_xlsx_says_it_in_english(db_url, tmp_path):
    upload(db_url, tmp_path, targets(YANG), actuals(YANG, ACTUALS))
    ws = indicator_sheet(briefing_file(db_url, tmp_path, "xlsx", lang="en"))
    assert "Σ sum of sub-regions · actual: 1 of 10 report" in ws["A3"].value
    year = year_table(ws)[2016]
    assert "Σ sum of sub-regions" in year["数据口径 basis"] and "1 of 10 report; partial" in year["数据口径 basis"]
    assert year["状态 Status"].endswith("(partial)")


def test_a_region_with_figures_of_its_own_is_said_to_be_its_own(db_url, tmp_path):
    upload(db_url, tmp_path, targets(HANZHONG), actuals(HANZHONG, ACTUALS))
    ws = indicator_sheet(briefing_file(db_url, tmp_path, "xlsx"))
    assert ws["A3"].value is None
    rows = year_table(ws)
    assert {r["数据口径 basis"] for r in rows.values()} - {None} == {"本级"}  # None: a year with only a 力争 figure
    assert not any("部分下级" in (r["状态 Status"] or "") for r in rows.values())


# Item 2: the per-chart data exports


@pytest.mark.parametrize("chart", ["annual", "cumulative"])
def test_the_chart_data_csv_marks_each_summed_value(db_url, tmp_path, chart):
    upload(db_url, tmp_path, targets(YANG), actuals(YANG, ACTUALS))
    rows = csv_rows(data_file(db_url, tmp_path, "csv", chart))
    with_values = [r for r in rows if r["数值 Value"]]
    assert with_values
    assert all(r["数据口径 basis"].startswith("下级合计 Σ") for r in with_values), "汉中 has no figure of its own"
    actual_2016 = next(r for r in with_values if r["年份 Year"] == "2016" and "实际" in r["系列 series"])
    assert actual_2016["数据口径 basis"] == "下级合计 Σ(10个下级中1个有数据,部分下级)"


def test_the_chart_data_xlsx_marks_own_and_summed_values_apart(db_url, tmp_path):
    # 汉中's own targets, 洋县's actuals: the plan is 汉中's own, the actual a sum of one county
    upload(db_url, tmp_path, targets(HANZHONG), actuals(YANG, ACTUALS))
    wb = openpyxl.load_workbook(data_file(db_url, tmp_path, "xlsx", "annual", lang="en"))
    sheet = wb["数据 Data"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    basis = {(r["系列 series"], r["年份 Year"]): r["数据口径 basis"] for r in rows}
    plan = [b for (series, _), b in basis.items() if "plan" in series.lower()]
    assert plan and set(plan) == {"own"}
    assert basis[("Actual", 2016)] == "Σ sum of sub-regions (1 of 10 report; partial)"
    about = {r[0].value: r[1].value for r in wb["说明 About"].iter_rows()}
    assert "Σ sum of sub-regions · actual: 1 of 10 report" in about["下级合计 sum of sub-regions"]


# Item 3: the sub-regions CSV's period


def test_the_sub_regions_csv_period_is_the_years_each_row_compares(db_url, tmp_path):
    upload(db_url, tmp_path, targets(YANG), actuals(YANG, {2018: "10万", 2019: "9万"}))
    rows = csv_rows(data_file(db_url, tmp_path, "csv", "children"))
    row = next(r for r in rows if r["地区代码 region code"] == YANG)
    assert row["地区 Region"] == "洋县", "the name alone: the years have columns of their own"
    assert row["期间 Period"] == "2018–2019", "the years the row compares, not the page's whole range"
