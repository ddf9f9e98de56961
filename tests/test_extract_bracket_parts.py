"""Parts given in brackets after a total ("资金2849万元(其中,灾后民房恢复重建资金1271.6万元)"): targets of their own,
as 其中 parts outside brackets are, except a count of places broken down by kind ("6个(其中国家扶贫开发工作重点县
1个)"), which says how many of the places are of that kind. Real sentences of dev texts whose names start with
a–r (data/corpus/dev, cited by slug), run through the whole extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.not_figures import is_part_in_brackets
from tests.extract_support import target_values

ROOT = Path(__file__).resolve().parent.parent


def test_a_part_of_a_fund_in_brackets_is_a_target(g):
    # jiujiang-2010-housing-renovation-pilot-funds-news
    text = (
        "近日,省财政厅下达九江2010年扩大农村危房改造试点补助资金2849万元(其中,灾后民房恢复重建资金1271.6万元),"
        "专项用于德安、都昌、修水三个试点县的农村危房改造。"
    )
    doc = extract_document(text, g, region_code="360400", as_of="2010-08-01")
    [part] = [f for f in doc.figures if f.kind == "target" and f.value == 12716000.0]
    assert part.period_end == 2010
    assert "灾后民房恢复重建资金1271.6万元" in part.quote
    assert text[part.start : part.end] == part.quote


def test_each_partners_share_in_brackets_is_a_target(g):
    # gansu-2018-east-west-cooperation-three-year-plan-trad (traditional script and pinyin as published)
    text = (
        "《計劃》明確,2018年,東部四市確定安排市區(qū)兩級財政資金15.17億元用于扶貧協(xié)作"
        "(其中天津市7.6億元,福州市2.47億元,廈門市2.4億元,青島市2.7億元)。"
    )
    doc = extract_document(text, g, region_code="620000", as_of="2018-09-21")
    assert {1517000000.0, 760000000.0, 247000000.0, 240000000.0, 270000000.0} <= target_values(doc)
    assert {f.period_end for f in doc.figures if f.kind == "target"} == {2018}


def test_a_count_of_places_broken_down_by_kind_is_not_a_target(g):
    # guangxi-2017-renda-resolution: how many of the 6 (8) counties are national key counties
    text = (
        "2017年全区计划减少贫困人口100万人,贫困县脱贫摘帽计划任务数6个(其中国家扶贫开发工作重点县1个)、"
        "奋斗目标数8个(其中国家扶贫开发工作重点县2个)。"
    )
    doc = extract_document(text, g, region_code="450000", as_of="2017-05-25")
    values = target_values(doc)
    assert {6.0, 8.0} <= values
    assert not values & {1.0, 2.0}


@pytest.mark.parametrize(
    "sentence,number,expected",
    [
        ("计划任务数6个(其中国家扶贫开发工作重点县1个)", "1个", True),
        ("计划任务数900个(其中深度贫困村300个)", "300个", True),
        ("搬迁75.2万人(其中建档立卡贫困人口66万人)", "66万", False),
        ("资金15.17亿元(其中天津市7.6亿元,福州市2.47亿元)", "2.47", False),
        ("贫困村出列900个(含深度贫困村300个)", "300个", False),  # not a 其中 bracket
    ],
)
def test_which_bracketed_parts_are_kinds_of_places(sentence, number, expected):
    assert is_part_in_brackets(sentence, sentence.index(number)) is expected


def test_each_part_of_a_bracketed_list_is_for_the_region_it_names(g):
    # gansu-2018-east-west-cooperation-three-year-plan-trad: the aid verb of the first item is that item's only
    text = (
        "通過與東部協作四市共同努力,助推甘肅省2020年58個集中連片特困縣實現摘帽退出,186.85萬貧困人口實現脫貧"
        "(其中:天津市幫扶蘭州市3.26萬人、白銀市14.64萬人、天水市25.7萬人)。"
    )
    doc = extract_document(text, g, region_code="620000", as_of="2018-09-21")
    regions = {f.value: f.region_code for f in doc.figures if f.kind == "target"}
    assert regions[32600.0] == "620100"  # 兰州市, the one 天津市 aids
    assert regions[146400.0] == "620400"  # 白银市
    assert regions[257000.0] == "620500"  # 天水市


def test_a_part_keeps_an_indicator_of_its_own_so_that_sums_do_not_count_it_twice(g):
    # lanzhou-2013-housing-renovation-county-tasks-trad (shortened; traditional script as published)
    text = "今年省上下達我市2013年農村危房改造補助資金計劃4000戶(其中貧困殘疾人家庭620戶)。"
    doc = extract_document(text, g, region_code="620100", as_of="2013-10-01")
    codes = {f.value: (f.indicator, f.indicator_label) for f in doc.figures if f.kind == "target"}
    assert codes[4000.0][0] == "other:housing_renovation_households"
    assert codes[620.0][0] != "other:housing_renovation_households"
    assert codes[620.0][1] == "贫困残疾人家庭"


def test_a_total_is_not_named_by_the_part_in_brackets_after_it(g):
    # the corpus convention (data/corpus/README.md): 易地扶贫搬迁 75.2万人, 其中建档立卡 66万人
    text = "今年全省计划易地扶贫搬迁75.2万人(其中建档立卡贫困人口66万人)。"
    doc = extract_document(text, g, region_code="620000", as_of="2018-03-01")
    codes = {f.value: f.indicator for f in doc.figures if f.kind == "target"}
    assert codes == {752000.0: "relocated_people", 660000.0: "other:relocated_registered_poor_people"}


def test_a_part_of_a_fund_is_a_line_item(g):
    # jiujiang-2010-housing-renovation-pilot-funds-news (shortened)
    text = "今年下达补助资金2849万元(其中,灾后民房恢复重建资金1271.6万元)。"
    doc = extract_document(text, g, region_code="360400", as_of="2010-08-01")
    codes = {f.value: f.indicator for f in doc.figures if f.kind == "target"}
    assert codes == {28490000.0: "funds", 12716000.0: "other:funds_line_item"}  # the total is no set named
