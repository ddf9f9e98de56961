"""The status rule (analysis/status.py), table-driven: directions, comparators, missing actuals, multi-year
targets, unfinished periods and revised plans."""

from __future__ import annotations

import pytest

from analysis import status as st
from analysis.progress import progress
from analysis.status import ACHIEVED, AT_RISK, BEHIND, NO_DATA, ON_TRACK

UP_FLOW = {"code": "poor_population_reduced", "unit": "人", "kind": "flow", "direction": "up"}
INCIDENCE = {"code": "poverty_incidence", "unit": "%", "kind": "rate", "direction": "down"}


@pytest.mark.parametrize(
    "actual, target, comparator, direction, expected",
    [
        (578800, 635000, "=", "up", False),  # 陕西 2019 against the original plan
        (578800, 565000, "=", "up", True),  # ... against the revised plan
        (1045000, 1017000, "=", "up", True),  # 陕西 2018
        (635000, 635000, "=", "up", True),  # exactly the plan
        (7.9, 8, "<", "down", True),  # incidence below 8%
        (8.0, 8, "<", "down", False),  # "below 8%" is strict
        (8.0, 8, "<=", "down", True),
        (9.12, 8, "=", "down", False),  # a plain level target is a ceiling when lower is better
        (7.5, 8, "=", "down", True),
        (1000, 1000, ">", "up", False),
        (1001, 1000, ">", "up", True),
        (10_000_000, 10_000_000, ">=", "up", True),
        (96, 100, "~", "up", True),  # about: 5% either way
        (94, 100, "~", "up", False),
        (104, 100, "~", "down", True),
        (106, 100, "~", "down", False),
    ],
)
def test_meets(actual, target, comparator, direction, expected):
    assert st.meets(actual, target, comparator, direction) is expected


@pytest.mark.parametrize(
    "actual, target, direction, expected",
    [
        (578800, 635000, "up", 91.15),
        (1045000, 1017000, "up", 102.75),
        (9.12, 8, "down", 87.72),  # lower is better: target over actual
        (0, 8, "down", None),  # incidence down to zero: no meaningful percent
        (None, 635000, "up", None),  # missing actual
        (5, 0, "up", None),
    ],
)
def test_achievement(actual, target, direction, expected):
    got = st.achievement(actual, target, direction)
    assert (got is None and expected is None) or round(got, 2) == expected


@pytest.mark.parametrize(
    "actual, target, comparator, direction, expected",
    [
        (578800, 635000, "=", "up", BEHIND),
        (1045000, 1017000, "=", "up", ACHIEVED),
        (None, 635000, "=", "up", NO_DATA),  # never counted as zero
        (0, 3, "=", "up", BEHIND),  # a reported (or derived) zero is a figure
        (9.12, 8, "<", "down", BEHIND),
        (1.5, 8, "<", "down", ACHIEVED),
    ],
)
def test_judge_a_finished_year(actual, target, comparator, direction, expected):
    assert st.judge(actual, target, comparator, direction) == expected


@pytest.mark.parametrize(
    "progress_, expected_, status",
    [
        (101, 100, ON_TRACK),
        (100, 100, ON_TRACK),
        (95, 100, AT_RISK),
        (90, 100, AT_RISK),
        (89, 100, BEHIND),
        (0, 0, ON_TRACK),
    ],
)
def test_pace_status(progress_, expected_, status):
    assert st.pace_status(progress_, expected_) == status


SHAANXI_PLAN = {2018: 1017000, 2019: 635000, 2020: 180700}
SHAANXI_ACTUAL = {2018: 1045000, 2019: 578800, 2020: 183400}


@pytest.mark.parametrize(
    "as_of, actuals, spans, status, actual, needed",
    [
        # seen from 2018: ahead of the plan to date; 78.77万 left over two years
        (2018, SHAANXI_ACTUAL, [], ON_TRACK, 1045000, (1832700 - 1045000) / 2),
        # seen from 2019: 162.38万 vs 165.2万 planned to date = 98.3% -> at risk
        (2019, SHAANXI_ACTUAL, [], AT_RISK, 1623800, 1832700 - 1623800),
        # whole period over: 180.72万 < 183.27万
        (2020, SHAANXI_ACTUAL, [], BEHIND, 1807200, None),
        # a missing year inside the period: no reported figure, never a zero
        (2020, {2018: 1045000, 2020: 183400}, [], NO_DATA, None, None),
        # before the period starts
        (2017, SHAANXI_ACTUAL, [], NO_DATA, None, None),
        # a multi-year actual over the period is used whole (and never added to the years)
        (2020, {2019: 578800}, [(2018, 2020, 1900000)], ACHIEVED, 1900000, None),
        # a multi-year actual that falls short cannot stand in for missing years
        (2020, {2019: 578800}, [(2018, 2020, 1000000)], NO_DATA, None, None),
        # behind pace: 50万 by 2018 against 101.7万 planned
        (2018, {2018: 500000}, [], BEHIND, 500000, (1832700 - 500000) / 2),
    ],
)
def test_flow_period(as_of, actuals, spans, status, actual, needed):
    a = st.assess_flow(1832700, 2018, 2020, actuals, as_of, SHAANXI_PLAN, span_actuals=spans)
    assert a.status == status
    assert a.actual == actual
    assert (a.needed_per_year is None and needed is None) or a.needed_per_year == pytest.approx(needed)


