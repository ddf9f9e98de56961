"""Post-2020 衔接 (linkage) texts of corpus batch v12 (data/corpus/dev, session 32), sentences verbatim:
- fujian-2023-work-report-expected-targets-news: a work report's list of growth targets, each its own;
- qinshui-2025-work-relief-projects-plan-news: a count's parts in brackets, the last one too;
- neimenggu-2022-linkage-funds-industry-share-paper: a share's floor, and places a measure goes on supporting."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.indicators import names_own_growth
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def targets(text, g):
    return [f for f in extract_document(text, g, region_code="350000").figures if f.kind == "target"]


FUJIAN = (
    "发布时间:2023-01-11\n记者从报告中获悉,福建将全力做好2023年工作,2023年经济社会发展的主要预期目标是:"
    "全省地区生产总值增长6%左右,一般公共预算总收入增长6%左右,地方一般公共预算收入增长5.5%左右,固定资产投资增长6%,"
    "社会消费品零售总额增长10%,出口增长7%,城镇居民、农村居民人均可支配收入分别增长7%、7.5%,城镇调查失业率5.5%左右,"
    "居民消费价格涨幅3%左右,粮食总产量稳定在507万吨以上。\n"
)


def test_each_growth_rate_of_a_list_is_its_own(g):
    got = {(f.value, f.indicator) for f in targets(FUJIAN, g)}
    assert (6.0, "other:gdp_growth") in got
    # the budget revenue's 6% is not the GDP's again, nor a growth of funds or of the poor's income
    revenue = [f for f in targets(FUJIAN, g) if f.value == 6.0 and "预算总收入" in (f.indicator_label or "")]
    assert len(revenue) == 1 and revenue[0].indicator not in ("other:gdp_growth", "other:funds_growth_rate")
    retail = [f for f in targets(FUJIAN, g) if f.value == 10.0]
    assert [f.indicator_label for f in retail] == ["社会消费品零售总额增长"]
    assert 3.0 in {f.value for f in targets(FUJIAN, g)}  # 居民消费价格涨幅3%左右: a named rate


@pytest.mark.parametrize(
    ("before", "own"),
    [("社会消费品零售总额增长", True), ("居民消费价格涨幅", True), ("同比增长", False), ("确保年均增长", False)],
)
def test_names_own_growth(before, own):
    assert names_own_growth(before) is own


def test_the_last_part_in_brackets_is_counted_by_the_noun_before_it(g):
    text = (
        "发布时间:2025-03-01\n2025年我县实施以工代赈专项资金项目10个(包括中央预算内以工代赈项目6个和"
        "省级财政以工代赈项目4个),总投资5207.73万元。\n"
    )
    values = {f.value for f in extract_document(text, g, region_code="140521").figures if f.kind == "target"}
    assert {10.0, 6.0, 4.0} <= values


NEIMENGGU = (
    "发布时间:2022-05-23\n据悉,衔接资金要优先支持产业发展,衔接资金占比原则上不得低于下达各地的资金总规模的55%,"
    "且不得低于2021年的资金占比。要继续支持31个国家级脱贫旗县和4个自治区级脱贫旗县(自治区乡村振兴重点帮扶旗县)"
    "统筹整合使用财政涉农涉牧资金,安排给脱贫旗县的县均投入规模不低于其他县。\n"
)


def test_a_share_floor_is_a_target_named_by_the_share(g):
    got = [f for f in extract_document(NEIMENGGU, g, region_code="150000").figures if f.kind == "target"]
    share = [f for f in got if f.value == 55.0]
    assert len(share) == 1 and share[0].period_end == 2022
    assert share[0].indicator == "other:linkage_funds_industry_share"  # 衔接资金占比, after 优先支持产业发展


def test_both_places_of_a_supported_pair_are_a_scope_not_a_target(g):
    got = [f for f in extract_document(NEIMENGGU, g, region_code="150000").figures if f.kind == "target"]
    assert {f.value for f in got} == {55.0}
