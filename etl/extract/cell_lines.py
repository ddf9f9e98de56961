"""Tables a web page flattened one cell per line, keyed by region: the header cells on their own lines, then each
row's region and its figures, one a line.

The header may be written several times side by side (a table printed two or four places a line:
"县市区 / 村级电站建设数(个) / 省直驻村工作队数 / (个)" four times over); a unit on a line of its own ("(个)")
belongs to the header cell above it. Empty cells are often dropped, so a row is a region (or a total), perhaps
numbered or marked ("1.长沙市", "▲茶陵县"), followed by one figure or more; its figures fill the header's
columns from the left. A region followed by no figure has none. A row with more figures than the header has
columns ends the table: it is not this layout.

Rows of indicators under columns of years or tiers ("指标 / 2019年 / 2020年" over "减少贫困人口(人) / 1800 / 800")
are read too, when every row is full.

Example::

    >>> text = "县区\\n脱贫人数\\n(人)\\n县区\\n脱贫人数\\n(人)\\n1.甲县\\n30\\n▲乙县\\n20\\n丙县\\n丁县\\n10\\n"
    >>> t = cell_line_tables(text, lambda w: w.endswith("县"))[0]
    >>> t.header, [(r.label, r.cells[0].value, r.cells[0].unit) for r in t.rows]
    (['县区', '脱贫人数(人)'], [('甲县', 30.0, '人'), ('乙县', 20.0, '人'), ('丁县', 10.0, '人')])
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .stacked_tables import AMOUNT_HEADER, _header_word, parse_amount, unit_from_text, unit_note
from .tables import TOTAL_LABELS, Cell, Row, Table, _scale

MARK = re.compile(r"^(?:\d{1,3}\s*[.、.]|[一二三四五六七八九十]{1,3}\s*、|[((]\d{1,3}[))]|[▲△★☆●○◆◇■□*※#])+\s*")
UNIT_ONLY = re.compile(r"^[((][^))\d]{1,6}[))]$")
SENTENCE = re.compile(r"[。;;,,!?!?::]")
MAX_CELL = 20  # characters: a longer line is a sentence, not a cell
MIN_ROWS = 3


def cell_line_tables(text: str, is_place: Callable[[str], bool]) -> list[Table]:
    """Every table of text laid out one cell per line with regions for rows (see the module docstring)."""
    tables = []
    for run, heading in _runs(text):
        k = 0
        while k < len(run):
            table, k = _table(text, run, k, is_place, heading)
            if table:
                tables.append(table)
        tables += [
            t for t in _by_indicator(run, heading) if not any(t.start < o.end and o.start < t.end for o in tables)
        ]
    return tables


YEAR_OR_TIER = re.compile(r"^(?:(?:19|20)\d{2}年?度?|.{0,6}(?:计划任务|必成|奋斗目标|预备|目标任务|力争)数?)$")


def _by_indicator(run, heading: str) -> list[Table]:
    """Rows of indicators under columns of years or tiers, one cell a line ("指标 / 2019年 / 2020年" over
    "减少贫困人口(人) / 1800 / 800"): every row full, as many figures as there are columns.

    >>> run = [(i, i + 1, w) for i, w in enumerate("指标 2019年 2020年 减贫人数(人) 1800 800 出列村(个) 20 10".split())]
    >>> [(r.label, [c.value for c in r.cells]) for r in _by_indicator(run, "")[0].rows]
    [('减贫人数(人)', [1800.0, 800.0]), ('出列村(个)', [20.0, 10.0])]
    """
    words = [re.sub(r"\s", "", w) for _, _, w in run]
    tables, h = [], 0
    while h < len(run):
        n = 0
        while h + 1 + n < len(run) and YEAR_OR_TIER.match(words[h + 1 + n]):
            n += 1
        if n < 2 or not _header_word(words[h]) or YEAR_OR_TIER.match(words[h]):
            h += 1
            continue
        columns, rows, i = words[h + 1 : h + 1 + n], [], h + 1 + n
        while i + n < len(run) and _header_word(words[i]) and not YEAR_OR_TIER.match(words[i]):
            figures = [parse_amount(w) for w in words[i + 1 : i + 1 + n]]
            if (
                any(f is None for f in figures)
                or parse_amount(words[i + 1 + n] if i + 1 + n < len(run) else "") is not None
            ):
                break
            cells = []
            for column, figure, (a, b, _) in zip(columns, figures, run[i + 1 : i + 1 + n], strict=True):
                value, unit = _scale(*figure, words[i])  # type: ignore[misc]
                cells.append(Cell(value, unit, a, b, column))
            rows.append(Row(words[i], run[i][0], cells[-1].end, cells))
            i += 1 + n
        if len(rows) >= 2:
            tables.append(Table(rows[0].start, rows[-1].end, [words[h], *columns], rows, heading))
            h = i
        else:
            h += 1
    return tables


def label_of(word: str) -> str:
    """A row label without its number or mark: "1.长沙市" -> "长沙市", "▲茶陵县" -> "茶陵县".

    >>> label_of("1.长沙市"), label_of("▲茶陵县"), label_of("合  计")
    ('长沙市', '茶陵县', '合计')
    """
    return re.sub(r"\s", "", MARK.sub("", word))


def _runs(text: str) -> list[tuple[list[tuple[int, int, str]], str]]:
    """Runs of one-cell lines (blank lines inside a run are empty cells dropped), each with the last sentence
    line above it (the table's title)."""
    runs, run, heading, pos = [], [], "", 0
    for line in text.splitlines(keepends=True):
        body = line.strip().strip("|").strip()
        sentence = len(body) > MAX_CELL or re.search(r"\s{2,}|\t|\|", body) or SENTENCE.search(body)
        if body and sentence and not UNIT_ONLY.match(body):
            if len(run) >= 2 * MIN_ROWS:
                runs.append((run, heading))
            run, heading = [], body
        elif body:
            a = pos + line.index(body)
            run.append((a, a + len(body), body))
        pos += len(line)
    if len(run) >= 2 * MIN_ROWS:
        runs.append((run, heading))
    return runs


def _table(text: str, run, k: int, is_place: Callable[[str], bool], heading: str) -> tuple[Table | None, int]:
    """The table whose first row is at or after cell k, and the cell to go on from."""

    def number(i: int) -> bool:
        return i < len(run) and parse_amount(run[i][2]) is not None

    def label(i: int) -> bool:
        word = label_of(run[i][2])
        return not number(i) and (TOTAL_LABELS.match(word) is not None or is_place(word))

    data = next((i for i in range(k, len(run) - 1) if label(i) and number(i + 1)), None)
    if data is None:
        return None, len(run)
    header = _header(run, k, data)
    if header is None:
        return None, data + 1
    columns = header[1:] if not AMOUNT_HEADER.search(header[0]) else header  # no name over the labels
    note = unit_note(heading + " " + " ".join(header))
    rows, i = [], data
    while i < len(run):
        if not label(i):
            break
        j = i + 1
        while number(j):
            j += 1
        if j - i - 1 > len(columns):
            break  # more figures than columns: not this layout
        cells = []
        for col, (a, b, word) in zip(columns, run[i + 1 : j], strict=False):
            column = col + (f"({note})" if note and not re.search(r"[((]", col) else "")
            value, unit = _scale(*parse_amount(word), column)  # type: ignore[misc]
            cells.append(Cell(value, unit, a, b, column))
        if cells:
            rows.append(Row(label_of(run[i][2]), run[i][0], cells[-1].end, cells))
        i = j
    if sum(is_place(r.label) for r in rows) < MIN_ROWS - 1 or len(rows) < MIN_ROWS:
        return None, max(i, data + 1)
    if not note:
        rows = unit_from_text(rows, text[max(0, run[0][0] - 1500) : run[0][0]])
    return Table(rows[0].start, rows[-1].end, header, rows, heading), i


def _header(run, k: int, data: int) -> list[str] | None:
    """The header cells just above the first row, a unit line joined to the cell above, a header written several
    times side by side read once; None when there is none (a label column and at least one column of figures)."""
    first = data
    while first > k and (_header_word(run[first - 1][2]) or UNIT_ONLY.match(run[first - 1][2])):
        first -= 1
    words: list[str] = []
    for _, _, word in run[first:data]:
        word = re.sub(r"\s", "", word)
        if UNIT_ONLY.match(word) and words:
            words[-1] += word
        elif not UNIT_ONLY.match(word):
            words.append(word)
    if len(words) < 2:
        return None
    for width in range(2, len(words) // 2 + 1):
        if len(words) % width == 0 and words == words[:width] * (len(words) // width):
            return words[:width]
    return words
