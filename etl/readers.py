"""File bytes + file name -> sheets of raw cells with their positions; one code path for CLI paths and uploads.

Formulas are never evaluated: a formula cell gives the value Excel cached when it last saved the file, and a
formula without a cached value is reported by cell. Every string stays a string.

Example::

    book = read_book(Path("plan.xlsx").read_bytes(), "plan.xlsx")
    book.sheets[0].name, book.sheets[0].rows[0]     # "目标 Targets", (1, ["地区代码 region_code", ...])
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass, field

from etl.filesafety import (
    DEFAULT_LIMITS,
    RESAVE_HINT,
    EncryptedWorkbook,
    FileRejected,
    Limits,
    TooManyRows,
    WrongFileType,
    check_file,
)
from etl.xlsxformats import percent_cells
from textsafety import one_line


@dataclass
class Sheet:
    name: str
    rows: list[tuple[int, list]]  # (1-based row number, cell values); blank rows left out
    formulas_without_value: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col0) -> formula


@dataclass
class Book:
    file_name: str
    kind: str  # xlsx|csv
    sheets: list[Sheet]
    encoding: str = ""


class UnreadableText(FileRejected):
    hint = (
        "在 Excel 中另存为 CSV UTF-8(逗号分隔),或直接上传 .xlsx 文件 / "
        "save the file as CSV UTF-8 from Excel, or upload the .xlsx itself"
    )


def column_letter(index: int) -> str:
    """0 -> "A", 27 -> "AB"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_book(data: bytes, file_name: str, limits: Limits = DEFAULT_LIMITS) -> Book:
    """Check the file (see ``filesafety``) and read every visible sheet (a CSV is one sheet named after it)."""
    kind = check_file(data, file_name, limits)
    if kind == "csv":
        text, encoding = decode_text(data, file_name)
        return Book(file_name, "csv", [_read_csv(text, file_name, limits)], encoding)
    try:
        return Book(file_name, "xlsx", _read_xlsx(data, file_name, limits))
    except FileRejected:
        raise
    except _damaged() as exc:  # a part that is not well-formed XML, found only when that part is read
        raise WrongFileType(
            f"{file_name}: 工作簿已损坏 / the workbook is damaged ({one_line(exc)[:200] or type(exc).__name__})",
            RESAVE_HINT,
        ) from exc


def _damaged() -> tuple[type[BaseException], ...]:
    """What a damaged part of a workbook raises in the readers: calamine's XmlError (a CalamineError),
    ElementTree's ParseError (a SyntaxError), openpyxl's KeyError, TypeError or ValueError."""
    from python_calamine import CalamineError

    return (CalamineError, SyntaxError, KeyError, ValueError, TypeError, IndexError, EOFError, OSError)


def decode_text(data: bytes, file_name: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 as Chinese Excel writes CSV."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            error = exc
    line = data[: error.start].count(b"\n") + 1
    raise UnreadableText(
        f"{file_name}: 第 {line} 行:文字既不是 UTF-8 也不是 GBK/GB18030 编码(第 {error.start} 字节) / "
        f"line {line}: the text is neither UTF-8 nor GBK/GB18030 (byte {error.start})"
    )


def _read_csv(text: str, file_name: str, limits: Limits) -> Sheet:
    first = text.split("\n", 1)[0]
    delimiter = max(("\t", ",", ";"), key=first.count) if any(d in first for d in "\t,;") else ","
    rows = []
    for number, cells in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
        if number > limits.max_rows + 1:
            raise TooManyRows(
                f"{file_name}: 超过 {limits.max_rows:,} 行的上限 / more than {limits.max_rows:,} rows (the limit)"
            )
        if any(c.strip() for c in cells):
            rows.append((number, cells))
    return Sheet(file_name.rsplit("/", 1)[-1], rows)


def _read_xlsx(data: bytes, file_name: str, limits: Limits) -> list[Sheet]:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as exc:
        raise EncryptedWorkbook(f"{file_name}: 工作簿设有密码 / the workbook is password-protected") from exc
    except (CalamineError, ValueError, OSError) as exc:
        raise WrongFileType(f"{file_name}: 无法读取工作簿 / the workbook cannot be read ({exc})", RESAVE_HINT) from exc
    missing = _formulas_without_value(data) if _has_formulas(data) else {}
    try:
        percents = percent_cells(data)
    except (KeyError, ValueError):
        percents = {}
    sheets = []
    for meta in book.sheets_metadata:
        if str(meta.visible).lower().endswith("hidden") or "worksheet" not in str(meta.typ).lower():
            continue
        sheet = book.get_sheet_by_name(meta.name)
        if sheet.total_height > limits.max_rows + 1:
            rows, limit = f"{sheet.total_height - 1:,}", f"{limits.max_rows:,}"
            raise TooManyRows(
                f"{file_name}: 工作表 {meta.name!r} 有 {rows} 行,超过 {limit} 行的上限 / "
                f"sheet {meta.name!r} has {rows} rows; the limit is {limit}"
            )
        formulas = missing.get(meta.name, {})
        formula_rows = {row for row, _col in formulas}
        rows = [
            (i, cells)
            for i, cells in enumerate(sheet.to_python(skip_empty_area=False), start=1)
            if cells.count("") != len(cells) or i in formula_rows
        ]
        if meta.name in percents:
            _as_percent_text(rows, percents[meta.name])
        sheets.append(Sheet(meta.name, rows, formulas))
    return sheets


def _as_percent_text(rows: list[tuple[int, list]], cells: set[tuple[int, int]]) -> None:
    # Excel stores a typed "8%" as 0.08 with a percent format: read it as the planner saw it.
    by_row: dict[int, list[int]] = {}
    for row, col in cells:
        by_row.setdefault(row, []).append(col)
    for number, values in rows:
        for col in by_row.get(number, ()):
            value = values[col] if col < len(values) else None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                values[col] = f"{value * 100:.10g}%"


def _has_formulas(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(name) as member:
                    while chunk := member.read(1 << 20):
                        if b"<f>" in chunk or b"<f " in chunk or b"<x:f" in chunk:
                            return True
    return False


def _formulas_without_value(data: bytes) -> dict[str, dict[tuple[int, int], str]]:
    """Formula cells whose cached value is missing, by sheet; only read when the file has formulas at all."""
    from openpyxl import load_workbook

    with_formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    cached = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    out: dict[str, dict[tuple[int, int], str]] = {}
    for ws in with_formulas.worksheets:
        formulas = {
            (c.row, c.column - 1): str(c.value)
            for row in ws.iter_rows()
            for c in row
            if getattr(c, "data_type", None) == "f"
        }
        if not formulas:
            continue
        for row in cached[ws.title].iter_rows():
            for c in row:
                key = (getattr(c, "row", None), getattr(c, "column", 0) - 1)
                if key in formulas and c.value not in (None, ""):
                    del formulas[key]
        out[ws.title] = formulas
    with_formulas.close()
    cached.close()
    return out
