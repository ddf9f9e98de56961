"""Which numeric cells of a workbook are shown as percentages.

Typing ``8%`` into Excel stores 0.08 with a percent format; the value reader (calamine) returns 0.08 without
the format, so these cells are found here and read as the planner saw them ("8%").

Example::

    percent_cells(data)   # {"实际 Actuals": {(2, 5)}}  -> row 2, column F (0-based 5) shows a percentage
"""

from __future__ import annotations

import io
import re
import zipfile

BUILTIN_PERCENT = {9, 10}
_NUMFMT = re.compile(rb'<(?:\w+:)?numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"')
_CELLXFS = re.compile(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", re.S)
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*)>|<(?:\w+:)?xf\b([^>]*)/>")
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?name="([^"]*)"[^>]*?(?:r:id|\w+:id)="([^"]*)"')
_REL = re.compile(rb"<Relationship\b([^>]*)/?>")
_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]+)(\d+)"([^>]*)>')


def _attr(attrs: bytes, name: bytes) -> bytes | None:
    match = re.search(rb"\b" + name + rb'="([^"]*)"', attrs)
    return match.group(1) if match else None


def _percent_styles(styles: bytes) -> set[int]:
    custom = {int(i) for i, code in _NUMFMT.findall(styles) if b"%" in re.sub(rb'"[^"]*"|\\.', b"", code)}
    block = _CELLXFS.search(styles)
    if not block:
        return set()
    percent = BUILTIN_PERCENT | custom
    out = set()
    for index, match in enumerate(_XF.finditer(block.group(1))):
        fmt = _attr(match.group(1) or match.group(2) or b"", b"numFmtId")
        if fmt is not None and int(fmt) in percent:
            out.add(index)
    return out


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ch - 64
    return index - 1


def percent_cells(data: bytes) -> dict[str, set[tuple[int, int]]]:
    """(row, 0-based column) of numeric cells with a percent format, by sheet name; {} when there are none."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "xl/styles.xml" not in names:
            return {}
        styles = _percent_styles(archive.read("xl/styles.xml"))
        if not styles:
            return {}
        targets = {}
        for attrs in _REL.findall(archive.read("xl/_rels/workbook.xml.rels")):
            rel_id, target = _attr(attrs, b"Id"), _attr(attrs, b"Target")
            if rel_id and target:
                path = target.decode().lstrip("/")
                targets[rel_id] = path if path.startswith("xl/") else f"xl/{path}"
        out: dict[str, set[tuple[int, int]]] = {}
        for name, rel_id in _SHEET.findall(archive.read("xl/workbook.xml")):
            path = targets.get(rel_id)
            if path not in names:
                continue
            cells = set()
            for letters, row, attrs in _CELL.findall(archive.read(path)):
                style, kind = _attr(attrs, b"s"), _attr(attrs, b"t")
                if style is not None and int(style) in styles and kind in (None, b"n"):
                    cells.add((int(row), _column_index(letters)))
            if cells:
                out[_unescape(name)] = cells
        return out


def _unescape(name: bytes) -> str:
    text = name.decode("utf-8")
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text
