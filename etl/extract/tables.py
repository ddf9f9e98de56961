"""Target tables in plain text: pipe (|), tab or space aligned rows under one or two header rows.

A table is two or more consecutive lines that split into the same number (≥ 2) of cells. Its header rows are
the lines before the first row that holds numbers; a two-row header is read as group + column ("脱贫人口" over
"计划任务数 | 奋斗目标数"). Each data row is either

* a **region row**: the first cell names a region (a county of a provincial table) or is 合计/总计/全市/全县…
  (the document's own region: a total, not a region of its own); every number cell is a figure of the
  column's indicator for that region; or
* an **indicator row**: the first cell names an indicator ("减少贫困人口(万人)") and the columns are years
  (a per-year schedule) or tiers.

Column words decide the rest: a year in the header is the figure's year; 计划任务数/必成数 are the committed
tier and 奋斗目标数/预备数/力争 the stretch tier; a unit in brackets ("(万人)", "(个)") scales the cells.

Example::

    >>> t = find_tables("县名|脱贫人口(人)|贫困村退出(个)\\n甲县|1200|5\\n合计|1200|5\\n")
    >>> [(r.label, c.value) for r in t[0].rows for c in r.cells]
    [('甲县', 1200.0), ('甲县', 5.0), ('合计', 1200.0), ('合计', 5.0)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numbers import MULTIPLIERS

TOTAL_LABELS = re.compile(
    r"^(?:(?:全[省市县区州旗盟])?(?:合\s*计|总\s*计|共\s*计)|小\s*计|全[省市县区州旗盟]|全部|总数|汇总)[::]?$"
)
_NUMBER = re.compile(r"^[≥≤<>约~]?\s*(\d+(?:\.\d+)?)\s*(万|亿)?\s*([^\d\s]{0,3})$")
_UNIT_IN_HEADER = re.compile(r"[((]\s*(万人|万户|万元|亿元|万亩|人|户|个|元|亩|%|公里|座|所|名)\s*[))]")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
UNIT_NOTE = re.compile(r"单位[::]\s*(万元|亿元|万人|万户|万亩|元|人|户|个|亩|%)")  # "单位:万元" over a table
SERIAL = re.compile(r"^(?:序号|编号|序次|序|No\.?)$")  # a serial-number column's header
STRETCH_HEADER = re.compile(r"奋斗目标|预备|力争|争取")
COMMITTED_HEADER = re.compile(r"计划任务|必成|目标任务|计划数|任务数")


@dataclass
class Cell:
    value: float
    unit: str  # written or from the header, base measure ("人", "户", "元", "%", "个" …)
    start: int  # offset of the number in the text
    end: int
    column: str  # the header words over it (group + column)


@dataclass
class Row:
    label: str
    start: int  # the row's span in the text
    end: int
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Table:
    start: int
    end: int
    header: list[str]
    rows: list[Row]
    heading: str  # the lines just above the table (its title)
    items: bool = False  # rows are line items (projects by serial number), not regions or indicators
    grouped: bool = False  # columns in groups under a two-level header (C级 | D级 | 合计), the groups a total's parts


def _split(line: str) -> list[tuple[int, int]]:
    """Cell spans of one line: by |, else by tabs, else by runs of 2+ spaces."""
    body = line.rstrip("\n")
    # "合  计" (a total spaced out to the column width) is one cell: close it up, keeping the length
    body = re.sub(r"([合总小])(\s+)(计)", lambda m: m.group(1) + m.group(3) + m.group(2), body)
    indent = len(body) - len(body.lstrip())
    body = body.strip()
    if "|" in body:
        sep = r"\|"
    elif "\t" in body:
        sep = r"\t"  # one tab a cell (Word and web tables): an empty cell keeps its column
    elif re.search(r"\s{2,}", body) or re.search(r"[,。;:,;:、()()]", body):
        sep = r"\s{2,}"
    elif re.match(r"(?:\d{1,3}|序号|编号)\s", body):
        sep = r"\s{2,}"  # rows by serial number written on one line: text_rows reads them
    else:
        sep = r"\s+"  # "阜平县 500万 50万": short cells one space apart, no sentence punctuation
    spans, pos = [], 0
    for m in re.finditer(sep, body):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(body)))
    spans = [
        (a + len(body[a:b]) - len(body[a:b].lstrip()), b - (len(body[a:b]) - len(body[a:b].rstrip()))) for a, b in spans
    ]
    if spans and spans[0][0] >= spans[0][1] and "|" in body:  # a leading | ("| a | b |")
        spans = spans[1:]
    if spans and spans[-1][0] >= spans[-1][1] and "|" in body:
        spans = spans[:-1]
    return [(indent + a, indent + b) for a, b in spans]


def _is_separator(line: str) -> bool:
    s = line.strip()
    return len(s) >= 3 and re.fullmatch(r"[|:\-—=+\s]+", s) is not None


def find_tables(text: str) -> list[Table]:
    """Every table in text (see the module docstring)."""
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, line))
        pos += len(line)
    tables, i = [], 0
    while i < len(lines):
        block = []
        j = i
        while j < len(lines):
            start, line = lines[j]
            if _is_separator(line) and block:
                j += 1
                continue
            spans = _split(line)
            if len(spans) < 2 or not line.strip() or any(b - a > 40 for a, b in spans):
                break
            if block and len(spans) != len(block[0][2]) and not _narrower_ok(block, spans):
                break
            block.append((start, line, spans))
            j += 1
        table = _read_block(block, text, lines, i) if len(block) >= 2 else None
        if table:
            tables.append(table)
            i = j
        else:
            i += 1
    return tables


def _narrower_ok(block, spans) -> bool:
    """A row may lack trailing empty cells."""
    return 2 <= len(spans) < len(block[0][2]) and len(block) >= 2


def _without_serial_numbers(block) -> tuple[list, bool]:
    """Drop a leading serial-number column ("序号 | 县区 | …", "1 | 安定区 | …"): the region, indicator or project
    is the next cell. The column is known by its header (序号) or, with none, by every full data row starting with
    a serial number. A row whose serial cell is blank (a 合计 row) has already lost it. Returns the block and
    whether it had such a column."""
    width = max(len(spans) for _, _, spans in block)
    first = [line[spans[0][0] : spans[0][1]].strip() for _, line, spans in block]
    full = [
        cell
        for (_, line, spans), cell in zip(block, first, strict=True)
        if len(spans) == width and any(_parse(line[a:b]) is not None for a, b in spans[1:])
    ]
    headed = SERIAL.match(re.sub(r"\s", "", first[0])) is not None
    if width < 3 or not (headed or (len(full) >= 2 and all(re.fullmatch(r"\d{1,3}", c) for c in full))):
        return block, False
    out = []
    for (start, line, spans), cell in zip(block, first, strict=True):
        serial = SERIAL.match(re.sub(r"\s", "", cell)) is not None or re.fullmatch(r"\d{1,3}|", cell) is not None
        out.append((start, line, spans[1:] if serial and len(spans) == width else spans))
    return out, True


def _read_block(block, text: str, lines, first_line: int) -> Table | None:
    block, serial = _without_serial_numbers(block)
    cells_text = [[line[a:b] for a, b in spans] for _, line, spans in block]
    first_data = next(
        (k for k, row in enumerate(cells_text) if any(_parse(c) is not None for c in row[1:]) and not _years_row(row)),
        None,
    )
    if first_data is None:
        return None
    header_rows = cells_text[:first_data]
    width = max(len(r) for r in cells_text)
    header = []
    for col in range(width):
        words, group = [], ""
        for row in header_rows:
            if col < len(row) and row[col].strip():
                words.append(row[col].strip())
            elif col < len(row) and len(header_rows) > 1 and row is header_rows[0]:
                # an empty group cell belongs to the group on its left
                left = next((row[k].strip() for k in range(col - 1, -1, -1) if k < len(row) and row[k].strip()), "")
                group = left
        header.append(" ".join(([group] if group else []) + words))
    above = [ln for _, ln in lines[max(0, first_line - 3) : first_line] if ln.strip()]
    note = UNIT_NOTE.search("".join(above) + " ".join(header))  # "单位:万人" above the table or in its header
    unit_col = next((k for k, h in enumerate(header) if re.fullmatch(r"(?:计量)?单位", h.strip())), None)
    rows = []
    for (start, line, spans), texts in zip(block[first_data:], cells_text[first_data:], strict=False):
        # the label runs to the next cell: a spaced-out "合  计" was split on its spaces' far side
        label = line[spans[0][0] : spans[1][0]] if len(spans) > 1 else texts[0]
        row = Row(re.sub(r"[\s|]", "", label), start + spans[0][0], start + spans[-1][1])
        # the unit: in the cell, the column's or row's brackets, the row's 单位 cell, a 单位:万元 note
        row_unit = texts[unit_col].strip() if unit_col is not None and unit_col < len(texts) else ""
        given = row_unit if row_unit and _parse(row_unit) is None else note.group(1) if note else ""
        for col, ((a, b), cell) in enumerate(zip(spans, texts, strict=False)):
            if col in (0, unit_col):
                continue
            parsed = _parse(cell)
            if parsed is None:
                continue
            value, unit = parsed
            column = header[col] if col < len(header) else ""
            scale_words = column + " " + row.label
            if given and not _UNIT_IN_HEADER.search(scale_words):
                scale_words += f"({given})"
            value, unit = _scale(value, unit, scale_words)
            row.cells.append(Cell(value, unit, start + a, start + b, column))
        if row.cells:
            rows.append(row)
    if not rows:
        return None
    items = serial and not re.search(r"指标|任务", header[0])  # numbered projects, not regions or indicators
    end = block[-1][0] + len(block[-1][1].rstrip("\n"))
    return Table(block[0][0], end, header, rows, "".join(above), items=items)


def _years_row(row: list[str]) -> bool:
    """A header of years without 年 ("指标 | 2018 | 2019 | 2020")."""
    cells = [c.strip() for c in row[1:] if c.strip()]
    return len(cells) >= 2 and all(re.fullmatch(r"(?:19|20)\d{2}", c) for c in cells)


def _parse(cell: str) -> tuple[float, str] | None:
    cell = re.sub(r"(?<=\d),(?=\d{3})", "", cell.strip())
    if re.fullmatch(r"(?:19|20)\d{2}\s*年(?:度)?", cell):  # a year is a column name, not a figure
        return None
    m = _NUMBER.match(cell)
    if not m:
        return None
    value = float(m.group(1)) * MULTIPLIERS.get(m.group(2) or "", 1)
    return value, (m.group(2) or "") + re.sub(r"(?:以上|以下|以内|左右)$", "", m.group(3))


def _scale(value: float, unit: str, column: str) -> tuple[float, str]:
    """Apply the header's unit ("(万人)") to a bare cell; returns (value in base units, base measure)."""
    if not unit:
        m = _UNIT_IN_HEADER.search(column)
        unit = m.group(1) if m else ""
    if unit.startswith("万") and len(unit) > 1:
        return value * 10_000, unit[1:]
    if unit.startswith("亿") and len(unit) > 1:
        return value * 100_000_000, unit[1:]
    if unit == "名":
        return value, "人"
    return value, unit


def tier_of(column: str) -> str:
    """'stretch' for 奋斗目标数/预备数/力争 columns, else 'committed'."""
    return "stretch" if STRETCH_HEADER.search(column) else "committed"


def year_of(column: str) -> int | None:
    m = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", column)
    return int(m.group(1)) if m else None


def measure_of(words: str, unit: str) -> str:
    """The measure word of a column: its unit, else what its words count ("减贫户数" -> 户, "减贫人数" -> 人).

    >>> measure_of("减贫户数", ""), measure_of("减贫人数", ""), measure_of("贫困村出列", "")
    ('户', '人', '个')
    """
    if unit:
        return unit[-1] if unit[-1] in "人户元亩个%" else unit
    rules = ((r"户", "户"), (r"人", "人"), (r"资金|金额|万元|元", "元"), (r"率|比例|比重|%", "%"), (r"亩", "亩"))
    for pattern, measure in rules:
        if re.search(pattern, words):
            return measure
    return "个"
