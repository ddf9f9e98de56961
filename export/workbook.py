"""Briefing pack as an Excel workbook: one sheet per indicator with a native (restylable) Excel chart.

Sheets: 目录 Contents (scope, data date, plan versions, a link to each sheet), one sheet per indicator (year
table with status, a bar chart drawn by Excel from those cells, the sub-regions' latest figures), and
来源 Sources (every figure behind every chart).
"""

from __future__ import annotations

import re

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from export import basis
from export.briefing import Briefing, IndicatorPage, row_status
from export.tables import (
    NOTE_COLUMNS,
    SOURCE_COLUMNS,
    neutralise,
    note_cells,
    number_format,
    save,
    write_about,
    write_table,
)
from layouts.theme import COLORS
from text.format import display_unit_text
from text.i18n import both, name, t
from textsafety import one_line

YEAR_COLUMNS = [
    ("year", "year", "year"),
    ("original", "plan_original", "number"),
    ("revised", "plan_revised", "number"),
    ("actual", "actual", "number"),
    ("achievement", "achievement", "pct"),
    ("status_text", "col_status", "text"),
    ("basis", "col_basis", "text"),  # 本级 own / 下级合计 Σ: which figures are sums of sub-regions, how many report
]
CHILD_COLUMNS = [
    ("code", "col_region_code", "text"),
    ("label", "sub_regions", "text"),
    ("plan", "target", "number"),
    ("actual", "actual", "number"),
    ("achievement", "achievement", "pct"),
    ("status_text", "col_status", "text"),
]
SERIES_COLORS = [COLORS["original"], COLORS["revised"], COLORS["actual"]]
TABLE_ROW = 4  # header row of the year table; rows 1-2 hold the title and the footer line, row 3 the roll-up note
CHART_ANCHOR = "I4"  # right of the year table


def sheet_title(text: str, taken: set[str]) -> str:
    """A legal, unique Excel sheet name (31 characters, none of []:*?/\\).

    Example: ``sheet_title("农村贫困人口(统计调查)", set()) == "农村贫困人口(统计调查)"``
    """
    base = re.sub(r"[\[\]:*?/\\]", " ", text)[:31]
    title, n = base, 2
    while title in taken:
        title = f"{base[: 31 - len(str(n)) - 1]}~{n}"
        n += 1
    taken.add(title)
    return title


def add_chart(ws: Worksheet, page: IndicatorPage, first: int, last: int, anchor: str) -> BarChart:
    """A clustered bar chart over the year table (original, revised, actual), placed at ``anchor``."""
    chart = BarChart()
    chart.type, chart.grouping = "col", "clustered"
    chart.title = one_line(page.chart.title)
    chart.y_axis.title = display_unit_text(page.chart.indicator["unit"], page.chart.lang)
    chart.x_axis.title = t("year", page.chart.lang)
    chart.x_axis.delete = chart.y_axis.delete = False
    data = Reference(ws, min_col=2, max_col=4, min_row=first - 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    for series, color in zip(chart.series, SERIES_COLORS, strict=True):
        series.graphicalProperties.solidFill = color.lstrip("#")
        series.graphicalProperties.line.solidFill = color.lstrip("#")
    chart.width, chart.height = 20, 10
    ws.add_chart(chart, anchor)
    return chart


def indicator_sheet(ws: Worksheet, page: IndicatorPage, lang: str) -> None:
    chart = page.chart
    unit = chart.indicator["unit"]
    ws["A1"] = neutralise(chart.title)
    ws["A1"].font = Font(bold=True, size=14)
    as_of = chart.as_of.strftime("%Y-%m-%d") if chart.as_of else "—"
    shown_unit = display_unit_text(unit, lang)
    ws["A2"] = neutralise(f"{both('data_as_of')}: {as_of} · {both('col_unit')}: {shown_unit} · {chart.view_url}")
    ws["A2"].hyperlink = chart.view_url
    summed = basis.note(chart.progress, lang)
    if summed:  # the page's roll-up note: a reader can't take a (partial) sum for the region's own figure
        ws["A3"] = neutralise(f"{basis.label('rollup_note')}: {summed}")
        ws["A3"].font = Font(bold=True, color="9C5700")
    rows = [{**r, "status_text": row_status(r, lang)} for r in page.status]
    last = write_table(ws, rows, YEAR_COLUMNS, lang, unit, start_row=TABLE_ROW)
    ws.auto_filter.ref = None  # a filter on the chart's own cells would hide bars when used
    if rows:
        add_chart(ws, page, TABLE_ROW + 1, last, CHART_ANCHOR)
    if page.children:
        children = page.children
        start = max(last + 3, TABLE_ROW + 24)
        ws.cell(row=start - 1, column=1, value=both("sub_regions")).font = Font(bold=True)
        write_table(ws, children, CHILD_COLUMNS, lang, unit, start_row=start)
        ws.auto_filter.ref = None
    ws.freeze_panes = None
    ws.column_dimensions["A"].width = 12
    for col in "BCD":
        ws.column_dimensions[col].width = 14
    for row in ws.iter_rows(min_row=TABLE_ROW + 1, max_row=last, min_col=2, max_col=4):
        for cell in row:
            cell.number_format = number_format(unit, [r["value"] for r in chart.rows])


def briefing_xlsx(briefing: Briefing) -> bytes:
    """The pack as a workbook; each indicator sheet holds at least one native Excel chart.

    Example: ``openpyxl.load_workbook(io.BytesIO(briefing_xlsx(collect(s, "621100"))))["目录 Contents"]``
    """
    lang = briefing.lang
    wb = Workbook()
    contents = wb.active
    contents.title = "目录 Contents"
    as_of = briefing.as_of.strftime("%Y-%m-%d %H:%M") if briefing.as_of else "—"
    write_about(
        contents,
        [
            (both("col_title"), briefing.title),
            (
                both("region"),
                f"{name(briefing.region, lang)} ({briefing.region['code']}) · {t('briefing_scope', lang)}",
            ),
            (both("data_as_of"), as_of),
            (both("plan_version"), "; ".join(briefing.plan_versions) or "—"),
            (both("col_view_url"), briefing.view_url),
            (both("col_inert_note"), t("inert_note", lang)),
        ],
    )
    contents.append([])
    contents.append([both("contents")])
    contents.cell(row=contents.max_row, column=1).font = Font(bold=True)
    taken = {"目录 Contents", "来源 Sources"}
    sources = []
    for page in briefing.pages:
        title = sheet_title(name(page.chart.indicator, lang), taken)
        indicator_sheet(wb.create_sheet(title), page, lang)
        contents.append([title, neutralise(page.chart.title)])
        contents.cell(row=contents.max_row, column=1).hyperlink = f"#'{title}'!A1"
        sources.extend({**s, "indicator": name(page.chart.indicator, lang)} for s in page.chart.sources)
    notes = [note_cells(n) for page in briefing.pages for n in page.chart.notes]
    if notes:  # notes (说明) on the years shown, as text
        write_table(wb.create_sheet("说明 Notes"), notes, NOTE_COLUMNS, lang)
    columns = [("indicator", "indicator", "text"), *SOURCE_COLUMNS]
    write_table(wb.create_sheet("来源 Sources"), sources, columns, lang)
    return save(wb)
