"""Rules added for plan texts unlike the dev set they were first tuned on (session 19): each case is a real
sentence of a dev corpus document (data/corpus/dev, cited by slug), run through the whole extractor."""

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


def targets(doc) -> list[tuple]:
    return sorted(
        (f.region_code, f.indicator, f.period_start, f.period_end, f.value) for f in doc.figures if f.kind == "target"
    )


def values(doc) -> set[float]:
    return {f.value for f in doc.figures if f.kind == "target"}


# ---- who a figure is for ---------------------------------------------------------------------------------


def test_rows_of_a_words_table_are_the_regions_they_name(g):
    # china-2016-provincial-targets-table: one province per row, the target written out; the header dates them
    text = (
        "省份 | 2016年脱贫人口目标 |\n湖北 | 力争实现147万建档立卡贫困人口稳定脱贫 |\n陕西 | 确保130万人脱贫 |\n"
        "河北 | 实现100万贫困人口稳定脱贫 |\n海南 | 实现18万农村贫困人口脱贫与巩固提升 |\n"
        "山东 | 确保脱贫人口不少于120万 |\n人民网北京2月25日电 各地政府工作报告……"
    )
    doc = extract_document(text, g)
    assert doc.info.region_code is None  # a national table, not 湖北's text
    assert targets(doc) == sorted(
        [
            ("420000", "poor_population_reduced", 2016, 2016, 1470000.0),
            ("610000", "poor_population_reduced", 2016, 2016, 1300000.0),
            ("130000", "poor_population_reduced", 2016, 2016, 1000000.0),  # the province, not 天津's 河北区
            ("460000", "poor_population_reduced", 2016, 2016, 180000.0),
            ("370000", "poor_population_reduced", 2016, 2016, 1200000.0),  # a bare 万 after 脱贫人口
        ]
    )


def test_a_place_named_at_the_head_of_a_clause_keeps_the_rest_of_the_sentence(g):
    # jiangsu-2016-qubei-area-plan-news
    text = "到2017年底,盐城市8个乡镇50%以上低收入人口脱贫,23个经济薄弱村集体经济收入全部达18万元以上;"
    doc = extract_document(text, g, region_code="320000", as_of="2016-07-28")
    regions = {f.value: f.region_code for f in doc.figures if f.kind == "target"}
    assert regions == {50.0: "320900", 23.0: "320900", 180000.0: "320900"}


def test_counties_named_in_brackets_after_a_count(g):
    # kunming-2017-yearbook-entry: "1个县(寻甸县)" is 寻甸 itself
    text = "2017年,昆明市紧紧围绕“1个县(寻甸县)脱贫摘帽,67个贫困村退出”的年度目标,投入资金113.76亿元。"
    doc = extract_document(text, g, region_code="530100", as_of="2018-03-01")
    assert targets(doc) == [
        ("530100", "villages_exited", 2017, 2017, 67.0),
        ("530129", "counties_exited", 2017, 2017, 1.0),
    ]


def test_a_region_named_only_in_a_cited_title(g):
    # jilin-2018-work-report-trad
    text = "中國網訊 《2018年吉林省政府工作報告》提出,貧困縣全部摘帽。\n今年計劃減貧10.2萬人,實現539個貧困村退出。"
    doc = extract_document(text, g, as_of="2018-02-07")
    assert doc.info.region_code == "220000"


# ---- the document's year when it does not give one -------------------------------------------------------


