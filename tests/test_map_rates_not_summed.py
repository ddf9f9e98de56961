"""The map colours a region by its plan and actual; a rate or a level per person is never summed over the
sub-regions (analysis.indicators.is_additive): 洋县's 2% and 城固县's 3% make no 5% for 汉中 on 陕西's map, while a
count still adds up. Through the real upload path (synthetic test figures)."""

from __future__ import annotations

from tests.test_rollup_honest import YANG, actual_row, upload
from tests.test_rollup_not_additive import CHENGGU, target

HANZHONG = "610700"


def map_of(db_url: str, code: str, indicator: str):
    from db.session import make_engine, session_factory
    from views.map import build_view

    with session_factory(make_engine(db_url))() as session:
        return build_view(session, code, {"indicator": indicator, "plan": "revised"}, "zh")


def test_a_prefecture_is_not_coloured_by_the_sum_of_its_counties_rates(db_url, tmp_path):
    upload(
        db_url,
        tmp_path,
        [
            target(YANG, "poverty_incidence", "2", "%"),
            target(CHENGGU, "poverty_incidence", "3", "%"),
            target(YANG, "poor_population_reduced", "2万"),
            target(CHENGGU, "poor_population_reduced", "1万"),
        ],
        [
            actual_row(code=YANG, name="", indicator="poverty_incidence", start=2024, end=2024, value="1.5", unit="%"),
            actual_row(
                code=CHENGGU, name="", indicator="poverty_incidence", start=2024, end=2024, value="2.5", unit="%"
            ),
        ],
    )
    rate = map_of(db_url, "610000", "poverty_incidence").progress[HANZHONG]
    assert rate.plan is None and rate.actual is None, (rate.plan, rate.actual)  # no 5%, no 4%
    assert rate.status == "no_data"
    count = map_of(db_url, "610000", "poor_population_reduced").progress[HANZHONG]
    assert count.plan is not None and count.plan.value == 30000  # counts still add up
    county = map_of(db_url, HANZHONG, "poverty_incidence").progress[YANG]
    assert county.plan.value == 2 and county.actual.value == 1.5  # each county's own rate is on its map
