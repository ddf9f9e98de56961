"""Figures that look like targets but are not (session 25, precision): real sentences of the a–r dev texts, each
with the numbers that must not come out as targets and those that must."""

from __future__ import annotations

import pytest

from etl.extract import extract_document

# (what the case shows, text, region given, date given, values that are no targets, values that are)
CASES = [
    (
        "a_link_to_the_next_story_is_no_figure",
        "上一条:我州下达资金248.64万元\n下一条:我州提前下达2021年到村任职高校毕业生中央补助资金1056.40万元\n",
        "532300",
        "2020-12-01",
        {10564000.0},
        set(),
    ),
    (
        "a_county_given_as_an_example_is_not_the_province",
        "如平江县今年共实施农村危房改造4159户,眼下项目已全部竣工,春节前能让农户圆上安居梦。",
        "430000",
        "2017-12-20",
        {4159.0},
        set(),
    ),
    (
        "how_many_villages_meet_a_condition_is_a_count_of_what_is",
        "其中今年计划脱贫摘帽贫困村收入超过3万元的有978个,占计划摘帽村总数的67.4%。",
        "450000",
        "2018-10-20",
        {978.0},
        set(),
    ),
    (
        "counties_whose_villages_are_counted_are_a_scope",
        "“十三五”期间,我省每年集中扶持100个旅游扶贫试点村,力争通过发展乡村旅游带动全省58个连片特困县、17个插花县的1196个建档立卡贫困村、11.45万户贫困户、46.4万贫困人口实现脱贫。",
        "620000",
        "2017-02-20",
        {17.0, 58.0},
        {464000.0},
    ),
    (
        "the_places_a_set_of_projects_is_spread_over_are_a_scope",
        "据了解,此次14个易地搬迁项目分布于贵州省八个市州,计划搬迁6011户共2.63万人。",
        "520000",
        "2015-12-04",
        {8.0},
        {26300.0},
    ),
    (
        "villages_an_amount_is_for_are_a_scope",
        "一是用于2018年6个深度贫困村150万元;\n五是用于2018年15个拟脱贫村产业引导项目260万元;\n",
        "410322",
        "2018-08-01",
        {6.0, 15.0},
        set(),
    ),
    (
        "a_completion_rate_above_its_plan_is_a_result",
        "兰州市完成6150户农村危房改造,与争取的计划任务数相比竣工率为153.75%。",
        "620100",
        "2013-12-01",
        {153.75},
        set(),
    ),
    (
        "a_bound_alone_in_brackets_describes_places",
        "农村人口少(50户以下),贫困发生率高(50%以上),扶贫成本高,地震活动区和地质灾害频繁,安全风险大。",
        "520000",
        "2016-09-01",
        {50.0},
        set(),
    ),
    (
        "a_subtotal_of_bracketed_parts_is_no_figure_of_its_own",
        "助推甘肃省2020年58个集中连片特困县实现摘帽退出,186.85万贫困人口实现脱贫(其中:天津市帮扶兰州市3.26万人、白银市14.64万人,共92.61万人;厦门市帮扶临夏州26.01万人)。",
        "620000",
        "2018-06-01",
        {926100.0},
        {1868500.0},
    ),
    (
        "a_total_s_yearly_pace_in_brackets_is_not_a_second_target",
        "2006年,市政府制定出台《“十一五”扶贫规划》,明确5年内实施市、县级整村推进自然村1080个(每年实施216个)。",
        "530300",
        "2007-06-01",
        {216.0},
        {1080.0},
    ),
    (
        "bounds_joined_into_one_condition_describe_villages",
        "2016年、2017年,贵州对贫困发生率50%以上、50户以下的自然村寨优先实施整体搬迁。",
        "520000",
        "2016-05-06",
        {50.0},
        set(),
    ),
    (
        "counties_a_quota_is_allocated_to_are_a_scope",
        "今年全面聚焦脱贫摘帽县,全额安排12个脱贫摘帽县(市)区农村危房改造指标3.68万户,补助资金8.61亿元。",
        "430000",
        "2017-12-20",
        {12.0},
        {36800.0},
    ),
    (
        "a_figure_of_counties_named_one_by_one_is_the_group_s",
        "盐池、彭阳、隆德、泾源4个贫困县计划脱贫销号146个贫困村,减少贫困人口58041人。",
        "640000",
        "2017-01-09",
        {58041.0, 146.0},
        set(),
    ),
    (
        "a_number_that_is_its_own_subject_after_a_named_group_is_the_region_s",
        "全区计划实施350个贫困村整村推进。盐池、彭阳、隆德、泾源4个贫困县脱贫摘帽,19.3万贫困人口实现脱贫。",
        "640000",
        "2017-01-09",
        set(),
        {193000.0},
    ),
    (
        "the_count_of_provinces_then_named_is_no_target",
        "各地政府工作报告中,明确今年将完成百万或以上贫困人口脱贫任务的11个省份是湖北、陕西、广西、山东、云南、湖南。",
        "100000",
        "2016-03-01",
        {11.0},
        set(),
    ),
    (
        "what_a_work_gives_once_built_is_no_target",
        "每个村按30千瓦规模建设,年发电量约4.5万千瓦,建成后可解决嘎查村村部100平方米供暖需求。",
        "150521",
        "2018-06-01",
        {100.0},
        set(),
    ),
    (
        "this_year_s_level_against_last_year_s_is_measured",
        "截至8月底,小额信贷助力10495户农户发展生产、开展经营,户贷率从去年的11.44%提高到今年的14.81%,位列全省第四。",
        "140200",
        "2022-09-10",
        {14.81},
        set(),
    ),
    (
        "the_share_a_part_makes_up_is_a_description",
        "此次14个易地搬迁项目计划搬迁6011户共2.63万人,整体搬迁的自然村组人口占89%,总投资16亿元人民币。",
        "520000",
        "2015-12-04",
        {89.0},
        set(),
    ),
    (
        "the_income_each_exiting_household_is_to_pass_is_a_bar",
        "将10705名自身无法脱贫的贫困人口纳入低保兜底,确保10月底前3012户计划脱贫户年人均纯收入超过3750元。",
        "513430",
        "2019-06-01",
        {3750.0},
        set(),
    ),
    (
        "places_a_whole_is_spread_over_stay_a_scope_with_the_places_listed_after_them",
        "全省剩余贫困人口分布在9个市、93个县、7217个村。",
        "130000",
        "2020-03-01",
        {9.0, 93.0, 7217.0},
        set(),
    ),
    (
        "counties_given_priority_are_a_scope",
        "2018年计划完成10万户危房改造,其中建档立卡贫困户6万户以上,重点支持9个深度贫困县和70个有扶贫任务的县(区)建档立卡贫困户等四类人员农村危房改造任务。",
        "340000",
        "2018-03-01",
        {9.0, 70.0},
        {100000.0},
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "region_code", "as_of", "absent", "present"), CASES, ids=[c[0] for c in CASES]
)
def test_what_comes_out_as_a_target(g, case, text, region_code, as_of, absent, present):
    doc = extract_document(text, g, region_code=region_code, as_of=as_of)
    got = {f.value for f in doc.figures if f.kind == "target"}
    assert not absent & got, case
    assert present <= got, case
