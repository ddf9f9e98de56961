"""A change "由…到…" states two levels: where it starts (a baseline of its own year) and where it goes (a result
or a target of the year that governs the phrase). Sentences from the 2019 cnwest report on 陕西
(http://news.cnwest.com/lianbo/a/2019/09/10/17986420.html, found with the search tool's pages corpus) and the
common form of a five-year plan's goal."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def figures(text: str, g: Gazetteer) -> set[tuple]:
    doc = extract_document(text, g)
    return {(f.kind, f.indicator, f.period_start, f.period_end, f.value) for f in doc.figures}


def test_a_reported_change_dates_its_starting_level_by_its_own_year(g):
    text = (
        "陕西省人民政府\n2019年9月10日\n党的十八大以来,全省贫困人口由2011年年底的592万人减少到2018年年底的"
        "77.55万人,贫困发生率由21.40%下降到3.18%。"
    )
    got = figures(text, g)
    assert ("baseline", "poor_population", 2011, 2011, 5920000.0) in got
    assert ("baseline", "poor_population", 2018, 2018, 775500.0) in got
    # the rate's change has no year of its own: it runs in parallel with the one before it
    assert ("baseline", "poverty_incidence", 2011, 2011, 21.4) in got
    assert ("baseline", "poverty_incidence", 2018, 2018, 3.18) in got


def test_a_planned_change_is_a_target_of_its_deadline_not_of_its_starting_year(g):
    text = (
        "陕西省人民政府关于印发脱贫攻坚规划的通知\n2016年5月1日\n到2020年,全省贫困发生率由2015年的10.5%下降到3%"
        "以下,农村居民人均可支配收入由2015年的7000元提高到12000元以上。"
    )
    got = figures(text, g)
    assert ("target", "poverty_incidence", 2020, 2020, 3.0) in got
    assert ("target", "other:per_capita_income", 2020, 2020, 12000.0) in got
    assert ("baseline", "poverty_incidence", 2015, 2015, 10.5) in got
    assert ("baseline", "other:per_capita_income", 2015, 2015, 7000.0) in got


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("扶贫标准由原来的1560元上调为2600元。", 1560.0),  # a superseded value, not a level of any year
        ("将2017年减贫目标由25万人调整为20万人。", 250000.0),  # a revised target's old value
    ],
)
def test_an_old_value_replaced_is_no_figure(g, sentence, value):
    text = f"陕西省人民政府\n2017年3月1日\n{sentence}"
    assert value not in {f[4] for f in figures(text, g)}


def test_a_year_the_work_starts_from_still_dates_the_work(g):
    # gansu-2015-housing-renovation-plan-news: 从2015年开始 starts a schedule, it is no starting level
    text = (
        "甘肃省人民政府\n2015年6月1日\n从2015年开始,每年完成建档立卡农村贫困户危房改造14万户,"
        "到2017年完成42万户农村贫困户危房改造任务。"
    )
    got = figures(text, g)
    years = {f[3] for f in got if f[4] == 140000.0 and f[0] == "target"}
    assert years == {2015, 2016, 2017}
