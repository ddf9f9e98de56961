"""List and table layouts of the v2 held-out texts (now in data/corpus/dev, cited by slug) that the readers tuned
on earlier texts did not recognise: each rule has the real snippet run through the whole extractor, and where it
is read more widely than the snippet, a SYNTHETIC variant (labelled as such; invented places and numbers)."""

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


def exits(doc) -> list[tuple]:
    return sorted(
        (f.region_code, f.period_start, f.period_end)
        for f in doc.figures
        if f.kind == "target" and f.indicator == "counties_exited" and f.value == 1
    )


# ---- counties named in prose about exits -----------------------------------------------------------------

HUNAN = (  # hunan-2018-county-exits-plan-news
    "据新湖南消息 8月6日,湖南省人民政府门户网站发布《湖南省人民政府关于同意茶陵县等 5 县脱贫摘帽的批复》文件"
    "(湘政函[2018]76 号)。\n"
    "资料显示,湖南“十三五”期间 51个贫困市县要脱贫摘帽,除去 2016 年、2017年已经脱贫摘帽的,以及今年计划脱贫摘帽的"
    "绥宁县、武冈市、平江县、永定区这4个县市区,也就意味着今后湖南还有7个县市要脱贫摘帽。\n"
    "据悉,剩下的 7 个县市分别为:张家界(1县):桑植县;娄底(1县1市):涟源市、新化县;"
    "湘西自治州(4县):泸溪县、凤凰县、保靖县、古丈县。\n"
    "彰武县召开农村集体产权制度改革工作推进会\n"  # the reprint site's next headline, as retrieved
)


def test_counties_named_after_the_exit_words_and_closed_by_their_count(g):
    doc = extract_document(HUNAN, g)
    this_year = [c for c, a, b in exits(doc) if (a, b) == (2018, 2018)]
    # 绥宁县, 武冈市, 平江县, and 永定区 of 张家界 (not of 龙岩, whatever region the stray headline suggests)
    assert this_year == sorted(["430527", "430581", "430626", "430802"])
    quotes = {f.quote for f in doc.figures if f.region_code == "430802"}
    assert quotes == {"以及今年计划脱贫摘帽的绥宁县、武冈市、平江县、永定区这4个县市区"}  # what the 1 is for


def test_counties_grouped_by_prefecture_after_fenbiewei_take_the_rest_of_the_plan(g):
    doc = extract_document(HUNAN, g)
    later = sorted(c for c, a, b in exits(doc) if (a, b) == (2019, 2020))
    assert later == sorted(["430822", "431382", "431322", "433122", "433123", "433125", "433126"])
    assert {f.quote for f in doc.figures if f.region_code == "431382"} == {"娄底(1县1市):涟源市、新化县"}


def test_a_document_number_dates_the_text(g):
    # hunan-2018: 2016 and 2017 are reported as done; 湘政函[2018]76号 says the text is of 2018 at least
    assert plan_years(HUNAN, None, "").doc_year == 2018


def test_synthetic_exit_list_with_other_separators_and_count_words(g):
    # SYNTHETIC: invented sentence; real Henan counties; 等N个县 closes the list, 和 joins the last two
    text = "2019年河南省人民政府工作报告。\n2019年计划退出的兰考县、滑县和新蔡县等3个贫困县,要确保高质量退出。"
    doc = extract_document(text, g)
    assert [c for c, a, b in exits(doc)] == sorted(["410225", "410526", "411729"])


# ---- a table one cell a line, each cell closed by "|" -----------------------------------------------------

JIAOZUO = (  # jiaozuo-2018-funds-allocation-table-trad (traditional script, as retrieved; shortened to 3 counties)
    "焦作市扶貧資金公示\n根據河南省扶貧資金項目公示公告制度,現將2018年扶貧資金分配下達情況公示如下:\n"
    "以上合計2555.4萬元。\n三、 扶貧資金分配情況\n"
    "市縣 |\n資金合計 |\n中央資金 |\n省級資金 |\n備注 |\n"
    "修武 |\n1116.7 |\n10 |\n1106.7 |\n|\n"
    "博愛 |\n1150.9 |\n10 |\n1140.9 |\n|\n"
    "馬村 |\n287.8 |\n|\n287.8 |\n|\n"
    "焦作林場 |\n|\n10 |\n|\n|\n"
    "|\n|\n|\n|\n|\n"
    "合計 |\n2555.4 |\n30 |\n2525.4 |\n|\n四、監督電話:3121107\n"
)


