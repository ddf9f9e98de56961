"""Years, periods and dropped figures, from the dev corpus (session 38).

The texts are made up, in the style of the corpus texts each test names."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g():
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def _targets(doc) -> dict[float, tuple[int, int]]:
    return {f.value: (f.period_start, f.period_end) for f in doc.figures if f.kind == "target"}


def test_a_bound_written_as_a_sign_is_a_figure_to_reach(g):
    # yueyangxian-2022-farmland-…-performance-targets-table, suixi-2019-…-self-evaluation-table: a form's cells
    text = (
        "某县2021年衔接资金项目绩效目标表\n年度资金总额:\n\n300万元\n\n数量指标\n\n"
        "新建蓄水池数量\n\n≥12座\n\n质量指标\n\n受益农户满意度\n\n>=90%\n"
    )
    doc = extract_document(text, g, as_of="2021-04-02")
    assert {12.0, 90.0} <= set(_targets(doc))


def test_the_households_a_planned_work_reaches_are_a_figure_to_reach(g):
    # chayouhouqi-2018-pv-poverty-stations-plan-news, shandong-2017-rural-grid-upgrade-plan-news
    text = "今年,某旗计划在42个嘎查村建设村级光伏电站,受益农牧民3250多户。某县将投资2亿元改造农网,可惠及居民约6.4万户。"
    doc = extract_document(text, g, as_of="2018-03-09")
    assert {3250.0, 64000.0} <= set(_targets(doc))
    done = extract_document("去年,某县已建成村级光伏电站12座,受益贫困户已达1800户。", g, as_of="2018-03-09")
    assert 1800.0 not in _targets(done)


def test_the_size_of_works_to_be_built_is_a_figure_to_reach(g):
    # hebei-2018-first-batch-pv-poverty-projects-trad, chongqing-2018-small-hydro-poverty-plan-trad
    text = "某省12个县在列,将筹建816个村级光伏电站,总装机规模356200千瓦,扶持对象为建档立卡贫困村。"
    doc = extract_document(text, g, as_of="2018-01-23")
    assert 356200.0 in _targets(doc)
    # hexian-2017-village-solar-plan-news: each plant's size is a norm
    each = "今年将在贫困村建设村级光伏电站,每个光伏电站财政扶贫资金投入约40万元,装机容量60千瓦。"
    assert 60.0 not in _targets(extract_document(each, g, as_of="2017-03-01"))


def test_a_cap_on_a_share_is_a_figure_to_reach(g):
    # xixia-2024-linkage-funds-project-use-plan: a cap set as a floor is ("占比不低于…的65%")
    text = "2024年严格控制非脱贫村衔接资金项目占比,年度资金总额不超过上级资金的25%。"
    doc = extract_document(text, g, as_of="2024-01-05")
    assert 25.0 in _targets(doc)


def test_a_clause_of_a_number_and_a_noun_goes_on_with_the_list_before_it(g):
    # hangzhou-2019-rural-work-targets-trad
    text = "2019年力争创建4个省级生态农业示范县,15个省级生态农业示范区,200个田园综合体验区;"
    assert {15.0, 200.0} <= set(_targets(extract_document(text, g, as_of="2019-09-10")))
    # zhangjiakou-2019-relocation-news-trad: a clause with its own state is no item of the list
    told = "今年计划开工安置区30个,41个正在开展前期工作。"
    assert 41.0 not in _targets(extract_document(told, g, as_of="2019-05-10"))


def test_the_households_a_listed_project_reaches_need_no_word_of_intent(g):
    # yuanmou-2018-poverty-funds-projects-notice-trad: a notice's project list says no 将 or 计划
    text = "下达某县2018年财政专项扶贫资金1200万元。\n(二)村级光伏扶贫电站项目。项目受益贫困户1650户5830人。"
    assert 1650.0 in _targets(extract_document(text, g, as_of="2018-03-01"))


def test_a_level_raised_from_a_past_era_holds_for_the_era_after_it(g):
    # guangxi-2012-social-poverty-aid-news-trad: the old level is the era's, the new one the next era's
    text = "两省区签订协作计划纲要,其中某省财政帮扶资金从“十二五”时期每年1500万元增加到3000万元。"
    figures = extract_document(text, g, as_of="2016-02-07").figures
    assert {(f.period_start, f.period_end) for f in figures if f.value == 30000000} == {
        (y, y) for y in range(2016, 2021)
    }
    assert {(f.period_start, f.period_end) for f in figures if f.value == 15000000} <= {
        (y, y) for y in range(2011, 2016)
    }
