"""Whose figure it is when the sentence names a place: one at the head of the number's clause (or of an earlier
clause), inside the document's region, or the counties a count names in brackets after it.

Example::

    >>> from etl.gazetteer import Gazetteer, RegionRow
    >>> g = Gazetteer.from_rows(
    ...     [
    ...         RegionRow("621100", None, "定西市", "Dingxi", "prefecture"),
    ...         RegionRow("621122", "621100", "陇西县", "Longxi", "county"),
    ...     ]
    ... )
    >>> named_subject("其中,陇西县减贫1.2万人", 0, 8, g, ("定西市", "621100"))
    ('陇西县', '621122')
"""

from __future__ import annotations

import re

from .own_region import region_mentions, region_spans
from .regions import county_at_head, resolve_county
from .sentences import clauses


def bracketed_counties(sentence: str, q, gazetteer, own_code) -> list[tuple[str, str]]:
    """The counties a count names in brackets ("1个县(寻甸县)脱贫摘帽"): one figure each, as named exits are."""
    m = re.match(r"^[^(,;。]{0,8}\(([^()]{2,80})\)", sentence[q.end :])
    if m is None:
        return []
    out = []
    for name in re.split(r"[、,]", m.group(1)):
        code = resolve_county(name, gazetteer, own_code)
        if code is None:
            return []
        out.append((gazetteer.regions[code].name_zh, code))
    return out if len(out) == q.value else []


def named_subject(
    sentence: str, c_start: int, q_start: int, gazetteer, own, i_start: int | None = None
) -> tuple[str, str] | None:
    """A place inside the document's region named at the head of the number's clause ("其中,陇西县减贫1.2万人"),
    or of an earlier clause of the same sentence ("盐城市8个乡镇…脱贫,23个经济薄弱村…"): the figure is that
    place's, until a clause speaks of the whole again (全省/全市…); a list item that names its own place
    ("其中安定区1.2万人、通渭县1万人") is that place's."""
    group = _listed_group(sentence, c_start, q_start, gazetteer, own)
    if group is not None:
        return group or None
    if i_start is not None and i_start > c_start:
        item = re.sub(r"^(?:其中|另外|同时)?[,、]?", "", sentence[i_start:q_start].rpartition(")")[2])
        place = _place_at_head(item, gazetteer, own)
        listed = re.search(r"(?:^|[,;:、])([^,;:、\d]{2,8})[、和与及]$", sentence[c_start:i_start])
        if place and listed and _place_at_head(listed.group(1), gazetteer, own):
            return None  # "定西市、陇南市力争实现脱贫30万人": the places' joint figure, not the last one's
        if place:
            return place
    found = None
    for a, _b, _clause in clauses(sentence, 0, q_start):
        if a > c_start:
            break
        head = re.sub(r"^(?:其中|另外|同时)?[,、]?", "", sentence[a : min(q_start, a + 18)])
        head = TIME_LEAD.sub("", LABEL_LEAD.sub("", head))[:14]  # "2019年陇西县计划…", "在陇西县,…"
        if DATELINE_HEAD.match(head):
            continue  # "西宁3月6日电": where the report was filed from
        whole = re.match(r"^(?:全|我|本)([省市县区州旗盟])", head)
        if whole and found and _below_own(whole.group(1), gazetteer, own):
            continue  # "定西市委书记表示,今年全市计划…" in a province's text: the city just named
        if whole or _names_own(head, gazetteer, own):
            found = None  # "…获悉,2017年青海省将实现…": the whole again
            continue
        place = _place_at_head(head, gazetteer, own)
        pair = re.match(r"^[^、,;:\d]{2,8}?[、和与及]", head)
        if place and (PLACE_LIST_HEAD.match(head) or pair and _place_at_head(head[pair.end() :], gazetteer, own)):
            found = None  # "盐池、彭阳、隆德、泾源4个贫困县脱贫摘帽,19.3万贫困人口…": a group named, not one place
            continue
        found = place or found
    if found and re.search(r"[和及与、](?:全|我|本)[省市县区州旗盟]", sentence[c_start:q_start]):
        return None  # "西吉县和全区188万贫困人口": the whole's figure, the place named beside it
    words = re.findall(r"(?:全|我|本)([省市县区州旗盟])", sentence[c_start:q_start])
    if found and words and not _below_own(words[-1], gazetteer, own):
        return None  # "在定西市召开的…会上,省长要求今年全省减贫50万人": the whole's, said in its own clause
    return found