def test_flow_period_without_annual_plan_spreads_the_total_evenly():
    a = st.assess_flow(600, 2015, 2020, {2015: 80, 2016: 90}, 2016)  # 200 expected by 2016, 170 done
    assert (a.status, a.expected_to_date) == (BEHIND, 200)


@pytest.mark.parametrize(
    "levels, as_of, baseline, status",
    [
        ({2017: 7.2}, 2020, (2013, 31.7), ACHIEVED),  # below 8% at the end year
        ({2017: 9.0}, 2020, (2013, 31.7), BEHIND),
        ({2018: 9.12}, 2020, (2013, 31.7), NO_DATA),  # nothing for 2017 itself; 2018 does not stand in
        # straight path 31.7 (2013) -> 8 (2017): 11.85 points down expected by 2015, i.e. 19.85%
        ({2015: 19.0}, 2015, (2013, 31.7), ON_TRACK),
        ({2015: 20.5}, 2015, (2013, 31.7), AT_RISK),  # 11.2 of 11.85 points: 94.5%
        ({2015: 21.5}, 2015, (2013, 31.7), BEHIND),  # 10.2 of 11.85 points: 86.1%
        ({2015: 7.0}, 2015, (2013, 31.7), ACHIEVED),  # already below the target
        ({2015: 12.0}, 2015, None, AT_RISK),  # no baseline: pace unknown, target not yet met
    ],
)
def test_level_target(levels, as_of, baseline, status):
    assert st.assess_level(8, 2017, levels, as_of, "<", "down", baseline).status == status


def fig(id_, kind, region, year, value, version=None, end=None, comparator="=", reliability="official"):
    """A figure record as ``db.queries.figures`` returns it (synthetic, for tests)."""
    return {
        "id": id_,
        "kind": kind,
        "region_code": region,
        "region_name": region,
        "indicator": "poor_population_reduced",
        "period_start": year,
        "period_end": end or year,
        "value": value,
        "comparator": comparator,
        "unit": "人",
        "plan_version": version or "",
        "plan_version_kind": version or "",
        "plan_version_id": 2 if version == "revision" else (1 if version else None),
        "reliability": reliability,
        "source": "s",
        "source_kind": "web",
        "source_url": "",
        "quote": "",
        "quote_start": None,
        "quote_end": None,
        "note": "",
        "batch_id": id_,
        "batch_kind": "build",
    }


SHAANXI = [
    fig(1, "target", "610000", 2018, 1017000, "original"),
    fig(2, "target", "610000", 2019, 635000, "original"),
    fig(3, "target", "610000", 2020, 180700, "original"),
    fig(4, "target", "610000", 2018, 1832700, "original", end=2020),
    fig(5, "target", "610000", 2019, 565000, "revision"),
    fig(6, "actual", "610000", 2018, 1045000),
    fig(7, "actual", "610000", 2019, 578800),
    fig(8, "actual", "610000", 2020, 183400),
    fig(9, "actual", "610000", 2016, 2880000, end=2020),  # a multi-year total: never added to the years
]


@pytest.mark.parametrize(
    "plan, to, years, period, target",
    [
        ("original", None, {2018: ACHIEVED, 2019: BEHIND, 2020: ACHIEVED}, BEHIND, 1832700),
        ("revised", None, {2018: ACHIEVED, 2019: ACHIEVED, 2020: ACHIEVED}, ACHIEVED, 1762700),
        ("original", 2018, {2018: ACHIEVED}, ON_TRACK, 1832700),
        ("original", 2019, {2018: ACHIEVED, 2019: BEHIND}, AT_RISK, 1832700),
    ],
)
def test_progress_measures_against_the_chosen_plan(plan, to, years, period, target):
    p = progress(SHAANXI, "610000", UP_FLOW, plan, year_to=to)
    assert {c.year: c.status for c in p.years} == years
    assert (p.period.status, p.period.target) == (period, target)
    assert p.period.actual != 2880000 and p.series["actual"].get(2016) is None


