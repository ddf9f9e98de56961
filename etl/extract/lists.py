"""Lists by region: one line per county, its name before a colon ("巴州区:省级财政专项扶贫资金2405万元;").

The sentences of such a list are read like any other (the county at the head of the line is the figure's region);
this module finds the lines whose head names a unit the gazetteer has no code for (an economic development zone,
an industrial park, a town), so that their figures are left out rather than given to the whole region.

Example::

    >>> text = "甲县:资金20万元;\\n乙县:资金30万元;\\n某经济开发区:资金5万元。\\n"
    >>> [text[a:b] for a, b in unplaced_lines(text, lambda head: head in ("甲县", "乙县"))]
    ['某经济开发区:资金5万元。']
"""

from __future__ import annotations

import re
from collections.abc import Callable

_HEAD = re.compile(r"^\s*([\u4e00-\u9fff]{2,14})[::]")
UNIT_SUFFIX = re.compile(r"(?:开发区|园区|新区|试验区|示范区|管委会|管理区|林场|农场|街道|办事处|[镇乡])$")


def unplaced_lines(text: str, is_place: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of the lines of a by-region list (three or more "名称:" lines in a row, two or more of them naming
    regions) whose head is a unit with no region code (…开发区, …园区, …镇)."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int, str]] = []
    pos = 0
    for line in [*text.splitlines(keepends=True), ""]:
        m = _HEAD.match(line)
        if m:
            run.append((pos + len(line) - len(line.lstrip()), pos + len(line.rstrip()), m.group(1)))
        else:
            if len(run) >= 3 and sum(is_place(head) for _, _, head in run) >= 2:
                out += [(a, b) for a, b, head in run if not is_place(head) and UNIT_SUFFIX.search(head)]
            run = []
        pos += len(line)
    return out
