"""Sentences of three real 广西 texts a planner brought in (none in data/corpus):
- 中国网 on 百色's 2017 plan, http://f.china.com.cn/2017-06/06/content_40972250.htm;
- 广西住建厅's 2024 农村危房改造 notice, http://zjt.gxzf.gov.cn/zfxxgk/fdzdgknr/fgwj/xzgfxwj/t19123223.shtml;
- 南海网 on 马山县, 2020-08-12, http://www.hinews.cn/news/system/2020/08/12/032401087.shtml.
Each was read wrongly before (session 30's planner test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def rows(text, g, region_code=None):
    return [
        (f.kind, f.region_code, f.indicator, f.period_end, f.value, f.tier)
        for f in extract_document(text, g, region_code=region_code).figures
    ]


BAISE = (
    "发布时间:2017-06-06\n"
    "百色市扶贫开发办公室副主任梁仲达在启动仪式上介绍,百色是广西脱贫攻坚的主战场。\n"
    "据梁仲达介绍,百色辖12个县(市、区)、135个乡(镇、街道)、1842个行政村(社区、居委会),总面积3.62万平方公里。\n"
    "梁仲达说:“2017年百色计划摘帽村147个,目标是达到175个;计划脱贫9.99万人,目标是脱贫15.59万人。”\n"
)


def test_the_goal_beyond_the_plan_is_its_stretch_tier(g):
    got = rows(BAISE, g, region_code="451000")  # the whole text names 百色 its subject; this excerpt names 广西 first
    assert ("target", "451000", "villages_exited", 2017, 147.0, "committed") in got
    assert ("target", "451000", "villages_exited", 2017, 175.0, "stretch") in got  # not an indicator named 目标是
    assert ("target", "451000", "poor_population_reduced", 2017, 99900.0, "committed") in got
    assert ("target", "451000", "poor_population_reduced", 2017, 155900.0, "stretch") in got


def test_the_administrative_division_is_no_count_of_poor_places(g):
    got = rows(BAISE, g)
    assert not [r for r in got if r[4] in (12.0, 135.0, 1842.0)]  # 辖12个县…1842个行政村


HOUSING = (
    "发布时间:2024-03-20\n"
    "2024年度全区计划实施农村危房改造任务4894户。其中,南宁市274户,柳州市369户,桂林市979户,梧州市403户,北海市180户,"
    "防城港市136户,钦州市212户,贵港市325户,玉林市462户,百色市313户,贺州市150户,河池市430户,来宾市495户,崇左市166户。\n"
)


def test_the_places_shares_after_a_total_take_its_indicator_year_and_kind(g):
    got = [r for r in rows(HOUSING, g, region_code="450000") if r[0] == "target"]
    total = [r for r in got if r[1] == "450000"]
    assert total == [("target", "450000", "other:housing_renovation_households", 2024, 4894.0, "committed")]
    shares = {r[1]: r[4] for r in got if r[1] != "450000" and r[2] == "other:housing_renovation_households"}
    assert shares["450100"] == 274.0 and shares["451400"] == 166.0 and len(shares) == 14
    assert sum(shares.values()) == 4894.0 and {r[3] for r in got} == {2024}


MASHAN = (
    "发布时间:2020-08-12\n"
    "2020年5月9日,经广西壮族自治区批准,南宁市的马山县、上林县、隆安县等3个国家扶贫开发工作重点县退出贫困县序列。\n"
    "目前,马山县已实现93708贫困人口脱贫,73个贫困村退出,贫困发生率由2015年的20.21%降至2019年的0.84%。"
    "今年,马山县向脱贫攻坚发起总攻,目标直指全面完成最后2个贫困村退出、3904名贫困人口脱贫。\n"
)


def test_counties_an_approval_let_exit_are_results_the_first_named_after_its_prefecture_too(g):
    exits = {(r[0], r[1]) for r in rows(MASHAN, g) if r[2] == "counties_exited"}
    assert exits == {("actual", "450124"), ("actual", "450125"), ("actual", "450123")}  # 马山, 上林, 隆安


def test_exits_reached_so_far_are_results_not_a_stock_of_poor_villages(g):
    got = rows(MASHAN, g)
    assert ("actual", "450124", "villages_exited", 2020, 73.0, "committed") in got
    assert not [r for r in got if r[2] == "other:poor_villages"]
    assert ("target", "450124", "villages_exited", 2020, 2.0, "committed") in got  # the year's goal is untouched


def test_n_duo_wan_is_more_than_n_wan_and_a_quote_drops_an_unclosed_opening_mark(g):
    # 柳州 2016 (http://m.gxcounty.com/show-7-121068-0.html): 「“十三五”期间,要实现30多万贫困人口脱贫」
    text = "发布时间:2016-02-29\n柳州市“十三五”期间,要实现30多万贫困人口脱贫。\n"
    (people,) = [f for f in extract_document(text, g).figures if f.value == 300000.0]
    assert (people.kind, people.comparator, people.period_start, people.period_end) == ("target", ">", 2016, 2020)
    figures = extract_document(BAISE, g, region_code="451000").figures
    (villages,) = [f for f in figures if f.value == 147.0]
    assert villages.quote == "2017年百色计划摘帽村147个"  # not 「“2017年…」, its closing mark far beyond the clause


def test_a_rate_from_the_years_opening_is_the_year_end_before(g):
    # 百色: 「到2016年底,…贫困发生率从年初的20.25%下降到15.04%」: 20.25% is 2015's year end, as the text says earlier
    got = {(f.kind, f.period_end, f.value) for f in extract_document(BAISE_RATES, g, region_code="451000").figures}
    assert ("baseline", 2015, 20.25) in got and ("baseline", 2016, 15.04) in got
    assert ("baseline", 2016, 20.25) not in got


BAISE_RATES = "发布时间:2017-06-06\n到2016年底,全市还有51.6万贫困人口,贫困发生率从年初的20.25%下降到15.04%。\n"
