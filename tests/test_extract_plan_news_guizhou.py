"""A news report of a province's plan, read as a planner brought it in (session 28): 新华社's 2017-01-04 story on
贵州's plan for the villages of its smaller ethnic groups, as reposted at
http://universityofharmony.com/c/2017-01-04/1263451.shtml (found with the search tool's pages corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "贵州计划5年内让65个人口较少民族贫困村脱贫\n"
    "新华社贵阳1月4日电(记者骆飞)贵州省人民政府日前印发《贵州省扶持人口数量较少民族贫困村整体脱贫实施方案》,"
    "计划5年内实现全省65个人口较少民族贫困村整体脱贫。\n"
    "据了解,在贵州9000个贫困村中,人口数量较少民族占全村总人口一定比例以上的贫困村有65个,其中一类贫困村33个,"
    "二类贫困村15个,三类贫困村17个。主要分布在黔东南、黔南、黔西南和铜仁等地的10多个县。\n"
    "《贵州省扶持人口数量较少民族贫困村整体脱贫实施方案》明确,到2017年末,贵州省将实现35个贫困村出列;"
    "到2018年末,实现65个贫困村全部出列。\n"
    "为从根本上改善贫困村群众的生存发展条件,贵州省推进贫困村已登记在册的240户920人实施易地扶贫搬迁。\n"
)
URL = "http://universityofharmony.com/c/2017-01-04/1263451.shtml"


@pytest.fixture(scope="module")
def figures() -> list:
    g = Gazetteer.from_csv(ROOT / "data" / "regions_national.csv")
    return extract_document(TEXT, g, source_url=URL).figures


def test_the_bodys_statement_of_the_headline_figure_is_kept(figures):
    five_years = [f for f in figures if f.kind == "target" and f.value == 65 and f.period_end == 2021]
    assert len(five_years) == 1
    assert five_years[0].quote.startswith("计划5年内实现全省65个")  # the body's sentence, not the headline


def test_parts_listed_after_qizhong_are_no_second_values_of_the_total(figures):
    stock = [f for f in figures if f.indicator == "other:poor_villages"]
    assert [f.value for f in stock] == [65]
    parts = {f.value: f.indicator_label for f in figures if f.value in (33, 15, 17) and f.kind == "baseline"}
    assert parts == {33: "一类贫困村", 15: "二类贫困村", 17: "三类贫困村"}


def test_where_the_villages_lie_is_no_count_of_counties(figures):
    assert not [f for f in figures if f.value == 10]


def test_people_already_registered_are_the_plans_scope_not_a_result(figures):
    moved = {f.value: (f.kind, f.period_start, f.period_end) for f in figures if f.value in (240, 920)}
    assert moved == {240: ("target", 2017, 2021), 920: ("target", 2017, 2021)}


def test_an_area_naming_a_class_of_places_is_no_target():
    # 央广网 2019-08-22 on 毕节 (http://www.cnr.cn/newscenter/native/city/20190822/t20190822_524743020.shtml)
    g = Gazetteer.from_csv(ROOT / "data" / "regions_national.csv")
    text = (
        "毕节市人民政府\n2019年8月22日\n"
        "下一步,毕节市将首先以500亩以上坝区农业产业结构调整为突破口,深入推进农业特色产业提升工程。"
    )
    assert not [f for f in extract_document(text, g).figures if f.value == 500]
