"""Which years a figure is for (session 25, periods): deadlines, per-year schedules, 今年 and the document's own
year, on sentences and whole texts of the dev corpus (data/corpus/dev, names a–r) the rules were written from,
read whole as the intake reads them (with their address)."""

from __future__ import annotations

from pathlib import Path

import yaml

from etl.extract import extract_document
from etl.extract.periods import PlanYears, YearToken, period, year_tokens
from etl.gazetteer import Gazetteer

DEV = Path(__file__).resolve().parent.parent / "data" / "corpus" / "dev"


def _extract(slug: str, g: Gazetteer):
    meta = yaml.safe_load((DEV / f"{slug}.yaml").read_text(encoding="utf-8"))
    return extract_document((DEV / f"{slug}.txt").read_text(encoding="utf-8"), g, source_url=meta["url"])


def _periods(doc, value: float) -> list[tuple[int, int]]:
    return sorted((f.period_start, f.period_end) for f in doc.figures if f.kind == "target" and f.value == value)


def test_a_yearly_amount_before_a_deadline_is_one_figure_per_year(g):
    # "其中中铁信托公司计划到2020年之前帮助叙永县每年融资帮扶金额达到1000万元"
    doc = _extract("luzhou-2018-financial-institutions-aid-pledges-news", g)
    assert _periods(doc, 10_000_000.0) == [(2018, 2018), (2019, 2019), (2020, 2020)]


def test_a_yearly_rate_before_a_deadline_stays_one_figure():
    deadline = YearToken("deadline", 2020, 0, 0)
    assert period(deadline, True, PlanYears(2016, 2020), yearly=True, rate=True) == [(2016, 2020)]
    assert period(deadline, True, PlanYears(2016, 2020), yearly=True) == [(y, y) for y in range(2016, 2021)]


def test_this_year_so_far_dates_the_years_task(g):
    # "今年以来,凉山州聚焦聚力500个贫困村退出、20.7万贫困人口脱贫年度任务" (2018): this year's task, not 2018-2020
    doc = _extract("liangshan-2018-autumn-offensive-news", g)
    assert _periods(doc, 500.0) == [(2018, 2018)]
    assert _periods(doc, 207_000.0) == [(2018, 2018)]


def test_a_briefing_on_the_targets_since_a_year_does_not_make_that_year_this_year(g):
    # "…从桂林市2017年以来脱贫攻坚主要目标任务落实情况通报会上获悉,2017年,该市共实现7.4988万名…脱贫…。
    # 今年,该市扶贫攻坚任务计划要确保…164个贫困村出列,6.5万贫困人口脱贫": 2017 told as done, 今年 is 2018
    doc = _extract("guilin-2018-targets-briefing-news-trad", g)
    assert _periods(doc, 164.0) == [(2018, 2018)]
    assert _periods(doc, 65_000.0) == [(2018, 2018)]


def test_a_deadline_later_in_the_sentence_dates_it_over_the_paragraphs_year(g):
    # "2014年,科尔沁区…分4个年度进行扶持。…预计扶持贫困人口5548户、18809人,到2017年末实现所扶持贫困人口全部脱贫"
    doc = _extract("keerqin-2014-four-year-village-support-trad", g)
    assert _periods(doc, 5548.0) == [(2014, 2017)]


def test_five_years_in_a_text_on_a_five_year_plan_are_that_plans_years(g):
    # (2017) "“十三五”期间,我省每年集中扶持100个旅游扶贫试点村…我省将组织和支持20家旅游规划设计单位,5年内完成200个
    # 乡村旅游扶贫重点村的规划编制": 2016-2020, not 2017-2021
    doc = _extract("gansu-2017-rural-tourism-plan-news-trad", g)
    assert [end for _, end in _periods(doc, 200.0)] == [2020]


def test_next_year_with_a_month_end_before_is_a_deadline(g):
    # (2018-11-27) "在明年6月底前全面解决30户以上自然村寨279.54万农村人口饮水安全问题": by mid 2019, from 2018
    doc = _extract("guizhou-2018-drinking-water-plan-news", g)
    assert _periods(doc, 2_795_400.0) == [(2018, 2019)]


def test_a_month_end_of_a_year_is_a_deadline_of_that_year():
    said = "全省计划在2018年6月底累计组建1.6万余个村级民间自办文化社团"
    assert [(t.kind, t.year) for t in year_tokens(said)] == [("deadline", 2018)]
    assert [(t.kind, t.year) for t in year_tokens("力争2020年6月底前完成全部建设任务")] == [("deadline", 2020)]
    assert year_tokens("2018年6月,省里印发方案") == []  # a date, no period
