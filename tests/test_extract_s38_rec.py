"""Targets the rules read but dropped (session 38): short sentences after the dev corpus, in simplified
characters, each with the rule it exercises."""

from __future__ import annotations

import math

from etl.extract import extract_document
from etl.extract.numbers import find_quantities


def _targets(doc, value: float) -> list:
    return [f for f in doc.figures if f.kind == "target" and math.isclose(f.value, value, rel_tol=1e-9)]


def test_villages_a_plan_solves_a_problem_for_are_a_target(g):
    text = "西藏将用三年时间投资约31.1亿元,修建13385公里农村公路,解决669个建制村通公路问题。"
    [fig] = _targets(extract_document(text, g, as_of="2012-03-05"), 669)
    assert fig.indicator == "other:poor_villages" and fig.period_end == 2014  # three years from 2012


def test_villages_a_plan_supports_are_a_target(g):
    text = "今年山东省财政部门多方筹集资金2665万元,将支持全省170个新增互助资金试点村。"
    [fig] = _targets(extract_document(text, g, as_of="2011-06-01"), 170)
    assert fig.period_end == 2011


def test_villages_a_goal_is_for_are_still_no_target(g):
    text = "到2020年,20个脱贫任务比较重的县农民人均可支配收入接近全省平均水平。"
    assert not _targets(extract_document(text, g, as_of="2016-06-01"), 20)


def test_posts_a_plan_puts_in_place_are_a_target(g):
    text = "2018年,四川省将落实生态护林员公益岗位5万个,帮助贫困群众就近就业。"
    [fig] = _targets(extract_document(text, g, as_of="2018-03-01"), 50_000)
    assert fig.period_end == 2018 and fig.indicator.startswith("other:")


def test_people_a_plan_takes_in_are_a_target(g):
    text = "天津市每年接收20名甘肃干部到天津的工业园区挂职。"
    assert _targets(extract_document(text, g, as_of="2012-12-01"), 20)


def test_roads_already_hardened_are_no_verb_of_doing(g):
    text = "我省将加快推进未通硬化路的剩余82个乡镇、1474个行政村道路建设。"
    assert not _targets(extract_document(text, g, as_of="2018-03-01"), 82)


def test_a_count_written_with_wan_yu_before_its_unit_is_read():
    [q] = find_quantities("计划解决89个村民小组3.49万余人的饮水安全问题")[1:]
    assert (q.value, q.measure) == (34_900, "人")
    assert [(q.value, q.measure) for q in find_quantities("涉及贫困户2万多户")] == [(20_000, "户")]
    assert [q.unit for q in find_quantities("3余人")] == ["人"]  # 余 after a bare number stays as it was


def test_people_to_reach_counted_in_wan_yu_are_a_target(g):
    text = "2013年,某县计划解决全县8个乡(镇)25个村委会89个村民小组3.49万余人的饮水安全问题。"
    [fig] = _targets(extract_document(text, g, as_of="2013-05-01"), 34_900)
    assert fig.indicator == "other:drinking_water_people" and fig.period_end == 2013


def test_money_in_whole_wan_is_no_rounded_repeat_of_a_near_amount(g):
    text = (
        "2018年,第二批扶贫专项资金规模1486.328万元。一、资金来源:1、省级财政扶贫专项资金730万元;"
        "2、市级财政扶贫专项资金394.2万元。二、资金安排:一是用于2018年产业扶贫项目724.712484万元。"
    )
    doc = extract_document(text, g, as_of="2018-09-01")
    assert _targets(doc, 7_300_000) and _targets(doc, 7_247_124.84)


def test_a_rounded_restatement_of_people_is_still_dropped(g):
    text = "2019年,全县计划搬迁建档立卡贫困人口14191人。确保剩余1.4万贫困人口全部搬迁入住。"
    doc = extract_document(text, g, as_of="2019-02-01")
    assert _targets(doc, 14_191) and not _targets(doc, 14_000)


def test_a_bare_noun_and_number_closes_the_list_of_the_verb_before(g):
    text = "计划在甘肃省贫困地区新建河堤16.8公里,修建四级公路32.3公里,桥梁1座。"
    [fig] = _targets(extract_document(text, g, as_of="2011-07-01"), 1)
    assert fig.period_end == 2011 and fig.indicator.startswith("other:")


def test_a_part_to_exit_after_its_total_is_a_target(g):
    text = "根据方案,海原县2017年整村推进47个贫困村,销号36个。"
    [fig] = _targets(extract_document(text, g, as_of="2017-03-01"), 36)
    assert fig.period_end == 2017  # its own words (销号), the part of the total before it


def test_states_and_amounts_after_a_count_are_no_list_items(g):
    text = "张家口计划建设119个集中安置区中,配套建设园区或项目97个,其中建成41个,在建15个。"
    assert not _targets(extract_document(text, g, as_of="2019-05-01"), 15)


def test_things_a_plan_builds_counted_by_their_measure_word_are_targets(g):
    text = (
        "为确保我市2018年农村小水电扶贫项目的开工建设,市发改委下达了2018年农村小水电扶贫工程投资计划,"
        "涉及我市6个贫困区县,扶贫电站9座,装机28740千瓦。"
    )
    [fig] = _targets(extract_document(text, g, as_of="2018-03-01"), 9)
    assert fig.period_end == 2018 and fig.indicator.startswith("other:")


def test_machines_a_plan_buys_are_targets(g):
    text = "计划实施乡村振兴产业项目1个,该项目为采购类项目,配套农具:5铧翻转犁1台,播种机1台,打药机1台。"
    assert len(_targets(extract_document(text, g, as_of="2023-02-24"), 1)) >= 3


def test_the_four_leading_bodies_are_no_count(g):
    text = "2018年将继续推进脱贫攻坚,县四家班子领导参加会议。"
    assert not _targets(extract_document(text, g, as_of="2018-02-27"), 4)


def test_one_village_a_plan_makes_for_each_county_is_no_count(g):
    text = "今年浙江18县将对甘孜州18县率先投入5400万元(每县300万元),实施1个示范带动性强的新村建设。"
    assert not _targets(extract_document(text, g, as_of="2013-08-01"), 1)