def test_a_table_one_cell_a_line_closed_by_pipes_in_traditional_script(g):
    doc = extract_document(JIAOZUO, g)
    got = {(f.region_code, f.indicator, round(f.value)) for f in doc.figures if f.kind == "target"}
    assert ("410821", "funds", 11167000) in got  # 修武: 1116.7, in 萬元 as the total above says
    assert ("410821", "other:funds_line_item", 100000) in got  # its 中央資金, a part of it
    assert ("410821", "other:funds_line_item", 11067000) in got
    assert ("410804", "funds", 2878000) in got  # 馬村區: no central funds, the empty cell skipped
    assert {c for c, ind, v in got if v == 100000} == {"410821", "410822"}  # 焦作林場 has no code: left out


def test_synthetic_piped_cell_lines_with_a_unit_note_and_no_total(g):
    # SYNTHETIC: invented figures; real Qinghai counties; 单位 given above, no 合计 row, no 备注 column
    text = "2019年海东市减贫任务表\n单位:人\n县区 |\n减贫人数 |\n乐都区 |\n3000 |\n平安区 |\n2000 |\n"
    doc = extract_document(text, g, region_code="630200", as_of="2019-01-05")
    got = {(f.region_code, f.indicator, f.value) for f in doc.figures if f.kind == "target"}
    assert got == {("630202", "poor_population_reduced", 3000.0), ("630203", "poor_population_reduced", 2000.0)}


# ---- a list of goals one a line under a heading ------------------------------------------------------------

GANSU = (  # gansu-2019-work-report-targets-list (the reprint dropped every "2019"; kept as retrieved)
    "原标题:今年实现85万以上贫困人口脱贫\n\n图说《政府工作报告》\n\n"
    "中国甘肃网1月27日讯据兰州晨报报道年,是新中国成立70周年,是决胜全面建成小康社会第一个百年奋斗目标的关键之年。\n\n"
    "年工作预期目标\n\n实现85万以上贫困人口脱贫,贫困发生率降到1.3%,29个片区县、1个插花县摘帽;\n\n"
    "生产总值增长6%左右\n\n固定资产投资增长6%左右\n\n城镇新增就业38万人\n\n城镇登记失业率控制在4%以内\n\n"
    "居民消费价格指数涨幅控制在3%以内。\n\n1坚决打赢脱贫攻坚决定性战役,着力抓好全面小康硬任务落实\n"
)


def test_goal_lines_under_a_heading_are_targets_of_the_year(g):
    doc = extract_document(GANSU, g)
    got = {(f.period_end, f.value) for f in doc.figures if f.kind == "target"}
    # 新中国成立70周年 dates the text; each line under 年工作预期目标 is a goal, blank lines between them
    assert {(2019, 850000.0), (2019, 1.3), (2019, 6.0), (2019, 380000.0), (2019, 4.0), (2019, 3.0)} <= got


def test_synthetic_goal_lines_stop_at_a_numbered_section(g):
    # SYNTHETIC: invented figures; a colon after the heading, no blank lines, a numbered section after the list
    text = (
        "某省2020年政府工作报告摘要\n2020年主要预期目标:\n地区生产总值增长6.5%左右\n城镇新增就业40万人\n"
        "农村居民人均可支配收入增长9%\n一、过去一年工作回顾\n城镇新增就业35万人\n"
    )
    doc = extract_document(text, g, region_code="620000", as_of="2020-01-15")
    got = {f.value for f in doc.figures if f.kind == "target"}
    assert {6.5, 400000.0, 9.0} <= got and 350000.0 not in got


