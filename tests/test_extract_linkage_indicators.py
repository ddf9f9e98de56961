"""The 衔接 (2021–2025 linkage) indicators of data/indicators.csv, and the words the extractor maps to them, on
sentences of real texts, verbatim:
- 人民日报 on 云南's 2022 results and 2023 plans (planner trial, T3 and T5),
  http://paper.people.com.cn/rmrb/html/2023-02/22/nw.D110000renmrb_20230222_4-13.htm;
- data/corpus/dev: fushunxian-2024-income-three-year-plan-annual-targets-trad, henan-2023-income-plan-employment-news,
  daye-2023-work-report-rural-section-news-trad, liaocheng-2022-linkage-funds-allocation-news-trad."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis.indicators import is_additive
from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
LINKAGE = {
    "other:lifted_per_capita_income": ("脱贫人口人均纯收入", "元", False),
    "other:lifted_income_growth": ("脱贫人口人均纯收入增长率", "%", False),
    "other:monitored_households": ("防止返贫监测对象户数", "户", True),
    "other:monitored_people": ("防止返贫监测对象人数", "人", True),
    "other:monitored_risk_eliminated_share": ("监测对象消除返贫风险比例", "%", False),
    "other:linkage_funds_industry_share": ("衔接资金用于产业发展的比例", "%", False),
    "other:poor_labour_employment_scale": ("脱贫劳动力务工规模", "人", True),
}


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def figures(text, g, region_code):
    return extract_document(text, g, possible=True, region_code=region_code).figures


@pytest.mark.parametrize("code", sorted(LINKAGE))
def test_the_catalogue_has_the_linkage_indicators_and_sums_only_counts(code):
    with open(ROOT / "data" / "indicators.csv", encoding="utf-8", newline="") as f:
        row = {r["code"]: r for r in csv.DictReader(f)}[code]
    name_zh, unit, additive = LINKAGE[code]
    assert (row["name_zh"], row["unit"]) == (name_zh, unit)
    assert is_additive(row) is additive  # an income per head or a share is never summed over regions


YUNNAN = (
    "发布时间:2023-02-22\n"
    "本报昆明2月21日电 (记者沈靖然)近日,记者从云南省乡村振兴局长会议上获悉:2022年,云南全省脱贫群众人均纯收入达14147元,"
    "增长15.9%。\n"
    "2022年,云南省“政府救助平台”收到群众申请41.1万件,办结率达96.8%。全省累计识别监测对象25.2万户90.4万人,"
    "68.1%的监测对象已消除返贫风险。\n"
    "据了解,2022年,全省脱贫劳动力实现转移就业344.58万人,其中省外转移就业113.2万人,对133.3万人次脱贫劳动力开展技能培训。"
    "全省脱贫人口和监测对象工资性收入9409元、占66.5%,增幅16.4%。88个脱贫县财政涉农整合资金投入产业比例达58.2%,"
    "新增发放小额信贷81.3亿元。\n"
)


def test_income_of_the_people_lifted_out_is_not_the_poor_populations(g):
    got = {f.value: f.indicator for f in figures(YUNNAN, g, "530000")}
    assert got[14147.0] == "other:lifted_per_capita_income"
    assert got[15.9] == "other:lifted_income_growth"


def test_monitored_households_and_people_and_the_share_out_of_risk(g):
    got = {f.value: (f.indicator, f.kind) for f in figures(YUNNAN, g, "530000")}
    assert got[252000.0][0] == "other:monitored_households"
    assert got[904000.0][0] == "other:monitored_people"
    assert got[68.1][0] == "other:monitored_risk_eliminated_share"
    assert {got[v][1] for v in (252000.0, 904000.0, 68.1)} == {"baseline"}  # 2022's levels, in a 2023 report


def test_the_counties_a_share_is_of_are_no_count_of_counties(g):
    # planner trial T5: "88个脱贫县…比例达58.2%" was read as 88 counties exited
    assert 88.0 not in {f.value for f in figures(YUNNAN, g, "530000")}


def test_income_growth_target_of_the_people_lifted_out(g):
    text = "发布时间:2024-09-13\n1.全县脱贫人口和监测对象人均纯收入增长10%以上。\n"
    (figure,) = [f for f in figures(text, g, "210421") if f.value == 10.0]
    assert (figure.kind, figure.indicator) == ("target", "other:lifted_income_growth")


def test_the_level_of_work_of_people_lifted_out_each_year(g):
    fushun = "發布時間:2024-09-13\n4.全縣脫貧人口和監測對象務工就業規模穩定在75人以上。\n"
    assert [(f.kind, f.indicator) for f in figures(fushun, g, "210421")] == [
        ("target", "other:poor_labour_employment_scale")
    ]
    henan = "发布时间:2023-12-11\n2023-2025年,全省脱贫人口务工规模每年稳定在210万人以上。\n"
    got = [(f.period_end, f.value, f.indicator) for f in figures(henan, g, "410000") if f.kind == "target"]
    assert got == [(year, 2100000.0, "other:poor_labour_employment_scale") for year in (2023, 2024, 2025)]


def test_a_share_of_linkage_funds_is_the_industry_share_only_when_industry_is_named(g):
    # SYNTHETIC sentence: the liaocheng labeller's words for its 81.97% (4個重點縣財政銜接資金占比), the funds' share
    text = "发布时间:2022-06-01\n4个重点县财政衔接资金占比达81.97%。\n"
    shares = [f for f in figures(text, g, "371500") if f.value == 81.97]
    assert shares and all(f.indicator != "other:linkage_funds_industry_share" for f in shares)


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC sentences in the shape of planner trial T17 (「2022年…实现转移就业3.5万人」 in a 2023 plan), whose
        # text the trial did not keep: last year's result, then this year's goal, as ;-parts of one sentence
        "发布时间:2023-03-01\n二、主要目标\n2022年,全县脱贫劳动力实现转移就业3.5万人;2023年,确保脱贫劳动力务工规模稳定在3.6万人以上。\n",
        "2023年巩固拓展脱贫攻坚成果同乡村振兴有效衔接实施方案\n一、工作目标\n"
        "2022年,全县脱贫劳动力务工规模达到3.6万人,实现转移就业3.5万人;2023年,确保务工规模稳定在3.6万人以上。\n",
    ],
)
def test_last_years_result_before_this_years_goal_is_no_target(g, text):
    got = {(f.period_end, f.value, f.kind) for f in figures(text, g, "533423")}
    assert (2022, 35000.0, "actual") in got
    assert (2023, 36000.0, "target") in got
    assert not any(kind == "target" and end == 2022 for end, _, kind in got)
