"""The region a figure of aid is for: the one named after 帮扶/帮助/支援 ("厦门市帮扶临夏州26.01万人",
"落实资金1500万元帮扶黔西南州", "为古蔺县产业化扶贫项目提供人民币授信7.5亿元", "向甘肃省投入对口帮扶资金10亿元"),
not the helper nor the text's own.

Example::

    >>> from etl.gazetteer import Gazetteer, RegionRow
    >>> rows = [RegionRow("350200", None, "厦门市", "X", "prefecture")]
    >>> g = Gazetteer.from_rows(rows + [RegionRow("622900", None, "临夏回族自治州", "L", "prefecture")])
    >>> s = "厦门市帮扶临夏州26.01万人"
    >>> aided_region(s, 0, len(s), s.index("26"), g, None)
    ('临夏回族自治州', '622900')
"""

from __future__ import annotations

import re

from etl.gazetteer import Gazetteer

from .anaphora import named_before
from .own_region import region_mentions

# 协作/结对 name a partner, which may be the helper: only the verbs whose object is the one helped (对口协作 too:
# "佛山市下达了2017年对口扶贫协作凉山州计划").
AID_VERB = re.compile(
    r"(?:对口)?(?:帮扶|帮助|援助|支援|援建)|对口(?:扶贫)?协作|为(?=[^,;。]{2,16}?提供)|向(?=[^,;。]{2,10}?(?:投入|拨付|下达|安排|提供))"
)
NAME_SPAN = 10  # a region name (临夏回族自治州 is 7 characters) with a short prefix such as 对口


def aided_region(
    sentence: str, c_start: int, c_end: int, q_start: int, gazetteer: Gazetteer, own_code: str | None
) -> tuple[str, str] | None:
    """(name, adcode) of the region named right after an aid verb in the clause sentence[c_start:c_end] of the
    figure at q_start: the nearest such name before the figure, else the first after it; None when there is none."""
    before, after = None, None
    for m in AID_VERB.finditer(sentence, c_start, c_end):
        head = sentence[m.end() : min(m.end() + NAME_SPAN, c_end)]
        names = region_mentions(head, gazetteer)
        if not names or not head.startswith(names[0][:2]):
            continue
        code = gazetteer.resolve_near(names[0], own_code)
        if code is None:
            continue
        found = (gazetteer.regions[code].name_zh, code)
        if "、" in sentence[min(m.end(), q_start) : max(m.start(), q_start)]:
            continue  # another item of a list ("天津市帮扶兰州市3.26万人、白银市14.64万人"): its own place
        if m.end() <= q_start:
            before = found
        elif after is None:
            after = found
    return before or after or _aided_earlier(sentence, c_start, c_end, gazetteer, own_code)


def _aided_earlier(
    sentence: str, c_start: int, c_end: int, gazetteer: Gazetteer, own_code: str | None
) -> tuple[str, str] | None:
    """The region an earlier clause of the sentence names after an aid verb, for a clause that names no place nor
    a whole of its own (全省): "广东省下达2017年对口支援甘孜州投资计划,今年安排项目95个、帮扶资金2.08亿元"."""
    clause = sentence[c_start:c_end]
    if c_start == 0 or region_mentions(clause, gazetteer) or re.search(r"[全我本该各][省市县区州旗盟]", clause):
        return None
    found = None
    for m in AID_VERB.finditer(sentence, 0, c_start):
        head = sentence[m.end() : min(m.end() + NAME_SPAN, c_start)]
        names = region_mentions(head, gazetteer)
        if names and head.startswith(names[0][:2]):
            code = gazetteer.resolve_near(names[0], own_code)
            found = (gazetteer.regions[code].name_zh, code) if code else found
    return found


REFERRED = re.compile(r"对口(?:支援|帮扶|协作)?地区|受援地区?|受援[县市州]|帮扶地区|结对地区|协作地区")
OBJECT_OF_AID = re.compile(r"对([^,;。]{2,16}?)的?(?:对口)?(?:帮扶|支援|援助)|(?:帮扶|帮助|援助|支援)([^,;。]{2,10})")
LOOK_BACK = 300


def referred_region(
    text: str, s_start: int, clause: str, gazetteer: Gazetteer, own_code: str | None
) -> tuple[str, str] | None:
    """(name, adcode) of the region 对口地区/受援地 in clause refers to: the last one an earlier sentence names as
    the object of aid ("我市全面启动对吉林省延边朝鲜族自治州的对口帮扶。每年安排1400万元的帮扶资金用于对口地区…");
    None when the clause says no such word or no region was named so.

    >>> from etl.gazetteer import RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("222400", None, "延边朝鲜族自治州", "Y", "prefecture")])
    >>> text = "我市启动对延边朝鲜族自治州的对口帮扶。每年安排1400万元用于对口地区。"
    >>> referred_region(text, text.index("每年"), "每年安排1400万元用于对口地区", g, None)
    ('延边朝鲜族自治州', '222400')
    """
    if not REFERRED.search(clause):
        # "2018年该县计划完成…": the county named before; "福州市2.47亿元" after "福州市帮扶定西市…": 定西's
        return (
            named_before(text, s_start, clause, gazetteer)
            or helper_partner(text, s_start, clause, gazetteer, own_code)
            or _partner_funds(text, s_start, clause, gazetteer, own_code)
            or partner_named(text, s_start, clause, gazetteer, own_code)
        )
    return _object_of_aid(text, s_start, gazetteer, own_code)


AID_FUNDS = re.compile(r"(?:扶贫协作|对口帮扶|对口支援|帮扶|协作|援助)资金")


