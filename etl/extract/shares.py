"""Share targets over places or households: "30%的乡(村)建成电子商务服务站(点)", "80%以上行政村通光纤",
"2017年要消除50%的集体经济薄弱村". The catalogue has no code for most of them; the extractor reports them under a
readable label (the places and what they are to reach), as it does other indicators it does not know.

Example::

    >>> share_label("全省70%以上的乡(村)建成电子商务服务站(点)", 2, 5)
    '乡(村)建成电子商务服务站(点)的比例'
    >>> share_label("2017年要消除50%的集体经济薄弱村", 8, 11)
    '消除集体经济薄弱村的比例'
    >>> share_label("农村自来水普及率达到81%", 12, 15) is None
    True
"""

from __future__ import annotations

import re

_UNIT = r"(?:村|乡|镇|县|户|农户|企业|学校|社区|合作社)"
_REACH = r"(?:建成|建有|建立|通|实现|达到|完成|覆盖|纳入|开通|接入|配备|消除|摘帽|出列|退出|脱贫)"
# "N%(以上)的乡(村)建成…": the places, then what they reach
_PLACES_REACH = re.compile(
    rf"^(?:以上|左右)?的?(?P<whom>[^,;。、\d%]{{0,10}}?{_UNIT}(?:\([^()]{{1,6}}\))?)(?:要|将|均|都|全部)?"
    rf"(?P<what>{_REACH}[^,;。、\d%]{{0,14}})"
)
# "消除50%的集体经济薄弱村": the verb, then the share of the places
_REACH_PLACES = re.compile(rf"{_REACH}$")
_PLACES_AFTER = re.compile(
    rf"^(?:以上|左右)?的(?P<whom>[^,;。、\d%]{{0,12}}?{_UNIT})(?![^,;。、\d%]{{0,2}}(?:人口|群众))"
)


def share_label(sentence: str, q_start: int, q_end: int) -> str | None:
    """A label for the share sentence[q_start:q_end] ("N%") of places that are to reach a state, else None."""
    after = sentence[q_end:]
    m = _PLACES_REACH.match(after)
    if m:
        return f"{m.group('whom')}{m.group('what')}的比例"
    verb = _REACH_PLACES.search(sentence[max(0, q_start - 4) : q_start])
    m = _PLACES_AFTER.match(after)
    if verb and m:
        return f"{verb.group()}{m.group('whom')}的比例"
    return None


_RATE_BEFORE = re.compile(r"(?:率|比例|比重|占)[^,;。\d]{0,4}$")


def is_share_of_places(sentence: str, q_start: int, q_end: int) -> bool:
    """A share of places that are to reach a state ("30%的乡(村)建成…"), not places picked by a rate
    ("贫困发生率50%以上的村", a criterion).

    >>> is_share_of_places("30%的乡(村)建成电子商务服务站(点)", 0, 3)
    True
    >>> is_share_of_places("贫困发生率50%以上的村实施整村推进", 5, 8)
    False
    """
    return not _RATE_BEFORE.search(sentence[:q_start]) and share_label(sentence, q_start, q_end) is not None