@pytest.mark.parametrize(
    "text,year",
    [
        # sichuan-2017-annual-targets-news: the years it reports, not the earliest (2012)
        (
            "今年四川要实现16个贫困县摘帽。全省农村贫困人口从2012年的750万减少到2016年的272万。仅在刚刚过去的2016年,四川就实现107.8万贫困人口脱贫。",
            2017,
        ),
        # shandong-2018-three-year-opinion-news: 今年 comes before the year it plans for
        (
            "我省今年将基本完成17.2万贫困人口脱贫任务。我省将在2019年着力巩固提升脱贫成果。到2020年,山东全面完成脱贫攻坚任务。",
            2018,
        ),
        # liaoning-2016-industry-poverty-plan-news: a named plan's first year; 5年内 is no 年内
        ("辽宁5年内439731贫困人口全脱贫。省政府印发《辽宁省产业精准脱贫规划(2016-2020)》,到2020年确保全部脱贫。", 2016),
        # fuyang-2020-county-exits-news: a year-end figure is known only after that year
        ("建档立卡贫困人口从2014年的100.99万人减少到2019年的2.47万人。去年以来,……", 2020),
        # kunming-2017-yearbook-entry: a yearbook is published the year after the one it covers
        ("Page 18 - 昆明年鉴2018\n2017年,昆明市紧紧围绕年度目标。", 2018),
    ],
)
def test_undated_texts_are_dated_by_what_they_report(text, year):
    assert plan_years(text, None, "").doc_year == year


# ---- targets versus what is not one ----------------------------------------------------------------------


def test_a_paragraph_that_reports_last_year_stays_in_last_year(g):
    # sichuan-2018-work-report-news-trad: 报告指出,2017年,… then sentences with no year of their own
    text = (
        "四川2018年要再實現100萬貧困人口脫貧。\n報告指出,2017年,3769個貧困村退出,全面完成年度目標任務。"
        "實施22個扶貧專項,投入財政資金749億元。完成易地扶貧搬遷33萬人的任務,改造農村危房12.8萬戶。"
    )
    doc = extract_document(text, g, region_code="510000", as_of="2018-01-26")
    assert values(doc) == {1000000.0}


def test_a_named_year_then_quanian_is_that_year(g):
    # gansu-2018-work-report-news-trad
    text = "2017年,甘肅省全年減貧67萬人,貧困發生率下降到9.6%。"
    doc = extract_document(text, g, region_code="620000", as_of="2018-01-24")
    assert values(doc) == set()


def test_quoted_annual_goals_are_targets_even_when_told_later(g):
    # fuyang-2020-county-exits-news
    text = "去年以来,市委围绕“3个贫困县摘帽、18个贫困村出列、10.88万以上贫困人口脱贫”的年度减贫目标,压实责任。"
    doc = extract_document(text, g, region_code="341200", as_of="2020-05-01")
    assert {(f.indicator, f.period_end, round(f.value)) for f in doc.figures if f.kind == "target"} == {
        ("counties_exited", 2019, 3.0),
        ("villages_exited", 2019, 18.0),
        ("poor_population_reduced", 2019, 108800.0),
    }


def test_a_planned_figure_stays_a_target_when_its_work_is_under_way(g):
    # hechi-2016-village-exits-news
    text = "目前今年计划搬迁的73666人已全部落实到村到户、到点到人,计划用地411.09公顷已全部落实到位。"
    doc = extract_document(text, g, region_code="451200", as_of="2016-09-01")
    assert values(doc) == {73666.0, 411.09}


@pytest.mark.parametrize(
    "text,region,date",
    [
        # fuyang-2020-county-exits-news: examples and a count; the set the next items are picked from
        (
            "批准包括我市临泉县、阜南县、颍东区在内的9个县(区)退出贫困县序列。8个贫困县中,颍上县、颍州区于2019年退出贫困县序列。",
            "341200",
            "2020-05-01",
        ),
        # shanxi-2017-thirteenth-plan-schedule-news: the places an effort centres on
        ("山西将以吕梁山、燕山—太行山集中连片特困地区21个县为主战场。", "140000", "2017-04-18"),
        # shandong-2018-three-year-opinion-news: the people of counted places; a description of counties
        (
            "2000个省扶贫工作重点村贫困人口基本脱贫;20个脱贫任务比较重的县(市、区)基本公共服务主要领域指标接近全省平均水平。",
            "370000",
            "2018-08-11",
        ),
        # hunan-2020-last-counties-reply-trad: referred back; a past stock
        ("湖南省政府要求省扶貧辦對這20個縣市繼續抓好脫貧攻堅各項工作。湖南曾有51個貧困縣。", "430000", "2020-03-02"),
        # daying-2017-notice-table: an exit criterion
        ("确保贫困村退出当年贫困发生率低于3%。", "510923", "2017-01-06"),
        # neimenggu-2011-work-meeting-news-trad: the old value and a poverty line
        (
            "從2012年起,自治區本級財政專項扶貧資金將由原來的1.9億元。內蒙古出臺方案調整扶貧標準,由原來的1560元上調為2600元。",
            "150000",
            "2011-12-29",
        ),
        # guangdong-2016-three-year-targets-news: an assumption of a projection
        ("按今后3年年均增长不低于7%计算。", "440000", "2016-08-31"),
        # sichuan-2017-annual-targets-news: a condition of a policy
        ("落实贫困患者个人医疗费用支出控制在10%以内等卫生扶贫政策。", "510000", "2017-02-16"),
    ],
)
def test_numbers_that_are_not_targets(g, text, region, date):
    doc = extract_document(text, g, region_code=region, as_of=date)
    assert targets(doc) == []


