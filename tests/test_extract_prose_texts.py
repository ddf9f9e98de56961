"""Rules added for the prose texts of the v2 held-out part (now in dev): each case is a real sentence of a dev
corpus document (data/corpus/dev, cited by slug), run through the whole extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.periods import plan_years
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def figures(doc, kind: str = "target") -> list[tuple]:
    return sorted((f.indicator, f.period_start, f.period_end, f.value) for f in doc.figures if f.kind == kind)


# ---- the document's year -----------------------------------------------------------------------------------

TAIXING = (
    "3月10日下午的全市三级干部会议上,市委常委、政法委书记徐闻仲总结了2017年全市三农工作,并对今年实施乡村振兴"
    "战略进行了具体部署。 2017年,我市被评为“全省发展高效农业成效显著县”。全市建成高标准农田4万亩,粮食总产13.7亿斤。"
    "完成农村公路提档升级101.5公里,新建改造农桥 165座。 2018年是实施乡村振兴战略的起步之年,也是决胜全面建成"
    "小康社会、实施“十三五”规划承上启下的关键一年,全市将新建高标准农田3.8万亩,新增设施农业面积1.5万亩。"
    "完成成片林改造更新3000亩,绿色通道126公里,农田林网示范区8万亩。农村居民人均可支配收入达21220元以上,"
    "增幅保持在9%以上。确保新一轮建档立卡经济薄弱村脱贫率达80%以上、低收入农户累计脱贫率在90%以上。"
    "全年计划完成农村公路新建和提档升级36公里,新建、维修农村干河桥梁15座,新建省级农桥130座,改建农村公路桥梁5座。"
)


def test_a_text_that_sums_up_a_year_is_written_after_it():
    # taixing-2018-rural-work-meeting: "总结了2017年全市三农工作,并对今年…进行了具体部署"
    assert plan_years(TAIXING, None, "").doc_year == 2018


def test_a_year_said_to_be_a_key_year_dates_the_paragraph_after_it(g):
    # taixing-2018-rural-work-meeting: "2018年是…关键一年,全市将…。完成成片林改造更新3000亩,…": 2018's plan,
    # while "2017年,我市被评为…。全市建成高标准农田4万亩" reported the year before
    doc = extract_document(TAIXING, g)
    planned = {v: (a, b) for _, a, b, v in figures(doc)}
    assert planned[3000.0] == (2018, 2018) and planned[126.0] == (2018, 2018) and planned[80000.0] == (2018, 2018)
    assert 40000.0 not in planned and 101.5 not in planned and 165.0 not in planned
    assert {v for *_, v in figures(doc, "actual")} >= {40000.0, 101.5, 165.0}


def test_a_stock_reached_in_a_paragraph_of_goals_is_a_target(g):
    # taixing-2018-rural-work-meeting: "(全市将…。)农村居民人均可支配收入达21220元以上": a level to reach, not now
    doc = extract_document(TAIXING, g)
    assert ("other:per_capita_income", 2018, 2018, 21220.0) in figures(doc)


def test_rates_of_villages_and_households_lifted_are_shares_to_reach(g):
    # taixing-2018-rural-work-meeting
    doc = extract_document(TAIXING, g)
    got = figures(doc)
    assert ("other:share_of_villages_exited", 2018, 2018, 80.0) in got
    assert ("other:share_of_poor_lifted", 2018, 2018, 90.0) in got


def test_bridges_of_rural_roads_are_not_villages(g):
    # taixing-2018-rural-work-meeting: "改建农村公路桥梁5座" counts bridges; 农村 does not make it a village count
    doc = extract_document(TAIXING, g)
    assert 5.0 in {v for *_, v in figures(doc)}
    assert not any(f.indicator in ("other:poor_villages", "villages_exited") for f in doc.figures)


def test_a_short_county_name_inside_a_word_before_a_length_is_no_region(g):
    # taixing-2018-rural-work-meeting: "绿色通道126公里" is a green corridor, not 通道侗族自治县 (湖南)
    doc = extract_document(TAIXING, g)
    assert doc.info.region_code is None


# ---- a report that relays a plan ---------------------------------------------------------------------------

JIANGXI = (
    "2月13日,记者从省发改委获悉,《江西省赣南等原中央苏区振兴发展2017年工作要点》近日出台,确保全年减少贫困人口"
    "45万人以上,争取6个贫困县摘帽。\n【民生】\n确保减少贫困人口45万人以上\n"
    "●今年将深入推进十大扶贫工程,确保全年减少贫困人口45万人以上,争取6个贫困县摘帽。\n"
    "●通过扶持生产和就业发展脱贫19.2万人。\n●易地扶贫搬迁安置建档立卡贫困人口6.4万人。\n"
    "新建改造农村公路5000公里\n●新建改造农村公路5000公里。\n●改造农村危桥400座。\n"
    "●确保2017年实现原中央苏区集中连片苏区县25户以上自然村通水泥公路。\n"
    "●落实农村义务教育学生每生每天4元营养补助。\n●实施农村订单定向医学生培养计划,培养全科医生80名。\n"
)


def test_a_years_work_plan_named_in_the_text_dates_it():
    # jiangxi-2017-soviet-area-work-points-trad: "《…2017年工作要点》近日出台,确保全年…": 全年 is 2017, although
    # the only other year is one planned for ("确保2017年实现…")
    assert plan_years(JIANGXI, None, "").doc_year == 2017


def test_the_lines_of_a_plan_relayed_by_a_news_report_are_its_targets(g):
    # jiangxi-2017-soviet-area-work-points-trad: a report of a plan just issued, its points one per line with no
    # word of intent of their own
    doc = extract_document(JIANGXI, g)
    got = {v for *_, v in figures(doc)}
    assert {192000.0, 64000.0, 5000.0, 400.0, 80.0} <= got


def test_a_verb_at_the_head_of_a_line_is_no_short_county_name(g):
    # jiangxi-2017-soviet-area-work-points-trad: "新建改造农村公路5000公里" is the province's, not 新建区's
    doc = extract_document(JIANGXI, g)
    assert {f.region_code for f in doc.figures if f.value == 5000.0} == {"360000"}


def test_the_size_of_villages_and_a_daily_allowance_per_pupil_are_no_targets(g):
    # jiangxi-2017-soviet-area-work-points-trad: "25户以上自然村通水泥公路" (villages of 25 households or more),
    # "每生每天4元营养补助" (a norm per pupil and day)
    doc = extract_document(JIANGXI, g)
    got = {v for *_, v in figures(doc)}
    assert 25.0 not in got and 4.0 not in got


def test_numbered_items_are_for_the_year_of_the_sentence_that_introduces_them(g):
    # jian-2017-ten-projects-trad: "2017年,吉安县…筹措资金63113万元精准投入十大工程。\n一是整合资金5613万元…"
    text = (
        "为确保坚决打赢率先脱贫摘帽决胜战,2017年,吉安县在往年扶贫工作的基础上,对所有建档立卡贫困户实施精准扶贫,"
        "筹措资金63113万元精准投入十大工程。\n一是整合资金5613万元做好产业扶贫工程。支持贫困户发展产业。\n"
        "二是整合资金1250万元用于安居扶贫工程。\n"
        "四是整合资金1262万元做好易地搬迁扶贫工程。“十三五”期间全县计划完成易地扶贫搬迁任务1251户5382人。\n"
    )
    doc = extract_document(text, g)
    years = {v: (a, b) for _, a, b, v in figures(doc)}
    assert years[56130000.0] == years[12500000.0] == years[12620000.0] == (2017, 2017)
    assert years[5382.0] == (2016, 2020)


# ---- goals that speak of 累计, counties that reach the exit conditions ---------------------------------------

GANNAN = (
    "截止2018年底,甘南州贫困人口由2013年底的17.12万减少到2.16万,净减少14.96万人。\n"
    "  2019年甘南州力争减少贫困人口1.79万人,贫困发生率降至0.67%,退出贫困村97个,累计退出比例达到96%。"
    "舟曲、临潭两县达到脱贫摘帽条件,全州提前一年实现整体脱贫目标。"
)


def test_a_cumulative_share_after_a_word_of_intent_is_a_goal(g):
    # gannan-2019-annual-targets-news: 累计 after 力争 is the goal's, not a report of the past
    doc = extract_document(GANNAN, g)
    got = figures(doc)
    assert ("poverty_incidence", 2019, 2019, 0.67) in got
    assert ("villages_exited", 2019, 2019, 97.0) in got
    assert ("other:share_of_villages_exited", 2019, 2019, 96.0) in got


def test_counties_named_as_reaching_the_exit_conditions_are_exits(g):
    # gannan-2019-annual-targets-news: "舟曲、临潭两县达到脱贫摘帽条件"
    doc = extract_document(GANNAN, g)
    exits = {f.region for f in doc.figures if f.kind == "target" and f.indicator == "counties_exited"}
    assert exits == {"舟曲县", "临潭县"}


# ---- a news report dated only by the months it names -------------------------------------------------------

GUIZHOU = (
    "作为全国脱贫攻坚的主战场,2012年以来,贵州全力实施“大扶贫”战略行动,累计减少贫困人口670.8万人。\n"
    "为此,今年6月25日,贵州召开省委第十二届三次全会第一次全体会议,对到2020年的脱贫攻坚工作进行部署。\n"
    "根据部署,“夏秋攻势”行动从2018年7月至12月,共6个月,提出将实现全省农村居民人均可支配收入增长10%左右,"
    "全年减少贫困人口120万人,全省农村贫困发生率下降至4.5%以下,其中盘州、镇远、安龙等18个贫困县贫困发生率下降至"
    "3%以下。\n连日来,记者在毕节市、遵义市等地深度贫困地区了解到,省、市、县、乡、村各级扶贫干部正深入一线。\n"
)


def test_a_month_of_a_year_dates_a_text_that_plans_only_for_later_years():
    # guizhou-2018-summer-autumn-offensive-news: "今年6月25日…对到2020年的…工作进行部署" and "从2018年7月至12月":
    # written in 2018, not the year before 2020
    assert plan_years(GUIZHOU, None, "").doc_year == 2018


def test_a_campaign_of_some_months_is_within_its_year(g):
    # guizhou-2018-summer-autumn-offensive-news: the 10% rise is the campaign's, in 2018, not 2018-2020
    doc = extract_document(GUIZHOU, g)
    got = figures(doc)
    assert ("other:income_growth", 2018, 2018, 10.0) in got
    assert ("poor_population_reduced", 2018, 2018, 1200000.0) in got


def test_a_rate_of_a_group_named_by_examples_is_no_target_of_the_region(g):
    # guizhou-2018-summer-autumn-offensive-news: "其中盘州、镇远、安龙等18个贫困县贫困发生率下降至3%以下"
    doc = extract_document(GUIZHOU, g)
    assert 3.0 not in {v for *_, v in figures(doc)}
    assert ("poverty_incidence", 2018, 2018, 4.5) in figures(doc)


def test_a_line_of_body_text_is_no_headline(g):
    # guizhou-2018-summer-autumn-offensive-news: "连日来,记者在毕节市、遵义市等地…了解到,…" names cities the
    # reporter visited; the text is 贵州's
    doc = extract_document(GUIZHOU, g)
    assert doc.info.region_code == "520000"


# ---- progress against a year's plan --------------------------------------------------------------------------

YUNNAN = (
    "云南:积极推进易地扶贫搬迁 将更加注重质量和成效\n\n2018年08月17日 11:30   来源:新华网\n\n"
    "  新华社昆明8月17日电(记者王海霞)记者17日从云南省发展和改革委员会了解到,今年以来云南省积极推进易地扶贫搬迁,"
    "2018年计划搬迁的19万建档立卡贫困人口中,第一批13.61万人的安置房开工率达99.4%。\n"
    "  目前,云南省易地扶贫搬迁任务进展顺利,2017年计划搬迁的20万建档立卡贫困人口安置房竣工率85.3%、入住率68.3%。\n"
)


def test_a_years_planned_total_that_progress_is_told_of_is_a_target(g):
    # yunnan-2018-relocation-progress-news: "2018年计划搬迁的19万建档立卡贫困人口中,…": the plan, although named
    # as the set the progress is counted in
    doc = extract_document(YUNNAN, g)
    assert ("relocated_people", 2018, 2018, 190000.0) in figures(doc)


def test_the_base_of_a_rate_and_rates_of_progress_are_no_targets(g):
    # yunnan-2018-relocation-progress-news: "第一批13.61万人的安置房开工率达99.4%", "安置房竣工率85.3%"
    doc = extract_document(YUNNAN, g)
    got = {v for *_, v in figures(doc)}
    assert not got & {136100.0, 99.4, 85.3, 68.3}


# ---- a page that lost its digits -----------------------------------------------------------------------------

NINGXIA = (
    "西吉县和全区188万贫困人口今年将脱贫\n\n"
    "今年,宁夏最后1个贫困县和全区1.88万贫困人口将脱贫退出   3月6日,记者在自治区应对新冠肺炎疫情工作指挥部第十一场"
    "新闻发布会上获悉,年是决胜全面建成小康社会、决战脱贫攻坚的收官之年。\n\n"
    "  剩余的1个贫困县(西吉县)和全区1.88万贫困人口今年将脱贫退出。来源:宁夏日报客户端\n"
)


def test_a_text_without_a_year_in_digits_is_dated_by_the_year_it_names_in_words():
    # ningxia-2020-final-targets-news: "年是…决战脱贫攻坚的收官之年" (the page lost "2020")
    assert plan_years(NINGXIA, None, "").doc_year == 2020


def test_a_county_named_in_the_headline_beside_the_whole_is_not_the_texts_region(g):
    # ningxia-2020-final-targets-news: "西吉县和全区…": the text is 宁夏's; 西吉县 is the county it names
    doc = extract_document(NINGXIA, g)
    assert doc.info.region_code == "640000"


def test_a_headline_that_lost_a_point_restates_the_body(g):
    # ningxia-2020-final-targets-news: "188万" in the headline over the body's 1.88万; and "最后1个贫困县" is the
    # county the body names in brackets
    doc = extract_document(NINGXIA, g)
    assert sorted((f.region_code, f.indicator, f.period_end, f.value) for f in doc.figures if f.kind == "target") == [
        ("640000", "poor_population_reduced", 2020, 18800.0),
        ("640422", "counties_exited", 2020, 1.0),
    ]


# ---- history told in a plan's news ---------------------------------------------------------------------------

NINGDE = (
    "确保到2020年,现行标准下的14.5万农村贫困人口全部脱贫;稳定实现农村贫困人口不愁吃、不愁穿……记者从12月2日召开的"
    "中央、省媒体集中采访座谈会上获悉,下一阶段,宁德市将把“精准扶贫、精准脱贫”作为基本方略。 1985年,闽东地区农民"
    "人均纯收入仅329.65元,为全国水平的83%,其中收入低于160元、徘徊在温饱线上的农村贫困人口就达77.5万,约占当时全区"
    "农村人口的1/3;9个县中有6个县被认定为国家级贫困县。 预计今年全市农民人均可支配收入12400多元,增幅连续5年位居"
    "全省前列,其中83个省、市级扶贫开发重点村农民人均可支配收入比增15%,增幅高于全市平均水平。"
)


def test_a_year_of_history_does_not_date_the_text():
    # ningde-2015-poverty-goal-news: "1985年,…约占当时全区农村人口的1/3" is history; and a text on one line has no
    # title to take a year from
    assert plan_years(NINGDE, None, "").doc_year > 2014
    assert plan_years(NINGDE, None, NINGDE).doc_year > 2014


def test_figures_of_history_and_a_rise_over_last_year_are_no_targets(g):
    # ningde-2015-poverty-goal-news: "为全国水平的83%" (1985), "农民人均可支配收入比增15%" (比增: on the year before)
    doc = extract_document(NINGDE, g)
    got = {v for *_, v in figures(doc)}
    assert not got & {83.0, 160.0, 15.0}
    assert 145000.0 in got


# ---- a five-year plan's results told before the next one's goals --------------------------------------------

NEIMENGGU = (
    "“十三五”时期是内蒙古全面建成小康社会的决胜阶段,也是脱贫攻坚的决战期。到2020年,内蒙古现行标准下的80.3万建档"
    "立卡贫困人口将实现稳定脱贫。\n据了解,“十二五”期间,内蒙古实现减贫178万人,其中少数民族贫困人口减少47.6万人,"
    "贫困发生率由19.7%下降到了5.85%。贫困人口的人均纯收入由2010年末的1437元增加到3100多元,年均增幅16%。"
    "这为“十三五”期间80.3万贫困人口稳定脱贫夯实了基础。\n要紧紧围绕“到2017年基本消除绝对贫困现象,26个自治区贫困"
    "旗县全部摘帽,到2020年全区现有80.3万贫困人口全部脱贫,31个国家贫困旗县全部摘帽”这一目标。\n"
)


def test_an_era_reported_before_the_next_one_dates_the_text_after_it():
    # neimenggu-2016-thirteenth-plan-goals-news: "“十二五”期间,内蒙古实现减贫178万人…下降到了5.85%"
    assert plan_years(NEIMENGGU, None, "").doc_year == 2016


def test_counties_of_now_that_will_all_exit_are_a_target(g):
    # neimenggu-2016-thirteenth-plan-goals-news: "现有80.3万贫困人口全部脱贫,31个国家贫困旗县全部摘帽": 现有 does
    # not make the exits a count of today's poor counties
    doc = extract_document(NEIMENGGU, g)
    got = figures(doc)
    assert ("counties_exited", 2016, 2020, 31.0) in got
    assert ("poor_population_reduced", 2016, 2020, 803000.0) in got
    assert not {v for *_, v in got} & {1780000.0, 476000.0, 19.7, 5.85}


# ---- a badly converted traditional text -----------------------------------------------------------------------

XIZANG = (
    "西藏承諾“十三五”期間59萬農牧區貧困人口全部脫貧\n\n"
    "會上,西藏自治區主席洛桑江村做政府工作報告。他表示, 十三五 目標之一是,國傢現行標準下59萬農牧區貧困人口"
    "如期全部脫貧。\n"
    "十二五 期間,2015年,西藏全區生產總值達到1026.39億元、增長11%,經濟增速位居全國前列。交通方面,高等級公路實現零的"
    "突破、達到300公裡。墨脫公路全線通車,結束瞭全國唯一一個縣不通公路的歷史。\n"
    "十二五 期間基本解決瞭農牧區安全飲水、無電地區用電問題。\n"
    "2014年底,西藏全面建成小康社會綜合實現程度僅為65%。\n"
)


def test_characters_of_a_bad_conversion_read_as_meant():
    # xizang-2016-thirteenth-plan-news-trad: "結束瞭", "國傢": 了 and 家
    from etl.extract.normalize import normalize_text

    n = normalize_text("結束瞭不通公路的歷史,國傢現行標準,瞭望")
    assert n.text == "结束了不通公路的历史,国家现行标准,瞭望"


def test_an_era_written_between_spaces_dates_the_text_and_its_paragraph(g):
    # xizang-2016-thirteenth-plan-news-trad: " 十二五 期间基本解决了…" (its quotes lost) was told after 十二五, and
    # "十二五 期间,2015年,…达到300公里" reports that era
    doc = extract_document(XIZANG, g)
    assert figures(doc) == [("poor_population_reduced", 2016, 2020, 590000.0)]


# ---- a repost ----------------------------------------------------------------------------------------------

GUANGXI = (
    "广西-2017年目标是110万贫困人口脱贫扁桃\n\n时间:2022年07月13日\n广西:2017年目标是110万贫困人口脱贫\n"
    "据广西官方核验,2016年,广西完成120万贫困人口、1091个贫困村、8个贫困县脱贫工作,成为全国是年减贫人数最多的省区。\n"
    "根据广西官方计划,十三五期间,广西将搬迁100万建档立卡贫困人口,难度堪比三峡工程移民。\n"
    "2016年,广西实施30万建档立卡贫困人口搬迁。\n"
)


def test_a_repost_date_long_after_every_year_named_is_not_the_texts():
    # guangxi-2017-annual-goal-repost: "时间:2022年07月13日" over 2016's results and 2017's goal
    from etl.extract.document import read_document_info

    assert read_document_info(GUANGXI, None).published_on is None


def test_a_years_goal_after_the_years_reported_dates_the_text():
    # guangxi-2017-annual-goal-repost: "2016年,广西完成…。…2017年目标是110万贫困人口脱贫"
    assert plan_years(GUANGXI, None, "").doc_year == 2017


def test_a_repost_keeps_its_goals_and_reports(g):
    # guangxi-2017-annual-goal-repost
    doc = extract_document(GUANGXI, g)
    assert figures(doc) == [
        ("poor_population_reduced", 2017, 2017, 1100000.0),
        ("relocated_people", 2016, 2020, 1000000.0),
    ]


# ---- a plan's schedule printed after its first year -----------------------------------------------------------

LIAONING = (
    "中共辽宁省委 辽宁省人民政府 关于打赢脱贫攻坚战三年行动的实施意见\n\n2019年03月03日 10:19   来源:辽宁日报\n\n"
    "  (二)目标任务\n\n  瞄准全省剩余的28.56万贫困人口、647个贫困村、11个省级贫困县,2018年实现全省15万人脱贫、"
    " 500个贫困村销号、6个省级贫困县脱贫退出;2019年对剩余的13.56万贫困人口、147个贫困村、5个省级贫困县进行脱贫"
    "攻坚扫尾;2020年对临时性返贫人口进行扶持,实现稳定脱贫,巩固减贫成果。\n"
)


def test_the_first_year_of_a_schedule_is_a_target_though_past_at_printing(g):
    # liaoning-2019-three-year-action-opinion: printed in March 2019, "2018年实现…;2019年…;2020年…" is one plan
    doc = extract_document(LIAONING, g)
    got = figures(doc)
    assert {("poor_population_reduced", 2018, 2018, 150000.0), ("villages_exited", 2018, 2018, 500.0)} <= set(got)


def test_what_a_plan_is_aimed_at_is_no_target(g):
    # liaoning-2019-three-year-action-opinion: "瞄准全省剩余的28.56万贫困人口、647个贫困村、11个省级贫困县"
    doc = extract_document(LIAONING, g)
    assert not {v for *_, v in figures(doc)} & {285600.0, 647.0, 11.0}


# ---- one goal said three ways ---------------------------------------------------------------------------------

HUBEI = (
    "湖北:4年内590万贫困人口全部脱贫\n\n发布时间: 2015-09-25 15:10:00  |  来源: 荆楚网\n\n"
    "楚天金报讯 省委十届六次全体(扩大)会议昨日审议通过《关于全力推进精准扶贫精准脱贫的决定》,要求在2019年实现全省"
    "590万贫困人口全部脱贫。\n\n全会提出精准扶贫精准脱贫的总目标是:到2019年,实现全省590万建档立卡贫困人口全部脱贫、"
    "4821个贫困村全部出列、37个贫困县全部“摘帽”。\n"
)


def test_all_lifted_in_a_later_year_is_by_that_year_and_the_headline_restates_it(g):
    # hubei-2015-plenum-decision-news: "在2019年实现…590万贫困人口全部脱贫" (in 2015) is 2015-2019, as "到2019年…";
    # the headline's "4年内590万" is the same goal
    doc = extract_document(HUBEI, g)
    assert [f for f in figures(doc) if f[0] == "poor_population_reduced"] == [
        ("poor_population_reduced", 2015, 2019, 5900000.0)
    ]


GUIZHOU_2016 = (
    "贵州今年计划减少农村贫困人口100万 8个贫困县“摘帽”\n"
    "新华社贵阳1月10日电 记者从贵州省发展和改革委员会获悉,2016年,贵州将推进大扶贫战略,计划减少贫困人口100万人。\n"
    "贵州省要求各地…有针对性地在扶贫领域加大力度、多上项目,确保100万农村贫困人口脱贫。\n"
    "付京说,贵州省2015年完成扶贫生态移民搬迁15万人,减少贫困人口130万人。\n"
)


def test_the_year_after_the_one_reported_with_a_plan_of_its_own_dates_the_text(g):
    # guizhou-2016-annual-plan-news-trad: "2016年,贵州将…" beside "2015年完成…": a text of 2016, so the undated
    # "确保100万农村贫困人口脱贫" restates 2016's target
    assert plan_years(GUIZHOU_2016, None, "").doc_year == 2016
    doc = extract_document(GUIZHOU_2016, g)
    assert [f for f in figures(doc) if f[0] == "poor_population_reduced"] == [
        ("poor_population_reduced", 2016, 2016, 1000000.0)
    ]


def test_villages_to_exit_within_some_years_span_those_years(g):
    # yuexi-2015-four-hundred-project-news: "确保到2018年…,确保65个贫困村3年脱贫,其他贫困村4年脱贫" (in 2015)
    text = (
        "岳西县力争4年内完成发展100万亩特色农林业基地,确保到2018年实现农民人均可支配收入增幅高于全省平均"
        "水平,贫困发生率控制在5%以下,确保65个贫困村3年脱贫,其他贫困村4年脱贫,2020年与全国同步进入小康。"
    )
    doc = extract_document(text, g, as_of="2015-05-27")
    assert ("villages_exited", 2015, 2017, 65.0) in figures(doc)
