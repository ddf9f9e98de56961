"""Phrasings of plan texts read from the s–z part of the dev corpus (session 36).

Sentences marked "dev" are from dev-corpus texts (data/corpus/dev: tianshui-2019-midyear-poverty-office-meeting-trad,
sichuan-2019-no1-document-ethnic-areas-news), in simplified characters; the others are written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.classify import kind_of
from etl.extract.document import _reposted, read_document_info
from etl.extract.not_figures import (
    continues_norm,
    is_criterion,
    is_difference,
    is_new_target,
    is_norm,
    is_project_works,
    is_time_limit,
)
from etl.extract.own_region import self_reference_level
from etl.extract.periods import plan_years, year_tokens
from etl.extract.scopes import is_scope
from etl.extract.source_url import site_region, url_date
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def _targets(text: str, g: Gazetteer, **kw) -> list[tuple[str | None, int, float]]:
    return [
        (f.region_code, f.period_end, f.value) for f in extract_document(text, g, **kw).figures if f.kind == "target"
    ]


def test_a_floor_before_an_exit_count_is_a_target_not_a_criterion(g):  # dev
    text = "会议要求,我市今年要完成减贫11.6万人以上、490个贫困村退出,实现五县区整县区摘帽。"
    assert not is_criterion(text, text.index("人以上") + 1, text.index("490"))
    found = _targets(text, g, region_code="620500", as_of="2019-07-15")
    assert ("620500", 2019, 116000.0) in found and ("620500", 2019, 490.0) in found


def test_bounds_joined_into_one_condition_stay_a_criterion():
    text = "涉及50户以下、贫困发生率50%以上整体搬迁自然村寨3603个"
    assert is_criterion(text, 5, 15)


def test_a_page_id_of_a_timestamp_and_a_serial_number_dates_the_text():  # dev
    assert url_date("http://m.example.com/news/tianshui/2019071515081697646.htm") == "2019-07-15"
    assert url_date("http://www.example.cn/news/2019123456.html") is None


def test_a_breakthrough_to_make_after_a_word_of_intent_is_no_past_result(g):  # dev
    text = (
        "四川省扶贫开发局表示。在凉山彝区,今年将集中力量补短板、强基础,在重点领域和关键环节取得决定性突破,"
        "完成14.1万贫困人口脱贫、318个贫困村退出、4个贫困县摘帽,为明年高质量全面脱贫摘帽打下基础。"
    )
    found = _targets(text, g, region_code="510000", as_of="2019-02-01")
    assert {v for _, _, v in found} >= {141000.0, 318.0, 4.0}


def test_a_breakthrough_made_is_still_a_result(g):
    text = "四川省扶贫开发局表示。去年全省取得决定性进展,完成14.1万贫困人口脱贫。"
    assert 141000.0 not in {v for _, _, v in _targets(text, g, region_code="510000", as_of="2019-02-01")}


def test_an_ethnic_area_of_a_prefecture_names_the_prefecture(g):  # dev
    text = "四川省扶贫开发局表示。在凉山彝区,今年将完成14万贫困人口脱贫。在甘孜藏区,今年将完成1.5万贫困人口脱贫。"
    found = _targets(text, g, region_code="510000", as_of="2019-02-01")
    assert ("513400", 2019, 140000.0) in found and ("513300", 2019, 15000.0) in found


NOTICE = (
    "为进一步规范财政专项扶贫资金使用,结合沙坡头区工作实际,特制定如下资金使用计划。\n"
    "一、资金总额\n2021年我部收到少数民族发展项目资金总计598万元。\n"
    "二、资金安排\n资金规模:206.7万元。\n"
    "三、公示期限\n2021年7月28日至2021年8月10日(共10个工作日)\n"
    "四、通讯地址\n宁夏中卫市\n"
)


def test_a_page_years_after_the_texts_own_dates_does_not_date_it():  # dev (shapotou-2021)
    info = read_document_info(NOTICE, None, url_date="2022-12-02")
    assert not (info.published_on or "").startswith("2022")
    assert _reposted(NOTICE, 2022) and not _reposted(NOTICE, 2021)
    assert not _reposted("公示期限:2021年7月28日。今年计划安排资金", 2022)  # 今年 counts from the page's own date


def test_an_undated_budget_line_of_a_reposted_notice_is_the_notices_year(g):  # dev (shapotou-2021)
    found = _targets(NOTICE, g, source_url="https://www.example.gov.cn/xxgk/202212/t20221202_3870254.html")
    assert ("640502", 2021, 2067000.0) in found


def test_a_postal_address_does_not_name_the_texts_region(g):  # dev (shapotou-2021)
    assert extract_document(NOTICE, g).info.region_code == "640502"


def test_a_plan_named_with_its_years_counts_among_the_texts_years():  # dev (shanxi-2017-pv)
    text = "2019年02月19日\n2014年10月,山西被确定为试点省份。根据山西光伏扶贫(2017—2019)实施方案,下一步…"
    assert not _reposted(text, 2019)
    assert _reposted("2014年10月,山西被确定为试点省份。下一步…", 2019)


def test_a_years_plan_about_to_be_approved_dates_an_undated_text():  # dev (xuyong-2014)
    text = "今年,该县全年计划完成项目总投资24亿元以上。省政府即将批复2014年年度实施计划。"
    assert plan_years(text, None, "").doc_year == 2014


def test_counties_named_before_a_whole_county_exit_are_each_an_exit(g):  # dev (tianshui-2019)
    text = "天水市召开会议。会议要求,我市今年要实现秦州、麦积和秦安、清水、张家川五县区整县区摘帽。"
    exits = [f for f in extract_document(text, g, region_code="620500", as_of="2019-07-15").figures]
    assert {f.region_code for f in exits if f.indicator == "counties_exited" and f.kind == "target"} == {
        "620502",
        "620503",
        "620522",
        "620521",
        "620525",
    }


def test_a_verb_of_doing_governs_every_item_of_its_list():  # dev (sichuan-2018-22-special-plans)
    assert is_new_target("创建旅游扶贫示范区5个、旅游扶贫示范村104个、乡村民宿达标户", "户")
    assert not is_new_target("创建了旅游扶贫示范区5个、旅游扶贫示范村104个、乡村民宿达标户", "户")
    assert not is_new_target("与市直12个定点扶贫单位", "个")


def test_the_last_item_of_a_list_of_places_to_create_is_a_target(g):  # dev (sichuan-2018-22-special-plans)
    text = "今年我省计划新建特色产业基地302万亩;创建旅游扶贫示范区5个、旅游扶贫示范村104个、乡村民宿达标户1000户。"
    assert (2018, 1000.0) in {(y, v) for _, y, v in _targets(text, g, region_code="510000", as_of="2018-01-21")}


def test_places_aimed_at_that_are_the_years_exit_task_are_targets(g):  # dev (sichuan-2018-22-special-plans)
    text = "四川省。聚焦30个贫困县、3500个贫困村、100万贫困人口脱贫摘帽年度任务,22个扶贫专项实施方案将助力脱贫攻坚。"
    found = {v for _, _, v in _targets(text, g, region_code="510000", as_of="2018-01-21")}
    assert {30.0, 3500.0, 1000000.0} <= found
    assert is_scope("瞄准全省剩余的28.56万贫困人口、647个贫困村、11个省级贫困县,2018年实现", 7)


def test_the_works_of_one_project_in_a_village_are_no_targets(g):  # dev (shapotou-2021)
    text = (
        "2021年少数民族发展项目资金使用计划。\n(二)香山乡米粮川村水利配套设施项目\n"
        "该项目在米粮川村砌护渠道48条,长11.27千米,其中U40型农渠46条长8.85千米;U50-1型斗渠2条长2.42千米。\n"
        "资金规模:154.16万元。\n"
    )
    found = {v for _, _, v in _targets(text, g, region_code="640502", as_of="2021-07-28")}
    assert found == {1541600.0}
    assert not is_project_works("该项目在实施过程中新建道路2千米", "千米")


def test_what_each_unit_brings_its_households_is_a_norm(g):  # dev (zengdu-2018)
    text = "今年,该区培育龙头企业5个,每个企业带动贫困户500户以上,户均增收3000元以上;每社带动贫困户30户以上。"
    found = {v for _, _, v in _targets(text, g, region_code="421303", as_of="2018-03-01")}
    assert 5.0 in found and not found & {500.0, 3000.0, 30.0}
    assert not continues_norm("全县带动贫困户500户以上,户均增收3000元以上", 15)


def test_a_time_limit_in_working_days_is_no_target(g):  # dev (zhenan-2019)
    text = "今年安排资金1110万元用于八一村产业项目,在收到文件后的5个工作日内上报县脱贫攻坚领导小组办公室备案。"
    found = {v for _, _, v in _targets(text, g, region_code="611025", as_of="2019-05-01")}
    assert 5.0 not in found
    cut = "企业开办时间压缩至3个工作日以内"
    assert not is_time_limit(cut, cut.index("3"), cut.index("3") + 2)


def test_a_figure_followed_by_its_stretch_is_a_committed_target(g):  # dev (yibin-2015-annual)
    text = "2015年,宜宾市将全面推进重点工作;扶贫解困人口6.52万人、力争7.5万人,解困人口人均增收1000元。"
    figures = extract_document(text, g, region_code="511500", as_of="2015-01-22").figures
    tiers = {(f.value, f.tier) for f in figures if f.kind == "target"}
    assert (65200.0, "committed") in tiers and (75000.0, "stretch") in tiers
    assert all(f.indicator_label for f in figures)


def test_machines_to_buy_are_targets(g):  # dev (tianshan-2023)
    text = (
        "计划实施乡村振兴产业项目1个,总投资600万元,该项目为采购类项目,"
        "分三批购买2304型拖拉机1台、1504型拖拉机1台;配套农具若干。"
    )
    figures = extract_document(text, g, region_code="650102", as_of="2023-02-24").figures
    bought = [f for f in figures if f.kind == "target" and f.value == 1.0 and "拖拉机" in f.quote]
    assert len(bought) == 2 and all(f.confidence > 0.3 for f in bought)


def test_the_projects_an_allocation_is_split_into_are_targets(g):  # dev (zeku-2023)
    text = "泽库县2023年第二批衔接资金分配计划。按照资金下达规模,共安排了6个项目,项目总投资为1259万元。"
    found = {v for _, _, v in _targets(text, g, region_code="632323", as_of="2023-08-01")}
    assert 6.0 in found
    done = "2022年,全县共建成了6个项目,完成投资1259万元。"
    assert 6.0 not in {v for _, _, v in _targets(done, g, region_code="632323", as_of="2023-08-01")}


def test_the_year_a_goal_builds_on_dates_no_figure(g):  # dev (zengdu-2018)
    text = "随州日报讯 记者报道:昨日从曾都区政府获悉,该区今年将在去年扶贫成效的基础上确保6563人实现脱贫。"
    assert ("421303", 2018, 6563.0) in _targets(text, g, region_code="421303", as_of="2018-03-01")


def test_a_share_floor_is_a_target(g):  # dev (xixia-2024)
    text = "一、上级要求\n全县衔接资金使用要求:其中:产业项目资金占比不低于年度资金总额的65%,且不低于上一年度。"
    assert 65.0 in {v for _, _, v in _targets(text, g, region_code="411323", as_of="2023-12-25")}


def test_a_county_site_whose_pinyin_two_regions_share_is_the_one_the_text_calls_its_own():  # dev (xixia-2024)
    g = Gazetteer.national()
    assert site_region("https://www.xixia.gov.cn/2023/12-25/429074.html", g, "全县衔接资金") == "411323"
    assert site_region("https://www.xixia.gov.cn/2023/12-25/429074.html", g, "衔接资金") is None


@pytest.mark.parametrize(
    "clause",
    ["岗位人均年报酬8000元", "新疆将高原护边员补贴由310元提高至1000元"],  # dev (xinhuaxian-2020, xinjiang-2016-border)
)
def test_pay_per_person_is_a_norm(clause):
    assert is_norm(clause)


def test_a_total_of_pay_is_no_norm():
    assert not is_norm("全年发放护边员补贴1.2亿元")


@pytest.mark.parametrize(
    "sentence",
    ["新疆今年对10个未摘帽深度贫困县开展挂牌督战", "对1214所中小学均安排对口帮扶学校"],
)  # dev (xinjiang-2020-supervised-counties, sichuan-2018-deep-poverty-counties)
def test_places_an_action_is_directed_to_are_a_scope(sentence):
    assert is_scope(sentence, re.search(r"\d", sentence).start())


def test_people_an_action_is_done_for_are_no_scope():  # dev (sichuan-2018-22-special-plans)
    sentence = "对34万贫困人口实施易地扶贫搬迁"
    assert not is_scope(sentence, 1)


def test_the_first_years_of_a_five_year_plan_are_a_range(g):  # dev (shandong-2017-rural-grid)
    text = "山东省电力公司获悉。“十三五”前两年,山东将投资5.4亿元,完成贫困村电网改造。"
    figures = extract_document(text, g, region_code="370000", as_of="2017-03-01").figures
    assert [(f.period_start, f.period_end) for f in figures if f.value == 5.4e8] == [(2016, 2017)]
    assert [(t.first, t.year) for t in year_tokens("“十三五”后三年", 2017)] == [(2018, 2020)]


def test_a_difference_from_a_base_is_no_target(g):  # dev (shandong-2017-rural-grid)
    text = "山东省电力公司获悉。“十三五”期间,新一轮农网改造工程拟投资882亿元,比“十二五”增加309亿元。"
    found = {v for _, _, v in _targets(text, g, region_code="370000", as_of="2017-03-01")}
    assert 8.82e10 in found and 3.09e10 not in found
    assert not is_difference("比上年增长", "%")


def test_on_the_basis_of_what_exists_is_no_stock(g):  # dev (wencheng-2016)
    text = (
        "文成县扶贫办介绍。县里今年把巩固低收入农户增收作为重点,在现有茶叶、杨梅、蔬菜三大主导产业基础上,"
        "扶持龙头企业到扶贫重点村建立生产基地,发展特色主导产业基地15个以上,面积3000亩以上。"
    )
    figures = extract_document(text, g, region_code="330328", as_of="2016-10-17").figures
    assert {f.kind for f in figures if f.value in (15.0, 3000.0)} == {"target"}


def test_the_county_speaking_of_itself_outweighs_a_province_it_names():  # dev (wencheng-2016)
    text = "去年全省26个欠发达县成功摘帽后,该县通过实施精准扶贫行动增收。县里今年把巩固增收作为重点。"
    assert self_reference_level(text) == "county"


def test_the_limits_of_a_band_of_villages_are_criteria():  # dev (zhenlai-2015)
    text = "全县村级集体经济年经营性收入5万元至10万元以上的村要达到70%以上,10万元至50万元的村要达到25%以上"
    assert is_criterion(text, text.index("5万元") + 3, None)
    assert is_criterion(text, text.index("10万元至") + 4, None)


def test_a_spending_progress_to_reach_is_a_target(g):  # dev (yaan-2018)
    text = "市财政局下达资金。二是加快项目建设和资金支出进度,确保年底前支出进度达95%以上;三是加强监督检查。"
    assert 95.0 in {v for _, _, v in _targets(text, g, region_code="511800", as_of="2018-08-13")}


def test_a_port_throughput_in_standard_containers_is_read(g):  # dev (yueyang-2017)
    text = "岳阳市政府工作报告提出,年内力争集装箱吞吐量达到30万标箱。"
    assert 300000.0 in {v for _, _, v in _targets(text, g, region_code="430600", as_of="2017-01-10")}


def test_a_figure_of_a_cited_five_year_plan_is_for_its_years(g):  # dev (yunnan-2011-border)
    text = "云南省召开兴边富民工程会。根据《云南省兴边富民工程“十二五”规划》,规划共安排总投资809.2亿元。"
    figures = extract_document(text, g, region_code="530000", as_of="2011-09-29").figures
    assert [(f.period_start, f.period_end) for f in figures if f.value == 8.092e10] == [(2011, 2015)]


def test_what_a_plan_sets_out_is_a_target():  # dev (yunnan-2011-ethnic-areas)
    sentence = "规划按照“统筹全局”的原则,提出了发展目标和主要任务,明确了8项重点工程和56个具体项目"
    clause = "明确了8项重点工程和56个具体项目"
    assert kind_of(sentence, clause, sentence.index("8项"), True, False, None, 2011) == "target"
    done = "全县明确了8项重点工程"
    assert kind_of(done, done, done.index("8"), True, False, None, 2011) != "target"


def test_villages_where_a_programme_starts_are_a_target(g):  # dev (yunyang-2012)
    text = "重庆云阳县扶贫办获悉。今年是实现这一目标的开局之年,云阳将启动33个村的整村扶贫工作。"
    assert 33.0 in {v for _, _, v in _targets(text, g, region_code="500235", as_of="2012-03-23")}


def test_transformers_to_add_or_replace_are_targets(g):  # dev (xinjiang-2018-deep-poverty-grid)
    text = "新疆电力公司获悉。今年工程将新建和改造10千伏线路1059千米,增换配电变压器910台。"
    assert 910.0 in {v for _, _, v in _targets(text, g, region_code="650000", as_of="2018-03-01")}


def test_a_headline_planning_an_earlier_year_marks_a_repost():  # dev (shanxi-2011-poor-students)
    text = "山西省扶贫办:2011年将出资千万进行教育帮扶\n来自:资讯网 2014-12-20\n该省2011年计划安排资金1369万元。"
    assert read_document_info(text, None).published_on is None


def test_the_kinds_of_projects_an_allocation_is_split_into_are_targets(g):  # dev (zeku-2023)
    text = (
        "泽库县2023年第二批衔接资金分配计划。按照资金下达规模,共安排了6个项目,项目总投资为1259万元,"
        "其中:基础设施建设项目4项,总资金938万元;产业发展项目5项,总资金307万元。"
    )
    found = {v for _, _, v in _targets(text, g, region_code="632323", as_of="2023-08-01")}
    assert {6.0, 4.0, 5.0} <= found


def test_people_whose_water_problem_is_solved_are_drinking_water_people(g):  # dev (wangcang-2017-drinking-water)
    text = "旺苍县水务局获悉。该县今年计划投资3291.75万元,新建集中供水工程,解决54512人(其中贫困人口11417人)的吃水难题。"
    figures = extract_document(text, g, region_code="510821", as_of="2017-04-27").figures
    assert {f.value for f in figures if f.kind == "target"} >= {54512.0, 11417.0}
    assert next(f.indicator for f in figures if f.value == 54512.0) == "other:drinking_water_people"
