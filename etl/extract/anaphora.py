"""The region 该县/该市/该州 stands for: the last region of that kind the text named before it ("宁明县辖13个乡镇…
从2009年到2011年,该县将分一期、二期、三期工程…").

Example::

    >>> from etl.gazetteer import Gazetteer, RegionRow
    >>> g = Gazetteer.from_rows([RegionRow("513428", None, "普格县", "P", "county")])
    >>> text = "巴州区代表团到普格县考察。2018年该县计划完成25个贫困村退出"
    >>> s = text.index("2018")
    >>> named_before(text, s, text[s:], g)
    ('普格县', '513428')
"""

from __future__ import annotations

import re

from etl.gazetteer import Gazetteer

from .own_region import region_mentions

THAT_ONE = re.compile(r"该([省市州县区旗盟])")
LOOK_BACK = 300


def named_before(text: str, s_start: int, clause: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """(name, adcode) of the region the clause's 该县 (该市, 该州…) refers to: the last region named in the
    LOOK_BACK characters before it whose name ends in that word's character; None without such a word or name."""
    m = THAT_ONE.search(clause)
    if m is None:
        return None
    at = text.find(clause, s_start)
    said = text[max(0, s_start - LOOK_BACK) : (at if at >= 0 else s_start) + m.start()]
    names = [n for n in region_mentions(said, gazetteer) if n.endswith(m.group(1))]
    code = gazetteer.resolve(names[-1]) if names else None
    return (gazetteer.regions[code].name_zh, code) if code else None
