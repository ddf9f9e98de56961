"""Raw sheets -> validated rows, with every problem found in one pass, each located by sheet, row and column.

Example::

    checked = validate_book(read_book(data, "plan.xlsx"), catalog)
    checked.ok, checked.rows[0].value, [p.located() for p in checked.problems]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl import problems as P
from etl.columns import REQUIRED, header_field, kind_of
from etl.gazetteer import Gazetteer
from etl.readers import Book, Sheet, column_letter
from etl.rowcheck import Row, RowChecker
from etl.values import normalize_text


@dataclass
class Catalog:
    """What the database knows: regions (with aliases), indicators, the years the plans cover, and the
    several-year periods stored plans give stock or rate indicators (``batches.stored_spans``)."""

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
        out.problems.append(P.NoData(book.file_name, None, "", "", "no sheet has data rows under a 数值 value header"))
    return out


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
        out.notices.append(f"{sheet.name}: no 数值 value header, sheet skipped")
        return
    index, fields = found
    header_row, header_cells = sheet.rows[index]
    where = {f: i for i, f in reversed(list(fields.items()))}
    labels = {f: f"{column_letter(i)} ({header_cells[i]})" for f, i in where.items()}
    missing = [f for f in REQUIRED if f not in where]
    if "region_code" not in where and "region_name" not in where:
        missing.append("region_code")
    if not {"period_end", "year", "period_start"} & set(where):
        missing.append("period_end")
    if sheet_kind is None and "kind" not in where:
        missing.append("kind")
    for f in missing:
        out.problems.append(P.MissingColumn(sheet.name, header_row, "", "", f"the sheet has no {f} column"))
    if missing:
        return
    checker = RowChecker(sheet, catalog, where, labels, sheet_kind, out, seen)
    for number, cells in sheet.rows[index + 1 :]:
        checker.check(number, cells)
