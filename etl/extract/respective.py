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
