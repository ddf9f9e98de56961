"""The indicator catalogue's headline order: the indicator a region page opens on, and the order it lists them.

People lifted out of poverty is the plans' headline figure, then poor counties and villages exited; a region
page opens on the first of these it has figures for, however many county exits outnumber the people figures.

Example::

    >>> headline_order({"counties_exited": 560, "poor_population_reduced": 12, "other:schools": 9, "other:x": 30})
    ['poor_population_reduced', 'counties_exited', 'other:x', 'other:schools']
"""

from __future__ import annotations

import functools
import re

HEADLINE = (
    "poor_population_reduced",  # 脱贫人口
    "counties_exited",  # 贫困县摘帽
    "villages_exited",  # 贫困村退出
    "households_exited",  # 脱贫户数
    "relocated_people",  # 易地扶贫搬迁人口
    "poor_population",  # 贫困人口
    "poverty_incidence",  # 贫困发生率
    "funds",  # 扶贫资金
    "poor_population_reduced_survey",
    "poor_population_survey",
    "poverty_incidence_survey",
)
_RANK = {code: i for i, code in enumerate(HEADLINE)}


def headline_order(weights: dict[str, int]) -> list[str]:
    """The codes of ``weights`` in the catalogue's headline order; any others after them, heaviest first."""
    return sorted(weights, key=lambda c: (_RANK.get(c, len(HEADLINE)), -weights[c]))


# Words naming a level per person, household or place, or a mean: such figures do not add up over regions.
_PER_UNIT = ("人均", "户均", "村均", "县均", "平均", "per_capita", "per capita", "per-capita", "average")
_PER_UNIT_WORD = re.compile("|".join(map(re.escape, _PER_UNIT)))


def is_additive(indicator: dict) -> bool:
    """Whether a region's figure is the sum of its sub-regions': counts and amounts are, rates and levels per
    person are not (two counties' 人均纯收入 of 1.9万元 make no 3.8万元 for their province, two 10% no 20%).

    >>> is_additive({"code": "poor_population_reduced", "kind": "flow", "unit": "人", "name_zh": "脱贫人口"})
    True
    >>> is_additive({"code": "poverty_incidence", "kind": "rate", "unit": "%", "name_zh": "贫困发生率"})
    False
    >>> is_additive({"code": "other:per_capita_income", "kind": "stock", "unit": "元", "name_zh": "人均可支配收入"})
    False
    """
    if indicator.get("kind") == "rate" or indicator.get("unit") == "%":
        return False
    return _additive_name(indicator.get("code"), indicator.get("name_zh"), indicator.get("name_en"))


@functools.lru_cache(maxsize=1024)
def _additive_name(code: str | None, name_zh: str | None, name_en: str | None) -> bool:
    """No word of a level per person in the names (the catalogue's few hundred: each searched once a process)."""
    return _PER_UNIT_WORD.search(f"{code or ''} {name_zh or ''} {name_en or ''}".lower()) is None
