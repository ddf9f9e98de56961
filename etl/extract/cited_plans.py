"""A plan a later text cites with its own date: "2016年6月,《…三年攻坚的实施意见》正式出台:到2016年底,广东50万
相对贫困人口实现脱贫;到2017年底,60万…". The figures after it are that plan's goals, set when it was issued: a
deadline before the citing text's date is still a target of the plan, not a result the text reports.

Example::

    >>> cited_plan_year("2016年6月,《关于新时期精准扶贫精准脱贫三年攻坚的实施意见》正式出台:到2016年底,")
    2016
    >>> cited_plan_year("2018年,全省脱贫50万人") is None
    True
"""

from __future__ import annotations

import re

_ISSUED = r"(?:印发|出台|出臺|发布|下发|颁布|出炉)"
_CITED = re.compile(
    rf"((?:19|20)\d{{2}})年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?[,,]?[^。;\d]{{0,30}}?{_ISSUED}了?[^。;\d]{{0,8}}《[^》]{{2,60}}》"
    rf"|((?:19|20)\d{{2}})年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?[,,]?\s*《[^》]{{2,60}}》[^。;:\d]{{0,8}}{_ISSUED}"
)


def cited_plan_year(before: str) -> int | None:
    """The issue year of the last plan cited with its date in ``before`` (the sentence up to a figure), else None."""
    found = None
    for m in _CITED.finditer(before):
        found = int(m.group(1) or m.group(2))
    return found
