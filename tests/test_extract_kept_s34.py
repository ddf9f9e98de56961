"""Figures the extractor read and then dropped as no target, though the text sets them as one (session 34).

The count of villages or households a piece of work is done in ("在119个贫困村组建农民专业合作社") is the target
when the work itself is not counted; the counties a programme covers and the places a counted action happens in
stay scopes.

Sentences marked "dev" are from dev-corpus texts (data/corpus/dev: ganzi-2017-poverty-work-meeting-trad,
chayouhouqi-2018-pv-poverty-stations-plan-news, hexian-2017-village-solar-plan-news,
guizhou-2017-relocation-news, chongqing-2017-relocation-plan-trad), in simplified characters; the others are
written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.lists import goal_lines
from etl.extract.not_figures import does_as_planned, is_new_target, planned_to_do
from etl.extract.scopes import is_places_acted_in
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def _targets(text: str, g: Gazetteer) -> list[tuple[int, float]]:
    return [(f.period_end, f.value) for f in extract_document(text, g).figures if f.kind == "target"]


def test_villages_where_cooperatives_are_set_up_are_targets(g):  # dev
    text = (
        "发布时间:2017-02-20\n今年全州将继续推进产业扶贫。"
        "在119个贫困村组建农民专业合作社,在19个贫困村实施旅游扶贫项目。\n"
    )
    got = _targets(text, g)
    assert (2017, 119.0) in got
    assert (2017, 19.0) in got


def test_households_a_plant_is_built_for_are_a_target(g):  # dev, the bracket kept
    text = (
        "发布时间:2017-04-10\n和县2017年将继续投入财政性资金495万元建设村级光伏电站。"
        "同时,在1100户“三无贫困户”(无劳力、无资源、无稳定收入)发展3KW户用光伏电站,拟立项。\n"
    )
    assert (2017, 1100.0) in _targets(text, g)


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("计划在65个嘎查村实施,受益农牧民6980多户", "65", True),  # dev
        ("在119个贫困村组建农民专业合作社", "119", True),  # dev
        ("今年将在全县36个贫困村建设村级光伏电站", "36", True),  # written: 在全县 before the number
        # dev: the counties a programme covers
        ("提出今年将在全省86个县(市、区、特区)实施易地扶贫搬迁工程", "86", False),
        # dev: the action is counted after, the places are its scope
        ("我市将在17个贫困区县搬迁农村建卡贫困人口25万人", "17", False),
        ("在100个贫困村建设村级光伏电站200个", "100", False),  # written
        ("引导各类资源向11个深度贫困村精准发力", "11", False),  # written: 向, not 在
    ],
)
def test_places_acted_in(sentence, number, expected):
    start = sentence.index(number)
    assert is_places_acted_in(sentence, start, start + len(number)) is expected


# dev: hangzhou-2019-rural-work-targets-trad (a heading of one word, spaced, over the year's goals)
GOALS_UNDER_A_HEADING = (
    "杭州市2019年农业农村工作\n发布时间:2019-03-01\n目 标\n"
    "农业增加值增长1.5%左右,农村居民人均可支配收入增长7.5%左右;"
    "粮食播种面积稳定在130万亩,提升“菜篮子”基地5000亩,农产品合格率98%以上。\n六 大 举 措\n"
    "一、深化机制创新\n"
)


def test_lines_under_a_bare_goal_heading_are_goals():
    text = GOALS_UNDER_A_HEADING
    assert [text[a:b] for a, b in goal_lines(text)] == [text.splitlines()[3]]


def test_rates_under_a_bare_goal_heading_are_targets(g):
    got = _targets(GOALS_UNDER_A_HEADING, g)
    assert (2019, 1.5) in got
    assert (2019, 98.0) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written: the lines up to a numbered section
        ("目标\n2020年\n37个贫困县实现主导产业全覆盖\n(一)主要任务\n", ["2020年", "37个贫困县实现主导产业全覆盖"]),
        # written: a numbered heading, up to the next heading
        ("二、目标任务\n到2020年贫困人口减少3.5万人。\n保障措施\n加强领导。\n", ["到2020年贫困人口减少3.5万人。"]),
    ],
)
def test_a_bare_goal_heading_stops_at_the_next_heading(text, expected):
    assert [text[a:b] for a, b in goal_lines(text)] == expected


@pytest.mark.parametrize(
    "before",
    [
        "江西省将在51个移民超万人县抓好扶持移民产业项目试点,选择",  # dev: jiangxi-2011-poverty-and-migrants-plan-news
        "今年每年挑选",  # written
        "新建乡村公路10公里,治理水土流失面积",  # dev: hebei-2017-work-relief-projects-table
        "建设特色农业产业基地9.48万亩,总增各类畜禽",  # dev: ganzi-2017-poverty-work-meeting-trad
    ],
)
def test_verbs_of_picking_treating_and_adding(before):
    assert is_new_target(before, "个") is True


def test_livestock_added_and_its_list_are_targets(g):  # dev: ganzi-2017-poverty-work-meeting-trad
    text = (
        "发布时间:2017-02-20\n今年该州还将在366个退出贫困村建设特色农业产业基地9.48万亩,"
        "总增各类畜禽13.17万头(只)、中蜂4288箱,新增中藏药材种植面积5000亩。\n"
    )
    got = _targets(text, g)
    assert (2017, 131700.0) in got
    assert (2017, 4288.0) in got


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("户建档立卡贫困户将实施改厨、改厕、改房", True),  # dev: gansu-2017-rural-tourism-plan-news-trad
        ("户贫困户全部纳入光伏扶贫计划", True),  # dev: gucheng-2017-pv-poverty-households-plan-xinhua-trad
        ("个贫困村要建成村级电商服务站", True),  # written
        ("个贫困村已全部建成", False),  # written: done
        ("户贫困户全部建成了新房", False),  # written: done
        ("家单位参与采购", False),  # written: no word of intent
    ],
)
def test_the_number_does_the_planned_work(after, expected):
    assert does_as_planned(after) is expected


def test_households_that_will_be_brought_in_are_a_target(g):  # dev: gucheng-2017-…-xinhua-trad
    text = (
        "发布时间:2017-05-08\n目前全县已有2541户贫困户实现光伏并网发电,"
        "县里计划今年将其余4800户贫困户全部纳入光伏扶贫计划。\n"
    )
    assert (2017, 4800.0) in _targets(text, g)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("●", "个过江通道等一批重大项目纳入国家规划", False),  # written: no word of intent
        ("●争取", "个过江通道等一批重大项目纳入国家规划", True),  # dev: hubei-2019-work-report-highlights
        ("力争", "个贫困村完成村级光伏电站建设", True),  # written
        ("计划", "个贫困村已完成改造", False),  # written: done
    ],
)
def test_a_planned_count_with_its_verb_after(before, after, expected):
    assert planned_to_do(before, after) is expected


def test_projects_to_be_brought_into_the_national_plan_are_a_target(g):  # dev: hubei-2019-work-report-highlights
    text = "发布时间:2019-01-30\n●争取36个过江通道、“一江三河”连通工程等一批重大项目纳入国家规划。\n"
    assert (2019, 36.0) in _targets(text, g)


def test_the_years_plan_a_result_is_measured_against_is_a_target(g):  # dev: anhui-2018-npc-…-report-trad
    text = (
        "发布日期:2018-11-23\n全面保障贫困人口基本居住条件,前三季度,全省贫困户危房改造已竣工11.22万户,"
        "完成全年计划6万户的187%。\n"
    )
    figures = extract_document(text, g).figures
    assert ("target", 2018, 60000.0) in [(f.kind, f.period_end, f.value) for f in figures]
    assert not any(f.kind == "target" and f.value in (112200.0, 187.0) for f in figures)  # the result and its share


def test_a_quota_obtained_is_a_target(g):  # dev: chengde-2017-centralized-pv-poverty-quota-trad
    text = (
        "发布时间:2017-06-12\n编者按:日前,省发展改革委、省扶贫办下达了《关于开展2017年集中式光伏扶贫项目申报工作的"
        "通知》,2017年全省共安排集中式光伏扶贫项目指标100万千瓦,经向省发改委争取,我市在2017年集中式光伏扶贫项目指标"
        "争取上实现历史性突破,共获得指标44万千瓦,占全省指标总数的44%。\n"
    )
    assert (2017, 440000.0) in _targets(text, g)


def test_people_still_to_be_relocated_are_a_target(g):  # dev: chengkou-2011-relocation-paper-abstract
    text = (
        "发布时间:2011-09-01\n城口是重庆最为贫困的地区之一。十二五期间,重庆市将再帮助50万名困难居民搬离高寒山区,"
        "而城口县仍有6.4万人需要搬迁,高山生态扶贫搬迁任务重、责任大、难度高。目前全县仍有贫困人口3.2万人,"
        "还有183.27万贫困人口需要脱贫。\n"
    )
    got = [(f.kind, f.period_end, f.value) for f in extract_document(text, g).figures]
    assert ("target", 2015, 64000.0) in got
    # written, and from the seed shaanxi-2018-three-year-action: stocks, no work said or only 需要脱贫
    assert not any(kind == "target" and value in (32000.0, 1832700.0) for kind, _, value in got)