def test_a_half_year_milestone_and_a_rounded_repeat_are_not_second_targets(g):
    # hebei-2016-relocation-annual-plan and zhangjiakou-2019-relocation-news-trad
    text = "力争2017年上半年完成易地扶贫搬迁8万人左右,确保到2017年底完成易地扶贫搬迁18万人左右。"
    doc = extract_document(text, g, region_code="130000", as_of="2016-02-25")
    assert values(doc) == {180000.0}
    text = "2019年,張家口搬遷任務為50861人,其中建檔立卡14191人。確保剩余1.4萬貧困人口按時全部搬遷入住。"
    doc = extract_document(text, g, region_code="130700", as_of="2019-02-25")
    assert 14000.0 not in values(doc) and 14191.0 in values(doc)


# ---- how targets are written -----------------------------------------------------------------------------


def test_a_per_year_schedule_under_a_heading(g):
    # shanxi-2017-thirteenth-plan-schedule-news (a news report: the schedule is still the plan's)
    text = (
        "记者获悉,省政府发布了规划。\n贫困县摘帽:2017年14个,2018年17个,2019年27个。"
        "\n贫困人口脱贫:2016年50万,2017年66万。"
    )
    doc = extract_document(text, g, region_code="140000", as_of="2016-04-18")
    assert {(f.indicator, f.period_end, f.value) for f in doc.figures if f.kind == "target"} == {
        ("counties_exited", 2017, 14.0),
        ("counties_exited", 2018, 17.0),
        ("counties_exited", 2019, 27.0),
        ("poor_population_reduced", 2016, 500000.0),
        ("poor_population_reduced", 2017, 660000.0),
    }


def test_parallel_targets_with_yishang_and_shares_reaching_a_standard(g):
    # anhui-2017-work-points-news-trad; guangdong-2019-leading-group-meeting
    text = "今年要確保貧困人口脫貧90萬人以上、貧困村出列1000個以上,力爭2個貧困縣脫貧摘帽。"
    doc = extract_document(text, g, region_code="340000", as_of="2017-03-02")
    assert values(doc) == {900000.0, 1000.0, 2.0}
    text = "会议强调,我省到2019年底要实现95%以上的相对贫困人口达到脱贫标准、90%以上的相对贫困村达到出列标准。"
    doc = extract_document(text, g, region_code="440000", as_of="2019-02-18")
    assert {(f.indicator, f.value) for f in doc.figures if f.kind == "target"} == {
        ("other:share_of_poor_lifted", 95.0),
        ("other:share_of_villages_exited", 90.0),
    }


def test_a_year_after_the_number_in_its_own_clause(g):
    # xinyang-2020-press-conference-news
    text = "贫困发生率由2016年底的5.44%下降到2019年底的0.46%,剩余3.3万人贫困人口今年将实现全部脱贫。"
    doc = extract_document(text, g, region_code="411500", as_of="2020-11-20")
    assert targets(doc) == [("411500", "poor_population_reduced", 2020, 2020, 33000.0)]


