"""The plan-period card (region page, overview grid): the percent shown beside a status is the one the status was
judged on. 陕西 2018–2020 seen from 2019: 162.38万 of 165.2万 planned to date (98.3%, at risk) and of 183.27万 over the
whole period (88.6%)."""

from __future__ import annotations

import pytest

from analysis.progress import progress
from analysis.status import ACHIEVED, AT_RISK, BEHIND
from layouts.overview_page import grid_row, period_lines
from tests.test_status import SHAANXI, UP_FLOW, fig

REGION = {"code": "621100", "name_zh": "定西市", "name_en": "Dingxi"}


def test_an_unfinished_period_is_judged_and_shown_against_the_plan_to_date():
    a = progress(SHAANXI, "610000", UP_FLOW, year_to=2019).period
    assert (a.status, a.expected_to_date) == (AT_RISK, 1652000)
    assert a.achievement_to_date == pytest.approx(1623800 / 1652000 * 100)
    assert a.achievement == pytest.approx(1623800 / 1832700 * 100)


@pytest.mark.parametrize(
    "lang, lines",
    [
        (
            "zh",
            [
                "2018–2020 (截至2019年)",
                "162.38万人 / 183.27万人",
                "达同期计划165.2万人的98.3% ⚠ 有风险",
                "全期目标完成88.6%",
                "2020年每年需20.89万人才能完成计划",
            ],
        ),
        (
            "en",
            [
                "2018–2020 (to 2019)",
                "1,623,800 people / 1,832,700 people",
                "98.3% of plan to date (1,652,000 people) ⚠ at risk",
                "88.6% of the whole-period target",
                "2020 need 208,900 people a year to meet the plan",
            ],
        ),
    ],
)
def test_the_period_card_puts_the_percent_judged_on_beside_the_status(lang, lines):
    a = progress(SHAANXI, "610000", UP_FLOW, year_to=2019).period
    assert period_lines(a, "人", lang) == lines


@pytest.mark.parametrize("to, status, line", [(2020, BEHIND, "98.6% ✖ 落后"), (2018, None, None)])
def test_a_finished_period_keeps_one_percent_of_the_whole_target(to, status, line):
    a = progress(SHAANXI, "610000", UP_FLOW, year_to=to).period
    shown = period_lines(a, "人", "zh")
    if status is None:  # seen from 2018: on track, judged on pace
        assert any(text.startswith("达同期计划101.7万人的102.8%") for text in shown)
    else:
        assert a.status == status and line in shown and not any("同期计划" in text for text in shown)


def test_a_period_achieved_early_is_judged_on_the_whole_target():
    figs = [f for f in SHAANXI if f["id"] != 9]
    figs = [dict(f, value=2000000) if f["id"] == 6 else f for f in figs]  # 200万 in 2018 alone
    a = progress(figs, "610000", UP_FLOW, year_to=2018).period
    assert a.status == ACHIEVED and a.achievement_to_date is None


SHARE = {"code": "poverty_spending_share", "unit": "%", "kind": "rate", "direction": "up", "name_zh": "扶贫支出占比"}


def test_a_rate_period_keeps_its_end_year_comparator():
    """定西 扶贫支出占财政支出比例: ≥70% (2015), 75% (2016), ≥80% (2017): the period is judged on 2017's ≥80%, so the
    period column shows ≥ as the latest-year column does."""
    figs = [
        dict(fig(i, "target", "621100", year, value, "original", comparator=comparator), indicator=SHARE["code"])
        for i, (year, value, comparator) in enumerate(((2015, 70, ">="), (2016, 75, "="), (2017, 80, ">=")), 1)
    ]
    p = progress(figs, "621100", SHARE)
    assert (p.period.end, p.period.target, p.period.comparator) == (2017, 80, ">=")
    assert period_lines(p.period, "%", "zh")[1] == "— / ≥80%"
    assert (
        period_lines(p.period, "%", "zh")[1].split(" / ")[1]
        == grid_row(p, REGION, "zh", "")["latest"]["text"].split("\n")[1].split(" / ")[1]
    )
