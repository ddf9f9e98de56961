"""Tables whose cells are sentences: one row per region, the target written out in words.

"省份 | 2016年脱贫人口目标 |" over "湖北 | 力争实现147万建档立卡贫困人口稳定脱贫 |": the first cell names the
region each row's figures are for, and the header gives the rows their year and says they are goals.
Numeric tables (a number per cell) are read by ``tables.py``; these rows are read as sentences.

Example::

    >>> from etl.gazetteer import Gazetteer, RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("420000", None, "湖北省", "Hubei", "province")])
    >>> rows = labelled_rows("省份 | 2016年目标 |\\n湖北省 | 确保脱贫100万人 |\\n", g, None)
    >>> [(r.code, r.header) for r in rows.values()]
    [('420000', '省份 | 2016年目标 |')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.gazetteer import Gazetteer

from .lists import headed_lines, place_sections, region_lines
from .regions import resolve_county

_SEP = re.compile(r"\s*(?:\||\t)\s*")


@dataclass(frozen=True)
class LabelledRow:
    name: str
    code: str
    level: str
    header: str  # the table's header line ("" when the block has none)


def labelled_rows(text: str, gazetteer: Gazetteer, own_code: str | None) -> dict[int, LabelledRow]:
    """Rows of pipe- or tab-separated blocks whose first cell is a region and whose other cells hold words,
    keyed by the offset of the row's first non-blank character."""
    out: dict[int, LabelledRow] = {}
    header, pos, in_block = "", 0, False
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.strip()
        cells = [c for c in _SEP.split(body.strip("|\t ")) if c]
        if len(cells) < 2 or not re.search(r"[|\t]", body):
            header, in_block = "", False
            continue
        code = _region(cells[0], gazetteer, own_code)
        if code is None:
            if not in_block:
                header = body
            in_block = True
            continue
        in_block = True
        if not re.search(r"[\u4e00-\u9fff]{2}", "".join(cells[1:])):
            continue  # numbers only: a numeric table's row
        row = gazetteer.regions[code]
        out[start + len(line) - len(line.lstrip())] = LabelledRow(row.name_zh, code, row.level, header)
    for start, code, heading in region_lines(text, lambda name: _inside(name, gazetteer, own_code)):
        row = gazetteer.regions[code]
        out.setdefault(start, LabelledRow(row.name_zh, code, row.level, heading))
    for start, code in [
        *headed_lines(text, lambda name: _inside(name, gazetteer, own_code)),
        *place_sections(text, lambda name: _inside(name, gazetteer, own_code)),
    ]:
        row = gazetteer.regions[code]
        out.setdefault(start, LabelledRow(row.name_zh, code, row.level, ""))
    return out


def _inside(name: str, gazetteer: Gazetteer, own_code: str | None) -> str | None:
    """The region a list line opens with, when it lies inside the document's region (any region for a text
    above the regions it names)."""
    code = resolve_county(name, gazetteer, own_code) or _region(name, gazetteer, own_code)
    if code is None or code == own_code:
        return None
    if own_code and own_code not in {r.code for r in gazetteer.ancestors(code)}:
        return None
    return code


def _region(label: str, gazetteer: Gazetteer, own_code: str | None) -> str | None:
    label = re.sub(r"\s", "", label)
    if len(label) < 2 or len(label) > 12 or not re.search(r"[\u4e00-\u9fff]", label):
        return None
    return gazetteer.resolve_near(label, own_code)


def provinces_among(codes: list[str | None], gazetteer: Gazetteer) -> int:
    """How many provinces a table's rows name: with several, the document speaks for the country, not one of them."""
    return len({c for c in codes if c and gazetteer.regions[c].level == "province"})