def test_hard_wrapped_pdf_lines_read_as_one_sentence(g):
    # kunming-2017-yearbook-entry: the 7.80万 is split from its noun by the page's line break
    body = "2017年,昆明市紧紧围绕“1个县(寻甸县)脱贫摘帽,67个贫困村退出,7.80万建档立卡贫困"
    lines = [
        "                   " + body,
        "              人口脱贫”的年度目标,构建脱贫攻坚工作六大体系,创新精准识别和社会帮扶2项机制,打好9项措",
        "              施“组合拳”,投入各类脱贫攻坚资金113.76亿元,实现8.17万人、127个贫困村脱贫出列,寻甸县达",
        "              到脱贫摘帽标准,全市贫困发生率下降至5.21%。",
    ]
    text = "\n".join(lines)
    doc = extract_document(text, g, region_code="530100", as_of="2018-03-01")
    assert values(doc) == {1.0, 67.0, 78000.0}
    for f in doc.figures:
        assert text[f.start : f.end] == f.quote


def test_a_page_break_inside_a_hard_wrapped_sentence_keeps_the_sentence_whole(g):
    # qujing-2006-eleventh-plan-yearbook: a blank line between two lines of one sentence, both at the page's indent;
    # the figures after it belong to the 十一五 plan's 5 years, not to the 2000 of the paragraph before
    indent = "               "
    text = "\n".join(
        [
            indent + "2001年制定规划,范围涉及2000年底尚未实现“两通五有”的自然村。",
            "",
            indent + "    2006年,市政府制定出台《“十一五”扶贫规划》,明确5年内实施市、县级整村推进",
            indent + "自然村1080个(每年实施216个)、省级整村推进重点村1748个,持续推进安居工",
            "",
            indent + "程建设,每年培训和转移输出贫困劳动力1.8万人,实施易地扶贫开发1500人,实施科",
            indent + "技及产业扶贫项目200万元,发放小额信贷扶贫资金1.5亿元等项目。",
        ]
    )
    doc = extract_document(text, g, region_code="530300")
    spans = {f.value: (f.period_start, f.period_end) for f in doc.figures if f.kind == "target"}
    assert spans[1500.0] == spans[150000000.0] == (2006, 2010)
    assert sorted(f.period_end for f in doc.figures if f.value == 18000.0) == [2006, 2007, 2008, 2009, 2010]
    for f in doc.figures:
        assert text[f.start : f.end] == f.quote


def test_a_blank_line_between_unindented_lines_still_parts_paragraphs():
    from etl.extract.normalize import hard_wraps

    snippet = "央视网消息:2020年是我国现行标准下农村人口脱贫、贫困县摘帽收官之年,各地都要"
    assert hard_wraps("\n\n".join([snippet] * 5)) == []


def test_tiers_of_a_list_share_the_indicator_and_bracketed_parts_are_not_targets(g):
    # guangxi-2017-renda-resolution
    text = (
        "会议同意将我区2017年脱贫攻坚目标任务调整为:贫困村脱贫摘帽计划任务数900个、奋斗目标数1100个;"
        "贫困县脱贫摘帽计划任务数6个(其中国家扶贫开发工作重点县1个)、奋斗目标数8个(其中国家扶贫开发工作重点县2个)。"
    )
    doc = extract_document(text, g, region_code="450000", as_of="2017-05-25")
    got = {(f.indicator, f.value, f.tier) for f in doc.figures if f.kind == "target"}
    assert got == {
        ("villages_exited", 900.0, "committed"),
        ("villages_exited", 1100.0, "stretch"),
        ("counties_exited", 6.0, "committed"),
        ("counties_exited", 8.0, "stretch"),
    }


def test_running_totals_and_counts_of_places_that_qualify_a_noun(g):
    # sichuan-2018-year-end-targets-news
    text = (
        "“经过6年努力,到今年底,四川将累计实现脱贫550余万贫困人口、退出9719个贫困村、摘帽50个贫困县。”"
        "降初说,预计到明年底,实现四川除凉山州外,高原藏区2个州以及18个市的贫困县实现全部摘帽。"
    )
    doc = extract_document(text, g, region_code="510000", as_of="2018-12-12")
    assert targets(doc) == []


