"""People a plan's projects will reach (受益/惠及: "约16万农村贫困人口将从中受益", "预计受益人口34.83万人") are
targets of their own (people benefited), not the poor population left. Real sentences of dev texts whose names
start with a–r (data/corpus/dev, cited by slug), run through the whole extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.indicators import indicator_for

ROOT = Path(__file__).resolve().parent.parent


def test_people_who_will_benefit_are_a_target(g):
    # luoyang-2011-whole-village-funds-news
    text = (
        "本报讯 昨日市扶贫开发办透露,今年,我市共争取到国家、省级财政扶贫资金3700万元,连同各部门及县级财政资金"
        "投入8047万元,用于全市74个村的整村推进工作,约16万农村贫困人口将从中受益。"
    )
    doc = extract_document(text, g, region_code="410300", as_of="2011-08-04")
    [f] = [f for f in doc.figures if f.value == 160000.0]
    assert (f.kind, f.indicator, f.period_end, f.comparator) == ("target", "other:people_benefited", 2011, "~")


def test_expected_beneficiaries_of_a_water_plan_and_their_poor_part(g):
    # hebei-2018-drinking-water-investment-plan-trad (traditional script and pinyin as published)
    text = (
        "張家口、承德、保定三市的20個(gè)縣(區(qū))將獲中央預(yù)算內(nèi)投資2.74億元,預(yù)計(jì)受益人口34.83萬(wàn)人,"
        "其中受益的建檔立卡貧困人口9.16萬(wàn)人。"
    )
    doc = extract_document(text, g, region_code="130000", as_of="2018-03-27")
    got = {(f.value, f.period_end) for f in doc.figures if f.kind == "target"}
    assert {(348300.0, 2018), (91600.0, 2018)} <= got


@pytest.mark.parametrize(
    "sentence,number,expected",
    [
        ("约16万农村贫困人口将从中受益", "16万", "other:people_benefited"),
        ("直接惠及40万贫困人口", "40万", "other:people_benefited"),
        ("全年减少农村贫困人口10万人", "10万", "poor_population_reduced"),
    ],
)
def test_beneficiaries_have_their_own_indicator(sentence, number, expected):
    a = sentence.index(number)
    b = a + len(number) + (1 if sentence[a + len(number)] == "人" else 0)
    assert indicator_for(sentence, a, b, "人" if sentence[b - 1] == "人" else "", 0, len(sentence)) == expected