_GROUP = re.compile(r"(?:[^、,;:\d]{2,8}?、)+[^、,;:\d]{2,8}?(?=[\d一二两三四五六七八九十]|[\u4e00-\u9fff]{2}|$)")


def _listed_group(sentence: str, c_start: int, q_start: int, gazetteer, own) -> tuple[str, str] | tuple[()] | None:
    """The places a figure's clause opens with as a list ("在永和县、大宁县提升发展水果26万亩", after a year or the
    text's own name at most): the prefecture below the text's own that holds them all, or () for the text's own
    (places of several prefectures); None when the clause opens with no such list. A ",、" (a reprint's leftover
    of a dropped reading) joins the items it stands between."""
    while c_start > 1 and sentence[c_start - 1 : c_start + 1] in (",、", "、") and sentence[c_start - 2] != "、":
        c_start = max(sentence.rfind(ch, 0, c_start - 1) for ch in ",;:") + 1
    said = sentence[c_start:q_start].replace(",、", "、")
    said = TIME_LEAD.sub("", re.sub(r"^(?:其中|另外|同时)?[,、]?", "", said))
    spans = region_spans(said[:12], gazetteer)
    if own[1] and spans and spans[0][0] == 0 and gazetteer.resolve_near(spans[0][2], own[1]) == own[1]:
        said = said[spans[0][1] :]  # "山西将在偏关县、宁武县…"
    said = re.sub(r"^(?:将|要|计划|力争|确保)?(?:在|对)?", "", said)
    m = _GROUP.match(said)
    items = m.group().split("、") if m else []
    places = [_place_at_head(item, gazetteer, own) for item in items]
    if len(items) < 2 or None in places or any(len(i) > len(p[0]) + 1 for i, p in zip(items, places, strict=True)):
        return None
    codes = {p[1] for p in places}
    parents = {gazetteer.regions[c].parent_code for c in codes}
    parent = gazetteer.regions.get(parents.pop() or "") if len(parents) == 1 else None
    if parent is None or parent.code == own[1] or parent.level != "prefecture":
        return ()
    return parent.name_zh, parent.code


_WHOLE_LEVEL = {"省": 3, "市": 2, "州": 2, "盟": 2, "县": 1, "旗": 1}
_LEVEL_RANK = {"province": 3, "prefecture": 2, "county": 1}


def _below_own(word: str, gazetteer, own) -> bool:
    """全市 in a province's text, 全县 in a city's: a whole below the text's own (区 is either, so never)."""
    row = gazetteer.regions.get(own[1] or "")
    return row is not None and _WHOLE_LEVEL.get(word, 9) < _LEVEL_RANK.get(row.level, 0)


LABEL_LEAD = re.compile(r"^[—–-]+[^\s\d,:]{0,4}\s+")  # "——任务 银川市3年实现…": a run-in label before the place
DATELINE_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日电")
TIME_LEAD = re.compile(r"^(?:在|据了解,?)?(?:(?:19|20)\d{2}年度?|今年|明年|全年)?[,]?")
PLACE_LIST_HEAD = re.compile(r"^[^、,;:\d]{2,8}[、和与及][^、,;:\d]{2,8}[、和与及]")


def _names_own(head: str, gazetteer, own) -> bool:
    """The clause opens with the document's own region ("2017年青海省将实现…"), after a year at most."""
    head = re.sub(r"^(?:(?:19|20)\d{2}年|今年|明年)", "", head)
    names = region_mentions(head[:12], gazetteer)
    if not (own[1] and names and head.startswith(names[0][:2])):
        return False
    inner = names[1:] and _place_at_head(head[len(names[0]) :], gazetteer, own)
    return gazetteer.resolve_near(names[0], own[1]) == own[1] and not inner  # "甘肃省定西市…" is 定西's


def _place_at_head(head: str, gazetteer, own) -> tuple[str, str] | None:
    names = region_mentions(head[:12], gazetteer)
    if not names or not head.startswith(names[0][:2]):
        return county_at_head(head, gazetteer, own[1]) if own[1] else None
    code = gazetteer.resolve_near(names[0], own[1])
    if not own[1]:  # a text above the regions it names (a national roundup): the place named is the subject
        return (gazetteer.regions[code].name_zh, code) if code else None
    if code and code != own[1] and own[1] in {r.code for r in gazetteer.ancestors(code)}:
        return gazetteer.regions[code].name_zh, code
    at = head.find(names[1][:2], 2) if code == own[1] and len(names) > 1 else -1
    if 0 < at <= 8:  # "甘肃省定西市今年…": the place inside the region, named after it
        return _place_at_head(head[at:], gazetteer, own)
    return None