def test_a_meeting_report_with_one_year_of_rectification_and_a_quoted_goal(g):
    # qujing-2017-meeting-report-trad: the only year is last year's work to rectify; the goal is this year's
    text = (
        "8月12日上午,曲靖市召開會議。今年以來,全市緊盯“羅平、師宗摘帽,12個貧困鄉97個貧困村出列,"
        "11.25萬貧困人口脫貧”的年度目標,狠抓落實。要抓好2016年易地扶貧搬遷整改工作。"
    )
    assert plan_years(text, None, "").doc_year == 2017
    doc = extract_document(text, g, region_code="530300")
    got = {(f.indicator, f.period_end, round(f.value)) for f in doc.figures if f.kind == "target"}
    assert ("other:townships_exited", 2017, 12) in got and ("villages_exited", 2017, 97) in got
    assert ("poor_population_reduced", 2017, 112500) in got


def test_space_aligned_table_rows_are_not_joined_as_wrapped_lines():
    from etl.extract.normalize import hard_wraps

    row = "贫困县脱贫摘帽计划任务数及奋斗目标数分解情况一览表所列县名    1200    5    300"
    assert hard_wraps("\n".join([row] * 5)) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "2018年至2020年,全省分别减少贫困人口30万人、25万人和20万人。",
            [(2018, 300000.0), (2019, 250000.0), (2020, 200000.0)],
        ),
        ("2019年、2020年分别脱贫5万人、3万人。", [(2019, 50000.0), (2020, 30000.0)]),
    ],
)
def test_respective_years_after_fenbie(g, text, expected):
    # the per-year schedules of shanxi-2017 and guangdong-2016-three-year-schedule written as one sentence
    doc = extract_document(text, g, region_code="620000", as_of="2018-02-01")
    assert sorted((f.period_end, f.value) for f in doc.figures if f.kind == "target") == expected
    assert all(f.period_start == f.period_end for f in doc.figures)


def test_a_news_agency_dateline_does_not_name_the_texts_region(g):
    # the datelines of xizang-2018, sichuan-2018 and guizhou-2017: 新华社<city>…电 is where the reporter files from
    text = "新华社南宁1月5日电(记者某某)记者从自治区扶贫办获悉,今年全区将实现50万贫困人口脱贫、1000个贫困村出列。"
    assert extract_document(text, g, as_of="2019-01-05").info.region_code == "450000"


def test_a_province_known_only_by_its_cities(g):
    # shandong-2016-poverty-data-and-routes-news: 全省 and a line per city, never 山东 itself
    text = (
        "截至2015年底,全省共有建档立卡贫困人口2423821人。我省将通过发展生产实现150万人左右脱贫。\n"
        "截至2015年底,青岛共有贫困人口3768户。\n截至2015年底,日照共有贫困人口26133户。\n"
        "截至2015年底,泰安共有贫困人口73363户。\n"
    )
    assert extract_document(text, g, as_of="2016-01-01").info.region_code == "370000"


@pytest.mark.parametrize(
    "heading,kind",
    [("今年全省脱贫攻坚主要任务:", "target"), ("2018年脱贫攻坚目标任务完成情况:", "actual")],
)
def test_lines_under_a_heading_of_goals_are_goals_in_a_news_report(g, heading, kind):
    text = f"记者从省扶贫办获悉。\n{heading}\n1.减少农村贫困人口10万人;\n2.退出贫困村200个。"
    doc = extract_document(text, g, region_code="620000", as_of="2019-01-05")
    assert {f.kind for f in doc.figures if f.value in (100000.0, 200.0)} == {kind}


