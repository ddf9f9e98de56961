"""Issue 12, recall: targets the extractor missed in texts it was not written for, one rule family at a time,
each with a short real quote from the dev corpus (data/corpus/dev, file named in a comment)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def periods_of(doc, value: float) -> set[tuple[int, int]]:
    return {(f.period_start, f.period_end) for f in doc.figures if f.kind == "target" and abs(f.value - value) < 1e-6}


# ---- periods: a span counted from the year its sentence opens with, a plan named by its years, an era's plan -----


@pytest.mark.parametrize(
    "text,as_of,value,expected",
    [
        # huanggang-2018-relocation-plan-news: a span opened by "2016年起", in a text of 2018
        (
            "黄冈把实施易地搬迁工程作为精准扶贫的有力举措,2016年起启动新一轮易地扶贫搬迁,计划用3年时间搬迁贫困户3.8万户7.25万人。",
            "2018-01-18",
            72500,
            (2016, 2018),
        ),
        # guizhou-2014-ecological-migration-nine-year-plan-news: the range before the span says its years
        (
            "2012年5月,我省启动实施扶贫生态移民工程,计划从2012年至2020年,用9年时间将居住在深山区、石山区、"
            "集中连片贫困地区的47.7万户204.3万农村人口搬迁出来。",
            "2014-07-10",
            2043000,
            (2012, 2020),
        ),
        # changning-2016-relocation-three-year-plan-trad: a three-year action plan, pinyin printed after characters
        (
            "昌寧縣易地扶貧搬遷三年行動(dòng)計(jì)劃涉及13鄉(xiāng)(鎮(zhèn))4942戶19776人,其中:建檔立卡戶3660戶14617人。",
            "2016-08-10",
            19776,
            (2016, 2018),
        ),
        # guizhou-2015-relocation-projects-start-news: "“十三五”贵州将…": the era's plan, written before it
        ("官方数据显示,“十三五”贵州将完成142万人的搬迁任务。", "2015-12-03", 1420000, (2016, 2020)),
        # anhui-2018-npc-standing-committee-poverty-report-trad: the plan set at the start of this year
        (
            "記者獲悉,我省年初確定的“10個國家級和8個省級貧困縣摘帽、700個以上貧困村出列、70萬以上貧困人口脫貧”"
            "的減貧計劃有望全面如期完成,確保到2020年現行標準下農村貧困人口全部脫貧。",
            "2018-11-23",
            700000,
            (2018, 2018),
        ),
    ],
)
def test_periods_read_from_the_sentence(g, text, as_of, value, expected):
    doc = extract_document(text, g, region_code="520000", as_of=as_of)
    assert expected in periods_of(doc, value), [f.to_json() for f in doc.figures]


def test_an_era_named_in_a_title_is_not_a_plan(g):
    # hebei-2018-drinking-water-investment-plan-trad: "“十三五”规划》要求" names a plan, the figures are this year's
    text = (
        "按照《全国农村饮水安全巩固提升工程“十三五”规划》要求,张家口、承德、保定三市的20个县(区)将获中央预算内"
        "投资2.74亿元,预计受益人口34.83万人。"
    )
    doc = extract_document(text, g, region_code="130000", as_of="2018-03-27")
    assert (2018, 2018) in periods_of(doc, 348300), [f.to_json() for f in doc.figures]


# ---- people a plan lifts out of poverty, written with the number before the noun --------------------------------


def test_reducing_a_number_of_poor_people_is_a_target(g):
    # neimenggu-2012-poverty-assault-plan-paper: "每年减少30万贫困人口", "贫困人口减少150万"
    text = "2012年,把扶贫攻坚作为民生1号工程,每年减少30万贫困人口。到2015年,贫困人口减少150万。"
    doc = extract_document(text, g, region_code="150000", as_of="2012-02-16")
    reduced = {(f.period_start, f.period_end, f.value) for f in doc.figures if f.indicator == "poor_population_reduced"}
    assert (2012, 2012, 300000) in reduced and (2013, 2013, 300000) in reduced, reduced
    assert (2012, 2015, 1500000) in reduced, reduced


def test_a_year_end_state_dates_an_undated_text_after_that_year(g):
    # neimenggu-2017-four-hundred-billion-plan-news: no date but "到2016年底,全区有…" and "今年要减少20万贫困人口"
    text = (
        "内蒙古扶贫办召开新闻发布会明确扶贫攻坚目标:今年要减少20万贫困人口的年度计划依然不变,"
        "26个区贫旗县争取在2019年底前逐年摘帽。到2016年底,全区有建档立卡贫困人口25万户、55.6万人。"
    )
    doc = extract_document(text, g, region_code="150000")
    assert (2017, 2017) in periods_of(doc, 200000), [f.to_json() for f in doc.figures]


# ---- shares of places to reach a state ----------------------------------------------------------------------------


def test_shares_of_places_are_targets(g):
    # gansu-2016-rural-ecommerce-goals-news
    text = (
        "今年,我省将培育一批农村电子商务示范县,30%的乡(村)建成电子商务服务站(点);90%的行政村通宽带。"
        "2017年,全省70%以上的乡(村)建成电子商务服务站(点),80%以上行政村通光纤。"
    )
    doc = extract_document(text, g, region_code="620000", as_of="2016-05-09")
    assert periods_of(doc, 30) == {(2016, 2016)} and periods_of(doc, 90) == {(2016, 2016)}
    assert periods_of(doc, 70) == {(2017, 2017)} and periods_of(doc, 80) == {(2017, 2017)}
    labels = {f.indicator_label for f in doc.figures if f.value == 30}
    assert any("电子商务服务站" in label for label in labels), labels


def test_a_share_of_places_reached_is_not_a_target_without_a_word_of_intent(g):
    text = "截至去年底,全省30%的乡(村)建成电子商务服务站(点)。"
    doc = extract_document(text, g, region_code="620000", as_of="2016-05-09")
    assert not periods_of(doc, 30), [f.to_json() for f in doc.figures]


def test_a_year_end_told_as_reached_dates_an_undated_text_after_it(g):
    # chongzuo-2019-border-drinking-water-plan-news-trad: "至2018年底,…已全部達到", then "2019年…計劃": written in 2019
    text = (
        "至2018年底,我市邊境地區貧困人口已全部達到“有安全飲水”標準,農村自來水普及率總體為81.48%。"
        "此外,2019年全市邊境縣(市)計劃建設項目163個,總投資5779萬元,計劃鞏固提升受益農村人口7.43萬人。"
        "年度項目完工後,各個邊境縣(市)農村自來水普及率將全部達到81%以上。"
    )
    doc = extract_document(text, g, region_code="451400")
    assert periods_of(doc, 81) == {(2019, 2019)}, [f.to_json() for f in doc.figures]
    assert not periods_of(doc, 81.48), [f.to_json() for f in doc.figures]
