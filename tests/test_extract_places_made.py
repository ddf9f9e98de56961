"""Counts of places a plan makes or changes ("消除全县205个集体经济“空壳村”", "7366个建档立卡贫困村全部建成村级电商
服务站") are targets; the places an action is for or goes to ("到50个贫困县提供科技服务") are not. Real sentences of
dev texts whose names start with a–r (data/corpus/dev, cited by slug), run through the whole extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from tests.extract_support import target_values

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "text,code,as_of,value,end",
    [
        # huishui-2015-shell-villages-clearance-news
        (
            "今年,惠水县按步骤推进集中3年时间消除全县205个集体经济“空壳村”,实现全县村级集体经济全覆盖。",
            "522731",
            "2015-06-26",
            205.0,
            2017,
        ),
        # hebei-2016-ecommerce-stations-plan-news
        (
            "到今年年底,全省62个贫困县全部创建县级电商服务中心,7366个建档立卡贫困村全部建成村级电商服务站。",
            "130000",
            "2016-03-10",
            7366.0,
            2016,
        ),
        # hebei-2016-ecommerce-stations-plan-news, the same sentence
        (
            "到今年年底,全省62个贫困县全部创建县级电商服务中心,7366个建档立卡贫困村全部建成村级电商服务站。",
            "130000",
            "2016-03-10",
            62.0,
            2016,
        ),
    ],
)
def test_places_a_plan_makes_or_changes_are_counted(g, text, code, as_of, value, end):
    doc = extract_document(text, g, region_code=code, as_of=as_of)
    hits = [f for f in doc.figures if f.kind == "target" and f.value == value]
    assert [f.period_end for f in hits] == [end], [f.to_json() for f in doc.figures]


@pytest.mark.parametrize(
    "text,code,as_of,value",
    [
        # guangxi-2014-tech-commissioners-plan-news: the places a service goes to
        ("从2014年至2020年,全区每年选派800名科技特派员到50个贫困县提供科技服务。", "450000", "2014-06-26", 50.0),
        # hebei-2019-drinking-water-upgrade-brief: the places whose works are upgraded
        (
            "将2020年的项目调整到今年实施,对44个贫困县标准偏低、规模偏小的农村供水工程进行改造、配套、升级、联网。",
            "130000",
            "2019-03-26",
            44.0,
        ),
    ],
)
def test_places_an_action_is_for_are_not_counted(g, text, code, as_of, value):
    doc = extract_document(text, g, region_code=code, as_of=as_of)
    assert value not in target_values(doc)