def test_tier_columns_take_their_indicator_from_the_tables_title(g):
    # the layout of daying-2017-notice-table, with the indicator only in the title
    text = (
        "2017年脱贫任务表\n县区        必成数(人)    预备数(人)\n"
        "安定区        12000        13000\n陇西县        15000        16000\n"
    )
    doc = extract_document(text, g, region_code="621100", as_of="2017-01-05")
    got = {(f.region_code, f.indicator, f.value, f.tier) for f in doc.figures if f.kind == "target"}
    assert got == {
        ("621102", "poor_population_reduced", 12000.0, "committed"),
        ("621102", "poor_population_reduced", 13000.0, "stretch"),
        ("621122", "poor_population_reduced", 15000.0, "committed"),
        ("621122", "poor_population_reduced", 16000.0, "stretch"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "今年全市计划减贫3万人,其中安定区1.2万人、通渭县1万人、陇西县0.8万人。",
        "今年全市计划减贫3万人。安定区、通渭县、陇西县分别计划减贫1.2万人、1万人和0.8万人。",
    ],
)
def test_each_listed_place_keeps_its_own_figure(g, text):
    # the per-county lists of shenyang-2016 and henan-2019, written item by item or after 分别
    doc = extract_document(text, g, region_code="621100", as_of="2018-01-05")
    got = {(f.region_code, f.value) for f in doc.figures if f.kind == "target"}
    assert got == {("621100", 30000.0), ("621102", 12000.0), ("621121", 10000.0), ("621122", 8000.0)}


def test_a_national_text_names_no_region_of_its_own(g):
    # the national roundups of china-2016-provincial-targets-table: 全国 is the subject, the dateline is 北京
    text = (
        "国务院扶贫办:今年全国将减少农村贫困人口1000万人以上\n新华社北京3月5日电 记者从国务院扶贫办获悉,"
        "今年全国将减少农村贫困人口1000万人以上,完成易地扶贫搬迁280万人。贵州、云南、甘肃等省份任务较重。"
    )
    assert extract_document(text, g, as_of="2019-03-05").info.region_code is None


def test_a_months_progress_is_a_result(g):
    # the progress reports beside annual goals (qujing-2017: 截至7月30日…完成…62.8%)
    doc = extract_document(
        "1-6月,全省实现脱贫8万人,完成年度目标任务的53%。", g, region_code="620000", as_of="2019-07-05"
    )
    assert targets(doc) == []


def test_rural_poor_people_are_not_people_of_counted_places(g):
    # 农村贫困人口 holds 村: a count of people, not of villages (a county plan's 总体目标)
    text = "到2020年,全县现行标准下18500名农村贫困人口全部脱贫,109个贫困村全部退出。"
    doc = extract_document(text, g, region_code="621121", as_of="2018-03-15")
    assert values(doc) == {18500.0, 109.0}


def test_a_figure_for_a_year_not_yet_over_is_a_plan_in_a_news_report(g):
    # guizhou-2017-relocation-news (25 February 2017): no word of intent, but 2017 has barely begun
    text = "记者从省发改委获悉,2017年贵州易地扶贫搬迁匡算总投资约451亿元。"
    doc = extract_document(text, g, region_code="520000", as_of="2017-02-25")
    assert values(doc) == {45100000000.0}
    assert values(extract_document(text, g, region_code="520000", as_of="2017-12-20")) == set()


def test_a_serial_number_column_is_not_the_row_label(g):
    # the 分解表 layout (序号 | 县区 | …) of county target tables; the 合计 row has no serial number
    text = (
        "2018年各县区脱贫任务分解表\n序号 | 县区 | 减贫人数(人) | 贫困村退出(个)\n"
        "1 | 安定区 | 12000 | 30\n2 | 通渭县 | 15000 | 40\n | 合计 | 27000 | 70\n"
    )
    doc = extract_document(text, g, region_code="621100", as_of="2018-01-05")
    assert targets(doc) == sorted(
        [
            ("621102", "poor_population_reduced", 2018, 2018, 12000.0),
            ("621102", "villages_exited", 2018, 2018, 30.0),
            ("621121", "poor_population_reduced", 2018, 2018, 15000.0),
            ("621121", "villages_exited", 2018, 2018, 40.0),
            ("621100", "poor_population_reduced", 2018, 2018, 27000.0),
            ("621100", "villages_exited", 2018, 2018, 70.0),
        ]
    )


def test_a_unit_stated_above_a_table_scales_its_cells(g):
    text = "2018年各县区减贫任务表\n单位:万人\n县区 | 减贫人数 | 易地搬迁人数\n安定区 | 1.2 | 0.3\n通渭县 | 1.5 | 0.4\n"
    doc = extract_document(text, g, region_code="621100", as_of="2018-01-05")
    assert values(doc) == {12000.0, 3000.0, 15000.0, 4000.0}


