"""How a period's years are read, from the dev corpus (session 37).

Each sentence names the dev text (data/corpus/dev) it is quoted from, in simplified characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.document import find_date
from etl.extract.periods import plan_years, year_tokens
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g():
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def test_bare_future_runs_to_the_end_of_the_five_year_plan(g):
    # jiangxi-2016-five-routes-plan-news-trad: "在未来" with no length, in a text of 2016 (十三五: 2016-2020)
    sentence = "我省计划在未来产业脱贫94万人,转移就业脱贫54万人"
    assert [(t.kind, t.first, t.year) for t in year_tokens(sentence, 2016)] == [("range", 2016, 2020)]
    doc = extract_document("近日,记者从江西省扶贫和移民办获悉," + sentence + "。", g, as_of="2016-08-04")
    assert {(f.period_start, f.period_end) for f in doc.figures if f.value == 940000} == {(2016, 2020)}


def test_future_with_a_length_or_as_a_noun_is_no_bare_future():
    # guizhou-2012-five-year-assault-goals-paper: "在未来五年实现20个县(市、区)全面小康" is a span of five years
    assert [t.kind for t in year_tokens("在未来五年实现20个县(市、区)全面小康", 2012)] == ["span"]
    assert year_tokens("在未来的发展中", 2016) == []


def test_a_span_naming_a_plan_the_text_follows_is_no_period():
    # yuanmou-2018-poverty-funds-projects-notice-trad: the county's five-year plan was made before 2018
    assert year_tokens("元谋县人民政府扶贫开发办公室结合我县五年脱贫攻坚行动计划和“六个精准”要求", 2018) == []
    # ganzi-2019-work-report-poverty-tasks-excerpt: a plan the text carries out keeps its years
    assert [t.kind for t in year_tokens("全力实施深度贫困地区脱贫攻坚三年行动计划", 2019)] == ["span"]


def test_a_cited_five_year_plan_does_not_stretch_the_plan_to_its_end(g):
    # yuanmou-2018-poverty-funds-projects-notice-trad (the first paragraph and the first project, shortened)
    text = (
        "下达元谋县2018年财政专项扶贫资金2186万元。为确保完成元谋县2018年脱贫出列目标任务,元谋县人民政府扶贫开发办公室"
        "结合我县五年脱贫攻坚行动计划和“六个精准”要求,编制了扶贫项目建设方案。\n"
        "(一)贫困行政村光伏扶贫电站项目。项目受益贫困户2085户7357人。"
    )
    figures = extract_document(text, g, as_of="2018-03-01").figures
    assert {f.period_end for f in figures if f.value == 7357} == {2018}


# sichuan-2012-new-stage-targets-work-plan: the head of the notice
NOTICE_HEAD = (
    "四川省人民政府办公厅\n印发关于确保完成新阶段农村扶贫\n开发目标任务的工作方案的通知\n"
    "川办发〔2012〕62号 二○一二年十月十五日\n(此文件已于2017年12月29日宣布失效)\n"
    "各市(州)、县(市、区)人民政府,省政府有关部门、有关直属机构,有关单位:\n"
)


def test_a_date_beside_the_document_number_is_the_issue_date():
    assert find_date(NOTICE_HEAD) == "2012-10-15"


def test_the_day_a_text_was_annulled_is_not_its_date():
    head = NOTICE_HEAD.replace("川办发〔2012〕62号 二○一二年十月十五日\n", "")
    assert find_date(head) is None


def test_a_notice_of_2012_dates_this_years_figures_2012(g):
    text = NOTICE_HEAD + "今年全省减少农村贫困人口100万人。"  # the sentence is written for this test
    doc = extract_document(text, g)
    assert doc.info.published_on == "2012-10-15"
    assert {f.period_end for f in doc.figures if f.value == 1000000} == {2012}


def test_the_sites_clock_in_the_page_head_is_not_the_texts_date():
    # shuyang-2019-key-projects-news: the page's head, fetched in 2024, over the report of 2019-04-27
    head = (
        "2024年05月15日星期三 设为首页 | 加入收藏\n\n宿迁 江苏经济新闻网 > 宿迁\n\n"
        "81个重点帮扶项目助力江苏沭阳打响脱贫攻坚战\n\n2019-04-27 来源:江苏经济新闻网\n"
    )
    assert find_date(head) == "2019-04-27"


def test_a_span_in_a_text_of_no_known_year_makes_no_years_up(g):
    # ganzi-2019-work-report-poverty-tasks-excerpt: a page of a work report that names no year
    text = (
        "全力实施深度贫困地区脱贫攻坚三年行动计划,统筹贫困群众与临界贫困群众的帮扶,"
        "全力实现12个县摘帽、251个村退出、7161户31242人脱贫。"
    )
    figures = extract_document(text, g).figures
    assert {(f.period_start, f.period_end) for f in figures if f.value == 31242} == {(0, 0)}


def test_a_notice_on_last_years_funds_handed_down_is_of_that_year():
    # hotan-2018-forestry-funds-allocation-table: signed 2019-01-16
    text = (
        "根据《自治区扶贫资金项目公告公示制度实施办法》文件规定,现将2018年林业发展补助资金(统筹整合部分)"
        "分配下达情况公示如下:\n一、资金来源\n2.自治区资金(新财农﹝2018﹞48号)1997万元\n以上合计1997万元。\n"
    )
    assert plan_years(text, "2019-01-16", "").doc_year == 2018
    # yanjin-2022-linkage-funds-projects-plan-notice: signed 2021-12-24, a plan for the year ahead keeps its date
    ahead = "现将2022年财政衔接乡村振兴资金项目安排情况公示如下:"
    assert plan_years(ahead, "2021-12-24", "").doc_year == 2021
