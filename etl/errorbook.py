"""A copy of an uploaded file with an error column, so a planner fixes the rows where they are.

Cells are written back as they were read (cached values, never formulas: a string that starts with "=" stays
text). A first sheet lists every problem with its location and how to fix it.

Example::

    Path("plan-errors.xlsx").write_bytes(error_workbook(result.book, result.checked.problems))
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from etl.problems import Problem
from etl.readers import Book
from textsafety import multi_line, one_line

SUMMARY = "错误汇总 Errors"
ERROR_HEADER = "错误 Errors"
MARK = PatternFill("solid", fgColor="FFD7D7")
SUMMARY_HEADERS = ["工作表 sheet", "行 row", "列 column", "值 value", "问题 problem", "改法 how to fix", "代码 code"]


def _cell(ws, value, bold: bool = False, fill: PatternFill | None = None) -> WriteOnlyCell:
    if isinstance(value, str):
        value = multi_line(value)  # control characters as visible escapes: XLSX refuses them raw
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        cell.data_type = "s"  # data, never a formula
    if bold:
        cell.font = Font(bold=True)
    if fill is not None:
        cell.fill = fill
    return cell


def _column_index(column: str) -> int | None:
    match = re.match(r"([A-Z]+)\b", column or "")
    if not match:
        return None
    index = 0
    for ch in match.group(1):
        index = index * 26 + ord(ch) - 64
    return index - 1


def error_workbook(book: Book | None, problems: list[Problem]) -> bytes:
    """The annotated copy as .xlsx bytes (only the summary sheet when the file could not be read at all)."""
    out = Workbook(write_only=True)
    summary = out.create_sheet(SUMMARY)
    summary.append([_cell(summary, h, bold=True) for h in SUMMARY_HEADERS])
    for p in problems:
        summary.append([_cell(summary, v) for v in (p.sheet, p.row, p.column, p.value, p.message, p.hint, p.code)])
    by_row: dict[tuple[str, int], list[Problem]] = {}
    for p in problems:
        if p.row:
            by_row.setdefault((p.sheet, p.row), []).append(p)
    for sheet in book.sheets if book else []:
        ws = out.create_sheet(_safe_title(sheet.name, out))
        width = max((len(cells) for _n, cells in sheet.rows), default=0)
        header_row = sheet.rows[0][0] if sheet.rows else 1
        for number, cells in sheet.rows:
            found = by_row.get((sheet.name, number), [])
            marked = {_column_index(p.column) for p in found}
            row = [_cell(ws, None if v == "" else v, fill=MARK if i in marked else None) for i, v in enumerate(cells)]
            row += [_cell(ws, None)] * (width - len(cells))
            if number == header_row:
                row.append(_cell(ws, ERROR_HEADER, bold=True))
            elif found:
                row.append(_cell(ws, "; ".join(f"{p.column}: {p.message} — {p.hint}" for p in found), fill=MARK))
            ws.append(row)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _safe_title(name: str, book: Workbook) -> str:
    title = re.sub(r"[\[\]:*?/\\]", "_", one_line(name))[:31] or "Sheet"
    taken = {ws.title for ws in book.worksheets}
    candidate, n = title, 1
    while candidate in taken:
        n += 1
        candidate = f"{title[:28]}_{n}"
    return candidate