def test_a_unit_column_scales_its_row(g):
    text = "全省脱贫攻坚主要指标\n指标 | 单位 | 2018年 | 2019年\n减贫人数 | 万人 | 30 | 25\n贫困发生率 | % | 5 | 3\n"
    doc = extract_document(text, g, region_code="620000", as_of="2018-01-05")
    assert {(f.indicator, f.period_end, f.value) for f in doc.figures if f.kind == "target"} == {
        ("poor_population_reduced", 2018, 300000.0),
        ("poor_population_reduced", 2019, 250000.0),
        ("poverty_incidence", 2018, 5.0),
        ("poverty_incidence", 2019, 3.0),
    }


def test_a_year_heading_dates_the_paragraphs_below_it(g):
    # the layout of gansu-2020-work-report-trad and guizhou-2019-work-report-news: 今后五年 sets the plan's end,
    # the "2018年工作安排" heading the year of the sentences under it
    text = (
        "政府工作报告\n——2018年1月25日在甘肃省第十三届人民代表大会第一次会议上\n"
        "今后五年,我们将确保现行标准下农村贫困人口全部脱贫,贫困县全部摘帽。\n"
        "2018年工作安排。\n全力打好精准脱贫攻坚战。实施易地扶贫搬迁18万人,确保18个贫困县摘帽。"
    )
    doc = extract_document(text, g)
    assert targets(doc) == [
        ("620000", "counties_exited", 2018, 2018, 18.0),
        ("620000", "relocated_people", 2018, 2018, 180000.0),
    ]


@pytest.mark.parametrize(
    "title,code",
    [
        ("恩施州今年将实现5个县市摘帽", "422800"),
        ("临夏州召开脱贫攻坚推进会", "622900"),
        ("阿坝州2019年脱贫任务", "513200"),
    ],
)
def test_a_prefecture_short_name_with_zhou_also_names_a_city(g, title, code):
    # 恩施, 临夏, 阿坝 are also a city's or county's short name; 州 after it says which
    doc = extract_document(title + "\n今年全州计划减贫1万人。", g, as_of="2019-02-01")
    assert doc.info.region_code == code


@pytest.mark.parametrize(
    "title,code",
    [
        ("吉林今年计划减贫10万人", "220000"),  # the province, although 吉林 is also 吉林市's short name
        ("吉林市今年计划减贫1万人", "220200"),
        ("云南省昭通市镇雄县易地扶贫搬迁", "530627"),  # the most local of a chain (zhenxiong-2017-relocation-plan-news)
    ],
)
def test_the_region_a_title_names(g, title, code):
    assert extract_document(title + "\n今年计划减贫1万人。", g, as_of="2019-02-01").info.region_code == code


def test_an_ascii_thousands_separator_joins_the_number(g):
    doc = extract_document("今年计划脱贫12,000人,退出贫困村30个。", g, region_code="621100", as_of="2019-02-01")
    assert values(doc) == {12000.0, 30.0}
    assert any(f.quote.startswith("今年计划脱贫12,000人") for f in doc.figures)


def test_people_a_piece_of_work_is_for_are_not_a_target(g):
    # hebei-2016-relocation-annual-plan: "共计18万人的易地扶贫搬迁工作" is the scope of the work started
    text = "2016年全面启动建档立卡贫困人口9万人及同步搬迁人口9万人,共计18万人的易地扶贫搬迁工作。"
    doc = extract_document(text, g, region_code="130000", as_of="2016-02-25")
    assert 180000.0 not in values(doc)
    doc = extract_document("今年将完成10万人的搬迁任务。", g, region_code="130000", as_of="2016-02-25")
    assert values(doc) == {100000.0}


