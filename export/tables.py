"""Rows -> CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX (number formats, a sources sheet).

Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading
apostrophe, so a hostile quote or note stays inert text (CSV/formula injection). Control characters other than
tab and line breaks (which XLSX refuses and a terminal obeys) are written as visible escapes (``textsafety``).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from export import basis
from export.chart_data import ChartExport
from text.format import display_unit_text
from text.i18n import both, t
from textsafety import first_control, multi_line

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# (row key, i18n key, kind): kind picks the cell format
DATA_COLUMNS = [
    ("region_code", "col_region_code", "text"),
    ("region", "region", "text"),
    ("indicator_code", "col_indicator_code", "text"),
    ("indicator", "indicator", "text"),
    ("series", "col_series", "text"),
    ("year", "year", "year"),
    ("value", "value", "number"),
    ("comparator", "col_comparator", "text"),
    ("unit", "col_unit", "unit"),
    ("achievement", "achievement", "pct"),  # the year's, on the actual and the plan it is judged against
    ("status", "col_status", "text"),
    ("rolled_up", "rolled_up", "bool"),
    ("basis", "col_basis", "text"),
    ("plan_version", "plan_version", "text"),
    ("reliability", "reliability", "text"),
    ("source", "source", "text"),
    ("quote", "quote", "text"),
    ("note", "col_note", "text"),
    ("figure_ids", "col_figure_ids", "ids"),
    ("notes", "col_notes", "text"),
]
# the sub-regions chart: one row per child, its plan and actual bars side by side
CHILD_DATA_COLUMNS = [
    ("region_code", "col_region_code", "text"),
    ("region", "region", "text"),
    ("indicator_code", "col_indicator_code", "text"),
    ("indicator", "indicator", "text"),
    ("plan", "target", "number"),
    ("actual", "actual", "number"),
    ("unit", "col_unit", "unit"),
    ("achievement", "achievement", "pct"),
    ("status", "col_status", "text"),
    ("status_years", "col_status_years", "period"),  # the years the status is of, where a row has one
    ("years", "period", "period"),
    ("plan_version", "plan_version", "text"),
    ("reliability", "reliability", "text"),
    ("source", "source", "text"),
    ("quote", "quote", "text"),
    ("plan_figure_ids", "col_plan_ids", "ids"),
    ("actual_figure_ids", "col_actual_ids", "ids"),
]
SOURCE_COLUMNS = [
    ("figure_id", "col_figure_id", "int"),
    ("region_code", "col_region_code", "text"),
    ("region_name", "region", "text"),
    ("kind", "kind", "text"),
    ("period", "period", "period"),
    ("value", "value", "number"),
    ("unit", "col_unit", "unit"),
    ("source", "source", "text"),
    ("url", "col_url", "url"),
    ("reliability", "reliability", "text"),
    ("plan_version", "plan_version", "text"),
    ("quote", "quote", "text"),
    ("note", "col_note", "text"),
    ("batch_id", "col_batch", "int"),
]
NOTE_COLUMNS = [
    ("region_code", "col_region_code", "text"),
    ("indicator", "col_indicator_code", "text"),
    ("year", "year", "year"),
    ("text", "notes_title", "text"),
    ("author", "col_user", "text"),
    ("created_at", "col_time", "text"),
    ("edited_by", "col_edited_by", "text"),
    ("edited_at", "col_edited_at", "text"),
]
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
WIDTHS = {
    "ids": 12,
    "period": 11,
    "unit": 10,
    "text": 18,
    "year": 8,
    "number": 14,
    "int": 10,
    "bool": 8,
    "url": 40,
    "pct": 10,
}


def neutralise(value):
    """Make text safe for a spreadsheet cell: inert if it would evaluate, control characters as visible escapes;
    numbers and other values pass through.

    Examples: ``neutralise('=HYPERLINK("x")') == "'=HYPERLINK(\\"x\\")"``; ``neutralise("a\\x1b") == "a␛"``;
    ``neutralise(-3.5) == -3.5``.
    """
    if not isinstance(value, str):
        return value
    value = multi_line(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def is_link(value) -> bool:
    """A web address that may become a live link: http(s), with no control character or space in it."""
    text = str(value or "")
    return text.startswith(("http://", "https://")) and first_control(text) is None and " " not in text


def plain(value):
    """125000.0 -> 125000 so CSV cells read as the figure was written."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _cell(value, kind: str, lang: str):
    if kind == "bool":
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if kind == "pct":
        return None if value is None else round(value, 1)
    if kind in ("ids", "period"):  # one id or one year is a number (a lookup matches it); several stay text
        return int(value) if isinstance(value, str) and value.isdigit() else neutralise(value or "")
    if kind == "unit":  # the reader's form: 亩 in Chinese, mu in English (text.format, the one unit table)
        return neutralise(display_unit_text(value, lang) if value and lang == "en" else (value or ""))
    return neutralise(plain(value) if kind in ("number", "int", "year") else ("" if value is None else value))


