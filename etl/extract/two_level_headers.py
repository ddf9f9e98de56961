"""Space-aligned tables under a two-level header whose upper cells span columns: the upper row names the label
columns (which span both header rows) and the groups, the lower row each group's columns.

"序号 乡镇、街道 C级 D级 无房户 合计" over "户数 补助资金(万元) 户数 补助资金(万元) …": a web page that drops the
table's borders leaves the upper row narrower than the lower one, so neither lines up with the rows by position.
A row is a label (perhaps after a serial number) and as many figures as the lower row has cells; the figures
then line up with the lower row, and each column is named "group column" ("C级 户数", "合计 补助资金(万元)").
How many upper cells are label columns follows from the rows (how many words come before their figures), and
the groups must share the lower row's cells evenly. A row a page broke over lines, each empty cell a line break
("1 桂阳街道\n\n3 6.3\n\n3 6.3": C级 empty, D级 3 6.3, 无房户 empty, 合计 3 6.3), is read back when its figures
and line breaks add up to the lower row's cells; a row that does not add up is passed over.

Example::

    >>> text = "县区 脱贫人口 贫困村\\n计划 力争 计划 力争\\n甲县 10 12 2 3\\n合  计 10 12 2 3\\n"
    >>> t = two_level_tables(text)[0]
    >>> t.header
    ['县区', '脱贫人口 计划', '脱贫人口 力争', '贫困村 计划', '贫困村 力争']
    >>> [(r.label, [c.value for c in r.cells]) for r in t.rows]
    [('甲县', [10.0, 12.0, 2.0, 3.0]), ('合计', [10.0, 12.0, 2.0, 3.0])]
"""

from __future__ import annotations

import re

from .stacked_tables import _BREAK, _header_word, unit_note
from .tables import Cell, Row, Table, _parse, _scale

SENTENCE = re.compile(r"[。;;,,!?::]")
SERIAL = re.compile(r"^\d{1,3}$")


def two_level_tables(text: str) -> list[Table]:
    """Every table of text under a two-level header with spanning upper cells (see the module docstring)."""
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    tables, i = [], 0
    while i + 1 < len(lines):
        table, end = _table(text, lines, i)
        if table:
            tables.append(table)
            i = end
        else:
            i += 1
    return tables


def _tokens(start: int, line: str) -> list[tuple[int, int, str]]:
    # "合  计" (a total spaced out to the column width) is one word: close it up, keeping the length
    body = re.sub(r"([合总小])(\s+)(计)", lambda m: m.group(1) + m.group(3) + m.group(2), line)
    sep = r"[^\t]+" if "\t" in body else r"\S+"
    return [
        (start + m.start(), start + m.end(), m.group().strip()) for m in re.finditer(sep, body) if m.group().strip()
    ]


def _is_header(words: list[str]) -> bool:
    return len(words) >= 2 and all(_header_word(w) and not SENTENCE.search(w) for w in words)


def _table(text: str, lines, i: int) -> tuple[Table | None, int]:
    upper = [w for _, _, w in _tokens(*lines[i])]
    lower = [w for _, _, w in _tokens(*lines[i + 1])]
    if not (_is_header(upper) and _is_header(lower) and len(upper) < len(lower)):
        return None, i + 1
    width = len(lower)
    rows_at, k, row = [], i + 2, None

    def close(row) -> None:
        if row is not None and len(row[0]) - row[1] == width:
            rows_at.append(row)

    while k < len(lines):
        line = lines[k][1].strip()
        if _BREAK.match(line) or SENTENCE.search(line):
            break
        tokens: list = _tokens(*lines[k])
        figures = 0
        while figures < len(tokens) and _parse(tokens[len(tokens) - 1 - figures][2]) is not None:
            figures += 1
        lead = len(tokens) - figures
        if lead >= 1:  # a row opens with its label
            close(row)
            row = (tokens, lead)
        elif row is not None:  # figures on a line of their own go on the row: each line break an empty cell
            empty = text.count("\n", lines[k - 1][0] + len(lines[k - 1][1]), lines[k][0])
            row = (row[0] + [None] * empty + tokens, row[1])
        k += 1
    close(row)
    if len(rows_at) < 2:
        return None, i + 1
    labels = max(lead for _, lead in rows_at)  # label columns: the most words any row has before its figures
    groups = len(upper) - labels
    if groups < 1 or width % groups or width // groups < 2:
        return None, i + 1
    span = width // groups
    columns = [f"{upper[labels + c // span]} {lower[c]}" for c in range(width)]
    above = text[max(0, lines[i][0] - 200) : lines[i][0]]
    title = next((ln.strip() for ln in reversed(above.splitlines()) if ln.strip()), "")
    note = unit_note(above + " ".join(upper + lower))
    rows = []
    for tokens, lead in rows_at:
        words = [w for _, _, w in tokens[:lead]]
        if len(words) > 1 and SERIAL.match(words[0]):
            words = words[1:]
        cells = []
        for token, column in zip(tokens[lead:], columns, strict=True):
            if token is None:
                continue
            a, b, word = token
            value, unit = _parse(word)  # type: ignore[misc]
            named = column + (f"({note})" if note and not re.search(r"[((]", column) else "")
            value, unit = _scale(value, unit, named)
            cells.append(Cell(value, unit, a, b, named))
        rows.append(Row(re.sub(r"\s", "", "".join(words)), tokens[0][0], cells[-1].end, cells))
    header = [upper[labels - 1] if labels else "", *columns]
    return Table(rows[0].start, rows[-1].end, header, rows, title, grouped=True), k
