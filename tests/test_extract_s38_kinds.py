"""Targets told from results, baselines and criteria (session 38): made-up sentences in the style of the dev
corpus, each with the rule it exercises."""

from __future__ import annotations

from etl.extract import extract_document


def _kinds(doc, value: float) -> set[str]:
    return {f.kind for f in doc.figures if abs(f.value - value) < 1e-6}


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
