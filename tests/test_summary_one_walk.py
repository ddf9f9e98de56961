"""The region page's status grid (``views.region.indicator_summary``) walks the region tree once for the page and
gives what assessing each indicator with a walk of its own gave.

Regions with sub-regions: the seed's 定西 621100 (county exits summed from its 7 counties' named targets) and 陕西
610000, and 汉中 610700 with the TEST figures of tests/test_rollup_partial.py (its own targets, 洋县's partial sum)
seen with another indicator chosen, so that its people-lifted row is assessed by the grid itself.
"""

from __future__ import annotations

import pytest

from analysis.children import apply_rollup, sub_regions
from analysis.progress import progress
from analysis.series import records
from tests.test_rollup_honest import HANZHONG, INDICATOR, view_of
from tests.test_rollup_partial import bazhong_like
from views.region import RegionView, indicator_summary


def per_indicator(view: RegionView) -> list:
    """The grid as it was made before: every indicator's roll-up from a walk of the page's regions of its own."""
    code, state = view.region["code"], view.state
    rows = []
    for c in view.options:
        figs = view.by_indicator.get(c["code"], [])
        if "target" not in {r["kind"] for r in figs}:
            continue
        if c["code"] == view.indicator["code"]:
            q = view.progress
        else:
            q = progress(records(figs), code, c, state["plan"], state["from"], state["to"], committed=True)
            apply_rollup(q, sub_regions(view.regions, code))
        if q.years or q.period is not None:
            rows.append((view.region, q))
    return sorted(rows, key=lambda row: row[1].worst)


@pytest.mark.parametrize(
    "code, search, summed",
    [
        ("621100", "", "counties_exited"),  # 定西's county exits: a sum of its 7 counties
        ("610000", "", None),
        (HANZHONG, "?indicator=counties_exited&plan=revised", INDICATOR),  # 洋县's 2.6万 of 10 counties
    ],
)
def test_the_status_grid_is_each_indicators_assessment_from_one_walk_of_the_regions(
    db_url, tmp_path, code, search, summed
):
    bazhong_like(db_url, tmp_path)
    view = view_of(db_url, code, search)
    expected = per_indicator(view)
    assert indicator_summary(view) == expected
    rolled = {q.indicator["code"]: q.rollup for _, q in expected if q.rollup is not None}
    assert list(rolled) == ([summed] if summed else [])
    view.regions = []  # the grid reads the page's walk of them, not the regions again
    assert indicator_summary(view) == expected