LILING = (  # liling-2019-funds-allocation-plan-table (shortened to three rows; one cell a line, blank lines between)
    "本级财政专项扶贫资金分配方案\n\n发布时间:2019-01-22\n\n一、资金来源 \n\n县级财政专项扶贫资金1200万元\n\n"
    "现将资金分配如下:\n\n一、 扶贫办:农业特色产业发展资金660万;\n\n四、 扶贫办:职业教育雨露计划资金130万;\n\n"
    "2019年醴陵市本级财政专项扶贫资金分配表\n\n序号\n\n项目名称\n\n建设地点\n\n建设内容\n\n投资规模\n\n责任单位\n\n"
    "1\n\n农业特色产业发展项目\n\n全市24个镇/\n\n发展农业特色产业\n\n660\n\n扶贫办\n\n"
    "2\n\n贫困村危桥改造\n\n左权、沩山、茶山、官庄\n\n危桥改造\n\n251\n\n交通局\n\n"
    "3\n\n雨露计划\n\n职业学校\n\n贫困生职业教育补助\n\n130\n\n扶贫办\n"
)


def test_a_serial_table_with_no_unit_takes_the_unit_its_rows_are_said_in_above(g):
    doc = extract_document(LILING, g, region_code="430281")
    items = {f.value for f in doc.figures if f.indicator == "other:funds_line_item" and f.kind == "target"}
    assert {6600000.0, 2510000.0, 1300000.0} <= items  # 660 is "资金660万" above: the table is in 万元


# ---- whose table: a county-level city's 全市, a development zone's 我区 --------------------------------------


def test_a_county_level_city_speaking_of_itself_as_the_city(g):
    # liling-2019-funds-allocation-plan-table: 全市 and only 醴陵市 named: the county-level city, not 株洲市 above it
    doc = extract_document(LILING, g)
    assert doc.info.region_code == "430281"


def test_a_development_zone_named_short_inside_its_prefecture(g):
    # xinxiang-gxq-2019-funds-use-table: 高新区 and 我区, the prefecture named only in a cited rule
    text = (
        "发布日期:2019-02-27\n2019年高新区区本级共安排扶贫专项资金24.2万元。根据《新乡市扶贫资金项目公告公示实施细则》"
        "有关规定,现将资金分配使用情况公示如下:\n二、分配原则\n资金安排按照我区贫困人口规模、年度脱贫目标等客观因素分配资金。\n"
        "三、资金分配情况表\n资金类别 | 项目名称 | 资金规模(万元) | 责任单位 |\n"
        "高新区区本级扶贫专项资金 | 农业保险 | 10.8 | 社会事务局 |\n"
        "高新区区本级扶贫专项资金 | 贫困户饮用水改造 | 3 | 社会事务局 |\n"
    )
    doc = extract_document(text, g)
    assert doc.info.region_code == "410771"  # 新乡高新技术产业开发区
    assert {f.region_code for f in doc.figures} == {"410771"}


def test_the_autonomous_region_as_a_source_of_funds_is_not_the_texts_own_level(g):
    # keerqin-2014-four-year-village-support-trad (traditional, with the reprint's pinyin glosses)
    text = (
        "2014年,科爾沁區(qū)共選派30名副處級(jí)領(lǐng)導(dǎo),包聯(lián)30個(gè)重點(diǎn)貧困村,分4個(gè)年度進(jìn)行扶持。"
        "計(jì)劃每年投入自治區(qū)財(cái)政扶貧資金1500萬(wàn)元。"
    )
    doc = extract_document(text, g)
    assert doc.info.region_code == "150502"  # 科尔沁区, not 内蒙古自治区 whose funds it receives


def test_a_table_of_one_prefectures_counties_is_the_prefectures(g):
    # shangqiu-2019-funds-allocation-table: 市级 funds, the city never named, its counties in the rows
    text = (
        "关于下达2019年第二批市级财政专项扶贫资金情况公告公示\n一、资金来源\n市级财政资金:5000万元\n"
        "2019年市级财政扶贫资金分配情况表\n县区名称 | 市级资金(万元) | 备注 |\n梁园区 | 280 | |\n睢阳区 | 280 | |\n"
        "虞城县 | 800 | |\n民权县 | 815 | |\n合计 | 2175 |\n"
    )
    doc = extract_document(text, g)
    assert doc.info.region_code == "411400"  # 商丘市
    assert ("411400", 21750000.0) in {(f.region_code, f.value) for f in doc.figures}


# ---- amounts opening the items of an enumerated list: parts of the total above ------------------------------

