"""Targets told from results, baselines and criteria (session 38): made-up sentences in the style of the dev
corpus, each with the rule it exercises."""

from __future__ import annotations

import math

from etl.extract import classify, extract_document


def _kinds(doc, value: float) -> set[str]:
    return {f.kind for f in doc.figures if math.isclose(f.value, value, rel_tol=1e-9)}


def test_a_patients_share_of_medical_costs_is_a_rule_not_a_target(g):
    text = "健康扶贫方面,进一步减轻群众负担,贫困患者县域内住院医疗费用个人支付控制在8%以内。"
    assert "target" not in _kinds(extract_document(text, g, as_of="2018-05-02"), 8)


def test_a_pledged_share_of_medical_costs_stays_a_target(g):
    text = "确保贫困人口医保参保率达100%,贫困患者县域内住院个人支付费用控制在8%以内。"
    assert "target" in _kinds(extract_document(text, g, as_of="2019-05-02"), 8)


def test_the_yearly_amount_a_raise_starts_from_is_no_figure(g):
    text = "协议明确:省财政对口帮扶资金由2016年前的每年1500万元增加到4500万元,并逐年递增。"
    doc = extract_document(text, g, as_of="2016-03-01")
    assert _kinds(doc, 15_000_000) <= {"baseline"} and "target" in _kinds(doc, 45_000_000)


def test_a_plan_for_a_past_year_told_later_keeps_its_targets(g):
    text = (
        "2016年,省财政厅安排专项资金800万元,支持某县老区建设。根据项目建设规划,计划硬化村组道路9条26.5公里,"
        "新建村组道路5条12.4公里。目前,已完成新建村组道路5条12.4公里。"
    )
    doc = extract_document(text, g, as_of="2017-04-10")
    assert "target" in _kinds(doc, 26.5)


def test_a_past_plans_works_measured_by_their_rates_are_results(g):
    text = "截至6月底,2017年计划搬迁的18万建档立卡贫困人口安置房竣工率81.2%、入住率60.5%。"
    doc = extract_document(text, g, as_of="2018-08-17")
    assert "target" not in _kinds(doc, 81.2) | _kinds(doc, 180_000)


def test_investment_completed_is_a_result(g):
    text = "三是社会扶贫成效明显。与国际组织合作的扶贫项目完成投资2650万元,让3万多农户直接受益。"
    assert "target" not in _kinds(extract_document(text, g, as_of="2012-02-07"), 26_500_000)


def test_investment_to_complete_around_a_goal_stays_a_target(g):
    text = "2018年全省围绕完成投资150亿元,建成通组公路4万公里的目标任务,有力推进项目建设。"
    assert "target" in _kinds(extract_document(text, g, as_of="2018-04-25"), 15_000_000_000)


def test_deals_signed_are_results(g):
    text = "活动期间,甘肃在津签约38个招商项目,签约金额215.6亿元。"
    doc = extract_document(text, g, as_of="2012-12-01")
    assert "target" not in _kinds(doc, 38) | _kinds(doc, 21_560_000_000)


def _kind(sentence: str, number: str, doc_year: int, year_end: int | None = None, intent: bool = True) -> str:
    at = sentence.index(number)
    clause_start = max(sentence.rfind(p, 0, at) for p in ",;。") + 1
    ends = [e for e in (sentence.find(p, at) for p in ",;。") if e >= 0]
    clause = sentence[clause_start : min(ends) + 1 if ends else len(sentence)]
    return classify.kind_of(
        sentence, clause, at, True, False, year_end, doc_year, clause_after=clause[at - clause_start :], intent=intent
    )


def test_places_a_goal_paragraph_acts_on_are_targets_not_stocks():
    assert _kind("在产业扶贫上,实施18万人到户产业扶持项目、9个县扶贫产业园;", "9个县", 2017) == "target"
    assert _kind("改善30个乡镇、260个建制村的通行条件,", "260个", 2016) == "target"
    assert _kind("85个市级相对薄弱村优先启动美丽宜居乡村建设,", "85个", 2019) == "target"


def test_a_base_already_reached_stays_a_stock():
    assert _kind("在实现96个贫困村光伏电站建设全覆盖的基础上,", "96个", 2017) == "baseline"


def test_a_year_end_fix_after_the_work_now_ready_is_a_target():
    sentence = "目前材料调运基本就绪,年底解决7个贫困村1020户的饮水问题。"
    assert _kind(sentence, "7个", 2015, year_end=2015, intent=False) == "target"


def test_funds_handed_down_in_a_sentence_measuring_progress_are_a_result(g):
    text = "截至目前,已下达补助资金65230万元,已开工5.1万户,开工率82.6%,竣工1.8万户。"
    assert "target" not in _kinds(extract_document(text, g, as_of="2015-07-22"), 652_300_000)


