"""Figures that are not targets (issue 12, precision): progress reports, qualifiers, scopes.

Each case is a short real passage of a dev corpus text (data/corpus/dev/<file>, named beside it), run through the
whole extractor; the labelled targets of the same passage still come out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.classify import reports_progress

ROOT = Path(__file__).resolve().parent.parent


def target_values(doc) -> list[float]:
    return [f.value for f in doc.figures if f.kind == "target"]


# ---- progress reports: a paragraph that measures work done against its plan ---------------------------------

# luan-2018-annual-plan-review-news (undated excerpt: the year is unknown, so only the report's shape tells)
LUAN = (
    "就业扶贫方面,全面深化“三业一岗”就业扶贫模式,全市帮扶贫困劳动者就业1.87万人,完成年度目标任务的156%。"
    "实施贫困户剩余劳动力转移培训9959人,完成年度目标任务的356%。建设扶贫驿站111个、扶贫车间179个、就业扶贫基地268家。"
    "开发居家就业岗位2.46万个,吸纳贫困劳动者就业1.54万人。"
)


def test_a_paragraph_measured_against_its_plan_reports_results(g):
    doc = extract_document(LUAN, g, region_code="341500")
    values = target_values(doc)
    for value in (9959, 111, 179, 24600, 15400):
        assert value not in values, [f.to_json() for f in doc.figures]
    assert {f.kind for f in doc.figures if f.value == 9959} == {"actual"}


def test_a_plan_in_a_progress_paragraph_stays_a_target(g):
    # congjiang-2011-housing-renovation-tasks-news: the year's task beside what has been started so far
    text = (
        "2011年全县农村危房改造任务为20985户,截止5月12日,已动工21410户,动工率达102 %;"
        "两年开工数为45087户,开工率达102.9%,超任务数1286户。"
    )
    doc = extract_document(text, g, region_code="522633", as_of="2011-05-15")
    values = target_values(doc)
    assert 20985 in values
    assert 45087 not in values and 1286 not in values


@pytest.mark.parametrize(
    "paragraph,expected",
    [
        ("实施贫困户剩余劳动力转移培训9959人,完成年度目标任务的356%", True),  # luan-2018-annual-plan-review-news
        # anhui-2018-npc-standing-committee-poverty-report-trad, as normalised to simplified characters
        ("已竣工11.22万户,完成全年计划6万户的187%", True),
        ("已动工21410户,动工率达102 %", True),  # congjiang-2011-housing-renovation-tasks-news
        ("确保安置房入住率达到100%", False),  # a rate to reach: intent in its own clause
        ("今年计划完成危房改造10万户", False),
    ],
)
def test_reports_progress(paragraph, expected):
    assert reports_progress(paragraph) is expected


# ---- qualifiers: an amount that picks out what it describes ------------------------------------------------


@pytest.mark.parametrize(
    "text,region,date,value",
    [
        # huishui-2015-shell-villages-clearance-news
        ("2015年,该县着力培育一批集体经济收入超100万元的示范村。", "522731", "2015-06-01", 1_000_000),
        # hebei-2020-remaining-poor-plan-trad
        ("確保到今年6月底前,河北省剩餘貧困人口人均純收入穩定超過4000元的脫貧標準。", "130000", "2020-03-01", 4000),
        # qingtian-2020-farmer-income-action-plan-news
        ("确保完成年家庭人均收入8000元以下情况清零目标。", "331121", "2020-04-01", 8000),
        # guangxi-2018-village-collective-income-progress-news
        ("其中今年计划脱贫摘帽贫困村收入超过3万元的有978个,占计划摘帽村总数的67.4%。", "450000", "2018-10-23", 30000),
    ],
)
def test_an_amount_that_qualifies_is_not_a_target(g, text, region, date, value):
    doc = extract_document(text, g, region_code=region, as_of=date)
    assert value not in target_values(doc), [f.to_json() for f in doc.figures]


# ---- scopes: the places an action is for or happens in --------------------------------------------------


@pytest.mark.parametrize(
    "text,region,date,value",
    [
        # anhui-2018-housing-renovation-plan-brief: the people of the places
        ("确保今年全省18个摘帽贫困县农民居住安全。", "340000", "2018-03-01", 18),
        # hebei-2018-drinking-water-investment-plan-trad: the places whose villages are meant
        ("10個深度貧困縣的深度貧困村飲水安全鞏固提升問題要于2018年底前解決。", "130000", "2018-05-01", 10),
        # hechi-2009-annual-poverty-work-opinion: the area the effort centres on
        ("以第三批实施“整村推进”扶贫开发的259 个贫困村为主攻区域。", "451200", "2009-03-01", 259),
        # lushi-2018-pv-poverty-projects-trad: the places in a county where it happens
        ("國家發改委在盧氏縣56個搬遷安置點建設光伏電站。", "411224", "2018-05-01", 56),
    ],
)
def test_a_scope_is_not_a_target(g, text, region, date, value):
    doc = extract_document(text, g, region_code=region, as_of=date)
    assert value not in target_values(doc), [f.to_json() for f in doc.figures]


# ---- results told by their words: done with success, for the first time, one after another, counted, ranked --


def test_results_told_by_their_words(g):
    # jishui-2016-solar-poverty-plan-news
    doc = extract_document(
        "该董事长表示,为响应有关号召,吉水庐陵村镇银行成功申请扶贫再贷款1500万元,计划重点支持全县光伏精准扶贫项目建设。",
        g,
        region_code="360822",
        as_of="2016-07-11",
    )
    assert 15_000_000 not in target_values(doc), [f.to_json() for f in doc.figures]
    # neimenggu-2019-county-exits-commentary
    doc = extract_document(
        "2019年是实现脱贫攻坚目标的关键一年,我区认真贯彻落实精准扶贫精准脱贫基本方略,"
        "继11个国贫旗县、26个区贫旗县顺利摘帽之后,计划退出的20个国贫旗县有望如期摘帽。",
        g,
        region_code="150000",
        as_of="2019-01-08",
    )
    values = target_values(doc)
    assert 11 not in values and 26 not in values, [f.to_json() for f in doc.figures]
    # guizhou-2017-ethnic-villages-plan-news: a count ranked, beside the plan of the same sentence
    doc = extract_document(
        "截至目前,我省共有213个国家级中国少数民族特色村寨,命名挂牌的数量占比20.15%,位居全国第一;"
        "514个省级少数民族特色村寨,计划“十三五”期间共命名1000个省级少数民族特色村寨。",
        g,
        region_code="520000",
        as_of="2017-03-01",
    )
    values = target_values(doc)
    assert 213 not in values and 1000 in values, [f.to_json() for f in doc.figures]


# ---- what a project is expected to bring, and milestones within the year ------------------------------------


@pytest.mark.parametrize(
    "text,region,date,value",
    [
        # guangxi-2012-industry-demo-project-news-trad
        ("2012年,通過産業化扶貧示範基地帶動,參與農戶每年預計人均增收2000元以上。", "450000", "2012-10-17", 2000),
        # hexian-2017-village-solar-plan-news
        ("2017年,和县并网发电收益归贫困村集体所有,每年可以为贫困村带来收入六万元。", "340523", "2017-03-01", 60000),
        # hebei-2016-ecommerce-stations-plan-news: how much is done by a month's end
        ("B类:今年3月底完成40%,6月底完成80%,9月底全部完成,包括平山、枣强、临城等县。", "130000", "2016-03-10", 40),
        ("B类:今年3月底完成40%,6月底完成80%,9月底全部完成,包括平山、枣强、临城等县。", "130000", "2016-03-10", 80),
        # guizhou-2018-group-roads-annual-target-cnr-trad: groups of that size
        (
            "預計到2019年,全省將實現30戶以上村民組100%通公路,徹底打通群眾出行的“最后一公里”。",
            "520000",
            "2018-05-02",
            30,
        ),
    ],
)
def test_expected_gains_milestones_and_sizes_are_not_targets(g, text, region, date, value):
    doc = extract_document(text, g, region_code=region, as_of=date)
    assert value not in target_values(doc), [f.to_json() for f in doc.figures]


def test_disposable_income_to_reach_stays_a_target(g):
    # hunan-2017-industry-clusters-plan-news: 可支配收入 is no "可 … 收入" of an expected gain
    doc = extract_document("至2020年,贫困人口年人均可支配收入1万元以上。", g, region_code="430000", as_of="2017-11-05")
    assert 10000 in target_values(doc), [f.to_json() for f in doc.figures]


# ---- stocks, shares of a planned amount, described sets ---------------------------------------------------


@pytest.mark.parametrize(
    "text,region,date,value",
    [
        # neimenggu-2017-four-hundred-billion-plan-news: a stock stated (全区有…), and its rate
        ("到2016年底,全区有建档立卡贫困人口25万户、55.6万人,贫困发生率4.1%。", "150000", "2016-12-30", 4.1),
        # anhui-2018-npc-standing-committee-poverty-report-trad (simplified): a share of the year's planned amount
        ("前三季度,全省贫困户危房改造已竣工11.22万户,完成全年计划6万户的187%。", "340000", "2018-10-30", 187),
        # anhui-2018-housing-renovation-plan-brief: places described by what they have
        (
            "2018年计划完成10万户危房改造,其中建档立卡贫困户6万户以上,重点支持9个深度贫困县和70个有扶贫任务的县(区)"
            "建档立卡贫困户等四类人员农村危房改造任务,确保今年全省18个摘帽贫困县农民居住安全。",
            "340000",
            "2018-07-20",
            70,
        ),
        # cili-2019-industry-projects-funds-news-trad: examples and their count
        (
            "張家界慈利兩木叁金農業開發有限公司、張家界江埡佐勝漁業水產開發有限公司、湖南神舟中藥飲片有限公司"
            "等7家農產品深加工企業和發展種苗的慈利縣金桔農產品開發有限公司參加培訓。",
            "430821",
            "2019-05-08",
            7,
        ),
        # guizhou-2012-five-year-assault-goals-paper: a standard applied
        ("按2300元的国家新扶贫标准,目前还有贫困人口1149万人,占农村户籍人口的33.4%。", "520000", "2012-06-08", 2300),
    ],
)
def test_stocks_plan_shares_and_described_sets_are_not_targets(g, text, region, date, value):
    doc = extract_document(text, g, region_code=region, as_of=date)
    assert value not in target_values(doc), [f.to_json() for f in doc.figures]


def test_a_stock_with_intent_stays_a_target(g):
    # the same words with intent in the number's own clause: "全省有…将…" is not a stock stated
    doc = extract_document("2018年,全省有20万贫困人口将实现脱贫。", g, region_code="340000", as_of="2018-03-01")
    assert 200000 in target_values(doc), [f.to_json() for f in doc.figures]


@pytest.mark.parametrize(
    "text,region,date,value",
    [
        # anqing-2017-drinking-water-plan-news: a count the subject is one of
        ("农村饮水安全工程是今年市政府实施的33项民生工程之一。", "340800", "2017-03-01", 33),
        # guizhou-2016-relocation-plan-rewrite: the items a quote has just listed
        (
            "有关部门将精心组织、精心实施“建房、搬家、就业、保障、扶持、退出”六个关键环节。",
            "520000",
            "2016-03-01",
            6,
        ),
    ],
)
def test_counts_of_a_set_are_not_targets(g, text, region, date, value):
    doc = extract_document(text, g, region_code=region, as_of=date)
    assert value not in target_values(doc), [f.to_json() for f in doc.figures]


@pytest.mark.parametrize(
    "text,region,date,value",
    [
        # qujing-2015-township-village-push-news-trad: the region's weight in the province
        (
            "全市貧困人口達95.41萬人,占全省的13.6%;貧困發生率17.7%,貧困行政村475個,占全省的11%。",
            "530300",
            "2015-08-05",
            11,
        ),
        # ningxia-2017-roadmap-county-tasks-news-trad: the count closing the list of places involved
        (
            "根據方案,今年實施的350個貧困村整村推進涉及原州區、西吉縣、隆德縣、涇源縣、彭陽縣、鹽池縣、同心縣、紅寺堡區、"
            "海原縣、沙坡頭區、中寧縣、西夏區12個縣區。",
            "640000",
            "2017-01-09",
            12,
        ),
    ],
)
def test_shares_of_a_whole_and_places_involved_are_not_targets(g, text, region, date, value):
    doc = extract_document(text, g, region_code=region, as_of=date)
    assert value not in target_values(doc), [f.to_json() for f in doc.figures]


def test_last_years_figure_is_a_result(g):
    # luxi-2020-village-ecommerce-stations-news (undated): 去年 tells a result even when the year is unknown
    text = (
        "“我家通过电商售卖椪柑等特色水果,去年收入超10万元,脱贫啦!”湖南湘西泸溪县武溪镇黑塘村6组贫困户覃心金4月12日说。"
    )
    doc = extract_document(text, g, region_code="433122")
    assert 100000 not in target_values(doc), [f.to_json() for f in doc.figures]
    # a plan beside last year's result stays a target
    doc = extract_document("去年全县脱贫1200人,今年力争脱贫1500人。", g, region_code="433122", as_of="2020-03-01")
    values = target_values(doc)
    assert 1500 in values and 1200 not in values, [f.to_json() for f in doc.figures]
