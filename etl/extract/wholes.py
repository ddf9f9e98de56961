"""The whole a figure is for when the text speaks of a level above its own: "三年内实现全市所有村集体经营性收入达5万元
以上" in a district's text (蕉城区) is the city's (宁德市) goal, "全省" in a county's text the province's.

Example::

    >>> from etl.gazetteer import Gazetteer, RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("350900", None, "宁德市", "N", "prefecture"),
    ...                          RegionRow("350902", "350900", "蕉城区", "J", "county")])
    >>> whole_above("三年内实现全市所有村集体经营性收入达", g, "350902")
    ('宁德市', '350900')
    >>> whole_above("三年内实现全区所有村集体经营性收入达", g, "350902") is None
    True
"""

from __future__ import annotations

import re

from etl.gazetteer import Gazetteer

WHOLE = re.compile(r"(?<![占在居于为比较超])[全我本]([省市州盟])(?!平均|第一|首)")
LEVEL_OF = {"省": "province", "市": "prefecture", "州": "prefecture", "盟": "prefecture"}
RANK = {"county": 1, "prefecture": 2, "province": 3}


def whole_above(said: str, gazetteer: Gazetteer, own_code: str | None) -> tuple[str, str] | None:
    """(name, adcode) of the region above own_code that the last 全省/全市/我州… in ``said`` (the figure's clause up to
    it) speaks of, when that level is above the text's own; None otherwise. 全市 in a county-level city's text
    (醴陵市) is the city itself."""
    row = gazetteer.regions.get(own_code or "")
    found = list(WHOLE.finditer(said))
    if row is None or not found:
        return None
    level = LEVEL_OF[found[-1].group(1)]
    if RANK.get(level, 0) <= RANK.get(row.level, 0) or level == "prefecture" and row.name_zh.endswith("市"):
        return None
    up = next((r for r in gazetteer.ancestors(row.code) if r.level == level), None)
    return (up.name_zh, up.code) if up else None
