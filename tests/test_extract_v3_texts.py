"""Rules added for the v3 dev texts (data/corpus/dev, cited by slug): each case is a real sentence of one of
them, run through the whole extractor. The v3 held-out part was not looked at."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.numbers import find_quantities
from etl.extract.tables import find_tables
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.national()


def targets(doc) -> list[tuple]:
    return sorted((f.indicator, f.period_start, f.period_end, f.value) for f in doc.figures if f.kind == "target")


def test_an_ordinal_is_not_a_count(g):
    # shuyang-2019-key-projects-news
    assert [q.raw for q in find_quantities("今年是江苏省新一轮扶贫开发工作的第四个年头")] == []
    doc = extract_document("今年是江苏省新一轮扶贫开发工作的第四个年头。", g, region_code="321322", as_of="2019-06-01")
    assert targets(doc) == []


def test_what_is_already_done_inside_a_plans_period_is_a_result(g):
    # changdu-2018-relocation-plan-news-trad (traditional script as published)
    text = "“十三五”期間,全市規劃易地扶貧搬遷貧困人口2萬戶10.3萬人,已有1.2萬戶5.7萬人喜遷新居。"
    doc = extract_document(text, g, region_code="540300", as_of="2018-12-21")
    values = {v for *_, v in targets(doc)}
    assert {20000.0, 103000.0} <= values
    assert not values & {12000.0, 57000.0}


def test_a_distance_described_is_not_a_target(g):
    # changdu-2018-relocation-plan-news-trad
    doc = extract_document("全村100戶人家吃水要到一公里以外去背。", g, region_code="540300", as_of="2018-12-21")
    assert targets(doc) == []


def test_a_table_with_cells_one_space_apart(g):
    # hebei-2017-work-relief-projects-table
    text = "保定\n地区 以工代赈资金 劳务报酬\n共计 2000万 200万\n阜平县 500万 50万\n涞源县 500万 50万\n"
    [table] = find_tables(text)
    assert [r.label for r in table.rows] == ["共计", "阜平县", "涞源县"]
    doc = extract_document(text, g, region_code="130600", as_of="2017-05-01")
    got = {(f.region_code, f.value) for f in doc.figures if f.kind == "target"}
    assert ("130624", 5000000.0) in got and ("130630", 5000000.0) in got  # 阜平县, 涞源县


def test_a_sentence_is_not_split_into_cells_on_its_spaces():
    assert find_tables("今年 全省 减少 贫困人口 20万人,确保 贫困村 出列 500个\n明年 再 减少 10万人,出列 300个\n") == []


def test_an_undated_text_on_a_five_year_plan_is_read_in_that_plan(g):
    # henan-2016-relocation-plan-news: no date anywhere; "“十三五”期间…计划"
    text = (
        "“十三五”期间全省计划实施易地扶贫搬迁31.24万人,总投资197.8585亿元。\n"
        "根据各地建设总规模测算,“十三五”时期,全省易地扶贫搬迁工程总投资197.8585亿元。其中,用于建档立卡贫困人口"
        "住房建设投资共计156.2298亿元,占79%;用于同步搬迁人口住房建设投资10.3936亿元,占5.3%。"
    )
    doc = extract_document(text, g, region_code="410000")
    got = targets(doc)
    assert ("relocated_people", 2016, 2020, 312400.0) in got
    assert {(s, e) for _, s, e, _ in got} == {(2016, 2020)}
    values = {v for *_, v in got}
    assert {15622980000.0, 1039360000.0} <= {round(v) for v in values}  # the parts after 其中 keep the period


def test_a_rate_per_household_is_a_norm(g):
    # sichuan-2018-deep-poverty-counties-plan-news
    text = "将藏区新居、彝家新寨住房建设补助标准均提高1万元,分别达到3万元/户、4万元/户。"
    doc = extract_document(text, g, region_code="510000", as_of="2018-03-01")
    assert targets(doc) == []


def test_a_grouping_row_of_the_tree_is_never_the_documents_region(g):
    # chengkou-2011-relocation-paper-abstract: 城口县 in 重庆 ("全市" is the municipality), not the row "县"
    text = (
        "城口是重庆最为贫困的地区之一。十二五期间,重庆市将再帮助50万名困难居民搬离高寒山区,而城口县仍有6.4万人需要搬迁,"
        "占全市需要搬离居民总数的12.8%。"
    )
    doc = extract_document(text, g)
    assert doc.info.region_code != "500200"
    assert ("relocated_people", 2011, 2015, 500000.0) in targets(doc)
