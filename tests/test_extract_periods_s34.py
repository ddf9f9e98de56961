"""Which years a figure is for (session 34): the level a change reaches from a year on, a growth rate averaged over
a range, a day of this year that dates an event, the years a text counts ahead to a deadline, and a campaign of
N years (三年攻坚), on sentences like those of the dev texts (names a–r) the rules were written from."""

from __future__ import annotations

from etl.extract import extract_document
from etl.extract.periods import PlanYears, YearToken, period, plan_years, year_tokens


def _periods(text: str, g, value: float, as_of: str | None = None) -> list[tuple[int, int]]:
    doc = extract_document(text, g, as_of=as_of)
    return sorted((f.period_start, f.period_end) for f in doc.figures if f.kind == "target" and f.value == value)


def test_the_level_a_change_reaches_from_a_year_on_is_that_years_amount(g):
    text = (
        "从2012年起,自治区本级财政专项扶贫资金将由原来的1.9亿元,增加到10亿元以上,各盟市按照不低于1:1的比例配套。"
        "到2020年全面脱贫。"
    )
    assert _periods(text, g, 1_000_000_000.0, as_of="2011-12-29") == [(2012, 2012)]


def test_a_yearly_step_after_a_years_level_starts_the_year_after(g):
    text = (
        "《实施意见》要求,从2015年起,市级财政安排的民族发展资金由2014的750万元增加到1000万元,"
        "以后按年度每年递增100万元,到2020年达到1500万元。"
    )
    assert _periods(text, g, 10_000_000.0, as_of="2014-12-16") == [(2015, 2015)]
    assert _periods(text, g, 1_000_000.0, as_of="2014-12-16") == [(y, y) for y in range(2016, 2021)]


def test_a_growth_rate_averaged_over_a_range_is_one_figure():
    token = YearToken("range", 2020, 0, 0, 2018)
    assert period(token, True, PlanYears(2016, 2020), yearly=True, rate=True) == [(2018, 2020)]
    assert period(token, True, PlanYears(2016, 2020), yearly=True) == [(2018, 2018), (2019, 2019), (2020, 2020)]


def test_a_day_of_this_year_dates_an_event_not_the_figures_after_it():
    sentence = "今年7月,贵州省印发《行动方案》,计划投资23.87亿元,在明年6月底前全面解决279.54万农村人口饮水安全问题"
    assert [(t.kind, t.year) for t in year_tokens(sentence, 2018)] == [("deadline", 2019)]
    # a time limit this year still dates what follows it: "今年6月底前"
    assert [t.year for t in year_tokens("今年6月底前完成搬迁1万人", 2018)] == [2018]
    assert [t.year for t in year_tokens("到今年6月,全县将完成搬迁1万人", 2018)] == [2018]


def test_the_funds_of_a_plan_issued_this_year_run_to_its_deadline(g):
    text = (
        "记者从贵州省水利厅了解到,贵州仍有279.54万农村人口存在饮水安全问题。\n"
        "今年7月,贵州省印发《全面解决农村饮水安全问题攻坚决战行动方案》,明确省级层面统一筹措资金,"
        "计划投资23.87亿元,在明年6月底前全面解决279.54万农村人口饮水安全问题。"
    )
    assert _periods(text, g, 2_387_000_000.0, as_of="2018-11-27") == [(2018, 2019)]


def test_an_undated_text_counting_years_ahead_to_a_deadline_is_of_the_first_of_them():
    text = (
        "近日,北京市与河北省签署扶贫协作三年行动框架协议,进一步明确未来三年扶贫协作任务书,"
        "助力河北省受帮扶地区到2020年如期实现脱贫目标。今后三年的京冀扶贫协作资金为26.21亿元。"
    )
    plan = plan_years(text, None, "")
    assert (plan.doc_year, plan.plan_end) == (2018, 2020)


def test_the_funds_of_an_undated_three_year_agreement_are_for_its_three_years(g):
    text = (
        "近日,北京市与河北省签署扶贫协作三年行动框架协议,进一步明确未来三年扶贫协作任务书,"
        "助力河北省受帮扶地区到2020年如期实现脱贫目标。\n今后三年的京冀扶贫协作资金为26.21亿元。"
    )
    assert _periods(text, g, 2_621_000_000.0) == [(2018, 2020)]


def test_a_three_year_campaign_sets_the_plans_end(g):
    text = (
        "广东省召开扶贫开发工作会议,研究部署新时期精准扶贫精准脱贫三年攻坚工作。\n"
        "省委书记要求各地坚持精准扶贫,确保全省176万贫困人口全部脱贫。"
    )
    assert plan_years(text, "2016-03-23", "").plan_end == 2018
    assert _periods(text, g, 1_760_000.0, as_of="2016-03-23") == [(2016, 2018)]


def test_a_year_end_figure_dates_its_text_after_that_year_so_a_page_address_a_year_later_counts():
    from etl.extract.document import read_document_info

    text = (
        "2018年底,赣州贫困人口已减至18.86万人,贫困发生率降至2.45%;在之前7个贫困县摘帽的基础上,"
        "剩下的兴国、于都、宁都、赣县4个贫困县,也将于近期实现“出列”。"
    )
    assert read_document_info(text, None, url_date="2020-03-25").published_on == "2020-03-25"
    # a page two years after the year-end is still a repost's
    assert read_document_info(text, None, url_date="2021-03-25").published_on is None


def test_a_stretch_year_before_the_committed_one_gives_the_figure_twice(g):
    text = "根据整体帮扶规划,力争到2019年、确保2020年,片区内低收入人口人均年收入达到6000元。"
    doc = extract_document(text, g, as_of="2016-07-28")
    tiers = sorted((f.period_end, f.tier) for f in doc.figures if f.kind == "target" and f.value == 6000)
    assert tiers == [(2019, "stretch"), (2020, "committed")]


def test_a_signature_date_written_in_words_dates_this_year(g):
    text = (
        "某县人民政府关于印发2018年脱贫攻坚工作要点的通知\n各乡镇:现将工作要点印发给你们,请认真贯彻执行。\n"
        "某县人民政府\n二○一八年三月五日\n今年全县计划减少贫困人口1200人,明年全部脱贫。"
    )
    doc = extract_document(text, g)
    assert (doc.info.published_on, doc.info.issuer) == ("2018-03-05", "某县人民政府")
    assert _periods(text, g, 1200.0) == [(2018, 2018)]


def test_this_year_and_the_next_and_by_the_end_of_next_year():
    assert [(t.kind, t.first, t.year) for t in year_tokens("今明两年完成易地扶贫搬迁2000人", 2018)] == [
        ("range", 2018, 2019)
    ]
    by_then = year_tokens("到明年底完成易地扶贫搬迁1000人", 2018)
    assert [(t.kind, t.year) for t in by_then] == [("deadline", 2019)]
    assert period(by_then[0], True, PlanYears(2018, 2019)) == [(2018, 2019)]