JIAN = (  # jian-2017-ten-projects-trad (first three of the projects)
    "為確保堅決打贏率先脫貧摘帽決勝戰,2017年,吉安縣在往年扶貧工作的基礎上,對所有建檔立卡貧困戶實施精準扶貧,"
    "籌措資金63113萬元精準投入十大工程。\n一是整合資金5613萬元做好產業扶貧工程。支持貧困戶發展產業。\n"
    "二是整合資金1250萬元用于安居扶貧工程。2017年全面完成1000戶危舊土坯房改造任務。\n"
    "四是整合資金1262萬元做好易地搬遷扶貧工程。“十三五”期間全縣計劃完成易地扶貧搬遷任務1251戶5382人。\n"
)


def test_amounts_opening_enumerated_items_are_parts_of_the_total_above(g):
    doc = extract_document(JIAN, g)
    got = {(f.indicator, f.period_start, f.period_end, f.value) for f in doc.figures if f.kind == "target"}
    assert ("funds", 2017, 2017, 631130000.0) in got
    assert {("other:funds_line_item", 2017, 2017, v) for v in (56130000.0, 12500000.0, 12620000.0)} <= got


def test_synthetic_enumerated_amounts_that_exceed_the_total_stay_funds(g):
    # SYNTHETIC: invented figures; (一)/(二) items whose sum is more than the amount above: no parts of it
    text = (
        "2019年某县安排扶贫资金100万元用于村级道路。\n(一)安排资金80万元用于产业扶贫。\n"
        "(二)安排资金60万元用于安居扶贫。\n"
    )
    doc = extract_document(text, g, region_code="630202", as_of="2019-02-01")
    assert {f.indicator for f in doc.figures if f.value in (800000.0, 600000.0)} == {"funds"}


# ---- bullets of a year's work points -----------------------------------------------------------------------

JIANGXI = (  # jiangxi-2017-soviet-area-work-points-trad (shortened)
    "2月13日,記者從省發改委獲悉,《江西省贛南等原中央蘇區振興發展2017年工作要點》近日出臺,確保全年減少貧困人口45萬人以上,"
    "爭取6個貧困縣摘帽。\n【民生】\n確保減少貧困人口45萬人以上\n"
    "●今年將深入推進十大扶貧工程,確保全年減少貧困人口45萬人以上,爭取6個貧困縣摘帽。\n"
    "●通過扶持生產和就業發展脫貧19.2萬人。\n●易地扶貧搬遷安置建檔立卡貧困人口6.4萬人。\n●醫療救助脫貧7萬人。\n"
    "新建改造農村公路5000公里\n●新建改造農村公路5000公里。\n"
)


def test_bullets_of_a_years_work_points_are_its_targets(g):
    doc = extract_document(JIANGXI, g)
    got = {(f.period_end, f.value) for f in doc.figures if f.kind == "target"}
    # 《…2017年工作要點》近日出臺 dates the text to 2017 (今年 = 2017); each bullet under the first is a goal
    assert {(2017, 450000.0), (2017, 192000.0), (2017, 64000.0), (2017, 70000.0), (2017, 5000.0)} <= got


def test_synthetic_bullets_of_results_stay_results(g):
    # SYNTHETIC: invented figures; bullets that report what was done, no word of intent above them
    text = (
        "2018年某县扶贫工作回顾\n过去一年成效显著。\n●全年已减少贫困人口2万人。\n●建成农村公路300公里。\n"
        "●改造危房1000户。\n"
    )
    doc = extract_document(text, g, region_code="630202", as_of="2019-01-10")
    assert not [f for f in doc.figures if f.kind == "target" and f.value in (20000.0, 300.0, 1000.0)]


def test_counties_that_reach_the_exit_conditions(g):
    # gannan-2019-annual-targets-news: short names, a count word, 达到…摘帽条件
    text = "2019年甘南州力争减少贫困人口1.79万人。舟曲、临潭两县达到脱贫摘帽条件,全州提前一年实现整体脱贫目标。"
    doc = extract_document(text, g, as_of="2019-01-20")
    assert [c for c, a, b in exits(doc)] == ["623021", "623023"]  # 临潭县, 舟曲县
