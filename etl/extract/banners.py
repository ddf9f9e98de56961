"""Inner Mongolia's banners as their own people write them: the first character of the tribe, the wing and the
position, 科尔沁左翼中旗 -> 科左中旗, 察哈尔右翼后旗 -> 察右后旗, 土默特左旗 -> 土左旗.

Example::

    >>> from etl.gazetteer import Gazetteer, RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("150521", None, "科尔沁左翼中旗", "K", "county")])
    >>> banner_mentions("科左中旗村部光伏供暖工程计划覆盖全旗488个行政嘎查村", g)
    ['科尔沁左翼中旗']
"""

from __future__ import annotations

import re

from etl.gazetteer import Gazetteer

_BANNER = re.compile(r"^(\w)\w{1,3}?(?:([左右])翼([前中后])|([左右]))旗$")


def banner_abbreviations(gazetteer: Gazetteer) -> dict[str, str]:
    """{abbreviation: full name} of every 左翼/右翼 banner (and 左旗/右旗) the gazetteer holds, when the
    abbreviation is no other region's name and stands for one banner only."""
    found: dict[str, list[str]] = {}
    for row in gazetteer.regions.values():
        m = _BANNER.match(row.name_zh) if row.level == "county" else None
        if m:
            short = m.group(1) + (m.group(2) + m.group(3) if m.group(2) else m.group(4)) + "旗"
            found.setdefault(short, []).append(row.name_zh)
    return {k: v[0] for k, v in found.items() if len(v) == 1 and gazetteer.resolve(k) is None}


def banner_mentions(text: str, gazetteer: Gazetteer) -> list[str]:
    """The full names of the banners text names by their abbreviation, once per mention, in text order."""
    out = []
    for short, full in banner_abbreviations(gazetteer).items():
        out += [(m.start(), full) for m in re.finditer(short, text)]
    return [full for _, full in sorted(out)]
