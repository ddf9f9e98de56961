"""The year of a text that gives no usable date of its own, from what it says (issue 12, session 23): a text that
speaks of the epidemic (疫情防控, 疫情期间) is of 2020 at least; a text that still plans poverty exits (脱贫出列,
摘帽, 消除绝对贫困) was written by 2020, so a later page stamp over it is a repost's. Real texts of the dev corpus
(data/corpus/dev, a–r half), read whole as the intake reads them, with their address."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from etl.extract import extract_document
from etl.extract.document import read_document_info
from etl.extract.periods import plan_years

DEV = Path(__file__).resolve().parent.parent / "data" / "corpus" / "dev"


def _doc(slug: str) -> tuple[str, str]:
    meta = yaml.safe_load((DEV / f"{slug}.yaml").read_text(encoding="utf-8"))
    return (DEV / f"{slug}.txt").read_text(encoding="utf-8"), meta["url"]


def _targets(doc) -> set[tuple[int, float]]:
    return {(f.period_end, f.value) for f in doc.figures if f.kind == "target"}


def test_an_undated_text_of_the_epidemic_is_of_2020(g):
    # luxi-2020-village-ecommerce-stations-news: no year in digits; "疫情期间,泸溪县商务局联合惠农网…"
    text, url = _doc("luxi-2020-village-ecommerce-stations-news")
    assert "疫情期间" in text and "2020" not in text
    doc = extract_document(text, g, source_url=url)
    assert {(2020, 45.0), (2020, 80.0)} <= _targets(doc)  # "之后还将建设45个村级电商服务站", "覆盖率达到80%以上"
    assert not any(f.period_end < 1949 for f in doc.figures)


@pytest.mark.parametrize(
    "words", ["在做好疫情防控工作的同时,今年将完成危房改造", "克服疫情影响,今年将完成危房改造", "受疫情影响,今年将完成"]
)
def test_the_epidemic_dates_a_text_that_names_no_year(words):
    assert plan_years(words, None, "").doc_year == 2020


def test_an_epidemic_of_animals_does_not_date_a_text():
    assert plan_years("非洲猪瘟疫情防控期间,今年将完成危房改造", None, "").doc_year != 2020


def test_a_later_page_stamp_over_exits_still_planned_is_a_reposts(g):
    # chuxiong-2020-last-village-forum-repost: "TUhjnbcbe - 2025/3/31 20:08:00" over "1个贫困村,也将于今年6月底以前
    # 达到‘两不愁三保障’标准,脱贫出列,全面消除绝对贫困"
    text, url = _doc("chuxiong-2020-last-village-forum-repost")
    assert "2025/3/31" in text
    assert read_document_info(text, g).published_on is None
    doc = extract_document(text, g, source_url=url)
    assert (2020, 1.0) in _targets(doc)
    assert not any(f.period_end > 2020 for f in doc.figures if f.kind == "target")


def test_a_text_after_2020_that_plans_no_exits_keeps_its_date(g):
    info = read_document_info("发布时间:2021-03-02\n今年将巩固拓展脱贫攻坚成果,确保不发生规模性返贫", g)
    assert info.published_on == "2021-03-02"


def test_a_date_given_at_intake_is_kept(g):
    text, _ = _doc("chuxiong-2020-last-village-forum-repost")
    assert read_document_info(text, g, as_of="2025-03-31").published_on == "2025-03-31"


def test_a_plan_cited_with_its_issue_date_keeps_its_goals_as_targets(g):
    # guangdong-2016-three-year-schedule-paper-trad, a paper dated 2018 by its address: "2016年6月,《中共廣東省委、
    # 廣東省人民政府關於新時期精準扶貧精準脫貧三年攻堅的實施意見》正式出臺:到2016年底,廣東50萬相對貧困人口實現脫貧;
    # 到2017年底,60萬…" — the plan's yearly goals, not results the paper reports
    text, url = _doc("guangdong-2016-three-year-schedule-paper-trad")
    doc = extract_document(text, g, source_url=url)
    assert doc.info.published_on[:4] == "2018"
    assert {(2016, 500000.0), (2017, 600000.0), (2018, 665000.0)} <= _targets(doc)


def test_a_year_named_without_a_cited_plan_still_reports():
    from etl.extract.cited_plans import cited_plan_year

    assert cited_plan_year("2016年,全省减贫50万人,") is None
    assert cited_plan_year("2017年3月,省政府印发《脱贫攻坚三年行动方案》,明确到2019年") == 2017


def test_a_paragraph_of_parts_takes_the_year_of_the_total_above_not_its_comparison(g):
    # fujian-2019-key-counties-subsidy-news (2018-11-14): "省财政提前下达23个…重点县2019年补助资金9.75亿元,比上年增长
    # 8.8%。" then a new paragraph "其中,每县县级基本财力保障转移支付1000万元,共计2.3亿元,…": 2019's parts, not
    # 2017's (上年 is what the growth is measured against) nor results of 2018
    text, url = _doc("fujian-2019-key-counties-subsidy-news")
    doc = extract_document(text, g, source_url=url)
    parts = {f.value: f for f in doc.figures if f.value in (230000000.0, 150000000.0, 365000000.0)}
    assert set(parts) == {230000000.0, 150000000.0, 365000000.0}
    assert all(f.kind == "target" and f.period_end == 2019 for f in parts.values()), parts


def test_a_text_counting_to_the_end_of_december_is_of_the_next_year():
    # huanggang-2018-relocation-plan-news ("1月17日", no page date): "截至2017年12月底,全市已搬迁入住2.76万户…"
    text = (DEV / "huanggang-2018-relocation-plan-news.txt").read_text(encoding="utf-8")
    assert "截至2017年12月底" in text
    assert plan_years(text, None, "").doc_year == 2018
    assert plan_years("截至2017年11月底,全市已搬迁2.76万户", None, "").doc_year == 2017  # a month of that year


def test_a_span_in_a_text_of_no_known_year_gives_no_year(g):
    # ganzi-2019-work-report-poverty-tasks-excerpt: an excerpt with no date, "一年推进、两年恢复、三年振兴"
    text = "全力实现12个县摘帽、251个村退出、7161户31242人脱贫。确保实现“一年推进、两年恢复、三年振兴”的重建目标。"
    doc = extract_document(text, g)
    periods = {(f.period_start, f.period_end) for f in doc.figures if f.kind == "target"}
    assert periods == {(0, 0)}  # the year unknown (0), for the reviewer to date; never year 2
    dated = extract_document(text, g, as_of="2019-02-20")
    assert {f.period_end for f in dated.figures if f.kind == "target"} == {2019}
