"""Real upload files written in code for the upload tests: workbooks, CSVs in several encodings, hostile files."""

from __future__ import annotations

import csv
import io
import re
import zipfile

from openpyxl import Workbook

from etl.columns import ACTUAL_FIELDS, TARGET_FIELDS, header

TARGET_HEADERS = [header(f) for f in TARGET_FIELDS]
ACTUAL_HEADERS = [header(f) for f in ACTUAL_FIELDS]


def target_row(
    code="610000",
    name="陕西省",
    indicator="poor_population_reduced",
    start=None,
    end=2020,
    comparator="",
    value="28万",
    unit="",
    url="",
    quote="",
    reliability="",
    note="",
) -> list:
    return [code, name, indicator, start, end, comparator, value, unit, url, quote, reliability, note]


def actual_row(
    code="610000",
    name="陕西省",
    indicator="poor_population_reduced",
    start=None,
    end=2019,
    value="57.88万",
    unit="",
    url="",
    quote="",
    reliability="",
    note="",
) -> list:
    return [code, name, indicator, start, end, value, unit, url, quote, reliability, note]


class Formula(str):
    """A cell value meant as an Excel formula (any other string starting with "=" is written as text)."""


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    """A workbook with one sheet per entry (first row = header); cells written as given (str stays text)."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    formula = any(isinstance(v, Formula) and v == cell.value for v in row)
                    cell.data_type = "f" if formula else "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def targets_xlsx(*rows: list) -> bytes:
    return xlsx({"目标 Targets": [TARGET_HEADERS, *rows]})


def actuals_xlsx(*rows: list) -> bytes:
    return xlsx({"实际 Actuals": [ACTUAL_HEADERS, *rows]})


def with_cached_formula(data: bytes, formula: str, cached: str | None) -> bytes:
    """Rewrite a workbook so the cell holding ``=formula`` has ``cached`` as Excel's saved value (or none)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                value = f"<v>{cached}</v>" if cached is not None else ""
                body = re.sub(
                    rf"<f>{re.escape(formula)}</f><v\s*/?>(</v>)?".encode(), f"<f>{formula}</f>{value}".encode(), body
                )
            dst.writestr(info, body)
    return out.getvalue()


def csv_bytes(rows: list[list], encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([["" if c is None else c for c in row] for row in rows])
    return buffer.getvalue().encode(encoding)


def with_member(data: bytes, name: str, body: bytes, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A copy of a zip (workbook) with one more member."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(zipfile.ZipInfo(name), body, compress_type=compress, compresslevel=9)
    return out.getvalue()
