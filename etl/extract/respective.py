"""Figures after 分别 ("respectively"): one year or one place each, in the order they are listed.

Example::

    >>> from .numbers import find_quantities
    >>> from .periods import year_tokens
    >>> s = "2018年至2020年,全省分别减少贫困人口30万人、25万人和20万人"
    >>> sorted(respective_years(s, find_quantities(s), year_tokens(s)).values())
    [2018, 2019, 2020]
"""

from __future__ import annotations

import re

from .regions import place_code


def respective_years(sentence: str, quantities, tokens) -> dict[int, int]:
    """Years given one to each figure after 分别: a range of as many years as figures ("2018年至2020年…分别减少
    30万人、25万人和20万人"), or as many years listed ("2019年、2020年分别脱贫…"); keyed by id(quantity)."""
    at = sentence.find("分别")
    if at < 0:
        return {}
    listed = _listed_after(sentence, at, quantities)
    before = [t for t in tokens if t.end <= at]
    if not before or len(listed) < 2:
        return {}
    last = before[-1]
    if last.kind == "range" and last.year - last.first + 1 == len(listed):
        years = list(range(last.first, last.year + 1))
    else:
        points = [t for t in before if t.kind == "point"][-len(listed) :]
        gaps = [sentence[a.end : b.start] for a, b in zip(points, points[1:], strict=False)]
        joined = all(re.fullmatch(r"[、和及与至到,\s]*", gap) for gap in gaps)
        if len(points) != len(listed) or not joined:
            return {}
        years = [t.year for t in points]
    return {id(q): y for q, y in zip(listed, years, strict=True)}


def respective_places(sentence: str, quantities, gazetteer, own_code) -> dict[int, tuple[str, str]]:
    """Places given one to each figure after 分别: "安定区、通渭县分别计划减贫1.2万人和1万人"."""
    at = sentence.find("分别")
    if at < 0:
        return {}
    head = re.split(r"[,;:。]", sentence[:at])[-1]
    head = re.sub(r"(?:今年|明年|全年|(?:19|20)\d{2}年)?(?:计划|将|要)?$", "", head)
    head = COUNTED.sub("", head)  # "陇西、通渭两县今年分别…": the count after the names
    places = []
    for token in re.split(r"[、和及与]", head):
        token = re.sub(r"^(?:其中|今年|明年|全年)", "", token.strip())
        code = place_code(token, gazetteer, own_code)
        if code:
            places.append((gazetteer.regions[code].name_zh, code))
    listed = _listed_after(sentence, at, quantities)
    if len(places) < 2 or len(places) != len(listed):
        return {}
    return {id(q): place for q, place in zip(listed, places, strict=True)}


COUNTED = re.compile(r"(?<=[\u4e00-\u9fff])(?:这|等)?[一二两三四五六七八九十\d]+个?(?:县市区|县区|县市|县|区|市|州)$")


def _listed_after(sentence: str, at: int, quantities) -> list:
    """The run of figures of one measure after position at, with no comma, semicolon or colon between them
    ("30万人、25万人和20万人")."""
    listed = []
    for q in (q for q in quantities if q.start > at):
        if listed and (q.measure != listed[0].measure or re.search(r"[,;。:]", sentence[listed[-1].end : q.start])):
            break
        listed.append(q)
    return listed


# "…、…数量分别达到1000家以上", "…通车率、…通达率都达到100%", "稻谷、玉米、马铃薯示范基地各10万亩"
SHARED_BEFORE = re.compile(
    r"(?:数量)?(?:分别|都|均|各)(?:要|将|可)?"
    r"(?:达到|达|为|提高到|提升到|增加到|稳定在|保持在|不低于|不少于|超过)?$"
)


def shared_items(clause_before: str, after: str) -> list[str]:
    """The words of each item of a 、-list that one number is given to all at once ("…企业(商会)、帮扶村数量分别达到
    1000家以上": two counts of 1000), or [] when the number is the first of several given one each ("分别为30万、25万").

    >>> shared_items("建设稻谷、玉米、马铃薯示范基地各", "万亩。")
    ['建设稻谷', '玉米', '马铃薯示范基地']
    >>> shared_items("乡镇、建制村通客车率分别达到", "%和47%")
    []
    """
    m = SHARED_BEFORE.search(clause_before)
    if not m or re.match(r"[^,;:。\d]{0,4}[、和及与]\s*\d", after):
        return []
    head = re.split(r"[,;:。]", clause_before[: m.start()])[-1]
    items = [w.strip() for w in re.split(r"、(?![^()]*\))", head)]
    if len(items) < 2 or any(not w or len(w) > 20 or re.search(r"\d", w) for w in items):
        return []
    return items
