"""Named sub-regions that exit poverty: "2016年陇西、安定、临洮三县区实现整体脱贫目标".

Each named county gets its own figure (value 1); the count ("三县区") is not reported on top of them.

Example::

    >>> from etl.gazetteer import Gazetteer, RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("100001", None, "甲县", "Jia", "county")])
    >>> [(r.name, r.code) for r in named_exits("2017年甲县实现整体脱贫", g)]
    [('甲县', '100001')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.gazetteer import Gazetteer

EXIT_RE = re.compile(r"(?:实现|完成)?(?:整体脱贫|脱贫摘帽|摘帽|退出贫困县)")
COUNT_SUFFIX = re.compile(r"[一二两三四五六七八九十\d]+个?(?:县市区|县区|县市|县|区|市)$")
LOCAL_LEVELS = {"county"}


@dataclass(frozen=True)
class NamedRegion:
    name: str  # as written
    code: str
    start: int  # offset of the name in the searched text
    end: int
    list_start: int  # where the whole "陇西、安定、临洮三县区实现整体脱贫" phrase starts
    list_end: int


def named_exits(text: str, gazetteer: Gazetteer) -> list[NamedRegion]:
    """Counties named just before an exit phrase (整体脱贫/摘帽) in text."""
    out = []
    for m in EXIT_RE.finditer(text):
        head_end = m.start()
        head_start = head_end
        while head_start > 0 and text[head_start - 1] not in ",,;;。:\n":
            head_start -= 1
        head = text[head_start:head_end]
        count = COUNT_SUFFIX.search(head)
        names_end = head_start + (count.start() if count else len(head))
        found = _region_list(text, head_start, names_end, gazetteer)
        out += [NamedRegion(n, c, a, b, found[0][2] if found else 0, m.end()) for n, c, a, b in found]
    return out


def _region_list(text: str, lo: int, hi: int, gazetteer: Gazetteer) -> list[tuple[str, str, int, int]]:
    """Resolve the 、/和-separated names ending at hi; the first may follow other words ("2016年陇西")."""
    parts, end = [], hi
    while True:
        sep = max(text.rfind(ch, lo, end) for ch in "、和及")
        start = sep + 1 if sep >= lo else lo
        token = text[start:end]
        hit = _resolve_tail(token, gazetteer) if sep < lo else _resolve_whole(token, gazetteer)
        if hit is None:
            return [] if sep >= lo or not parts else parts[::-1]
        name, code = hit
        parts.append((name, code, end - len(name), end))
        if sep < lo:
            return parts[::-1]
        end = sep


def _resolve_whole(token: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    code = gazetteer.resolve(token) if len(token) >= 2 else None
    if code and gazetteer.regions[code].level in LOCAL_LEVELS:
        return token, code
    return None


def _resolve_tail(token: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    for k in range(min(len(token), 6), 1, -1):
        hit = _resolve_whole(token[-k:], gazetteer)
        if hit:
            return hit
    return None
