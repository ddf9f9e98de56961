"""Years of extracted targets read from the dev corpus (session 38, yrs).

Sentences marked "dev" are from dev-corpus texts (data/corpus/dev: guangxi-2012-social-poverty-aid-news-trad,
guizhou-2017-ethnic-villages-plan-news), in simplified characters; the others are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.extract import extract_document
from etl.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "regions.csv")


def _figures(text: str, g: Gazetteer, **kw) -> list[tuple[str, int, int, float, str]]:
    return [
        (f.kind, f.period_start, f.period_end, f.value, f.indicator) for f in extract_document(text, g, **kw).figures
    ]


def test_a_raised_yearly_amount_of_a_five_year_plan_is_a_target_in_every_year(g):  # dev
    text = (
        "两省区政府于2011年11月底签订《“十二五”时期广东广西扶贫协作计划纲要》,进一步深化了两省区扶贫协作领域,"
        "其中广东财政帮扶广西资金从“十一五”时期每年2000万元增加到3500万元。"
    )
    found = _figures(text, g, region_code="450000", as_of="2012-02-07")
    targets = sorted((s, e) for k, s, e, v, code in found if k == "target" and v == 35000000 and code == "funds")
    assert targets == [(y, y) for y in range(2011, 2016)]
    assert not any(k == "target" and v == 20000000 for k, _, _, v, _ in found)  # the old level


def test_the_first_year_of_a_plan_schedule_told_after_it_began_is_a_target(g):  # dev
    text = (
        "12月14日,全省少数民族特色村镇保护与发展工作现场会在贵定县召开。\n"
        "我省共有514个省级少数民族特色村寨,计划“十三五”期间共命名1000个省级少数民族特色村寨。\n"
        "“十三五”以来,以2016年确定的10个示范廊带建设为引领,抓好规划实施;"
        "以每年100个少数民族特色村寨作为重点培育扶持对象,让特色村寨发挥示范作用。"
    )
    found = _figures(text, g, region_code="520000")
    yearly = sorted((s, e, k) for k, s, e, v, _ in found if v == 100)
    assert yearly == [(y, y, "target") for y in range(2016, 2021)]
    assert ("target", 2016, 2020, 1000.0, "other:ethnic_villages") in found
    assert not any(k == "target" and v == 514 for k, _, _, v, _ in found)  # the stock now


def test_a_yearly_pace_all_in_the_past_stays_a_result(g):
    found = _figures("“十二五”期间,全省每年减少贫困人口50万人。", g, region_code="520000", as_of="2016-03-01")
    assert found and all(k == "actual" for k, *_ in found)
    found = _figures("2014年以来,全省每年投入扶贫资金1500万元。", g, region_code="520000", as_of="2017-12-14")
    assert not any(k == "target" for k, *_ in found)
