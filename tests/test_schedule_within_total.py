"""A yearly schedule that is part of a stated multi-year total: 贵州's plan for its villages of the smaller ethnic
groups (新华社, 2017-01-04: 「到2017年末,贵州省将实现35个贫困村出列」「到2018年末,实现65个贫困村全部出列」) sets 35
for 2017 and 65 by the end of 2018, and no figure for 2018 alone. The actuals are synthetic (test data)."""

from __future__ import annotations

import pytest

from analysis.consistency import consistency_checks
from analysis.progress import progress
from analysis.status import ACHIEVED, BEHIND
from layouts.charts import cumulative_figure
from tests.test_status import fig

VILLAGES = {"code": "villages_exited", "unit": "个", "kind": "flow", "direction": "up"}
GUIZHOU = "520000"


def villages(rows: list[dict]) -> list[dict]:
    return [{**r, "indicator": "villages_exited", "unit": "个"} for r in rows]


PLAN = villages(
    [
        fig(1, "target", GUIZHOU, 2017, 35, "original"),
        fig(2, "target", GUIZHOU, 2017, 65, "original", end=2018),
    ]
)


def test_the_period_is_the_stated_total_the_schedule_is_part_of():
    rows = PLAN + villages([fig(10, "actual", GUIZHOU, 2017, 30), fig(11, "actual", GUIZHOU, 2018, 28)])
    p = progress(rows, GUIZHOU, VILLAGES, year_to=2018)
    a = p.period
    assert (a.start, a.end, a.target, a.actual, a.status) == (2017, 2018, 65, 58, BEHIND)
    assert p.period_ids == [2]
    assert p.stated_total == (2018, 65)


def test_the_cumulative_plan_line_reaches_the_stated_total_at_its_end_year():
    rows = PLAN + villages([fig(10, "actual", GUIZHOU, 2017, 30), fig(11, "actual", GUIZHOU, 2018, 28)])
    p = progress(rows, GUIZHOU, VILLAGES, year_to=2018)
    figure = cumulative_figure(p.plan_points, p.series["actual"], [2017, 2018], "个", "t", "zh", p.stated_total)
    plan_line = figure["data"][0]["y"]
    assert plan_line == [35, 65]
    assert "差距 −7个" in figure["layout"]["annotations"][0]["text"]


def test_a_schedule_short_of_its_total_is_not_called_inconsistent():
    checks = [c for c in consistency_checks(PLAN, GUIZHOU) if c.check == "span" and c.kind == "target"]
    assert len(checks) == 1
    assert checks[0].agrees is None  # 2018 has no target of its own: it may hold the other 30
    assert checks[0].missing_years == [2018]


def test_a_schedule_over_its_total_is_still_inconsistent():
    rows = villages(
        [fig(1, "target", GUIZHOU, 2017, 70, "original"), fig(2, "target", GUIZHOU, 2017, 65, "original", end=2018)]
    )
    check = next(c for c in consistency_checks(rows, GUIZHOU) if c.check == "span")
    assert check.agrees is False


@pytest.mark.parametrize(
    "actuals, status",
    [
        ({2017: 40, 2018: 25}, ACHIEVED),
        # the total is reached before the last year reports: achieved, whatever that year adds
        ({2017: 65}, ACHIEVED),
        ({2017: 30}, None),  # short, and 2018 unknown: no judgement
    ],
)
def test_a_total_reached_is_achieved_even_with_a_year_unreported(actuals, status):
    rows = PLAN + villages([fig(10 + i, "actual", GUIZHOU, y, v) for i, (y, v) in enumerate(actuals.items())])
    a = progress(rows, GUIZHOU, VILLAGES, year_to=2018).period
    assert a.status == (status or "no_data")