def test_each_year_of_a_span(g):
    text = "三年内,全省将投入扶贫资金300亿元,每年安排省级财政专项扶贫资金不少于50亿元。"
    doc = extract_document(text, g, region_code="620000", as_of="2018-06-01")
    assert sorted((f.period_start, f.period_end, f.value) for f in doc.figures if f.kind == "target") == [
        (2018, 2018, 5e9),
        (2018, 2020, 3e10),
        (2019, 2019, 5e9),
        (2020, 2020, 5e9),
    ]


def test_letter_spaced_text_from_a_pdf(g):
    text = "今 年 全 省 计 划 减 少 农 村 贫 困 人 口 20 万 人 , 实 现 300 个 贫 困 村 退 出 。"
    doc = extract_document(text, g, region_code="620000", as_of="2018-02-01")
    assert {(f.indicator, f.value) for f in doc.figures if f.kind == "target"} == {
        ("poor_population_reduced", 200000.0),
        ("villages_exited", 300.0),
    }
    assert all(text[f.start : f.end] == f.quote for f in doc.figures)


@pytest.mark.parametrize(
    "text",
    [
        "今年全市计划退出3个贫困县,分别是:安定区、陇西县、临洮县。",
        "我市确定今年安定区、陇西县、临洮县3个县区申请退出贫困县序列。",
    ],
)
def test_counties_named_for_exit_with_a_count_between(g, text):
    # the 分别是 lists of guangxi-2019 and the 申请摘帽 of gansu-2018, with the count said too
    doc = extract_document(text, g, region_code="621100", as_of="2018-01-10")
    assert targets(doc) == [
        ("621102", "counties_exited", 2018, 2018, 1.0),
        ("621122", "counties_exited", 2018, 2018, 1.0),
        ("621124", "counties_exited", 2018, 2018, 1.0),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "到2018年年底全省还有29个贫困县未摘帽、77.55万贫困人口未脱贫。",
        "截至2018年底,全省尚有29个贫困县未摘帽,77.55万贫困人口未脱贫。",
    ],
)
def test_counts_of_those_not_yet_out_are_what_remains_not_exits(g, text):
    # a 2019 news report on 陕西 (news.cnwest.com/lianbo/a/2019/09/10/17986420.html), found in a planner's test:
    # 29 counties had NOT exited and 77.55万 people were NOT out of poverty at the end of 2018
    doc = extract_document(text, g, region_code="610000", as_of="2019-09-10")
    got = sorted((f.kind, f.indicator, f.period_end, f.value) for f in doc.figures)
    assert got == [
        ("baseline", "other:poor_counties", 2018, 29.0),
        ("baseline", "poor_population", 2018, 775500.0),
    ]


def test_a_target_for_those_not_yet_out_stays_a_target(g):
    doc = extract_document("今年要确保剩余的29个未摘帽县全部摘帽。", g, region_code="610000", as_of="2019-03-01")
    assert [(f.kind, f.indicator, f.value) for f in doc.figures] == [("target", "counties_exited", 29.0)]


def test_a_speakers_report_of_last_year_dates_its_paragraph_in_a_news_report_of_a_plan(g):
    # 西安晚报 on 汉中's 2012 plan (av069.com/news/guonei/2012-04-11/48935.html, found in a planner's test): the
    # mayor's report of 2011 sits in a news report that announces this year's goals; its figures are 2011's results
    text = (
        "汉中今年将实现10万人脱贫目标\n"
        "汉中市市长胡润泽在大会报告中讲,2011年汉中民生类支出129.8亿元,占财政总支出的81.5%。"
        "新增就业3.6万人,城镇登记失业率3.3%。建成农村公路712公里,解决40.3万人饮水问题。"
        "移民搬迁2.48万户8.82万人,实现脱贫8.12万人。\n"
        "今年,全市将实现10万人脱贫目标。解决25万人饮水困难,新增就业3万人。"
    )
    doc = extract_document(text, g, region_code="610700", as_of="2012-04-11")
    targets = sorted(f.value for f in doc.figures if f.kind == "target")
    assert targets == [30000.0, 100000.0, 250000.0]
    reported = {f.value: (f.kind, f.period_end) for f in doc.figures if f.kind != "target"}
    assert reported[81200.0] == ("actual", 2011) and reported[403000.0] == ("actual", 2011)
