"""What funds 可带动 / 可为… (can bring about) in a news report is the expected effect of the plan, a target, not a
result already reached. From 中新网's report of 2019-01-10 on 江西's forest-ranger subsidies (data/corpus/dev:
jiangxi-2019-forest-rangers-subsidy-advance-news)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent

NEWS = (
    "发布时间:2019-01-11 来源:中国新闻网\n"
    "中新网南昌1月10日电 江西省林业局10日消息,该省已提前下达2019年建档立卡贫困人口生态护林员补助资金1.4亿元。\n"
    "江西省林业局相关负责人表示,按每人平均补助1万元的标准,补助资金可带动全省近5万贫困人口脱贫。\n"
)


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def test_what_funds_can_bring_about_is_a_target(g):
    got = {(f.kind, f.period_end, f.value, f.comparator) for f in extract_document(NEWS, g).figures}
    assert ("target", 2019, 50000.0, "~") in got


def test_disposable_income_is_no_expected_effect(g):
    text = "发布时间:2019-01-11\n据统计,全省农村居民人均可支配收入达到12000元。"
    kinds = {f.kind for f in extract_document(text, g).figures if f.value == 12000.0}
    assert "target" not in kinds
