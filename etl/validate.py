"""Raw sheets -> validated rows, with every problem found in one pass, each located by sheet, row and column.

Example::

    checked = validate_book(read_book(data, "plan.xlsx"), catalog)
    checked.ok, checked.rows[0].value, [p.located() for p in checked.problems]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl import problems as P
from etl.columns import COLUMNS, REQUIRED, header, header_field, kind_of
from etl.gazetteer import Gazetteer
from etl.readers import Book, Sheet, column_letter
from etl.rowcheck import Row, RowChecker
from etl.values import normalize_text
from text.fields import field_label


@dataclass
class Catalog:
    """What the database knows: regions (with aliases), indicators, the years the plans cover (None: years are not
    checked, as for the build's own reference files; else each must be plausible, ``values.PLAUSIBLE_YEARS``), and
    the several-year periods stored plans give stock or rate indicators (``batches.stored_spans``)."""

    gazetteer: Gazetteer
    indicators: dict[str, dict]
    years: tuple[int, int] | None = None
    spans: set[tuple[str, int, int]] = field(default_factory=set)
    _names: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for code, ind in self.indicators.items():
            for key in (code, ind["name_zh"], ind["name_en"]):
                self._names.setdefault(normalize_text(key).lower(), code)

    def indicator_code(self, text: str) -> str | None:
        if text in self._names:
            return self._names[text]
        key = normalize_text(text).lower()
        if key in self._names:
            return self._names[key]
        hits = {t for t in re.findall(r"[a-z_]+(?::[a-z_]+)?", key) if t in self.indicators}
        return hits.pop() if len(hits) == 1 else None


@dataclass
class Checked:
    rows: list[Row]
    problems: list[P.Problem]
    notices: list[str]
    # sheet name -> field -> the column as problems name it ("A (地区代码 region_code)")
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_book(book: Book, catalog: Catalog, default_kind: str | None = None) -> Checked:
    """Check every sheet; sheets without a 数值 value header (instructions, lists) are skipped with a notice."""
    out = Checked([], [], [])
    seen: dict[tuple, Row] = {}
    for sheet in book.sheets:
        # An explicit kind wins for a CSV; a workbook's sheet names (目标 Targets, 实际 Actuals) win over it.
        guess = kind_of(sheet.name)
        kind = (default_kind or guess) if book.kind == "csv" else (guess or default_kind)
        _validate_sheet(sheet, catalog, kind, out, seen)
    if not out.rows and not out.problems:
        message = "没有任何工作表在 数值 value 表头下有数据行 / no sheet has data rows under a 数值 value header"
        out.problems.append(P.NoData(book.file_name, None, "", "", message))
    sort_problems(out.problems, [s.name for s in book.sheets])
    return out


def sort_problems(problems: list[P.Problem], sheets: list[str]) -> None:
    """In place, in reading order: whole-file problems first, then by sheet (in the workbook's order), row and
    column (A before B before AA)."""
    order = {name: i for i, name in enumerate(sheets)}

    def key(p: P.Problem) -> tuple:
        letters = re.match(r"[A-Z]+\b", p.column or "")
        column = letters.group(0) if letters else ""
        return (p.row is not None, order.get(p.sheet, len(order)), p.row or 0, len(column), column)

    problems.sort(key=key)


def _find_header(sheet: Sheet) -> tuple[int, dict[int, str]] | None:
    for index, (_number, cells) in enumerate(sheet.rows[:10]):
        fields = {i: header_field(c) for i, c in enumerate(cells)}
        fields = {i: f for i, f in fields.items() if f}
        if "value" in fields.values():
            return index, fields
    return None


def _validate_sheet(sheet: Sheet, catalog: Catalog, sheet_kind: str | None, out: Checked, seen: dict) -> None:
    found = _find_header(sheet)
    if found is None:
        if (problem := _data_without_value(sheet)) is not None:
            out.problems.append(problem)
        else:
            out.notices.append(f"{sheet.name}: 没有 数值 value 表头,已跳过 / no 数值 value header, sheet skipped")
        return
    index, fields = found
    header_row, header_cells = sheet.rows[index]
    where = {f: i for i, f in reversed(list(fields.items()))}
    labels = {f: f"{column_letter(i)} ({header_cells[i]})" for f, i in where.items()}
    out.labels[sheet.name] = labels
    missing = [f for f in REQUIRED if f not in where]
    if "region_code" not in where and "region_name" not in where:
        missing.append("region_code")
    if not {"period_end", "year", "period_start"} & set(where):
        missing.append("period_end")
    if sheet_kind is None and "kind" not in where:
        missing.append("kind")
    found_headers = _headers(header_cells, fields)
    for f in missing:
        name = header(f) if f in COLUMNS else field_label(f)
        message = f"工作表没有 {name} 列 / the sheet has no {name} column; 表头 headers: {found_headers}"
        out.problems.append(P.MissingColumn(sheet.name, header_row, name, "", message))
    if missing:
        return
    checker = RowChecker(sheet, catalog, where, labels, sheet_kind, out, seen)
    for number, cells in sheet.rows[index + 1 :]:
        checker.check(number, cells)


def _headers(cells: list, fields: dict[int, str]) -> str:
    return ", ".join(f"{column_letter(i)} {cells[i]}" for i in sorted(fields)) or "-"


def _data_without_value(sheet: Sheet) -> P.Problem | None:
    """A sheet laid out like a data sheet (a header row naming an indicator and a region, rows below it) whose
    header has no 数值 value column: refused, naming the sheet and the headers found, not skipped in silence."""
    for index, (number, cells) in enumerate(sheet.rows[:10]):
        fields = {i: f for i, c in enumerate(cells) if (f := header_field(c))}
        if "indicator" not in fields.values() or not {"region_code", "region_name"} & set(fields.values()):
            continue
        rows = sum(1 for _n, below in sheet.rows[index + 1 :] if any(str(c).strip() for c in below if c is not None))
        if not rows:
            return None
        found = _headers(cells, fields)
        name = header("value")
        message = (
            f"工作表 {sheet.name} 有 {rows} 行数据,但表头没有 {name} 列 / the sheet {sheet.name} has {rows} data "
            f"row(s) but no {name} column; 表头 headers: {found}"
        )
        hint = (
            f"在第 {number} 行表头中加一列 {name},并为每行填写数值(可从模板复制该列) / add a {name} column to the "
            f"header in row {number} and fill in each row's value (copy the column from the template)"
        )
        return P.MissingColumn(sheet.name, number, name, "", message, hint)
    return None