def _partner_funds(
    text: str, s_start: int, clause: str, gazetteer: Gazetteer, own_code: str | None
) -> tuple[str, str] | None:
    """The partner region an earlier sentence names as the object of aid, for funds of aid (扶贫协作资金, 帮扶资金)
    in a clause that names no region, when that partner lies outside the text's own region and the own region
    outside it: "北京市16个区结对帮扶内蒙古自治区31个旗县市…扶贫协作资金将从…县均1000万元增至县均3000万元" in 北京's
    text is money for 内蒙古 (a province's funds for its own prefectures stay the province's)."""
    if own_code is None or not AID_FUNDS.search(clause) or region_mentions(clause, gazetteer):
        return None
    code = _aided_partner(text, s_start, gazetteer, own_code)
    return (gazetteer.regions[code].name_zh, code) if code else None


def _aided_partner(text: str, s_start: int, gazetteer: Gazetteer, own_code: str) -> str | None:
    """The one region the text before s_start names as the object of aid, when it lies outside the text's own
    region and the own region outside it."""
    aided = set()  # every place the text names as aided ("支援新疆伽师县、西藏墨脱": a helper of two)
    for m in OBJECT_OF_AID.finditer(text, 0, s_start):
        aided |= {gazetteer.resolve_near(n, own_code) for n in _objects(m, gazetteer)}
    aided.discard(None)
    aided -= {r.code for c in aided for r in gazetteer.ancestors(c)}  # 新疆 of 新疆伽师县
    if len(aided) != 1:
        return None
    code = aided.pop()
    related = {r.code for r in gazetteer.ancestors(code)} | {r.code for r in gazetteer.ancestors(own_code)}
    if code == own_code or own_code in related or code in related:
        return None
    return code


def partner_named(
    text: str, s_start: int, clause: str, gazetteer: Gazetteer, own_code: str | None
) -> tuple[str, str] | None:
    """The aided partner (_aided_partner) when the clause names it, beside the text's own region at most: "天津市
    对口帮扶甘肃省…;天津市选派10名援甘干部到甘肃省藏区挂职;每年培训甘肃省藏区党政副职干部100名" in 天津's text
    are 甘肃's cadres and places (the helper's text sets its partner's targets)."""
    names = region_mentions(clause, gazetteer) if own_code else []
    if not names:
        return None
    code = _aided_partner(text, s_start, gazetteer, own_code)
    if code is None:
        return None
    codes = {gazetteer.resolve_near(n, own_code) for n in names}
    inside = {c for c in codes if c and code in {r.code for r in gazetteer.ancestors(c)}}
    if code not in codes | inside or codes - inside - {code, own_code}:
        return None
    return gazetteer.regions[code].name_zh, code


def _objects(m: re.Match, gazetteer: Gazetteer) -> list[str]:
    """The regions an OBJECT_OF_AID match names as aided: those in "对…的帮扶", or after 帮扶 when one opens its
    object ("支援新疆伽师县"), not a place later in the words ("帮扶资金都将于当年的北京市‘两会’后…拨付": 帮扶资金
    is a noun, 北京 the helper)."""
    if m.group(1):
        return region_mentions(m.group(1), gazetteer)
    names = region_mentions(m.group(2), gazetteer)
    return names if names and m.group(2).startswith(names[0][:2]) else []


def _object_of_aid(text: str, s_start: int, gazetteer: Gazetteer, own_code: str | None) -> tuple[str, str] | None:
    found = None
    for m in OBJECT_OF_AID.finditer(text, max(0, s_start - LOOK_BACK), s_start):
        names = region_mentions(m.group(1) or m.group(2), gazetteer)
        code = gazetteer.resolve_near(names[-1], own_code) if names else None
        found = (gazetteer.regions[code].name_zh, code) if code else found
    return found


HELPS = re.compile(r"([^\s,;。、()::]{2,10}?)(?:对口)?(?:帮扶|支援|援助)([^\s,;。、()\d]{2,10})")
_ITEM_LEAD = re.compile(r"^[(]?(?:其中)?[::,]?")


def helper_partner(
    text: str, s_start: int, clause: str, gazetteer: Gazetteer, own_code: str | None
) -> tuple[str, str] | None:
    """(name, adcode) of the one region the text says the region opening the clause helps, when that helper lies
    outside the text's own region: "(其中天津市7.6亿元,福州市2.47亿元…)" after "福州市帮扶定西市36.53万人" gives
    福州's 2.47亿元 to 定西市 (天津, which helps seven cities, keeps the text's own).

    >>> from etl.gazetteer import RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("350100", None, "福州市", "F", "prefecture"),
    ...                          RegionRow("621100", None, "定西市", "D", "prefecture")])
    >>> text = "福州市帮扶定西市36.53万人。东部安排资金(其中福州市2.47亿元)"
    >>> helper_partner(text, text.index("东部"), "福州市2.47亿元", g, None)
    ('定西市', '621100')
    """
    head = _ITEM_LEAD.sub("", clause)
    names = region_mentions(head[:10], gazetteer)
    if not names or not head.startswith(names[0]):
        return None
    helper = gazetteer.resolve_near(names[0], own_code)
    if helper is None or helper == own_code or own_code in {r.code for r in gazetteer.ancestors(helper)}:
        return None
    aided = set()
    for m in HELPS.finditer(text, 0, s_start):
        before, after = region_mentions(m.group(1), gazetteer), region_mentions(m.group(2), gazetteer)
        if before and after and m.group(1).endswith(before[-1]) and m.group(2).startswith(after[0][:2]):
            if gazetteer.resolve_near(before[-1], own_code) == helper:
                aided.add(gazetteer.resolve_near(after[0], own_code))
    code = aided.pop() if len(aided) == 1 else None
    return (gazetteer.regions[code].name_zh, code) if code else None