@pytest.mark.parametrize(
    "to, actual, ids",
    [
        (2018, 1045000, [6]),  # seen from 2018: the 2018 actual only
        (2019, 1623800, [6, 7]),  # 162.38万 = 2018 + 2019; the 2020 actual (8) is not part of it
        (None, 1807200, [6, 7, 8]),
    ],
)
def test_the_period_actual_ids_are_exactly_the_figures_summed(to, actual, ids):
    p = progress(SHAANXI, "610000", UP_FLOW, year_to=to)
    assert (p.period.actual, p.period_actual_ids) == (actual, ids)


def test_a_multi_year_actual_used_whole_is_the_period_actual_figure():
    figs = [f for f in SHAANXI if f["id"] != 9 and f["kind"] == "target"]
    figs += [fig(7, "actual", "610000", 2019, 578800), fig(9, "actual", "610000", 2018, 1900000, end=2020)]
    p = progress(figs, "610000", UP_FLOW)
    assert (p.period.status, p.period.actual, p.period_actual_ids) == (ACHIEVED, 1900000, [9])


def test_a_period_without_an_actual_has_no_actual_ids():
    figs = [f for f in SHAANXI if f["id"] != 7]  # 2019 missing: nothing is summed
    p = progress(figs, "610000", UP_FLOW)
    assert (p.period.status, p.period_actual_ids) == (NO_DATA, [])


def test_missing_actuals_stay_missing():
    figs = [fig(1, "target", "411702", y, v, "original") for y, v in ((2016, 6000), (2017, 7539), (2018, 7000))]
    figs.append(fig(2, "actual", "411702", 2018, 3000))
    p = progress(figs, "411702", UP_FLOW)
    assert [c.status for c in p.years] == [NO_DATA, NO_DATA, BEHIND]
    assert p.period.status == NO_DATA and p.period.missing_years == [2016, 2017]


def test_named_targets_give_each_county_its_delay_and_the_parent_derived_zeros():
    counties = {"621122": (2016, 2019), "621102": (2016, 2019), "621121": (2017, 2020)}
    figs = []
    for i, (code, (planned, actual)) in enumerate(counties.items()):
        figs.append(dict(fig(10 + i, "target", code, planned, 1, "original"), indicator="counties_exited"))
        figs.append(dict(fig(20 + i, "actual", code, actual, 1), indicator="counties_exited"))
    exits = {"code": "counties_exited", "unit": "个", "kind": "flow", "direction": "up"}
    p = progress(figs, "621100", exits)
    assert {n.region_code: (n.planned_year, n.actual_year, n.delay) for n in p.named} == {
        "621122": (2016, 2019, 3),
        "621102": (2016, 2019, 3),
        "621121": (2017, 2020, 3),
    }
    assert [(c.year, c.plan.value, c.actual.value, c.status) for c in p.years] == [
        (2016, 2, 0, BEHIND),
        (2017, 1, 0, BEHIND),
    ]
    assert p.series["actual"][2016].derived and not p.series["actual"][2019].derived
    assert p.period.status == BEHIND


def test_incidence_lower_is_better_in_progress():
    figs = [
        dict(fig(1, "target", "621100", 2017, 8, "original", comparator="<"), indicator="poverty_incidence"),
        dict(fig(2, "actual", "621100", 2013, 31.7), indicator="poverty_incidence"),
        dict(fig(3, "actual", "621100", 2017, 7.5), indicator="poverty_incidence"),
    ]
    p = progress(figs, "621100", INCIDENCE)
    assert [c.status for c in p.years] == [ACHIEVED]
    assert p.period.status == ACHIEVED and p.period.actual == 7.5


def test_severity_orders_worst_first():
    assert sorted([ACHIEVED, NO_DATA, BEHIND, ON_TRACK, AT_RISK], key=st.severity) == [
        BEHIND,
        AT_RISK,
        NO_DATA,
        ON_TRACK,
        ACHIEVED,
    ]


def test_the_rule_shown_in_the_app_is_bilingual_and_names_every_status():
    doc = st.__doc__
    for word in (
        "达成",
        "achieved",
        "进度正常",
        "on track",
        "有风险",
        "at risk",
        "落后",
        "behind",
        "无报告数据",
        "no reported figure",
    ):
        assert word in doc
