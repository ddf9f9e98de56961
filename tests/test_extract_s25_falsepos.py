"""Figures that look like targets but are not (session 25, precision): real sentences of the a–r dev texts, each
asserting which numbers come out as targets."""

from __future__ import annotations

from etl.extract import extract_document


def _targets(text: str, g, region_code: str, as_of: str) -> set[float]:
    doc = extract_document(text, g, region_code=region_code, as_of=as_of)
    return {f.value for f in doc.figures if f.kind == "target"}


def test_a_link_to_the_next_story_is_no_figure(g):
    text = "上一条:我州下达资金248.64万元\n下一条:我州提前下达2021年到村任职高校毕业生中央补助资金1056.40万元\n"
    assert 10564000.0 not in _targets(text, g, "532300", "2020-12-01")


def test_a_county_given_as_an_example_is_not_the_province(g):
    text = "如平江县今年共实施农村危房改造4159户,眼下项目已全部竣工,春节前能让农户圆上安居梦。"
    assert 4159.0 not in _targets(text, g, "430000", "2017-12-20")


def test_how_many_villages_meet_a_condition_is_a_count_of_what_is(g):
    text = "其中今年计划脱贫摘帽贫困村收入超过3万元的有978个,占计划摘帽村总数的67.4%。"
    assert 978.0 not in _targets(text, g, "450000", "2018-10-20")


def test_counties_whose_villages_are_counted_are_a_scope(g):
    text = (
        "“十三五”期间,我省每年集中扶持100个旅游扶贫试点村,力争通过发展乡村旅游带动全省58个连片特困县、"
        "17个插花县的1196个建档立卡贫困村、11.45万户贫困户、46.4万贫困人口实现脱贫。"
    )
    got = _targets(text, g, "620000", "2017-02-20")
    assert 58.0 not in got and 17.0 not in got
    assert 464000.0 in got


def test_the_places_a_set_of_projects_is_spread_over_are_a_scope(g):
    text = "据了解,此次14个易地搬迁项目分布于贵州省八个市州,计划搬迁6011户共2.63万人。"
    got = _targets(text, g, "520000", "2015-12-04")
    assert 8.0 not in got
    assert 26300.0 in got


def test_villages_an_amount_is_for_are_a_scope(g):
    text = "一是用于2018年6个深度贫困村150万元;\n五是用于2018年15个拟脱贫村产业引导项目260万元;\n"
    got = _targets(text, g, "410322", "2018-08-01")
    assert 6.0 not in got and 15.0 not in got


def test_a_completion_rate_above_its_plan_is_a_result(g):
    text = "兰州市完成6150户农村危房改造,与争取的计划任务数相比竣工率为153.75%。"
    assert 153.75 not in _targets(text, g, "620100", "2013-12-01")


def test_a_bound_alone_in_brackets_describes_places(g):
    text = "农村人口少(50户以下),贫困发生率高(50%以上),扶贫成本高,地震活动区和地质灾害频繁,安全风险大。"
    assert 50.0 not in _targets(text, g, "520000", "2016-09-01")


def test_a_subtotal_of_bracketed_parts_is_no_figure_of_its_own(g):
    text = (
        "助推甘肃省2020年58个集中连片特困县实现摘帽退出,186.85万贫困人口实现脱贫(其中:天津市帮扶兰州市3.26万人、"
        "白银市14.64万人,共92.61万人;厦门市帮扶临夏州26.01万人)。"
    )
    got = _targets(text, g, "620000", "2018-06-01")
    assert 926100.0 not in got
    assert 1868500.0 in got


def test_a_total_s_yearly_pace_in_brackets_is_not_a_second_target(g):
    text = "2006年,市政府制定出台《“十一五”扶贫规划》,明确5年内实施市、县级整村推进自然村1080个(每年实施216个)。"
    got = _targets(text, g, "530300", "2007-06-01")
    assert 216.0 not in got
    assert 1080.0 in got


def test_bounds_joined_into_one_condition_describe_villages(g):
    text = "2016年、2017年,贵州对贫困发生率50%以上、50户以下的自然村寨优先实施整体搬迁。"
    assert 50.0 not in _targets(text, g, "520000", "2016-05-06")


def test_counties_a_quota_is_allocated_to_are_a_scope(g):
    text = "今年全面聚焦脱贫摘帽县,全额安排12个脱贫摘帽县(市)区农村危房改造指标3.68万户,补助资金8.61亿元。"
    got = _targets(text, g, "430000", "2017-12-20")
    assert 12.0 not in got
    assert 36800.0 in got


def test_a_figure_of_counties_named_one_by_one_is_the_group_s(g):
    text = "盐池、彭阳、隆德、泾源4个贫困县计划脱贫销号146个贫困村,减少贫困人口58041人。"
    got = _targets(text, g, "640000", "2017-01-09")
    assert 146.0 not in got and 58041.0 not in got


def test_a_number_that_is_its_own_subject_after_a_named_group_is_the_region_s(g):
    text = "全区计划实施350个贫困村整村推进。盐池、彭阳、隆德、泾源4个贫困县脱贫摘帽,19.3万贫困人口实现脱贫。"
    assert 193000.0 in _targets(text, g, "640000", "2017-01-09")


def test_the_count_of_provinces_then_named_is_no_target(g):
    text = "各地政府工作报告中,明确今年将完成百万或以上贫困人口脱贫任务的11个省份是湖北、陕西、广西、山东、云南、湖南。"
    assert 11.0 not in _targets(text, g, "100000", "2016-03-01")


def test_what_a_work_gives_once_built_is_no_target(g):
    text = "每个村按30千瓦规模建设,年发电量约4.5万千瓦,建成后可解决嘎查村村部100平方米供暖需求。"
    assert 100.0 not in _targets(text, g, "150521", "2018-06-01")


def test_this_year_s_level_against_last_year_s_is_measured(g):
    text = "截至8月底,小额信贷助力10495户农户发展生产、开展经营,户贷率从去年的11.44%提高到今年的14.81%,位列全省第四。"
    assert 14.81 not in _targets(text, g, "140200", "2022-09-10")


def test_the_share_a_part_makes_up_is_a_description(g):
    text = "此次14个易地搬迁项目计划搬迁6011户共2.63万人,整体搬迁的自然村组人口占89%,总投资16亿元人民币。"
    assert 89.0 not in _targets(text, g, "520000", "2015-12-04")


def test_the_income_each_exiting_household_is_to_pass_is_a_bar(g):
    text = "将10705名自身无法脱贫的贫困人口纳入低保兜底,确保10月底前3012户计划脱贫户年人均纯收入超过3750元。"
    assert 3750.0 not in _targets(text, g, "513430", "2019-06-01")


def test_places_a_whole_is_spread_over_stay_a_scope_with_the_places_listed_after_them(g):
    text = "全省剩余贫困人口分布在9个市、93个县、7217个村。"
    got = _targets(text, g, "130000", "2020-03-01")
    assert not {9.0, 93.0, 7217.0} & got


def test_counties_given_priority_are_a_scope(g):
    text = (
        "2018年计划完成10万户危房改造,其中建档立卡贫困户6万户以上,重点支持9个深度贫困县和70个有扶贫任务的县(区)"
        "建档立卡贫困户等四类人员农村危房改造任务。"
    )
    got = _targets(text, g, "340000", "2018-03-01")
    assert 9.0 not in got and 70.0 not in got
    assert 100000.0 in got
