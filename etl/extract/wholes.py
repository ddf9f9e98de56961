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

from .own_region import region_mentions

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


# "2018年国家下达河南省光伏发电新增建设规模50万千瓦" in 卢氏县's text: the province the centre grants it to
_GRANTOR = re.compile(r"^(?:国家|中央|国务院)[\u4e00-\u9fff]{0,6}?(?:下达|分配|下拨)给?")
_LEAD_IN = re.compile(r"^(?:日前|近日|近期|目前|今年|(?:19|20)\d{2}年度?)?[,、]?")


def named_above(clause: str, gazetteer: Gazetteer, own_code: str | None) -> tuple[str, str] | None:
    """(name, adcode) of the region above own_code that opens the figure's clause (up to the figure) as its
    subject, when no region at or below the text's own is named after it: "福建省下达2020年度第二批中央财政专项扶贫
    资金52439万元" in 宁德市's text is the province's allocation, "河南省下达我市资金500万元" stays the city's.

    >>> from etl.gazetteer import RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("350000", None, "福建省", "F", "province"),
    ...                          RegionRow("350900", "350000", "宁德市", "N", "prefecture")])
    >>> named_above("日前,福建省下达2020年度第二批中央财政专项扶贫资金", g, "350900")
    ('福建省', '350000')
    >>> named_above("福建省下达我市资金", g, "350900") is None
    True
    """
    row = gazetteer.regions.get(own_code or "")
    head = _GRANTOR.sub("", _LEAD_IN.sub("", clause))
    names = region_mentions(head, gazetteer)
    if row is None or not names or not head.startswith(names[0][:2]) or re.search(r"[我全本该][省市县区州旗盟]", head):
        return None
    code = gazetteer.resolve_near(names[0], own_code)
    above = {r.code for r in gazetteer.ancestors(row.code)}
    if code not in above or any(gazetteer.resolve_near(n, own_code) not in above for n in names[1:]):
        return None
    return gazetteer.regions[code].name_zh, code


_WHOLE_COUNTY = re.compile(r"(?<![占在居于为比较超各])[全我本]([县旗])(?!平均|第一|首)")
LOOK_BACK = 200


def whole_below(
    text: str, s_start: int, said: str, gazetteer: Gazetteer, own_code: str | None
) -> tuple[str, str] | None:
    """(name, adcode) of the county the last 全县/我县/本县 in ``said`` (the figure's clause up to it) speaks of in
    a text whose own region is above counties: the one county named in the sentences just before it ("今年,纳雍县
    将实现3万人脱贫。同时,全县还将完成易地扶贫搬迁1万人" in 毕节市's text); None when they name none or several."""
    row = gazetteer.regions.get(own_code or "")
    if row is None or row.level == "county" or not _WHOLE_COUNTY.search(said):
        return None
    before = text[max(0, s_start - LOOK_BACK) : s_start]
    counties = {
        c
        for n in region_mentions(before, gazetteer)
        if (c := gazetteer.resolve_near(n, own_code)) and gazetteer.regions[c].level == "county"
    }
    code = counties.pop() if len(counties) == 1 else None
    if code is None or own_code not in {r.code for r in gazetteer.ancestors(code)}:
        return None
    return gazetteer.regions[code].name_zh, code
