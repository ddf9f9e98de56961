"""The indicator catalogue's headline order: the indicator a region page opens on, and the order it lists them.

People lifted out of poverty is the plans' headline figure, then poor counties and villages exited; a region
page opens on the first of these it has figures for, however many county exits outnumber the people figures.

Example::

    >>> headline_order({"counties_exited": 560, "poor_population_reduced": 12, "other:schools": 9, "other:x": 30})
    ['poor_population_reduced', 'counties_exited', 'other:x', 'other:schools']
"""

from __future__ import annotations

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
