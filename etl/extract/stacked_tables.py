"""Tables a web page flattened: one cell per line, or a whole table on one line.

Two layouts a notice's table takes when copied from a web page:

* **one cell per line** (blank lines or a trailing "|" between cells): a header run that starts with 序号
  ("序号 / 村名 / 项目名称 / 建设内容 / 资金金额"), then rows that each start with the next serial number
  (1, 2, 3 …) or a total (小计/合计). A row may have fewer cells than the header (merged cells): its cells
  then line up with the header's last columns ("16 / 小额信贷贴息 / 12" under a five-column header);
  The same with each row on one line, single-spaced ("1 苗儿村 水果基地 续建 20");
* **words in a row**: "…分配表 县区名称 资金分配额(万元) 备注 合计 4000 乐都区 819 平安区 100 …", on one line,
  split by pipes, or one word a line: a title, the header words, then each row's label (a region, a total or a
  year) followed by its numbers; a remark (备注) between rows is passed over; with no header, the sentence
  above says what the rows count ("…减贫任务9000人,分解如下:" over "乐都区 3000人");
* **a year a line**: "年度减贫计划:" over "2018年:3000人;" "2019年:2000人;": the heading names the figures.

Both come out as ``tables.Table``; ``table_figures`` reads them as it reads aligned tables. A unit given
above the table ("单位:万元") applies to every bare number in it.

Example::

    >>> t = stacked_tables("单位:万元\\n序号\\n村名\\n资金金额\\n1\\n甲村\\n20\\n2\\n乙村\\n30\\n合计\\n50\\n")[0]
    >>> [(r.label, r.cells[0].value) for r in t.rows]
    [('甲村', 200000.0), ('乙村', 300000.0), ('合计', 500000.0)]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .tables import SERIAL, TOTAL_LABELS, UNIT_NOTE, Cell, Row, Table, _scale

AMOUNT_HEADER = re.compile(
    r"金额|资金|投资|规模|补助|预算|安排|分配|合计|总计|总额|万元|亿元|数|率|比例|[((][^))]*[))]$|^(?:19|20)\d{2}年?度?$"
)
MONEY = re.compile(r"金额|资金|投资|规模|补助|预算|安排|分配")
NOTE_HEADER = re.compile(r"^(?:备注|说明|注)$")
_AMOUNT = re.compile(r"^(\d+(?:\.\d+)?)\s*(万元|亿元|元|万人|人|万户|户|个|万亩|亩|%)?\s*(?:[((][^))]{0,40}[))])?$")
_BREAK = re.compile(r"^(?:备注|注[::]|说明|附件|监督|联系|举报)")
MAX_HEADER = 12  # columns
YEAR_LABEL = re.compile(r"^(?:19|20)\d{2}年度?[::]?$")
YEAR_LINE = re.compile(
    r"^\s*(?:\d{1,2}[.、]\s*)?((?:19|20)\d{2}年度?)\s*[::]?\s*(\d+(?:\.\d+)?\s*(?:万人|万户|万元|亿元|万亩|人|户|个|元|亩|%))"
    r"\s*[;;,,。]?\s*$"
)
_TOKEN = re.compile(r"\S+")
_PIPE_CELL = re.compile(r"[^|\s](?:[^|]*[^|\s])?")


def stacked_tables(text: str, is_place: Callable[[str], bool] | None = None) -> list[Table]:
    """Every table laid out one cell per line or on one line (see the module docstring). ``is_place`` says
    whether a word names a region (a one-line table's row labels); without it only totals start its rows."""
    serial = _serial_tables(text, _cells(text))
    serial += [t for t in _serial_tables(text, _word_cells(text)) if not any(_overlap(t, o) for o in serial)]
    words = [t for t in _one_line(text, is_place or (lambda _w: False)) if not any(_overlap(t, o) for o in serial)]
    found = serial + words
    found += [t for t in _year_lines(text) if not any(_overlap(t, o) for o in found)]
    return found + [
        t for t in _piped_lines(text, is_place or (lambda _w: False)) if not any(_overlap(t, o) for o in found)
    ]


_PIPED_LINE = re.compile(r"^[ \t]*([^|\n]*?)[ \t]*\|[ \t]*$")


def _piped_lines(text: str, is_place: Callable[[str], bool]) -> list[Table]:
    """A table one cell a line, each closed by "|" and an empty cell a bare "|" ("市县 |" "资金合计 |" … "修武 |"
    "1116.7 |" "|"): the header runs up to the first region or total, and every row is as wide as the header.
    With no unit given, the unit of a figure above the table equal to its total ("以上合计6490万元") is the
    table's (jiaozuo-2018-funds-allocation-table-trad).

    >>> text = "资金6万元。\\n县区 |\\n资金 |\\n甲县 |\\n2 |\\n乙县 |\\n4 |\\n合计 |\\n6 |\\n"
    >>> [(r.label, r.cells[0].value) for r in _piped_lines(text, lambda w: w.endswith("县"))[0].rows]
    [('甲县', 20000.0), ('乙县', 40000.0), ('合计', 60000.0)]
    """
    tables, run, pos = [], [], 0
    for line in [*text.splitlines(keepends=True), ""]:
        m = _PIPED_LINE.match(line.rstrip("\r\n")) if line else None
        if m:
            run.append((pos + m.start(1), pos + m.end(1), m.group(1)))
        elif not line.strip():
            pass  # a blank line inside the run
        if (not m and line.strip()) or not line:
            table = _piped_table(text, run, is_place)
            if table:
                tables.append(table)
            run = []
        pos += len(line)
    return tables


def _piped_table(text: str, cells, is_place: Callable[[str], bool]) -> Table | None:
    def labelled(word: str) -> bool:
        return bool(TOTAL_LABELS.match(re.sub(r"\s", "", word))) or is_place(word)

    width = next((i for i, c in enumerate(cells) if labelled(c[2])), 0)
    if width < 2 or not all(c[2] and _header_word(c[2]) for c in cells[:width]):
        return None
    header = [re.sub(r"\s+", "", c[2]) for c in cells[:width]]
    amount_cols = [c for c in range(1, width) if AMOUNT_HEADER.search(header[c]) and not NOTE_HEADER.match(header[c])]
    above = text[max(0, cells[0][0] - 800) : cells[0][0]]
    note = unit_note(above + " ".join(header))
    rows = []
    for k in range(width, len(cells) - width + 1, width):
        chunk = cells[k : k + width]
        if not chunk[0][2]:
            continue  # an empty row
        row_cells = []
        for col in amount_cols:
            parsed = parse_amount(chunk[col][2]) if chunk[col][2] else None
            if parsed is None:
                continue
            column = header[col] + (f"({note})" if note and not re.search(r"[((]", header[col]) else "")
            value, unit = _scale(parsed[0], parsed[1], column)
            row_cells.append(Cell(value, unit, chunk[col][0], chunk[col][1], column))
        if row_cells:
            rows.append(Row(re.sub(r"\s", "", chunk[0][2]), chunk[0][0], max(c.end for c in row_cells), row_cells))
    if sum(is_place(r.label) for r in rows) < 2:
        return None
    if not note:
        rows = unit_from_text(rows, above)
    return Table(cells[0][0], rows[-1].end, header, rows, above.strip().splitlines()[-1] if above.strip() else "")


def unit_from_text(rows: list[Row], above: str) -> list[Row]:
    """Bare cells take the unit the text above the table gives one of its figures: its total ("以上合计6490万元",
    jiaozuo-2018) or a row ("扶贫办:农业特色产业发展资金660万", liling-2019); a bare 万 after money is 万元.

    >>> rows = [Row("甲", 0, 1, [Cell(660.0, "", 0, 1, "投资规模")])]
    >>> [c.value for r in unit_from_text(rows, "发展资金660万;") for c in r.cells]
    [6600000.0]
    """
    totals = [r for r in rows if TOTAL_LABELS.match(r.label)]
    unit = None
    for r in [*totals, *(r for r in rows if r not in totals)]:
        if r.cells[0].unit:
            continue
        number = f"{r.cells[0].value:g}"
        m = re.search(rf"(?<![\d.]){re.escape(number)}\s*(万元|亿元|万人|万户|元|人|户|万(?![\u4e00-\u9fff]))", above)
        if m:
            unit = m.group(1) if m.group(1) != "万" else ("万元" if MONEY.search(r.cells[0].column) else None)
            break
    if unit is None:
        return rows
    out = []
    for r in rows:
        cells = []
        for c in r.cells:
            value, u = _scale(c.value, unit, c.column) if not c.unit else (c.value, c.unit)
            cells.append(Cell(value, u, c.start, c.end, c.column))
        out.append(Row(r.label, r.start, r.end, cells))
    return out


def _year_lines(text: str) -> list[Table]:
    """A schedule written one year a line under a heading ("年度减贫计划:" over "2018年:3000人;" …): the
    heading names what the figures count.

    >>> table = _year_lines("年度减贫计划:\\n2018年:3000人;\\n2019年:0.2万人。\\n")[0]
    >>> [(r.label, r.cells[0].value) for r in table.rows]
    [('2018年', 3000.0), ('2019年', 2000.0)]
    """
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    tables, i = [], 1
    while i < len(lines):
        j = i
        while j < len(lines) and YEAR_LINE.match(lines[j][1]):
            j += 1
        if j - i >= 2:
            heading = re.sub(r"[::]\s*$", "", lines[i - 1][1].strip())
            rows = []
            for start, line in lines[i:j]:
                m = YEAR_LINE.match(line)
                value, unit = _scale(*parse_amount(m.group(2)), heading)  # type: ignore[misc]
                cell = Cell(value, unit, start + m.start(2), start + m.end(2), heading)
                rows.append(Row(m.group(1), start + m.start(1), cell.end, [cell]))
            tables.append(Table(rows[0].start, rows[-1].end, ["年度", heading], rows, heading))
        i = max(j, i + 1)
    return tables


def _overlap(a: Table, b: Table) -> bool:
    return a.start < b.end and b.start < a.end


def unit_note(text: str) -> str:
    """The unit a table's title block gives: "单位:万元" -> "万元" ("" when none).

    >>> unit_note("北塔区2020年…安排表 单位:万元"), unit_note("安排表")
    ('万元', '')
    """
    m = UNIT_NOTE.search(text)
    return m.group(1) if m else ""


def parse_amount(cell: str) -> tuple[float, str] | None:
    """A cell's number and written unit; a bracketed remark after it is part of the cell.

    >>> parse_amount("10(其中,灾情因素6万元)"), parse_amount("73.5万元"), parse_amount("续建")
    ((10.0, ''), (73.5, '万元'), None)
    """
    m = _AMOUNT.match(re.sub(r"(?<=\d),(?=\d{3})", "", cell.strip()))
    return (float(m.group(1)), m.group(2) or "") if m else None


def _cells(text: str) -> list[tuple[int, int] | None]:
    """Each non-blank line as a cell span, stripped of blanks and edge "|"; None for a line that is no single
    cell (an aligned row with inner separators)."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        a, b = 0, len(body)
        while a < b and (body[a].isspace() or body[a] == "|"):
            a += 1
        while b > a and (body[b - 1].isspace() or body[b - 1] == "|"):
            b -= 1
        if b > a:
            out.append((pos + a, pos + b) if not re.search(r"\||\t|\s{2,}", body[a:b]) else None)
        pos += len(line)
    return out


def _word_cells(text: str) -> list[tuple[int, int] | None]:
    """Each word of the lines that hold no sentence as a cell ("1 苗儿村 水果基地 续建 20": a row written on one
    line, single-spaced); None for a line that does."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if body and re.search(r"[|\t。;,,!?]", body):
            out.append(None)
        else:
            out += [(pos + m.start(), pos + m.end()) for m in _TOKEN.finditer(line)]
        pos += len(line)
    return out


def _serial_tables(text: str, cells: list[tuple[int, int] | None]) -> list[Table]:
    words = [text[c[0] : c[1]] if c else "" for c in cells]
    tables, i = [], 0
    while i < len(cells):
        if cells[i] is None or not SERIAL.match(words[i]):
            i += 1
            continue
        j = next((k for k in range(i + 1, min(len(cells), i + MAX_HEADER + 1)) if words[k] == "1"), None)
        header_ok = (
            j is not None
            and j - i >= 3
            and all(cells[k] is not None and (k == i or _header_word(words[k])) for k in range(i, j))
        )
        if not header_ok:
            i += 1
            continue
        header = [re.sub(r"\s+", "", w) for w in words[i:j]]
        above = [words[k] for k in range(max(0, i - 4), i)]
        table, end = _stacked_rows(text, cells, words, j, header, above)
        if table:
            tables.append(table)
        i = max(end, i + 1)
    return tables


def _row_start(words: list[str], m: int, serial: int) -> bool:
    if m >= len(words):
        return False
    if TOTAL_LABELS.match(re.sub(r"\s", "", words[m])):
        return True
    # the next serial, followed by a row's label, not by a number or a total (then it was an amount)
    after = re.sub(r"\s", "", words[m + 1]) if m + 1 < len(words) else ""
    return words[m] == str(serial) and parse_amount(after) is None and not TOTAL_LABELS.match(after)


def _stacked_rows(text, cells, words, j: int, header: list[str], above: list[str]) -> tuple[Table | None, int]:
    width = len(header)
    amount_cols = [c for c in range(1, width) if AMOUNT_HEADER.search(header[c]) and not NOTE_HEADER.match(header[c])]
    note = unit_note(" ".join(above + header))
    rows, k, serial = [], j, 1
    while k < len(cells) and cells[k] is not None and _row_start(words, k, serial):
        is_serial = words[k] == str(serial)
        nxt = serial + 1 if is_serial else serial
        end = next(
            (m for m in range(k + 1, min(len(cells), k + width + 3)) if _row_start(words, m, nxt)), None
        )  # a long cell may wrap onto 2 more lines
        last = end is None
        if last:
            end = k + 1
            while end < min(len(cells), k + width) and cells[end] is not None and not _BREAK.match(words[end]):
                end += 1
        if any(cells[m] is None for m in range(k, end)):
            break
        rows.append(_stacked_row(text, cells[k:end], words[k:end], header, amount_cols, note, is_serial))
        serial = nxt
        k = end
        if last:
            break
    rows = [r for r in rows if r and r.cells]
    if len(rows) < 2:
        return None, k
    if not note:
        rows = unit_from_text(rows, text[max(0, cells[j - width][0] - 1500) : cells[j - width][0]])
    heading = "\n".join(above)
    first = cells[j - width]
    return Table(first[0], rows[-1].end, header, rows, heading, items=True), k


def _stacked_row(text, spans, words, header, amount_cols, note, is_serial) -> Row | None:
    width = len(header)
    shift = width - len(words)  # merged cells on the left: the row's cells line up with the header's right
    label = next((w for w in (words[1:] if is_serial else words) if parse_amount(w) is None), "")
    label = re.sub(r"\s", "", label)
    cells = []
    for col in amount_cols:
        idx = col - shift
        if idx < 1 or idx >= len(words):
            continue
        parsed = parse_amount(words[idx])
        if parsed is None:
            continue
        column = header[col] + (f"({note})" if note and not re.search(r"[((]", header[col]) else "")
        value, unit = _scale(parsed[0], parsed[1], column)
        cells.append(Cell(value, unit, spans[idx][0], spans[idx][1], column))
    if not cells:
        return None
    return Row(label, spans[0][0], max(c.end for c in cells), cells)


def _token_runs(text: str) -> list[tuple[list[tuple[int, int, str]], str]]:
    """The words of runs of lines that hold no sentence (no 。;, and no colon but 单位:), blank lines included:
    where a flattened table's header and cells lie, one line or many; each with the sentence line above it."""
    runs, run, pos, heading, above = [], [], 0, "", ""
    for line in text.splitlines(keepends=True):
        body = line.strip()
        sentence = re.search(r"[\t。;,,!?]", body) or (re.search(r"[::]", body) and not UNIT_NOTE.search(body))
        # a table flattened onto one line with pipes ("分配表 | 县区名称 | 资金 | 乐都区 | 819 |"): its cells are words
        piped = body.count("|") >= 6 and not sentence
        if body and (sentence or ("|" in body and not piped)):
            runs.append((run, heading))
            run, above = [], body
        elif body:
            if not run:
                heading = above
            words = _PIPE_CELL if piped else _TOKEN
            run += [(pos + m.start(), pos + m.end(), m.group()) for m in words.finditer(line)]
        pos += len(line)
    return [(r, h) for r, h in [*runs, (run, heading)] if len(r) >= 6]


def _one_line(text: str, is_place: Callable[[str], bool]) -> list[Table]:
    tables = []
    for tokens, heading in _token_runs(text):
        k = 0
        while k < len(tokens) - 1:
            table, k = _token_table(tokens, k, is_place, heading)
            if table:
                tables.append(table)
    return tables


def _header_word(word: str) -> bool:
    """A column name: short words, perhaps a year or a unit in brackets, no figure."""
    if (
        "。" in word
        or parse_amount(word) is not None
        or word.endswith("表")
        or UNIT_NOTE.search(word)
        or len(word) > 12
    ):
        return False
    return not re.search(r"\d", re.sub(r"[((][^))]*[))]|(?:19|20)\d{2}年?", "", word))


def _token_table(tokens, k: int, is_place: Callable[[str], bool], heading: str = "") -> tuple[Table | None, int]:
    """The table whose first row starts at or after token k (a region or a total followed by a number), and
    the token to go on from."""

    def is_number(i: int) -> bool:
        return i < len(tokens) and parse_amount(tokens[i][2]) is not None

    def is_label(i: int) -> bool:
        word = tokens[i][2]
        named = TOTAL_LABELS.match(word) is not None or is_place(word) or YEAR_LABEL.match(word) is not None
        return not is_number(i) and is_number(i + 1) and named

    data = next((i for i in range(k, len(tokens) - 1) if is_label(i)), None)
    if data is None:
        return None, len(tokens)
    first = data
    while first > 0 and data - first < 8 and _header_word(tokens[first - 1][2]):
        first -= 1
    header = [t[2] for t in tokens[first:data]]
    by_year = YEAR_LABEL.match(tokens[data][2]) is not None
    if not header and first == 0 and heading and is_place(tokens[data][2]):
        # no header: the sentence above says what the rows count ("2018年全市减贫任务9000人,分解如下:")
        header = ["", re.sub(r"(?:19|20)\d{2}年?|\d+(?:\.\d+)?|[::]$|(?:分解|分配|安排)?如下", "", heading)]
    if len(header) < (1 if by_year else 2):
        return None, data + 1
    # a schedule under one heading word ("年度减贫计划" over "2018年 3000人"): that word names the figures
    numeric = header if by_year and len(header) == 1 else [w for w in header[1:] if not NOTE_HEADER.match(w)]
    numeric = numeric or header[-1:]
    title_words = [t[2] for t in tokens[max(0, first - 4) : first]]
    note = unit_note(" ".join(title_words + header))
    rows, i = [], data
    noted = any(NOTE_HEADER.match(w) for w in header)
    while i < len(tokens) and not is_number(i) and is_number(i + 1):
        label, cells, m = tokens[i][2], [], i + 1
        while m < len(tokens) and is_number(m) and len(cells) < len(numeric):
            a, b, word = tokens[m]
            column = numeric[len(cells)]
            column += f"({note})" if note and not re.search(r"[((]", column) else ""
            value, unit = _scale(*parse_amount(word), column)  # type: ignore[misc]
            cells.append(Cell(value, unit, a, b, column))
            m += 1
        rows.append(Row(label, tokens[i][0], cells[-1].end, cells))
        i = m
        if noted and i + 1 < len(tokens) and not is_number(i) and is_label(i + 1) and not is_label(i):
            i += 1  # the row's remark (备注: "新增") before the next row
    places = sum(not TOTAL_LABELS.match(r.label) and is_place(r.label) for r in rows)
    years = sum(YEAR_LABEL.match(r.label) is not None for r in rows)
    if len(rows) < (2 if by_year else 3) or max(places, years) < 2:
        return None, data + 1
    return Table(tokens[first][0], rows[-1].end, [header[0], *numeric], rows, " ".join(title_words) or heading), i