def test_funds_handed_down_for_the_year_stay_its_budget(g):
    text = "近日,省财政下达2015年农村危房改造补助资金65230万元。"
    assert "target" in _kinds(extract_document(text, g, as_of="2015-07-22"), 652_300_000)


def test_a_record_told_as_good_news_is_a_result(g):
    text = "刚刚跨进2013年,全区就传出好消息:地方财政总收入首次突破1500亿元关口,达到1618亿元。"
    assert "target" not in _kinds(extract_document(text, g, as_of="2013-02-16"), 161_800_000_000)


def test_projects_decided_on_are_the_plans_even_told_as_done(g):
    text = "帮扶协调小组会议召开,记者从会上获悉,今年省里已经定下64个重点帮扶项目助力该县打赢脱贫攻坚战。"
    assert "target" in _kinds(extract_document(text, g, as_of="2019-04-27"), 64)


def test_projects_built_stay_results(g):
    text = "帮扶协调小组会议召开,记者从会上获悉,今年省里已经建成64个重点帮扶项目。"
    assert "target" not in _kinds(extract_document(text, g, as_of="2019-04-27"), 64)


def test_funds_said_handed_down_after_the_amount_are_the_years_budget(g):
    text = "今年对38个贫困县的农村供水工程进行改造。目前,中央及省级5.12亿元专项资金已全部下达。"
    assert "target" in _kinds(extract_document(text, g, as_of="2019-03-26"), 512_000_000)


def test_works_out_to_tender_are_not_yet_done():
    sentence = "项目计划分三期建设,一期3个试点村已经完成;二期95个行政村的光伏供暖工程正在进行招投标,"
    clause = "二期95个行政村的光伏供暖工程正在进行招投标,"
    at = sentence.index("95个")
    kind = classify.kind_of(sentence, clause, at, False, False, None, 2018, clause_after=clause[2:], intent=True)
    assert kind == "target"


def test_progress_against_a_plan_stated_earlier_in_the_sentence_is_a_result(g):
    text = (
        "截至6月底,该县共落实易地扶贫搬迁对象2860户,占目标任务的76%。"
        "全县拟建设48个安置点,完成评审39个,三通一平开工建设36个,已完工17个。"
    )
    doc = extract_document(text, g, as_of="2016-07-15")
    assert "target" in _kinds(doc, 48)
    assert "target" not in _kinds(doc, 39) | _kinds(doc, 36)


def test_a_rate_stated_bare_in_a_profile_is_a_baseline():
    sentence = "全市贫困人口达63.2万人,占全省的9.8%;贫困发生率15.3%,贫困行政村312个,"
    clause = "贫困发生率15.3%,"
    at = sentence.index("15.3")
    kind = classify.kind_of(sentence, clause, at, False, True, None, 2015, clause_after="15.3%,")
    assert kind == "baseline"


def test_a_rate_in_a_paragraph_of_goals_stays_a_target():
    sentence = "贫困发生率3%以下,"
    kind = classify.kind_of(sentence, sentence, 5, False, True, None, 2018, clause_after="3%以下,", intent=True)
    assert kind == "target"


def test_who_may_benefit_is_a_condition_not_a_target(g):
    text = "享受培训补助的对象必须100%是建档立卡贫困户,培训后就业率达到80%以上。"
    doc = extract_document(text, g, as_of="2018-06-01")
    assert "target" not in _kinds(doc, 100) and "target" in _kinds(doc, 80)


def test_money_already_handed_down_in_a_progress_paragraph_is_a_result(g):
    text = (
        "上半年,全省下达中央和省级各类资金520亿元、占计划的61%。实现转移就业64.3万人。"
        "易地搬迁和房屋改造正在大力推进,已下达资金143.2亿元。"
    )
    assert "target" not in _kinds(extract_document(text, g, as_of="2016-08-21"), 14_320_000_000)


def test_a_rate_listed_after_a_level_to_reach_stays_a_target():
    sentence = "贫困人口基本医疗保险参保率达到100%,家庭医生签约服务覆盖率95%。"
    clause = "家庭医生签约服务覆盖率95%。"
    at = sentence.index("95")
    kind = classify.kind_of(sentence, clause, at, False, True, None, 2019, clause_after="95%。")
    assert kind == "target"


def test_one_named_households_story_is_no_figure(g):
    text = "石桥镇柳溪村贫困户陈德明利用3万元小额贷款养鱼、养牛、栽植核桃,预计今年可增收1万余元。"
    assert "target" not in _kinds(extract_document(text, g, as_of="2016-09-01"), 30_000)


def test_a_years_outcome_after_its_plan_is_a_result():
    assert classify.plan_leads("2015年计划硬化村组道路13条")
    assert not classify.plan_leads("2015年计划减贫10万人,全年减贫")
