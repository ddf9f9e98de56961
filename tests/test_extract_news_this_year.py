"""A news report's figures with no word of intent are results, except money told before the year's last quarter
(the year's budget, spent from its start); and what stops that reading where it does not hold: a loan's limits
("5万元以下、3年以内") and agreements signed (签下). Real sentences of dev texts whose names start with a–r
(data/corpus/dev, cited by slug), run through the whole extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import classify, extract_document
from tests.extract_support import target_values

ROOT = Path(__file__).resolve().parent.parent


def periods_of(doc, value: float) -> set[tuple[int, int]]:
    return {(f.period_start, f.period_end) for f in doc.figures if f.kind == "target" and f.value == value}


@pytest.mark.parametrize(
    "news,open_flow,measure,year_end,result",
    [
        (True, True, "元", None, False),  # money with no year, in a report of the year's first nine months: a budget
        (True, True, "元", 2019, False),  # a flow of this year, told before its last quarter: the plan
        (True, True, "人", 2019, False),
        (True, True, "人", None, True),  # people with no year: a result, as before
        (True, True, "元", 2018, True),  # money of last year: a result
        (True, False, "元", None, True),  # a report of the last quarter: the year is nearly over
        (False, True, "元", None, False),  # not news: the intent words decide
    ],
)
def test_news_money_of_a_year_not_yet_over_is_its_budget(news, open_flow, measure, year_end, result):
    assert classify.told_as_result(news, open_flow, measure, year_end, 2019) is result


@pytest.mark.parametrize(
    "text,code,as_of,value",
    [
        # hebei-2016-ecommerce-stations-plan-news: the limits of a microcredit loan, not an amount to reach
        (
            "记者近日从省扶贫办获悉。河北省已把电商扶贫纳入扶贫小额贷款支持范围,对开办网店、从事网货生产销售的贫困户"
            "以及带动贫困户生产销售网货产品效果明显(以销售贫困户产品为主)的企业和网店,给予5万元以下、3年以内免担保、"
            "免抵押的扶贫小额信贷支持,由财政按基准利率贴息。",
            "130000",
            "2016-03-10",
            50000.0,
        ),
        # beijing-2018-neimenggu-cooperation-funds-trad: the investment of agreements signed, a result
        (
            "央廣網北京4月28日消息(記者孫冰潔)今天(28日)上午,在北京舉辦的內蒙古興安盟京蒙對口幫扶合作暨承接京津冀"
            "產業轉移推介會上,北京與內蒙古興安盟再簽下26個扶貧合作項目,總投資額達242億元。",
            "110000",
            "2018-04-28",
            24200000000.0,
        ),
    ],
)
def test_loan_limits_and_signed_agreements_are_no_targets(g, text, code, as_of, value):
    doc = extract_document(text, g, region_code=code, as_of=as_of)
    assert value not in target_values(doc)


@pytest.mark.parametrize(
    "text,code,as_of,value,end",
    [
        # hebei-2018-first-batch-pv-poverty-projects-trad: 筹建, to prepare and build
        (
            "河北省曲陽、灤平、萬全等23個(gè)縣(區(qū))在列,將籌建1412個(gè)村級(jí)光伏電站,總裝機(jī)規(guī)模615506.13千瓦。",
            "130000",
            "2018-01-23",
            1412.0,
            2018,
        ),
        # jiujiang-2010-housing-renovation-pilot-funds-news: 纳入, brought into a programme
        (
            "据介绍,纳入这批试点范围有2590户,其中,因今年水灾等原因倒房户数有1156户。",
            "360400",
            "2010-06-01",
            2590.0,
            2010,
        ),
    ],
)
def test_a_verb_of_making_or_bringing_in_governs_a_new_indicator(g, text, code, as_of, value, end):
    doc = extract_document(text, g, region_code=code, as_of=as_of)
    assert {f.period_end for f in doc.figures if f.kind == "target" and f.value == value} == {end}


def test_a_sum_spent_is_a_result(g):
    # guizhou-2011-twelfth-plan-goals-news-trad: 共投入, spent in total over the years just reported
    text = (
        "“十一五”以來,貴州省不斷加大扶貧開發(fā)力度。共投入中央和省級財政扶貧資金140.72億元,實施到村到戶項目5萬多個。"
    )
    doc = extract_document(text, g, region_code="520000", as_of="2011-01-18")
    assert 14072000000.0 not in target_values(doc)


def test_this_year_on_starts_a_schedule(g):
    # fujian-2016-rural-tourism-key-villages-plan-trad: 今年起每年, one figure for each year to the plan's end
    text = (
        "“十三五”期間,通過實(shí)施鄉(xiāng)村旅游扶貧工程,推動全國1萬個鄉(xiāng)村旅游扶貧重點(diǎn)村實(shí)現(xiàn)年旅游經(jīng)營收入達(dá)到100萬元,貧困人口年人均旅游收入達(dá)到1萬元以上的目標(biāo)。"
        "省旅游局相關(guān)負(fù)責(zé)人表示,我省將根據(jù)《福建省鄉(xiāng)村旅游扶貧工程2016-2020年實(shí)施方案》,今年起每年在472個“鄉(xiāng)村旅游扶貧重點(diǎn)村”中挑選50個村,作為我省鄉(xiāng)村旅游扶貧重點(diǎn)村,加大精準(zhǔn)幫扶力度。"
    )
    doc = extract_document(text, g, region_code="350000", as_of="2016-10-10")
    assert periods_of(doc, 50.0) == {(year, year) for year in range(2016, 2021)}


@pytest.mark.parametrize(
    "text,code,as_of,value,end",
    [
        # chengde-2017-centralized-pv-poverty-quota-trad: a province's quota for the year (the page gives no date)
        (
            "編者按:日前,省發(fā)展改革委、省扶貧辦下達(dá)了《關(guān)于開展2017年集中式光伏扶貧項(xiàng)目申報(bào)工作的通知》,2017年全省共安排集中式光伏扶貧項(xiàng)目指標(biāo)100萬千瓦,經(jīng)向省發(fā)改委爭取,我市在2017年集中式光伏扶貧項(xiàng)目指標(biāo)爭取上實(shí)現(xiàn)歷史性突破,共獲得指標(biāo)44萬千瓦,占全省指標(biāo)總數(shù)的44%。",
            "130800",
            None,
            1000000.0,
            2017,
        ),
        # hunan-2012-housing-renovation-extra-tasks-news: a task handed down on top of the first batch
        (
            "记者今天从湖南省民政厅获悉,根据国家拉动内需、改善民生总体规划部署,在首批25万户农村危房改造任务基础上,财政部、国家发展和改革委员会、住房和城乡建设部向湖南省追加下达了农村危改任务6万户。",
            "430000",
            "2012-10-16",
            60000.0,
            2012,
        ),
    ],
)
def test_a_quota_handed_down_is_the_years_target(g, text, code, as_of, value, end):
    doc = extract_document(text, g, region_code=code, as_of=as_of)
    assert periods_of(doc, value) == {(end, end)}


@pytest.mark.parametrize(
    "text,code,as_of,value,years",
    [
        # gansu-2015-housing-renovation-plan-news: each year from 2015 to the first deadline, 2017 (not 2019)
        (
            "从2015年开始,每年完成建档立卡农村贫困户危房改造14万户,到2017年完成包括庆阳、平凉、会宁革命老区14.9万户在内的42万户农村贫困户危房(危窑)改造任务;到2019年,全面完成建档立卡的63万农村贫困户危房改造任务”的工作目标。",
            "620000",
            "2015-07-22",
            140000.0,
            range(2015, 2018),
        ),
        # neimenggu-2012-poverty-assault-plan-paper: each year from 2012 to 2015, the deadline said before 2020's
        (
            "我们要把扶贫开发作为头号民生工程,举全区之力打好新一轮扶贫攻坚战,到2015年贫困人口人均纯收入达到3000元,贫困人口减少150万;到2020年贫困人口人均纯收入达到6000元,266.6万贫困人口全部脱贫,率先在我国西部地区基本消除绝对贫困现象,并力争在自治区成立70周年时(2017年)提前实现这一目标。2012年,把扶贫攻坚作为民生1号工程,每年投入20亿元,每年减少30万贫困人口,力争到2020年,率先在我国西部地区基本消除绝对贫困现象。",
            "150000",
            "2012-02-16",
            300000.0,
            range(2012, 2016),
        ),
    ],
)
def test_a_schedule_runs_to_the_first_deadline_after_its_start(g, text, code, as_of, value, years):
    doc = extract_document(text, g, region_code=code, as_of=as_of)
    assert periods_of(doc, value) == {(year, year) for year in years}


def test_done_in_the_whole_year_is_a_result(g):
    # neimenggu-2009-water-work-meeting-news: 全年完成…, 解决了…: the year's work told as done, no word of intent
    text = (
        "全年完成新增有效灌溉面积116万亩,新增节水灌溉面积313万亩,发展饲草料地灌溉面积69万亩,"
        "完成水土保持综合治理面积710万亩,解决了86.7万人的饮水安全问题,农村牧区群众饮水安全条件得到进一步改善。"
    )
    doc = extract_document(text, g, region_code="150000", as_of="2009-04-30")
    assert not {1160000.0, 3130000.0, 690000.0, 7100000.0} & target_values(doc)
