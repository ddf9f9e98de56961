"""Targets whose indicator the catalogue lacks, read from a verb of setting up that governs them (建立, 组建, 推出,
铺设), like the verbs of building and doing before them.

The sentences are from dev-corpus texts (data/corpus/dev: anhui-2020-consumption-aid-month-plan-trad,
danfeng-2017-employment-five-fives-news-trad), in simplified characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.extract.not_figures import is_new_target
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def test_laying_out_counters_is_a_target(g):
    text = (
        "发布时间:2020-08-28\n省扶贫开发领导小组近日印发《安徽省“消费扶贫月”活动实施方案》,开展9月份“消费扶贫月”活动,"
        "铺设3万台消费扶贫智能专柜,拓展贫困地区扶贫产品销售门路。\n"
    )
    got = [(f.kind, f.period_end, f.value) for f in extract_document(text, g).figures]
    assert ("target", 2020, 30000.0) in got


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("在南京、重庆等地建立大型劳务输出基地", True),
        ("在贫困村组建农民专业合作社", True),
        ("策划推出", True),
        ("已组建", False),  # done already
        ("建立了", False),
        ("与市直", False),
    ],
)
def test_verbs_of_setting_up(before, expected):
    assert is_new_target(before, "个") is expected
