"""Gold targets whose value did not come out at all (issue 12, session 25): number formats, indicators the
catalogue lacks, lists and tables, on sentences of the dev corpus (data/corpus/dev, names a–r)."""

from __future__ import annotations

from etl.extract import extract_document
from etl.extract.lists import exit_name_lists
from etl.extract.regions import resolve_county


def _targets(text: str, g, **kw) -> list[tuple]:
    doc = extract_document(text, g, **kw)
    return [(f.indicator, f.period_end, f.value, f.region_code) for f in doc.figures if f.kind == "target"]


LIST_2020 = (
    "2020全国52个挂牌督战贫困县名单\n\n脱贫攻坚挂牌督战县名单\n\n(共52个)\n\n一、广西壮族自治区(8个)\n\n"
    "河池市都安县、大化县、罗城县,柳州市三江县、融水县\n\n三、贵州省(9个)\n\n毕节市威宁县、纳雍县、赫章县,黔东南州从"
)


def test_a_spaced_list_under_province_headings_names_each_county(g):
    names = [n for n, *_ in exit_name_lists(LIST_2020, lambda n: resolve_county(n, g, None))]
    assert names == ["都安县", "大化县", "罗城县", "三江县", "融水县", "威宁县", "纳雍县", "赫章县"]


def test_counties_under_supervision_are_still_to_exit(g):
    found = _targets(LIST_2020, g)
    assert ("counties_exited", 2020, 1.0, "451228") in found  # 都安瑶族自治县
    assert len([f for f in found if f[0] == "counties_exited"]) == 8


def _by_value(text: str, g) -> dict[float, tuple]:
    return {f[2]: f for f in _targets(text, g)}


def test_townships_that_exit(g):
    found = _by_value("恩施州人民政府\n2016年,全州计划减少贫困人口26.15万人,将有257个村整体脱贫、9个乡镇脱贫出列。", g)
    assert found[9.0][:2] == ("other:townships_exited", 2016)


def test_housing_renovation_said_as_wei_gai(g):
    text = "公安县人民政府\n2012年,该县并将1230户危改任务分解至16个乡镇,另外从危改计划中拿出150户作为奖励指标。"
    found = _by_value(text, g)
    assert found[1230.0][0] == found[150.0][0] == "other:housing_renovation_households"


def test_households_under_social_assistance(g):
    found = _by_value("甘孜州人民政府\n2017年,对4619户、1.5541万人实施低保政策兜底。", g)
    assert found[4619.0][0] == "other:social_assistance_households"


def test_funds_per_project_village_for_the_whole_plan(g):
    text = (
        "青海省人民政府\n“十二五”期间,青海将力争完成1662个贫困村的整村推进任务,"
        "每个项目村的整合资金将力争达到100万元以上。"
    )
    assert _by_value(text, g)[1_000_000.0][:2] == ("other:funds_per_poor_village", 2015)


def test_funds_per_township_are_not_split_by_year(g):
    text = (
        "曲靖市人民政府\n从2014年起,曲靖市瞄准锁定建档立卡的50个贫困乡和475个贫困村,每年启动一批“整乡整村推进”建设,"
        "“整乡推进”每个乡投资不低于1亿元,确保到2020年50个贫困乡、475个贫困村“整乡整村推进”全覆盖。"
    )
    per_township = [f for f in _targets(text, g) if f[0] == "other:funds_per_poor_township"]
    assert per_township == [("other:funds_per_poor_township", 2020, 100_000_000.0, "530300")]


def test_a_rate_not_to_exceed_is_named(g):
    text = "融水县人民政府\n会议提出,2016年融水县年内完成贫困村脱贫摘帽不低于20个,守住返贫率不超过3%的红线。"
    assert _by_value(text, g)[3.0][1] == 2016


def test_kilowatt_hours_are_not_capacity(g):
    from etl.extract.numbers import find_quantities

    assert find_quantities("年发电量4.5万千瓦时") == []


def test_each_satisfaction_rate_of_a_performance_table_is_a_target(g):
    text = (
        "南岳区2018年度扶贫项目绩效目标表\n满意度指标 服务对象满意度指标 旅游行业经营主体满意度(≥**%) >=90%\n"
        "参与旅游扶贫项目贫困群众满意度(≥**%) >=90%\n游客满意度(≥**%) >=90%\n"
    )
    rates = [f for f in _targets(text, g) if f[2] == 90.0]
    assert len({code for code, *_ in rates}) == 3


def test_a_money_column_takes_the_unit_the_text_gives_its_total(g):
    text = (
        "德化县财政局\n现将市级财政专项扶贫资金12万元下达给你们(见附件1)。\n2020年10月13日\n"
        "乡镇、村 | 金额 | 建设项目 |\n龙门滩镇霞山村 | 4 | 修复农田水利设施。 |\n"
        "龙门滩镇磻坑村 | 4 | 新建蓄水池。 |\n葛坑镇邱村村 | 4 | 道路硬化。 |\n合计 | 12 | |\n"
    )
    funds = [f for f in _targets(text, g) if f[2] == 40_000.0]
    assert len(funds) == 3 and {f[0] for f in funds} == {"other:funds_line_item"}


def test_a_gap_over_the_average_in_points_is_a_target(g):
    text = "甘肃省人民政府\n甘肃省2011年将力争减贫40万人,实现重点县农民人均纯收入增幅高于全省平均水平2个百分点。"
    assert _by_value(text, g)[2.0][1] == 2011


def test_a_fall_in_points_is_no_quantity():
    from etl.extract.numbers import find_quantities

    assert find_quantities("贫困发生率下降3个百分点") == []


def test_a_bare_wan_before_migrants_counts_people(g):
    text = "海原县人民政府\n2017年,计划完成4万人搬迁安置任务,力争2017年底基本完成8.2万移民住房建设任务。"
    assert _by_value(text, g)[82_000.0][0] == "relocated_people"