def columns_of(export: ChartExport) -> list[tuple[str, str, str]]:
    """The data columns of a chart export: per point, or per sub-region for the sub-regions chart."""
    return CHILD_DATA_COLUMNS if export.chart == "children" else DATA_COLUMNS


def header(columns: list[tuple[str, str, str]]) -> list[str]:
    """Bilingual column headers, Chinese first: ``["地区代码 region code", ...]``."""
    return [basis.label(key) if key in basis.LABELS else both(key) for _, key, _ in columns]


def csv_bytes(rows: list[dict], columns=DATA_COLUMNS, lang: str = "zh") -> bytes:
    """Rows as CSV text encoded UTF-8 with a BOM and CRLF line ends (what Excel expects).

    Example: ``csv_bytes(export.rows)[:3] == b"\\xef\\xbb\\xbf"``
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header(columns))
    for row in rows:
        writer.writerow([_cell(row.get(key), kind, lang) for key, _, kind in columns])
    return out.getvalue().encode("utf-8-sig")


def number_format(unit: str, values: list[float]) -> str:
    """Excel number format for a value column: percentages with 2 decimals, counts with thousands separators."""
    if unit == "%":
        return "0.00"
    return "#,##0" if all(float(v).is_integer() for v in values) else "#,##0.00"


def write_table(ws: Worksheet, rows: list[dict], columns, lang: str = "zh", unit: str = "", start_row: int = 1) -> int:
    """Write a header and rows with formats, a frozen header and a filter; returns the last row written."""
    for col, text in enumerate(header(columns), start=1):
        cell = ws.cell(row=start_row, column=col, value=text)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    numbers = [k for k, _, kind in columns if kind == "number"]
    fmt = number_format(unit, [r[k] for r in rows for k in numbers if r.get(k) is not None])
    for r, row in enumerate(rows, start=start_row + 1):
        for c, (key, _, kind) in enumerate(columns, start=1):
            cell = ws.cell(row=r, column=c, value=_cell(row.get(key), kind, lang))
            if kind == "number":
                cell.number_format = fmt
            elif kind in ("year", "int") or (kind in ("ids", "period") and isinstance(cell.value, int)):
                cell.number_format = "0"
            elif kind == "pct":
                cell.number_format = '0.0"%"'  # achievement is stored as a percent number (91.1)
            elif kind == "url" and is_link(row.get(key)):
                cell.hyperlink, cell.style = row[key], "Hyperlink"
    for c, (_, _, kind) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = WIDTHS[kind]
    last = start_row + len(rows)
    ws.freeze_panes = ws.cell(row=start_row + 1, column=1)
    ws.auto_filter.ref = f"A{start_row}:{get_column_letter(len(columns))}{last}"
    return last


def about_rows(export: ChartExport) -> list[tuple[str, str]]:
    """What the About sheet says: title, plan versions, data date, the view's address, the export time."""
    summed = basis.note(export.progress, export.lang) if export.chart != "children" else None
    return [
        (both("col_title"), export.title),
        *([(basis.label("rollup_note"), summed)] if summed else []),  # the page's note on sums of sub-regions
        (both("plan_version"), "; ".join(export.plan_versions) or "—"),
        (both("data_as_of"), export.as_of.strftime("%Y-%m-%d %H:%M") if export.as_of else "—"),
        (both("col_view_url"), export.view_url),
        (both("col_exported_at"), datetime.now().strftime("%Y-%m-%d %H:%M")),
        (both("col_inert_note"), t("inert_note", export.lang)),
        (both("col_figure_ids"), t("figure_ids_note", export.lang)),
    ]


def write_about(ws: Worksheet, pairs: list[tuple[str, str]]) -> None:
    for label, value in pairs:
        ws.append([label, neutralise(value)])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 22, 90


def xlsx_bytes(export: ChartExport) -> bytes:
    """Workbook with the chart's rows (数据 Data), every figure behind them (来源 Sources) and an About sheet.

    Example: ``openpyxl.load_workbook(io.BytesIO(xlsx_bytes(export))).sheetnames``
    == ``["数据 Data", "来源 Sources", "说明 About"]``
    """
    wb = Workbook()
    data = wb.active
    data.title = "数据 Data"
    write_table(data, export.rows, columns_of(export), export.lang, export.indicator["unit"])
    write_table(wb.create_sheet("来源 Sources"), export.sources, SOURCE_COLUMNS, export.lang, export.indicator["unit"])
    write_about(wb.create_sheet("说明 About"), about_rows(export))
    if export.notes:  # notes (说明) on the years shown, as text
        write_table(wb.create_sheet("说明 Notes"), [note_cells(n) for n in export.notes], NOTE_COLUMNS, export.lang)
    return save(wb)


def note_cells(note: dict) -> dict:
    """A note as a row of the 说明 Notes sheet (times as text, as written)."""
    return {**note, "created_at": str(note["created_at"]), "edited_at": str(note["edited_at"] or "")}


def save(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
